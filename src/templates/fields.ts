/** The pieces every step is made of: heading, buttons, the number field, the code field, the form. */
import { html, noChange, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { codeFieldOf, codePurposeOf, submitsWhenComplete, type CodePurpose, type Field } from '../core/flow/phone-flow.js';
import { CODE_LENGTH, maskPhone } from '../core/phone.js';
import { countryPanel, countryPicker } from './country-picker.js';
import { countryOption } from './countries.js';
import { messageOf } from './messages.js';
import type { View } from './view.js';

/** The step's heading, with "Step 1 of 2" above it in a change. */
export function title({ headingLevel, t }: View, text: string, step?: [number, number]): TemplateResult {
  const level = Math.min(6, Math.max(1, Math.trunc(headingLevel) || 2));
  return html`${step ? html`<p part="step" class="apm__step">${t.stepOf(...step)}</p>` : nothing}
    <div part="title" class="apm__title" role="heading" aria-level=${level} tabindex="-1">${text}</div>`;
}

/**
 * A button's content: its label, or while busy a spinner (and `busyLabel` for screen readers). The
 * labels it may show are stacked invisibly under it (`data-size-*`, drawn by CSS), so its width
 * never changes.
 */
function label(text: string, busy: boolean, busyLabel: string): TemplateResult {
  return busy
    ? html`<span class="apm__spinner" aria-hidden="true"></span><span class="apm__sr-only">${busyLabel}</span>`
    : html`<span>${text}</span>`;
}

export type ButtonKind = 'primary' | 'secondary' | 'danger' | 'danger-solid' | 'text';

export function button(view: View, text: string, onClick: () => void, kind: ButtonKind, name: string, autofocus = false): TemplateResult {
  return html`<button
    type="button"
    part="button ${name}-button"
    class="apm__button apm__button--${kind}"
    aria-disabled=${String(!!view.state.pending)}
    ?data-autofocus=${autofocus}
    @click=${onClick}
  >
    ${text}
  </button>`;
}

export interface FormOptions {
  submitLabel: string;
  /** The submit button's look: the step's one primary action, or the red one that removes the phone. */
  submitKind?: ButtonKind;
  cancellable: boolean;
}

/** A step's form: its content, one main action, then Cancel as a quiet text button. */
export function form(view: View, body: TemplateResult, options: FormOptions): TemplateResult {
  const { t, state, on } = view;
  const working = !!state.pending && state.pending !== 'send-code' && state.pending !== 'load-profile';
  return html`<form class="apm__form" novalidate @submit=${on.submit}>
    ${body}
    <div class="apm__actions">
      <button
        type="submit"
        part="button submit-button"
        class="apm__button apm__button--${options.submitKind ?? 'primary'}"
        aria-disabled=${String(!!state.pending)}
        data-size-a=${options.submitLabel}
      >
        ${label(options.submitLabel, working, t.working)}
      </button>
      ${options.cancellable ? button(view, t.cancel, () => on.intent({ type: 'cancel' }), 'text', 'cancel') : nothing}
    </div>
  </form>`;
}

/** Back to the first step of a change: a quiet link at the top of the second. */
export const backLink = (view: View): TemplateResult =>
  html`<button type="button" part="button back-button" class="apm__link apm__back" @click=${() => view.on.intent({ type: 'back' })}>
    ${view.t.back}
  </button>`;

export function sendButton(view: View, purpose: CodePurpose, first: boolean): TemplateResult {
  const { t, state, on } = view;
  const seconds = view.cooldown(purpose);
  const sending = state.pending === 'send-code';
  return html`<button
    type="button"
    part="button send-button"
    class="apm__button apm__button--secondary apm__send"
    aria-disabled=${String(!!state.pending || seconds > 0)}
    ?data-autofocus=${first}
    data-size-a=${t.sendCode}
    data-size-b=${t.resendIn(60)}
    @click=${() => on.intent({ type: 'send-code' })}
  >
    ${label(seconds > 0 ? t.resendIn(seconds) : t.sendCode, sending, t.sending)}
  </button>`;
}

/** The message line under a field: its error, else its hint (which may be empty). */
function fieldMessage(view: View, field: Field, hint: string): TemplateResult {
  const { state, t } = view;
  const error = state.error?.field === field ? state.error : undefined;
  const id = `${field}-message`;
  return error
    ? html`<p part="field-error error-${field}" class="apm__field-error" id=${id}>
        ${messageOf(error, t, state.options.codeLength)}${error.suggestedCountry ? countrySuggestion(view, error.suggestedCountry) : nothing}
      </p>`
    : html`<p part="hint" class="apm__hint" id=${id}>${hint}</p>`;
}

/** "This looks like a mainland China number. [Use +86]": one press picks the country the number fits. */
function countrySuggestion(view: View, iso: string): TemplateResult | typeof nothing {
  const option = countryOption(view.lang, view.t.regions, iso);
  if (!option) return nothing;
  // Picks the country and goes back to the number, where Enter sends the code.
  const pick = (event: Event) => {
    view.on.intent({ type: 'edit', field: 'country', value: iso });
    ((event.currentTarget as HTMLElement).getRootNode() as ShadowRoot).querySelector<HTMLElement>('[part~="phone-input"]')?.focus();
  };
  // Chinese and Japanese sentences follow each other without a space.
  const gap = /^(zh|ja)/.test(view.lang) ? '' : ' ';
  const label = view.t.useCallingCode(`+${option.callingCode}`);
  // On one line, unformatted: white space inside the button would read as a space after the sentence.
  // prettier-ignore
  return html`${gap}${view.t.looksLikeCountry(iso, option.name)}${gap}<button type="button" part="button suggest-button" class="apm__link" @click=${pick}>${label}</button>`;
}

/** The new number: the country prefix (a searchable combobox) attached to the number input. */
export function phoneField(view: View, text: string): TemplateResult {
  const { state, on } = view;
  const { draft, pending } = state;
  const invalid = state.error?.field === 'phone';
  return html`<div class="apm__field">
    <label part="label" for="phone">${text}</label>
    <div class="apm__tel-wrap">
      <div class="apm__tel" ?data-invalid=${invalid}>
        ${countryPicker(view)}
        <input
          part="phone-input"
          id="phone"
          name="phone"
          data-field="phoneNumber"
          data-error-field="phone"
          data-autofocus
          type="tel"
          inputmode="tel"
          autocomplete="tel-national"
          maxlength="40"
          .value=${view.composing ? noChange : live(draft.phoneNumber)}
          ?readonly=${!!pending}
          aria-invalid=${String(invalid)}
          aria-describedby="phone-message"
          @input=${on.input}
          @compositionstart=${on.compositionStart}
          @compositionend=${on.input}
        />
      </div>
      ${view.picker.open ? countryPanel(view) : nothing}
    </div>
    ${fieldMessage(view, 'phone', '')}
  </div>`;
}

/**
 * The step's code input and, beside it, the button that sends its code (`first`: the step's first
 * control). Only digits go in; the hint says how long the code is, and whether a complete code is
 * checked at once (WCAG 3.2.2).
 */
export function codeField(view: View, { first = false } = {}): TemplateResult {
  const { t, state, on } = view;
  const field = codeFieldOf(state.step)!;
  const purpose = codePurposeOf(state.step)!;
  const invalid = state.error?.field === field;
  const length = state.options.codeLength;
  const sentences = [
    state.notice?.kind === 'code-sent' ? t.codeSent(maskPhone(state.notice.phone)) : '',
    t.codeHint(length),
    // Only a known length makes a code complete; without it the button submits.
    length && submitsWhenComplete(state.step) ? t.submitsWhenComplete : '',
  ];
  // Chinese and Japanese sentences follow each other without a space.
  const hint = state.nonDigitsDropped === field ? t.digitsOnly : sentences.filter(Boolean).join(/^(zh|ja)/.test(view.lang) ? '' : ' ');
  return html`<div class="apm__field">
    <label part="label" for="code">${t.code}</label>
    <div class="apm__code-row">
      <input
        part="code-input"
        id="code"
        name="code"
        class="apm__code"
        data-len=${length ?? CODE_LENGTH.usual}
        data-field=${field}
        data-error-field=${field}
        data-purpose=${purpose}
        type="text"
        inputmode="numeric"
        pattern="[0-9]*"
        autocomplete="one-time-code"
        autocapitalize="off"
        spellcheck="false"
        .value=${view.composing ? noChange : live(state.draft[field])}
        ?readonly=${!!state.pending}
        aria-invalid=${String(invalid)}
        aria-describedby="${field}-message"
        @input=${on.input}
        @compositionstart=${on.compositionStart}
        @compositionend=${on.input}
      />
      ${sendButton(view, purpose, first)}
    </div>
    ${fieldMessage(view, field, hint)}
  </div>`;
}
