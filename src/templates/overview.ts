/** The resting steps: loading, the profile that could not load, and the bound number. */
import { html, nothing, type TemplateResult } from 'lit';
import { policyOf } from '../core/error-policy.js';
import { maskPhone } from '../core/phone.js';
import { button, title } from './fields.js';
import type { View } from './view.js';

/** Loading: a skeleton of the overview's size, so nothing jumps when it arrives. Signed out: a line. */
export const loading = ({ t, signedIn }: View): TemplateResult =>
  signedIn
    ? html`<div class="apm__skeleton" aria-hidden="true">
          <span class="apm__bone apm__bone--title"></span><span class="apm__bone apm__bone--line"></span>
          <span class="apm__bone-row"
            ><span class="apm__bone apm__bone--button"></span><span class="apm__bone apm__bone--button"></span
          ></span>
        </div>
        <p class="apm__sr-only">${t.loading}</p>`
    : html`<p class="apm__muted">${t.signedOut}</p>`;

export function unavailable(view: View): TemplateResult {
  const { t, state, on } = view;
  // A setting the host must fix: trying again cannot help.
  const retry =
    state.error && policyOf(state.error.code).hostMustFix
      ? nothing
      : html`<div class="apm__actions">
          <button type="button" part="button retry-button" class="apm__button apm__button--secondary" data-autofocus @click=${on.retry}>
            ${t.retry}
          </button>
        </div>`;
  return html`${title(view, t.title)}
    <p class="apm__muted">${t.unavailable}</p>
    ${retry}`;
}

export function overview(view: View): TemplateResult {
  const { t, state, on } = view;
  const { phone, phoneVerified, hasOtherLoginMethod } = state.account;
  return html`${title(view, t.title)}
    <p class="apm__current">
      <span class="apm__sr-only">${t.currentPhone}</span>
      <span part="phone" class="apm__phone">${phone ? maskPhone(phone) : ''}</span>
      ${phoneVerified ? html`<span part="badge" class="apm__badge">${t.verified}</span>` : nothing}
    </p>
    ${hasOtherLoginMethod ? nothing : html`<p class="apm__muted">${t.onlyLoginMethod}</p>`}
    <div class="apm__actions">
      ${button(view, t.change, () => on.intent({ type: 'start', flow: 'change' }), 'secondary', 'change', true)}
      ${hasOtherLoginMethod ? button(view, t.unbind, () => on.intent({ type: 'start', flow: 'unbind' }), 'danger', 'unbind') : nothing}
    </div>`;
}
