/** The pieces every step is made of: title, buttons, the number row, the code field, the form. */
import { html, nothing, type TemplateResult } from 'lit';
import type { CodePurpose } from '../core/flow/phone-flow.js';
import { CODE_LENGTH } from '../core/phone.js';
import { countryOptions } from './countries.js';
import type { View } from './view.js';

export function title({ headingLevel }: View, text: string): TemplateResult {
  const level = Math.min(6, Math.max(1, Math.trunc(headingLevel) || 2));
  return html`<div part="title" class="apm__title" role="heading" aria-level=${level} tabindex="-1">${text}</div>`;
}

export function button(
  view: View,
  label: string,
  onClick: () => void,
  kind: 'secondary' | 'danger',
  name: string,
  autofocus = false,
): TemplateResult {
  return html`<button
    type="button"
    part="button ${name}-button"
    class="apm__button apm__button--${kind}"
    aria-disabled=${String(!!view.state.pending)}
    ?data-autofocus=${autofocus}
    @click=${onClick}
  >
    ${label}
  </button>`;
}

export interface FormOptions {
  title: string;
  submitLabel: string;
  cancellable: boolean;
  back?: boolean;
}

export function form(view: View, body: TemplateResult, options: FormOptions): TemplateResult {
  const { t, state, on } = view;
  const working = state.pending && state.pending !== 'send-code' && state.pending !== 'load-profile';
  return html`<form class="apm__form" novalidate @submit=${on.submit}>
    ${title(view, options.title)} ${body}
    <div class="apm__actions">
      <button type="submit" part="button submit-button" class="apm__button apm__button--primary" aria-disabled=${String(!!state.pending)}>
        ${working ? t.working : options.submitLabel}
      </button>
      ${options.back ? button(view, t.back, () => on.intent({ type: 'back' }), 'secondary', 'back') : nothing}
      ${options.cancellable ? button(view, t.cancel, () => on.intent({ type: 'cancel' }), 'secondary', 'cancel') : nothing}
    </div>
  </form>`;
}

export function sendButton(view: View, purpose: CodePurpose): TemplateResult {
  const { t, state, on } = view;
  const seconds = view.cooldown(purpose);
  const first = purpose === 'change-current' || purpose === 'unbind';
  return html`<button
    type="button"
    part="button send-button"
    class="apm__button apm__button--secondary apm__send"
    aria-disabled=${String(!!state.pending || seconds > 0)}
    ?data-autofocus=${first}
    @click=${() => on.intent({ type: 'send-code' })}
  >
    ${state.pending === 'send-code' ? t.sending : seconds > 0 ? t.resendIn(seconds) : t.sendCode}
  </button>`;
}

/** Country, number and Send code: a new number (bind, change). */
export function phoneRow(view: View, label: string, purpose: CodePurpose): TemplateResult {
  const { t, state, on, lang } = view;
  const { draft, pending } = state;
  const invalid = state.error?.field === 'phone';
  return html`<div class="apm__row">
    <label class="apm__field apm__field--country">
      <span part="label">${t.country}</span>
      <select
        part="country-select"
        name="country"
        data-field="country"
        autocomplete="tel-country-code"
        ?disabled=${!!pending}
        aria-invalid=${String(invalid)}
        @change=${on.input}
      >
        ${countryOptions(lang, state.options.allowedCountries).map(
          (c) => html`<option value=${c.iso} ?selected=${c.iso === draft.country}>${c.label}</option>`,
        )}
      </select>
    </label>
    <label class="apm__field apm__field--grow">
      <span part="label">${label}</span>
      <input
        part="phone-input"
        name="phone"
        data-field="phoneNumber"
        data-error-field="phone"
        data-autofocus
        type="tel"
        inputmode="tel"
        autocomplete="tel-national"
        maxlength="24"
        .value=${draft.phoneNumber}
        ?readonly=${!!pending}
        aria-invalid=${String(invalid)}
        aria-describedby=${invalid ? 'error' : nothing}
        @input=${on.input}
      />
    </label>
    ${sendButton(view, purpose)}
  </div>`;
}

export function codeField(view: View, field: 'code' | 'currentCode', purpose: CodePurpose): TemplateResult {
  const { t, state, on } = view;
  const invalid = state.error?.field === field;
  const length = state.options.codeLength;
  return html`<label class="apm__field">
    <span part="label">${t.code}</span>
    <input
      part="code-input"
      name="code"
      data-field=${field}
      data-error-field=${field}
      data-purpose=${purpose}
      type="text"
      inputmode="numeric"
      autocomplete="one-time-code"
      maxlength=${length ?? CODE_LENGTH.max}
      autocapitalize="off"
      spellcheck="false"
      .value=${state.draft[field]}
      ?readonly=${!!state.pending}
      aria-invalid=${String(invalid)}
      aria-describedby=${invalid ? 'error code-hint' : 'code-hint'}
      @input=${on.input}
    />
    <span part="hint" class="apm__hint" id="code-hint">${t.codeHint(length ?? CODE_LENGTH.usual)}</span>
  </label>`;
}
