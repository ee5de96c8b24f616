/** What the widget says about the state: errors (at their field, or in the alert) and notices. */
import { html, nothing, type TemplateResult } from 'lit';
import { policyOf } from '../core/error-policy.js';
import { codeFieldOf, type FlowError } from '../core/flow/phone-flow.js';
import type { Messages } from '../i18n/index.js';
import type { View } from './view.js';

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

/**
 * The alert at the top: only what belongs to no field. On a step with a code input every other error
 * stands at the code row. A profile that could not load says so and why, in one message.
 */
export function alertOf({ state, t, lang }: View): TemplateResult | typeof nothing {
  const { error, step } = state;
  if (!error || error.field || codeFieldOf(step)) return nothing;
  const requestId = policyOf(error.code).requestId && error.cause?.requestId;
  // A setting the host must fix says all in its own sentence; other failures say first what did not load.
  const loadFailed = step === 'unavailable' && !policyOf(error.code).hostMustFix;
  const message = loadFailed ? sentences(lang, [t.unavailable, messageOf(error, t)]) : messageOf(error, t);
  return html`<div class="apm__banner apm__banner--error">
    <span>${message}${requestId ? html` <span class="apm__request-id">${t.requestId(requestId)}</span>` : nothing}</span>
  </div>`;
}

/** Sentences in a row: Chinese and Japanese ones follow each other without a space. */
export const sentences = (lang: string, parts: string[]): string => parts.filter(Boolean).join(/^(zh|ja)/.test(lang) ? '' : ' ');

/**
 * The status at the top: an outcome as a visible confirmation, which the user may close (it also goes
 * by itself after a while). "Code sent" is said by the code input's hint, where focus goes: heard once.
 */
export function noticeOf({ state, t, on, noticeDismissed }: View): TemplateResult | typeof nothing {
  const { notice } = state;
  if (!notice || notice.kind === 'code-sent' || noticeDismissed) return nothing;
  const [tone, text] = notice.kind === 'verify-current-required' ? ['info', t.verifyCurrentRequired] : ['success', t[notice.kind]];
  const close =
    tone === 'success'
      ? html`<button
          type="button"
          part="button dismiss-button"
          class="apm__dismiss"
          aria-label=${t.dismiss}
          @click=${on.dismissNotice}
        ></button>`
      : nothing;
  return html`<div class="apm__banner apm__banner--${tone}"><span>${text}</span>${close}</div>`;
}
