/** The pieces every step is made of: heading, buttons, the number field, the code field, the form. */
import { html, noChange, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { codeFieldOf, codePurposeOf, submitsWhenComplete, type CodePurpose, type Field, type FlowError } from '../core/flow/phone-flow.js';
import { CODE_LENGTH, maskPhone } from '../core/phone.js';
import { countryPanel, countryPicker } from './country-picker.js';
import { countryOption } from '../i18n/countries.js';
import { messageOf } from '../i18n/message-choice.js';
import { requestIdOf } from './messages.js';
import type { View } from './view.js';

/** The step's heading, with "Step 1 of 2" above it in a change. */
export function title({ headingLevel, hideHeading, t }: View, text: string, step?: [number, number]): TemplateResult {
  const level = Math.min(6, Math.max(1, Math.trunc(headingLevel) || 2));
  // Hidden (`hide-heading`): the host's page names the section; screen readers still hear the step.
  const hidden = hideHeading ? ' apm__sr-only' : '';
  return html`${step ? html`<p part="step" class="apm__step${hidden}">${t.stepOf(...step)}</p>` : nothing}
    <div part="title" class="apm__title${hidden}" role="heading" aria-level=${level} tabindex="-1">${text}</div>`;
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

export type ButtonKind = 'primary' | 'secondary' | 'quiet-danger' | 'danger-solid' | 'text';

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

/** Cancel: a flow goes back to the overview; the row layout's bind form closes back to its row. */
const cancel = ({ state, on }: View): void => (state.step === 'bind' ? on.openRow(false) : on.intent({ type: 'cancel' }));

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
      ${options.cancellable ? button(view, t.cancel, () => cancel(view), 'text', 'cancel') : nothing}
    </div>
  </form>`;
}

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

/**
 * The error a field shows: its own, or on a step with a code input, one about no field (a failed send,
 * a refused pair of codes, the network): it stands at the code row, next to the button that caused it.
 */
export function errorAt(state: View['state'], field: Field): FlowError | undefined {
  const { error } = state;
  if (!error) return undefined;
  if (error.field) return error.field === field ? error : undefined;
  return codeFieldOf(state.step) === field ? error : undefined;
}

/**
 * The message line under a field: its error, else its hint (which may be empty). An error the field
 * got without focus moving to it (a failed send, say) is an alert, so it is heard where focus stays.
 */
function fieldMessage(view: View, field: Field, hint: string): TemplateResult {
  const { state, t } = view;
  const error = errorAt(state, field);
  const id = `${field}-message`;
  if (!error) return html`<p part="hint" class="apm__hint" id=${id}>${hint}</p>`;
  return html`<p part="field-error error-${field}" class="apm__field-error" id=${id} role=${error.field ? nothing : 'alert'}>
    ${messageOf(error, t, state.options.codeLength)}${error.suggestedCountry ? countrySuggestion(view, error.suggestedCountry) : nothing}${requestIdOf(error, t)}
  </p>`;
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
  const gap = view.t.sentenceSeparator;
  const label = view.t.useCallingCode(`+${option.callingCode}`);
  // On one line, unformatted: white space inside the button would read as a space after the sentence.
  // prettier-ignore
  return html`${gap}${view.t.looksLikeCountry(iso, option.name)}${gap}<button type="button" part="button suggest-button" class="apm__link" @click=${pick}>${label}</button>`;
}

/** The new number: the country prefix (a searchable combobox) attached to the number input. */
export function phoneField(view: View, text: string): TemplateResult {
  const { state, on, t } = view;
  const { draft, pending } = state;
  const invalid = !!errorAt(state, 'phone');
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
          placeholder=${t.phonePlaceholder}
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

/** The code's hint: one instruction for the state the field is in, and what a complete code does. */
function codeHintOf(view: View, field: 'code' | 'currentCode'): string {
  const { t, state } = view;
  if (state.nonDigitsDropped === field) return t.digitsOnly;
  const sent = state.notice?.kind === 'code-sent' ? state.notice.phone : undefined;
  const length = state.options.codeLength;
  // A change's first step checks nothing: both codes are confirmed on the second. Only a known length
  // makes a code complete: without it the button submits, and the hint names no digit count.
  const then = state.step === 'change-current' ? 'next-step' : length && submitsWhenComplete(state.step) ? 'submits' : 'none';
  return sent ? t.codeSent(maskPhone(sent), then) : t.codeHint(length, then);
}

/**
 * The step's code input with the button that sends its code attached at its end (`first`: the step's
 * first control). Only digits go in; the hint says how long the code is, where it went, and whether a
 * complete code is checked at once (WCAG 3.2.2). Its two lines are kept, so a sent code moves nothing.
 */
export function codeField(view: View, { first = false } = {}): TemplateResult {
  const { t, state, on } = view;
  const field = codeFieldOf(state.step)!;
  const purpose = codePurposeOf(state.step)!;
  const invalid = !!errorAt(state, field);
  const length = state.options.codeLength;
  return html`<div class="apm__field">
    <label part="label" for="code">${t.code}</label>
    <div class="apm__code-row" ?data-invalid=${invalid}>
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
        placeholder=${t.codePlaceholder}
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
    ${fieldMessage(view, field, codeHintOf(view, field))}
  </div>`;
}
