/** The whole widget: the step on screen, then one status and one alert region. */
import { html, nothing, type TemplateResult } from 'lit';
import { policyOf } from '../core/error-policy.js';
import type { FlowError, Step } from '../core/flow/phone-flow.js';
import { maskPhone } from '../core/phone.js';
import type { Messages } from '../i18n/index.js';
import { bind } from './bind.js';
import { changeCurrent, changeNew } from './change.js';
import { loading, overview, unavailable } from './overview.js';
import { unbindCode, unbindConfirm } from './unbind.js';
import type { View } from './view.js';

const STEPS: Record<Step, (view: View) => TemplateResult> = {
  loading,
  unavailable,
  overview,
  bind,
  'change-current': changeCurrent,
  'change-new': changeNew,
  'unbind-confirm': unbindConfirm,
  'unbind-code': unbindCode,
};

export const widget = (view: View): TemplateResult => html`
  <section part="base" class="apm" aria-busy=${String(!!view.state.pending)}>
    ${STEPS[view.state.step](view)}
    <p part="status" class="apm__status" role="status">${notice(view)}</p>
    <p part="error" class="apm__error" id="error" role="alert">${error(view)}</p>
  </section>
`;

function notice({ t, state }: View): string {
  const { notice } = state;
  if (!notice) return '';
  switch (notice.kind) {
    case 'code-sent':
      return t.codeSent(maskPhone(notice.phone));
    case 'verify-current-required':
      return t.verifyCurrentRequired;
    default:
      return t[notice.kind];
  }
}

function error({ t, state }: View): TemplateResult | string {
  const { error } = state;
  if (!error) return '';
  const requestId = policyOf(error.code).requestId && error.cause?.requestId;
  return html`${messageOf(error, t)}${requestId ? html` <span class="apm__request-id">${t.requestId(requestId)}</span>` : nothing}`;
}

/** The words for an error: the catalog's, or the server's where the policy says they say more. */
export function messageOf({ code, cause, eitherOfTwoCodes, codesSpent }: FlowError, t: Messages): string {
  if (eitherOfTwoCodes) return code === 'CODE_EXPIRED' ? t.twoCodesExpired : t.twoCodesInvalid;
  // A business answer (statusCode below 500) in the requested language; a 5xx's words are no help.
  const serverSaid = cause?.message && cause.statusCode !== undefined && cause.statusCode < 500;
  const message = policyOf(code).serverWords && serverSaid ? cause.message : t.errors[code];
  return codesSpent ? `${message} ${t.newCodesNeeded}` : message;
}
