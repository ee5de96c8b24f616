/** What the widget says about the state: errors (at their field, or in the alert) and notices. */
import { html, nothing, type TemplateResult } from 'lit';
import { policyOf } from '../core/error-policy.js';
import type { FlowError, FlowState } from '../core/flow/phone-flow.js';
import { maskPhone } from '../core/phone.js';
import type { Messages } from '../i18n/index.js';

/** The words for an error: the catalog's, or the server's where the policy says they say more. */
export function messageOf({ code, cause, field, eitherOfTwoCodes, codesSpent }: FlowError, t: Messages, codeLength?: number): string {
  if (eitherOfTwoCodes) return code === 'CODE_EXPIRED' ? t.twoCodesExpired : t.twoCodesInvalid;
  if (code === 'CODE_NOT_SENT' && field === 'currentCode') return t.currentCodeNotSent;
  if (code === 'CODE_REQUIRED' && codeLength) return t.enterCode(codeLength);
  // Authing's 2001 is "wrong code" in its V2 list and "code expired" in Guard's map: say both, and the way out.
  if (code === 'CODE_INVALID' && cause) return t.codeRefused;
  // A business answer (statusCode below 500) in the requested language; a 5xx's words are no help.
  const serverSaid = cause?.message && cause.statusCode !== undefined && cause.statusCode < 500;
  // The server's words are isolated (FSI … PDI): a right-to-left override in them cannot mirror ours.
  const message = policyOf(code).serverWords && serverSaid ? `\u2068${cause.message}\u2069` : t.errors[code];
  return codesSpent ? `${message} ${t.newCodesNeeded}` : message;
}

/** The alert at the top: errors that are about no field (those stand under their field). */
export function alertOf({ error }: FlowState, t: Messages): TemplateResult | typeof nothing {
  if (!error || error.field) return nothing;
  const requestId = policyOf(error.code).requestId && error.cause?.requestId;
  return html`<div class="apm__banner apm__banner--error">
    <span>${messageOf(error, t)}${requestId ? html` <span class="apm__request-id">${t.requestId(requestId)}</span>` : nothing}</span>
  </div>`;
}

/**
 * The status at the top: an outcome as a visible confirmation; "code sent" is shown beside the
 * code input and only heard from here.
 */
export function noticeOf({ notice }: FlowState, t: Messages): TemplateResult | typeof nothing {
  if (!notice) return nothing;
  if (notice.kind === 'code-sent') return html`<span class="apm__sr-only">${t.codeSent(maskPhone(notice.phone))}</span>`;
  const [tone, text] = notice.kind === 'verify-current-required' ? ['info', t.verifyCurrentRequired] : ['success', t[notice.kind]];
  return html`<div class="apm__banner apm__banner--${tone}"><span>${text}</span></div>`;
}
