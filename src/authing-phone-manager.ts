import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { createAuthingClient, DEFAULT_TIMEOUT_MS } from './core/api/client.js';
import type { PhoneApi } from './core/api/types.js';
import { isAborted, PhoneManagerError } from './core/errors.js';
import * as flow from './core/flow/phone-flow.js';
import type { CodePurpose, Effect, Field, FlowError, FlowState, Outcome, Transition } from './core/flow/phone-flow.js';
import { countries, countryOf, flagOf, maskPhone, parseCode, samePhone, type PhoneNumber } from './core/phone.js';
import { CountdownController } from './controllers/countdown-controller.js';
import { LocaleController, type MessageOverrides } from './controllers/locale-controller.js';
import { WebOtpController } from './controllers/web-otp-controller.js';
import {
  AuthingCodeSentEvent,
  AuthingErrorEvent,
  AuthingPhoneBoundEvent,
  AuthingPhoneChangedEvent,
  AuthingPhoneUnboundEvent,
  AuthingProfileLoadedEvent,
  type Action,
} from './events.js';
import { styles } from './authing-phone-manager.styles.js';

/** Seconds before another code may go to the same number: Authing's limit is one per minute. */
export const RESEND_SECONDS = 60;
/** Code length that submits by itself when `code-length` is not set. */
const USUAL_CODE_LENGTH = 6;

const listOf = (value: string | null): string[] =>
  (value ?? '').split(/[\s,]+/).filter(Boolean).map((iso) => iso.toUpperCase());

/**
 * Lets a signed-in user bind, change and unbind the phone number of their Authing account.
 *
 * @summary Phone number management for an Authing account.
 * @tag authing-phone-manager
 *
 * @fires {AuthingProfileLoadedEvent} authing-profile-loaded - The profile loaded. detail: `{ phoneNumber?, phoneCountryCode?, canUnbind }`.
 * @fires {AuthingCodeSentEvent} authing-code-sent - An SMS code was sent. detail: `{ purpose, phoneNumber, phoneCountryCode }`.
 * @fires {AuthingPhoneBoundEvent} authing-phone-bound - A phone was bound. detail: `{ phoneNumber, phoneCountryCode }`.
 * @fires {AuthingPhoneChangedEvent} authing-phone-changed - The phone was changed. detail: `{ phoneNumber, phoneCountryCode, previousPhoneNumber, previousPhoneCountryCode }`.
 * @fires {AuthingPhoneUnboundEvent} authing-phone-unbound - The phone was removed. detail: `{ previousPhoneNumber, previousPhoneCountryCode }`.
 * @fires {AuthingErrorEvent} authing-error - A request failed. detail: `{ action, code, message, statusCode?, apiCode?, requestId? }`.
 *
 * @csspart base - The outer wrapper.
 * @csspart title - The heading of the current step.
 * @csspart phone - The masked current number.
 * @csspart country-select - The country or region of a new number.
 * @csspart phone-input - The phone number input.
 * @csspart code-input - The SMS code input.
 * @csspart button - Every button.
 * @csspart send-button - Send code / resend countdown.
 * @csspart submit-button - The step's main button.
 * @csspart change-button - Starts a change.
 * @csspart unbind-button - Starts removing the phone.
 * @csspart cancel-button - Leaves a flow.
 * @csspart back-button - Back to the current number's code.
 * @csspart retry-button - Loads the profile again after a failure.
 * @csspart label - A field's label text.
 * @csspart hint - The code input's hint.
 * @csspart status - Polite status messages.
 * @csspart error - Error messages.
 *
 * @cssprop [--authing-color-primary=#1d4ed8] - Buttons, links and focus rings (dark theme: #93c5fd).
 * @cssprop [--authing-color-on-primary=#ffffff] - Text on the primary button (dark: #0b1220).
 * @cssprop [--authing-color-danger=#b91c1c] - Errors and the remove action (dark: #fca5a5).
 * @cssprop [--authing-color-text=inherit] - Text (dark: #e5e7eb).
 * @cssprop [--authing-color-muted=#4b5563] - Secondary text (dark: #b6bcc6).
 * @cssprop [--authing-color-border=#6b7280] - Input borders (dark: #8b93a1).
 * @cssprop [--authing-color-surface=transparent] - Background of the widget (dark: #111827).
 * @cssprop [--authing-color-field=transparent] - Background of inputs (dark: #0b1220).
 * @cssprop [--authing-radius=6px] - Corners of inputs and buttons.
 * @cssprop [--authing-gap=0.75rem] - Spacing between rows.
 * @cssprop [--authing-padding=0] - Padding inside the widget.
 * @cssprop [--authing-font-family=inherit] - Font.
 */
export class AuthingPhoneManager extends LitElement {
  static override styles = styles;

  /** The Authing application domain, e.g. `https://example.authing.cn`. https only, except localhost. */
  @property({ attribute: 'app-host' }) appHost = '';
  /** The signed-in user's access token. Sent only in the Authorization header; never reflected. */
  @property({ attribute: 'access-token' }) accessToken = '';
  /** The Authing application id, sent as `x-authing-app-id`. */
  @property({ attribute: 'app-id' }) appId = '';
  /** The UI language (`zh-CN`, `en-US`); falls back to the page's language, then the browser's. */
  @property() override lang = '';
  /** For user pools that do not ask for the current number's code on a change. The widget adds the step if the server asks after all. */
  @property({ attribute: 'skip-old-phone-verification', type: Boolean }) skipOldPhoneVerification = false;
  /** The SMS code length of the user pool. Unset: a 6-digit code submits itself, 4 to 8 digits are accepted. */
  @property({ attribute: 'code-length', type: Number }) codeLength?: number;
  /** ISO code of the country preselected for a new number. */
  @property({ attribute: 'default-country' }) defaultCountry = 'CN';
  /** ISO codes the user may pick from (attribute: comma or space separated); empty allows all. */
  @property({ converter: { fromAttribute: listOf, toAttribute: (value: string[]) => value.join(',') } }) countries: string[] = [];
  /** Replaces any of the widget's strings, e.g. `{ bindTitle: 'Add your mobile', errors: { PHONE_TAKEN: '…' } }`. */
  @property({ attribute: false }) messages?: MessageOverrides;
  /** `light` (default), `dark`, or `auto` to follow the system. */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'light';
  /** Milliseconds to wait for Authing before giving up on a request. */
  @property({ type: Number }) timeout: number = DEFAULT_TIMEOUT_MS;
  /** Heading level of the step titles, to fit the host page's outline. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  @state() private flow: FlowState = flow.initialState();

  private readonly locale = new LocaleController(this, () => this.lang, () => this.messages);
  private readonly otp = new WebOtpController(this);
  private readonly countdown = new CountdownController(this);
  private api?: PhoneApi;
  /** Aborted when the host, token or app change, or the element leaves the page. */
  private session = new AbortController();
  /** Set by user intents: only they may move focus, never a background load. */
  private focusAfterUpdate = false;

  private readonly profile = new Task(this, {
    autoRun: false,
    task: async ([api]: readonly [PhoneApi], { signal }) => api.getProfile({ signal }),
    onComplete: (profile) => {
      const { state, outcome } = flow.profileLoaded(this.flow, flow.accountOf(profile));
      this.flow = state;
      if (outcome) this.announce(outcome); // a change whose answer was lost turned out to be done
      const { phone, hasOtherLoginMethod } = this.flow.account;
      this.dispatchEvent(new AuthingProfileLoadedEvent({ ...phone, canUnbind: !!phone && hasOtherLoginMethod }));
    },
    onError: (error) => {
      if (isAborted(error)) return;
      const cause = asError(error);
      this.flow = flow.loadFailed(this.flow, cause);
      this.emitError('load-profile', cause);
    },
  });

  /** Loads the profile again, e.g. after the host refreshed the token or the user changed it elsewhere. */
  reload(): void {
    this.startSession({ keepError: false });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected after a move in the DOM: the old session was aborted, so start afresh.
    if (this.hasUpdated) this.startSession({ keepError: false });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.session.abort();
    this.profile.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((['skipOldPhoneVerification', 'codeLength', 'defaultCountry', 'countries'] as const).some((key) => changed.has(key))) {
      const allowed = this.countries.filter((iso) => countryOf(iso));
      const preferred = countryOf(this.defaultCountry)?.iso ?? 'CN';
      this.flow = flow.configure(this.flow, {
        verifyCurrent: !this.skipOldPhoneVerification,
        codeLength: this.codeLength && this.codeLength > 0 ? this.codeLength : undefined,
        allowedCountries: allowed.length ? allowed : undefined,
        defaultCountry: !allowed.length || allowed.includes(preferred) ? preferred : allowed[0],
      });
    }
    if (changed.has('appHost') || changed.has('accessToken')) this.flow = flow.credentialsChanged(this.flow);
    if (changed.has('appHost') || changed.has('accessToken') || changed.has('appId') || changed.has('timeout')) {
      this.startSession({ keepError: false });
    }
  }

  protected override updated(changed: PropertyValues): void {
    const previous = changed.get('flow') as FlowState | undefined;
    if (previous && previous.step !== this.flow.step) this.otp.stop();
    if (changed.has('flow') && this.flow.notice?.kind === 'code-sent' && previous?.notice !== this.flow.notice) {
      const field = flow.codeFieldOf(this.flow.step);
      if (field) this.otp.listen((code) => this.handleCode(field, code));
    }
    if (changed.has('flow') && this.focusAfterUpdate) {
      this.focusAfterUpdate = false;
      this.moveFocus(previous);
    }
  }

  /** Aborts everything made with the old settings and loads the profile with the new ones. */
  private startSession({ keepError }: { keepError: boolean }): void {
    this.session.abort();
    this.session = new AbortController();
    this.api = undefined;
    if (!this.isConnected) return;
    if (!this.accessToken) {
      // Hosts often get the token asynchronously: wait for it quietly.
      this.profile.abort();
      this.flow = flow.initialState(this.flow.options);
      return;
    }
    try {
      this.api = createAuthingClient({
        appHost: this.appHost,
        accessToken: this.accessToken,
        appId: this.appId || undefined,
        lang: () => this.locale.lang,
        timeoutMs: this.timeout > 0 ? this.timeout : DEFAULT_TIMEOUT_MS,
      });
    } catch (error) {
      this.profile.abort();
      const cause = asError(error);
      this.flow = flow.loadFailed(flow.initialState(this.flow.options), cause);
      this.emitError('load-profile', cause);
      return;
    }
    this.flow = flow.loading(this.flow, { keepError });
    void this.profile.run([this.api]);
  }

  /** Applies a transition: new state, its outcome as an event, and the request it asks for. */
  private async apply(transition: Transition): Promise<void> {
    this.flow = transition.state;
    if (transition.outcome) this.announce(transition.outcome);
    if (transition.reload) this.startSession({ keepError: true });
    const { effect } = transition;
    const api = this.api;
    if (!effect || !api) return;
    const { signal } = this.session;
    let result: Transition;
    try {
      const data = await perform(api, effect, signal);
      if (signal.aborted) return;
      result = flow.succeed(this.flow, effect, data ?? undefined);
    } catch (error) {
      if (signal.aborted || isAborted(error)) return;
      const cause = asError(error);
      this.emitError(flow.ACTION_OF[effect.type], cause);
      if (effect.type === 'send-code' && cause.code === 'RATE_LIMITED') {
        // The server still counts a minute from a send we don't know about: wait at least that long.
        this.countdown.start(flow.resendKey(effect.purpose, effect.input), RESEND_SECONDS);
      }
      result = flow.fail(this.flow, effect, cause);
    }
    this.focusAfterUpdate = true;
    await this.apply(result);
  }

  private intent(transition: Transition | FlowState): void {
    this.focusAfterUpdate = true;
    void this.apply('state' in transition ? transition : { state: transition });
  }

  private announce(outcome: Outcome): void {
    switch (outcome.type) {
      case 'code-sent':
        this.countdown.start(flow.resendKey(outcome.purpose, outcome.phone), RESEND_SECONDS);
        this.dispatchEvent(new AuthingCodeSentEvent({ purpose: outcome.purpose, ...outcome.phone }));
        break;
      case 'phone-bound':
        this.dispatchEvent(new AuthingPhoneBoundEvent({ ...outcome.phone }));
        break;
      case 'phone-changed':
        this.dispatchEvent(new AuthingPhoneChangedEvent({ ...outcome.phone, ...previousOf(outcome.previous) }));
        break;
      case 'phone-unbound':
        this.dispatchEvent(new AuthingPhoneUnboundEvent(previousOf(outcome.previous)));
        break;
    }
  }

  private emitError(action: Action, cause: PhoneManagerError): void {
    const { code, message, statusCode, apiCode, requestId } = cause;
    this.dispatchEvent(new AuthingErrorEvent({ action, code, message, statusCode, apiCode, requestId }));
  }

  private cooldownOf(purpose: CodePurpose): number {
    const target = flow.targetOf(this.flow, purpose);
    return target ? this.countdown.remaining(flow.resendKey(purpose, target)) : 0;
  }

  private readonly handleSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    // Enter in the number field sends the code (unless one is already on its way to that number).
    const active = this.shadowRoot?.activeElement as HTMLInputElement | null;
    const purpose = flow.codePurposeOf(this.flow.step);
    if (active?.name === 'phone' && purpose && !samePhone(this.flow.sentTo[purpose], flow.targetOf(this.flow, purpose))) {
      return this.handleSendCode();
    }
    this.intent(flow.submit(this.flow));
  };

  private readonly handleSendCode = (): void => {
    const purpose = flow.codePurposeOf(this.flow.step);
    if (!purpose || this.cooldownOf(purpose) > 0) return;
    this.intent(flow.sendCode(this.flow));
  };

  private readonly handleInput = (event: Event): void => {
    const input = event.target as HTMLInputElement | HTMLSelectElement;
    const field = input.dataset.field as keyof flow.Draft;
    if (field === 'code' || field === 'currentCode') return this.handleCode(field, input.value);
    this.flow = flow.edit(this.flow, field, input.value);
  };

  /** A code typed, pasted or filled by WebOTP: once it is complete, the step submits itself. */
  private handleCode(field: 'code' | 'currentCode', value: string): void {
    const before = this.flow.draft[field];
    this.flow = flow.edit(this.flow, field, value);
    const length = this.flow.options.codeLength ?? USUAL_CODE_LENGTH;
    const complete = (code: string) => parseCode(code, length) !== undefined;
    if (complete(value) && !complete(before) && !this.flow.pending) this.intent(flow.submit(this.flow));
  }

  private moveFocus(previous: FlowState | undefined): void {
    // Never pull focus back from elsewhere on the page: only from inside the widget or from nowhere.
    const active = document.activeElement;
    if (active && active !== this && active !== document.body) return;
    const root = this.shadowRoot!;
    const { step, error, notice } = this.flow;
    const byField = (field: Field) => root.querySelector<HTMLElement>(`[data-error-field="${field}"]`);
    let target: HTMLElement | null = null;
    if (error?.field) target = byField(error.field);
    else if (notice?.kind === 'code-sent') target = root.querySelector('[part~="code-input"]');
    else if (!previous || previous.step !== step) target = root.querySelector('[data-autofocus]') ?? root.querySelector('[part~="title"]');
    else if (error) target = root.querySelector('[part~="title"]');
    target?.focus();
  }

  override render(): TemplateResult {
    return html`
      <section part="base" class="apm" aria-busy=${String(!!this.flow.pending)}>
        ${this.renderStep()}
        <p part="status" class="apm__status" role="status">${this.renderNotice()}</p>
        <p part="error" class="apm__error" id="error" role="alert">${this.renderError()}</p>
      </section>
    `;
  }

  private renderStep(): TemplateResult | typeof nothing {
    const t = this.locale.messages;
    const { step, account } = this.flow;
    const phone = account.phone ? maskPhone(account.phone) : '';
    switch (step) {
      case 'loading':
        return html`<p class="apm__muted">${this.accessToken ? t.loading : t.signedOut}</p>`;
      case 'unavailable':
        return html`${this.renderTitle(t.title)}
          <p class="apm__muted">${t.unavailable}</p>
          ${this.flow.error?.code === 'CONFIG'
            ? nothing
            : html`<div class="apm__actions">
                <button type="button" part="button retry-button" class="apm__button" data-autofocus @click=${this.reload}>${t.retry}</button>
              </div>`}`;
      case 'overview':
        return html`${this.renderTitle(t.title)}
          <p class="apm__current">
            <span class="apm__muted">${t.currentPhone}</span>
            <span part="phone" class="apm__phone">${phone}</span>
          </p>
          ${account.hasOtherLoginMethod ? nothing : html`<p class="apm__muted apm__note">${t.onlyLoginMethod}</p>`}
          <div class="apm__actions">
            ${this.renderButton(t.change, () => this.intent(flow.start(this.flow, 'change')), 'secondary', 'change', true)}
            ${account.hasOtherLoginMethod
              ? this.renderButton(t.unbind, () => this.intent(flow.start(this.flow, 'unbind')), 'danger', 'unbind')
              : nothing}
          </div>`;
      case 'bind':
        return this.renderForm(
          t.bindTitle,
          html`<p class="apm__muted">${t.noPhone}</p>
            ${this.renderPhoneRow(t.phoneNumber, 'bind')} ${this.renderCode('code', 'bind')}`,
          t.bind,
          false,
        );
      case 'change-current':
        return this.renderForm(
          t.changeTitle,
          html`<p class="apm__muted">${t.changeCurrentIntro(phone)}</p>
            <div class="apm__row">${this.renderSendButton('change-current')}</div>
            ${this.renderCode('currentCode', 'change-current')}`,
          t.continue,
          true,
        );
      case 'change-new':
        return this.renderForm(
          t.changeTitle,
          html`<p class="apm__muted">${t.changeNewIntro}</p>
            ${this.renderPhoneRow(t.newPhoneNumber, 'change-new')} ${this.renderCode('code', 'change-new')}`,
          t.confirmChange,
          true,
          this.flow.options.verifyCurrent,
        );
      case 'unbind-confirm':
        return this.renderForm(t.unbindTitle, html`<p>${t.unbindWarning(phone)}</p>`, t.continue, true);
      case 'unbind-code':
        return this.renderForm(
          t.unbindTitle,
          html`<p class="apm__muted">${t.unbindCodeIntro(phone)}</p>
            <div class="apm__row">${this.renderSendButton('unbind')}</div>
            ${this.renderCode('currentCode', 'unbind')}`,
          t.confirmUnbind,
          true,
        );
    }
  }

  private renderTitle(text: string): TemplateResult {
    const level = Math.min(6, Math.max(1, Math.trunc(this.headingLevel) || 2));
    return html`<div part="title" class="apm__title" role="heading" aria-level=${level} tabindex="-1">${text}</div>`;
  }

  private renderForm(title: string, body: TemplateResult, submitLabel: string, cancellable: boolean, back = false): TemplateResult {
    const t = this.locale.messages;
    const working = this.flow.pending && this.flow.pending !== 'send-code' && this.flow.pending !== 'load-profile';
    return html`<form class="apm__form" novalidate @submit=${this.handleSubmit}>
      ${this.renderTitle(title)} ${body}
      <div class="apm__actions">
        <button type="submit" part="button submit-button" class="apm__button apm__button--primary" aria-disabled=${String(!!this.flow.pending)}>
          ${working ? t.working : submitLabel}
        </button>
        ${back ? this.renderButton(t.back, () => this.intent(flow.back(this.flow)), 'secondary', 'back') : nothing}
        ${cancellable ? this.renderButton(t.cancel, () => this.intent(flow.cancel(this.flow)), 'secondary', 'cancel') : nothing}
      </div>
    </form>`;
  }

  private renderButton(label: string, onClick: () => void, kind: 'secondary' | 'danger', name: string, autofocus = false): TemplateResult {
    return html`<button
      type="button"
      part="button ${name}-button"
      class="apm__button apm__button--${kind}"
      aria-disabled=${String(!!this.flow.pending)}
      ?data-autofocus=${autofocus}
      @click=${onClick}
    >
      ${label}
    </button>`;
  }

  private renderPhoneRow(label: string, purpose: CodePurpose): TemplateResult {
    const t = this.locale.messages;
    const { draft, pending } = this.flow;
    const invalid = this.flow.error?.field === 'phone';
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
          @change=${this.handleInput}
        >
          ${this.countryOptions().map(
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
          @input=${this.handleInput}
        />
      </label>
      ${this.renderSendButton(purpose)}
    </div>`;
  }

  private countryCache?: { key: string; options: Array<{ iso: string; label: string }> };

  /** Country names in the UI language from Intl.DisplayNames, flags as emoji: no tables shipped. */
  private countryOptions(): Array<{ iso: string; label: string }> {
    const lang = this.locale.lang;
    const key = `${lang}|${this.countries.join(',')}`;
    if (this.countryCache?.key !== key) {
      const names = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames([lang], { type: 'region' }) : undefined;
      const allowed = this.flow.options.allowedCountries;
      const options = countries()
        .filter((c) => !allowed || allowed.includes(c.iso))
        .map((c) => ({ iso: c.iso, name: names?.of(c.iso) ?? c.iso, callingCode: c.callingCode }))
        .sort((a, b) => a.name.localeCompare(b.name, lang))
        .map((c) => ({ iso: c.iso, label: `${flagOf(c.iso)} ${c.name} +${c.callingCode}` }));
      this.countryCache = { key, options };
    }
    return this.countryCache.options;
  }

  private renderSendButton(purpose: CodePurpose): TemplateResult {
    const t = this.locale.messages;
    const seconds = this.cooldownOf(purpose);
    const sending = this.flow.pending === 'send-code';
    const first = purpose === 'change-current' || purpose === 'unbind';
    return html`<button
      type="button"
      part="button send-button"
      class="apm__button apm__button--secondary apm__send"
      aria-disabled=${String(!!this.flow.pending || seconds > 0)}
      ?data-autofocus=${first}
      @click=${this.handleSendCode}
    >
      ${sending ? t.sending : seconds > 0 ? t.resendIn(seconds) : t.sendCode}
    </button>`;
  }

  private renderCode(field: 'code' | 'currentCode', purpose: CodePurpose): TemplateResult {
    const t = this.locale.messages;
    const invalid = this.flow.error?.field === field;
    const length = this.flow.options.codeLength;
    const hintLength = length ?? USUAL_CODE_LENGTH;
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
        maxlength=${length ?? 8}
        autocapitalize="off"
        spellcheck="false"
        .value=${this.flow.draft[field]}
        ?readonly=${!!this.flow.pending}
        aria-invalid=${String(invalid)}
        aria-describedby=${invalid ? 'error code-hint' : 'code-hint'}
        @input=${this.handleInput}
      />
      <span part="hint" class="apm__hint" id="code-hint">${t.codeHint(hintLength)}</span>
    </label>`;
  }

  private renderNotice(): string {
    const t = this.locale.messages;
    const { notice } = this.flow;
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

  private renderError(): TemplateResult | string {
    const { error } = this.flow;
    if (!error) return '';
    const t = this.locale.messages;
    const cause = error.cause;
    // A request id helps support only with failures the user cannot fix themselves.
    const support = cause?.requestId && (error.code === 'SERVER' || error.code === 'BAD_RESPONSE');
    return html`${this.errorMessage(error)}${support ? html` <span class="apm__request-id">${t.requestId(cause.requestId!)}</span>` : nothing}`;
  }

  private errorMessage({ code, cause, eitherOfTwoCodes }: FlowError): string {
    const t = this.locale.messages;
    if (eitherOfTwoCodes) return code === 'CODE_EXPIRED' ? t.twoCodesExpired : t.twoCodesInvalid;
    // Unknown server errors: Authing's own words (in the requested language) say more than ours.
    if (code === 'SERVER' && cause?.message && cause.statusCode !== undefined && cause.statusCode < 500) return cause.message;
    return t.errors[code];
  }
}

function perform(api: PhoneApi, effect: Effect, signal: AbortSignal): Promise<{ updatePhoneToken?: string } | void> {
  switch (effect.type) {
    case 'send-code':
      return api.sendSms(effect.input, { signal });
    case 'bind':
      return api.bindPhone(effect.input, { signal });
    case 'verify-change':
      return api.verifyUpdatePhoneRequest(effect.input, { signal });
    case 'update-phone':
      return api.updatePhone(effect.updatePhoneToken, { signal });
    case 'unbind':
      return api.unbindPhone(effect.passCode, { signal });
  }
}

const previousOf = (phone: PhoneNumber) => ({
  previousPhoneNumber: phone.phoneNumber,
  previousPhoneCountryCode: phone.phoneCountryCode,
});

const asError = (error: unknown): PhoneManagerError =>
  error instanceof PhoneManagerError
    ? error
    : new PhoneManagerError('SERVER', error instanceof Error ? error.message : String(error), { cause: error });
