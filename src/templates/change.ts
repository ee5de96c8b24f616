import { html, nothing, type TemplateResult } from 'lit';
import { maskPhone } from '../core/phone.js';
import { codeField, form, phoneField, title } from './fields.js';
import type { View } from './view.js';

const current = ({ state }: View) => (state.account.phone ? maskPhone(state.account.phone) : '');

/** Change, first step: a code to the current number (and, if the host offers one, a way out). */
export function changeCurrent(view: View): TemplateResult {
  const { t, on } = view;
  const recovery = view.offerRecovery
    ? html`<button type="button" part="button recovery-button" class="apm__link" @click=${on.recovery}>${t.recovery}</button>`
    : nothing;
  return form(
    view,
    html`${title(view, t.changeTitle, [1, 2])}
      <p class="apm__muted">${t.changeCurrentIntro(current(view))}</p>
      ${codeField(view, { first: true })} ${recovery}`,
    { submitLabel: t.continue, cancellable: true },
  );
}

/**
 * Change, second step: the new number and its code. With a first step, its code stays in sight as one
 * plain line with Edit (the only way back), so either code can be fixed without retyping the other.
 * When Authing refused the pair, that line is marked too: either code may be the wrong one.
 */
export function changeNew(view: View): TemplateResult {
  const { t, state, on } = view;
  const twoSteps = state.options.verifyCurrent;
  const either = !!state.error?.eitherOfTwoCodes;
  const summary = twoSteps
    ? html`<p class="apm__summary" part="current-code" ?data-invalid=${either}>
        <span>${t.currentCodeEntered}</span>
        <button type="button" part="button edit-button" class="apm__link" @click=${() => on.intent({ type: 'back' })}>
          ${t.edit}<span class="apm__sr-only"> ${t.codeFor(current(view))}</span>
        </button>
      </p>`
    : nothing;
  return form(
    view,
    html`${title(view, t.changeTitle, twoSteps ? [2, 2] : undefined)} ${summary}
      <p class="apm__muted">${t.changeNewIntro}</p>
      ${phoneField(view, t.newPhoneNumber)} ${codeField(view)}`,
    { submitLabel: t.confirmChange, cancellable: true },
  );
}
