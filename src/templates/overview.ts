/** The resting steps: loading, the profile that could not load, and the bound number. */
import { html, nothing, type TemplateResult } from 'lit';
import { policyOf } from '../core/error-policy.js';
import { canUnbind } from '../core/flow/phone-flow.js';
import { maskPhone } from '../core/phone.js';
import { button, title } from './fields.js';
import type { View } from './view.js';

/**
 * Loading: a skeleton of the step that most often follows (the overview, or in the row layout one
 * row), so nothing jumps when it arrives. Signed out: a line.
 */
export const loading = ({ t, signedIn, layout }: View): TemplateResult =>
  signedIn
    ? html`${
          layout === 'row'
            ? html`<div class="apm__skeleton apm__skeleton--row" aria-hidden="true">
                <span><span class="apm__bone apm__bone--title"></span><span class="apm__bone apm__bone--line"></span></span>
                <span class="apm__bone apm__bone--button"></span>
              </div>`
            : html`<div class="apm__skeleton" aria-hidden="true">
                <span class="apm__bone apm__bone--title"></span><span class="apm__bone apm__bone--line"></span>
                <span class="apm__bone-row"
                  ><span class="apm__bone apm__bone--button"></span><span class="apm__bone apm__bone--button"></span
                ></span>
              </div>`
        }
        <p class="apm__sr-only">${t.loading}</p>`
    : html`<p class="apm__muted">${t.signedOut}</p>`;

/** The profile could not load: the alert above says why, once; here only the way to try again. */
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
  return html`${title(view, t.title)} ${state.error ? nothing : html`<p class="apm__muted">${t.unavailable}</p>`} ${retry}`;
}

/** The masked number and its badge, or "Not set". */
const currentNumber = ({ t, state }: View): TemplateResult => {
  const { phone, phoneVerified } = state.account;
  return phone
    ? html`<span class="apm__sr-only">${t.currentPhone}</span>
        <span part="phone" class="apm__phone">${maskPhone(phone)}</span>
        ${phoneVerified ? html`<span part="badge" class="apm__badge">${t.verified}</span>` : nothing}`
    : html`<span part="phone" class="apm__muted">${t.notSet}</span>`;
};

/** Change, and Remove as a quiet action: removing is rarer, and never the loudest thing on a settings page. */
function actions(view: View): TemplateResult {
  const { t, state, on } = view;
  return html`${button(view, t.change, () => on.intent({ type: 'start', flow: 'change' }), 'secondary', 'change', true)}
  ${canUnbind(state) ? button(view, t.unbind, () => on.intent({ type: 'start', flow: 'unbind' }), 'quiet-danger', 'unbind') : nothing}`;
}

/** Why there is no Remove: once. After a refused removal the alert says it, so this line does not. */
const onlyLoginMethod = ({ t, state }: View, style: string): TemplateResult | typeof nothing =>
  state.account.hasOtherLoginMethod || state.error?.code === 'LAST_LOGIN_METHOD'
    ? nothing
    : html`<p class=${style}>${t.onlyLoginMethod}</p>`;

/** The bound number, Change and Remove. */
export function overview(view: View): TemplateResult {
  const { t } = view;
  if (view.layout === 'row') return row(view);
  return html`${title(view, t.title)}
    <p class="apm__current">${currentNumber(view)}</p>
    ${onlyLoginMethod(view, 'apm__muted')}
    <div class="apm__actions">${actions(view)}</div>`;
}

/**
 * The row layout at rest: one line as the other items of a settings page ("Phone number · 139****5678 ·
 * Change"); with no phone, "Not set · Add", which opens the bind form in place.
 */
export function row(view: View): TemplateResult {
  const { t, state, on } = view;
  const bound = !!state.account.phone;
  return html`<div class="apm__row">
      <div class="apm__row-text">
        ${title(view, t.title)}
        <p class="apm__current">${currentNumber(view)}</p>
      </div>
      <div class="apm__row-actions">${bound ? actions(view) : button(view, t.add, () => on.openRow(true), 'secondary', 'add', true)}</div>
    </div>
    ${bound ? onlyLoginMethod(view, 'apm__hint') : nothing}`;
}
