/** What the widget says about the state: errors (at their field, or in the alert) and notices. The words
 * themselves are chosen in src/i18n/message-choice.ts. */
import { html, nothing, type TemplateResult } from 'lit';
import { policyOf } from '../core/error-policy.js';
import { codeFieldOf, outcomeOf, type FlowError } from '../core/flow/phone-flow.js';
import type { Messages } from '../i18n/messages.js';
import { messageOf, sentences } from '../i18n/message-choice.js';
import type { View } from './view.js';

/**
 * The request id after an error's words, for support: only where the policy shows it. The space before
 * it is the catalog's (none in Chinese and Japanese), not template text, which the minifier trims.
 */
export const requestIdOf = (error: FlowError, t: Messages): TemplateResult | typeof nothing => {
  const id = policyOf(error.code).requestId && error.cause?.requestId;
  return id ? html`<span class="apm__request-id">${t.sentenceSeparator}${t.requestId(id)}</span>` : nothing;
};

/**
 * The alert at the top: only what belongs to no field. On a step with a code input every other error
 * stands at the code row. A profile that could not load says so and why, in one message.
 */
export function alertOf({ state, t }: View): TemplateResult | typeof nothing {
  const { error, step } = state;
  if (!error || error.field || codeFieldOf(step)) return nothing;
  // A setting the host must fix says all in its own sentence; other failures say first what did not load.
  const loadFailed = step === 'unavailable' && !policyOf(error.code).hostMustFix;
  const message = loadFailed ? sentences(t, t.unavailable, messageOf(error, t)) : messageOf(error, t);
  return html`<div class="apm__banner apm__banner--error">
    <span>${message}${requestIdOf(error, t)}</span>
  </div>`;
}

/**
 * The status at the top: an outcome as a visible confirmation, which the user may close (it also goes
 * by itself after a while). "Code sent" is said by the code input's hint, where focus goes: heard once.
 */
export function noticeOf({ state, t, on, noticeDismissed }: View): TemplateResult | typeof nothing {
  const outcome = outcomeOf(state);
  const info = state.notice?.kind === 'verify-current-required';
  if ((!outcome && !info) || noticeDismissed) return nothing;
  const close = outcome
    ? html`<button
        type="button"
        part="button dismiss-button"
        class="apm__dismiss"
        aria-label=${t.dismiss}
        @click=${on.dismissNotice}
      ></button>`
    : nothing;
  return html`<div class="apm__banner apm__banner--${outcome ? 'success' : 'info'}">
    <span>${outcome ? t[outcome.kind] : t.verifyCurrentRequired}</span>${close}
  </div>`;
}
