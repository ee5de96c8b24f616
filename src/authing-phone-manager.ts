import { Task, TaskStatus } from '@lit/task';
import { LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { DEFAULT_TIMEOUT_MS } from './core/api/client.js';
import type { PhoneApi } from './core/api/types.js';
import type { Draft, FlowState } from './core/flow/phone-flow.js';
import type { Connection } from './core/session.js';
import { CountdownController } from './controllers/countdown-controller.js';
import { LocaleController, type MessageOverrides } from './controllers/locale-controller.js';
import type { Messages } from './i18n/index.js';
import { pageSessionStorage, SessionController } from './controllers/session-controller.js';
import { WebOtpController } from './controllers/web-otp-controller.js';
import { CountryPickerController } from './controllers/country-picker-controller.js';
import { BrandContrastController } from './controllers/brand-contrast-controller.js';
import { countryOption, countryOptions } from './i18n/countries.js';
import { AuthingRecoveryRequestedEvent, eventFor } from './events.js';
import { moveFocus, recoverFocus } from './focus.js';
import { styles } from './authing-phone-manager.styles.js';
import type { Handlers, View } from './templates/view.js';
import { widget } from './templates/widget.js';

export { RESEND_SECONDS } from './core/flow/phone-flow.js';

const listOf = (value: string | null): string[] =>
  (value ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((iso) => iso.toUpperCase());

/** Settings that reach Authing: the profile task's arguments, in this order; a change means a new connection. */
const CONNECTION_KEYS = ['appHost', 'accessToken', 'appId', 'userPoolId', 'timeout', 'client'] as const;
/** Of those, the ones that may mean another user. */
const IDENTITY = (['appHost', 'accessToken', 'client'] as const).map((key) => CONNECTION_KEYS.indexOf(key));
/** `user-pool-id`, the kebab-case spelling, read beside `userpool-id`. */
const USER_POOL_ID_ALIAS = 'user-pool-id';
const FLOW_KEYS = ['skipOldPhoneVerification', 'codeLength', 'defaultCountry', 'countries'] as const;

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
 * @fires {AuthingRecoveryRequestedEvent} authing-recovery-requested - With `offer-recovery`: the user says the current number gets no codes. detail: `{ phoneCountryCode }`.
 *
 * @csspart base - The outer wrapper.
 * @csspart title - The heading of the current step.
 * @csspart step - "Step 1 of 2" above a change's heading.
 * @csspart badge - The "Verified" badge beside the bound number.
 * @csspart phone - The masked current number.
 * @csspart country-select - The `+86 ▾` prefix of a new number: opens the country list.
 * @csspart country-panel - The open country list: its search field and options.
 * @csspart country-search - The search field of the country list.
 * @csspart phone-input - The phone number input.
 * @csspart code-input - The SMS code input.
 * @csspart button - Every button.
 * @csspart send-button - Send code / resend countdown.
 * @csspart submit-button - The step's main button.
 * @csspart change-button - Starts a change.
 * @csspart unbind-button - Starts removing the phone.
 * @csspart cancel-button - Leaves a flow.
 * @csspart edit-button - Edit the current number's code, from a change's second step.
 * @csspart current-code - The second step's line saying the first step's code is entered, with Edit.
 * @csspart suggest-button - "Use +86" under a refused number that fits another country: picks that country.
 * @csspart recovery-button - "Can't get a code on this number?" (with `offer-recovery`).
 * @csspart retry-button - Loads the profile again after a failure.
 * @csspart add-button - The row layout's Add, with no phone bound: opens the form.
 * @csspart dismiss-button - Closes the success banner.
 * @csspart label - A field's label text.
 * @csspart hint - The line under an input: how long the code is, or where it was sent.
 * @csspart field-error - An error under the input it is about; each also has the part of its field, below. A failed send stands under the code.
 * @csspart error-phone - The error under the phone number input.
 * @csspart error-code - The error under the code input.
 * @csspart error-currentCode - The error about the current number's code (a change's second step).
 * @csspart status - The status region at the top: outcomes ("Phone number added").
 * @csspart error - The alert region at the top: only the profile that could not load.
 *
 * @cssprop [--authing-color-primary=#1d4ed8] - The main button, links and focus rings (dark theme: #93c5fd). Too faint as text (under 4.5:1), links and the send button use a readable shade of it.
 * @cssprop [--authing-color-on-primary=#ffffff] - Text on the primary button (dark: #0b1220).
 * @cssprop [--authing-color-danger=#b91c1c] - Errors and the remove action (dark: #fca5a5 for text, #dc2626 for the remove button's fill).
 * @cssprop [--authing-color-on-danger=#ffffff] - Text on the remove button.
 * @cssprop [--authing-color-success=#166534] - Confirmations and the Verified badge (dark: #86efac).
 * @cssprop [--authing-color-text=inherit] - Text (dark: #e5e7eb).
 * @cssprop [--authing-color-muted=#4b5563] - Secondary text (dark: #b6bcc6).
 * @cssprop [--authing-color-border=#6b7280] - Input borders (dark: #8b93a1).
 * @cssprop [--authing-color-surface=transparent] - Background of the widget, in both themes: it sits on the host's page. Set `--authing-padding` with it.
 * @cssprop [--authing-color-field=transparent] - Background of inputs (dark: #0b1220).
 * @cssprop [--authing-radius=6px] - Corners of inputs and buttons.
 * @cssprop [--authing-gap=0.75rem] - Spacing between rows.
 * @cssprop [--authing-padding=0] - Padding inside the widget: for a widget with its own surface colour.
 * @cssprop [--authing-max-width=28rem] - The widget's widest (the row layout: none, it spans the column as the rows around it).
 * @cssprop [--authing-font-family=inherit] - Font.
 */
export class AuthingPhoneManager extends LitElement {
  static override styles = styles;
  static override properties = {
    appHost: { attribute: 'app-host' },
    accessToken: { attribute: 'access-token' },
    appId: { attribute: 'app-id' },
    userPoolId: { attribute: 'userpool-id' },
    lang: {},
    skipOldPhoneVerification: { attribute: 'skip-old-phone-verification', type: Boolean },
    codeLength: { attribute: 'code-length', type: Number },
    defaultCountry: { attribute: 'default-country' },
    countries: { converter: { fromAttribute: listOf, toAttribute: (value: string[]) => value.join(',') } },
    messages: { attribute: false },
    // Not reflected: an attribute added on upgrade would not match a server-rendered page's markup.
    theme: {},
    timeout: { type: Number },
    headingLevel: { attribute: 'heading-level', type: Number },
    offerRecovery: { attribute: 'offer-recovery', type: Boolean },
    layout: { reflect: true },
    hideHeading: { attribute: 'hide-heading', type: Boolean },
    rowOpen: { state: true },
    noticeDismissed: { state: true },
    client: { attribute: false },
  };

  /** The Authing application domain, e.g. `https://example.authing.cn`. https only, except localhost. */
  appHost = '';
  /** The signed-in user's access token. Sent only in the Authorization header; never reflected. */
  accessToken = '';
  /** The Authing application id, sent as `x-authing-app-id`; with it the widget reads the pool's settings. */
  appId = '';
  /** The user pool id, sent as `x-authing-userpool-id` (set it or `app-id`). */
  userPoolId = '';
  /** The UI language (`zh-CN`, `en-US`); falls back to the page's language, then the browser's. */
  override lang = '';
  /**
   * For user pools that do not ask for the current number's code on a change (unset: the pool's
   * public config says, with `app-id`; else on). The widget adds the step if the server asks after all.
   */
  skipOldPhoneVerification?: boolean;
  /**
   * The SMS code length of the user pool. Unset: the pool's public config (with `app-id`); when that is
   * unknown, 4 to 8 digits are accepted and the user presses the button (no length is guessed).
   */
  codeLength?: number;
  /**
   * ISO code of the country preselected for a new number. Unset: the pool's
   * `internationalSmsConfig.defaultISOType` (with `app-id`), else CN, as Authing's Guard does.
   */
  defaultCountry = '';
  /** ISO codes the user may pick from (attribute: comma or space separated); empty allows all. */
  countries: string[] = [];
  /** Replaces any of the widget's strings, e.g. `{ bindTitle: 'Add your mobile', errors: { PHONE_TAKEN: '…' } }`. */
  messages?: MessageOverrides;
  /** `light` (default), `dark`, or `auto` to follow the system. */
  theme: 'light' | 'dark' | 'auto' = 'light';
  /** Milliseconds to wait for Authing before giving up on a request. */
  timeout: number = DEFAULT_TIMEOUT_MS;
  /** Heading level of the step titles, to fit the host page's outline. */
  headingLevel = 2;
  /**
   * Shows "Can't get a code on this number?" on a change's first step. Pressing it fires
   * `authing-recovery-requested`, so the host can open its own recovery path.
   */
  offerRecovery = false;
  /**
   * `form` (default): the current step as a form. `row`: one row as in a settings list (the label,
   * the masked number or "Not set", Change or Add); a flow opens in place and closes back to the row.
   * Unset by default, so nothing is reflected on upgrade: a server-rendered page keeps its markup.
   */
  layout?: 'form' | 'row';
  /** Step headings for screen readers only: for a page whose own heading already names the section. */
  hideHeading = false;
  /** Row layout, no phone: the bind form was opened with Add. */
  private rowOpen = false;
  /** The success banner was closed, or went by itself. */
  private noticeDismissed = false;
  private noticeTimer?: ReturnType<typeof setTimeout>;
  private shownNotice?: unknown;
  /**
   * Your own transport to Authing (a proxy, a test double): used instead of the built-in client,
   * which `app-host`, `access-token`, `app-id` and `timeout` configure.
   */
  client?: PhoneApi;

  private readonly locale = new LocaleController(
    this,
    () => this.lang,
    () => this.messages,
  );
  private readonly phone = new SessionController(this, {
    storage: pageSessionStorage(),
    onNotification: (notification) => this.dispatchEvent(eventFor(notification)),
    onUserChange: (previous) => moveFocus(this, previous, this.phone.state),
  });

  /**
   * The profile load of the current connection, run again whenever a setting that reaches Authing
   * changes, and by Try again. While it is pending the widget is busy; what shows meanwhile (the
   * skeleton, or the same user's flow kept on screen) and after a failure is the session's step.
   */
  private readonly profile = new Task(this, {
    args: () => CONNECTION_KEYS.map((key) => this[key]),
    task: (args) => this.connect(args),
  });
  /** The settings of the last connection, to tell a new user from the same one with a new token. */
  private connectedWith?: readonly unknown[];

  private readonly picker = new CountryPickerController(
    this,
    () => this.countryList(),
    () => this.phone.state.draft.country,
    (iso) => this.send({ type: 'edit', field: 'country', value: iso }),
  );

  /** The element focused in the shadow root before an update: if the update removed it, focus was lost. */
  private focusedBefore: Element | null = null;

  constructor() {
    super();
    // Controllers that only need to exist: they hook into the element's lifecycle themselves.
    new CountdownController(this, () => this.phone.state.cooldowns);
    // A faint brand colour gets a readable shade of it for text.
    new BrandContrastController(
      this,
      () => this.theme === 'dark' || (this.theme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches),
    );
    new WebOtpController(
      this,
      () => this.phone.state,
      (field, value) => this.send({ type: 'edit', field, value }),
    );
  }

  /** `user-pool-id`: the kebab-case spelling of `userpool-id` (Authing's header says `userpool`; people type both). */
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, USER_POOL_ID_ALIAS];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name === USER_POOL_ID_ALIAS) this.userPoolId = value ?? '';
    else super.attributeChangedCallback(name, old, value);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected after a move in the DOM: what ran was aborted, so load afresh.
    if (this.hasUpdated) void this.profile.run();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.focusedBefore = this.shadowRoot?.activeElement ?? null;
    this.configureFlow(changed);
  }

  private configureFlow(changed: PropertyValues<this>): void {
    if (this.hasUpdated && !FLOW_KEYS.some((key) => changed.has(key))) return;
    // Unset settings follow the pool's public config, then Authing's fallbacks: never the UI language,
    // which says nothing about where the user's number is (see docs/authing-api.md, "Defaults").
    this.phone.session.configure({
      verifyCurrent: this.skipOldPhoneVerification === undefined ? undefined : !this.skipOldPhoneVerification,
      codeLength: this.codeLength,
      allowedCountries: this.countries,
      defaultCountry: this.defaultCountry || undefined,
    });
  }

  protected override update(changed: PropertyValues<this>): void {
    this.trackNotice();
    this.trackRow();
    super.update(changed);
  }

  /** How long a success banner stays, unless it holds focus or the pointer. */
  static noticeMs = 8000;

  /** A new success banner: shown again, and goes by itself after a while (not while focused or hovered). */
  private trackNotice(): void {
    const notice = this.phone.state.notice;
    if (notice === this.shownNotice) return;
    this.shownNotice = notice;
    this.noticeDismissed = false;
    clearTimeout(this.noticeTimer);
    if (!notice || notice.kind === 'code-sent' || notice.kind === 'verify-current-required') return;
    const expire = () => {
      const status = this.shadowRoot?.querySelector('[part~="status"]');
      const held = !!status && (status.contains(this.shadowRoot!.activeElement) || status.matches(':hover'));
      if (held) this.noticeTimer = setTimeout(expire, 1000);
      else if (this.phone.state.notice === notice) this.noticeDismissed = true;
    };
    this.noticeTimer = setTimeout(expire, AuthingPhoneManager.noticeMs);
  }

  /** The row layout: a flow that ends (or a phone removed) closes back to the row. */
  private lastStep?: string;
  private trackRow(): void {
    const step = this.phone.state.step;
    if (step !== this.lastStep && step === 'bind') this.rowOpen = false;
    this.lastStep = step;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.noticeTimer);
  }

  protected override updated(): void {
    // Try again, or a reload the widget started, replaced the focused control: focus the new step.
    const lost = !!this.focusedBefore && !this.focusedBefore.isConnected;
    this.focusedBefore = null;
    recoverFocus(this, lost);
  }

  private countryList() {
    return countryOptions(this.locale.lang, this.locale.messages?.regions ?? {}, this.phone.state.options.allowedCountries);
  }

  /** Loads the profile again, e.g. after the host refreshed the token or the user changed it elsewhere. */
  reload(): void {
    void this.profile.run();
  }

  /** Aborts what was made with the old settings and loads the profile with the new ones. */
  private connect(args: readonly unknown[]): Promise<void> {
    if (!this.isConnected) return Promise.resolve();
    const previous = this.connectedWith;
    this.connectedWith = args;
    const sameIdentity = !!previous && IDENTITY.every((i) => previous[i] === args[i]);
    const connection: Connection | undefined = this.client
      ? { client: this.client }
      : this.accessToken
        ? {
            appHost: this.appHost,
            accessToken: this.accessToken,
            appId: this.appId || undefined,
            userPoolId: this.userPoolId || undefined,
            lang: () => this.locale.lang,
            timeoutMs: this.timeout > 0 ? this.timeout : DEFAULT_TIMEOUT_MS,
          }
        : undefined; // hosts often get the token asynchronously: wait for it quietly
    return this.phone.session.connect(connection, { sameIdentity });
  }

  private readonly send: Handlers['intent'] = (intent) => this.phone.session.send(intent);

  /** An IME composition runs: its text is not the user's input yet (full-width digits, a candidate list). */
  private composing = false;

  private readonly handleSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    // Enter that commits a composition submits nothing.
    if (this.composing) return;
    const active = this.shadowRoot?.activeElement as HTMLInputElement | null;
    this.send({ type: 'submit', from: active?.name === 'phone' ? 'phone' : undefined });
  };

  private readonly handleInput = (event: Event): void => {
    // While composing, the text is the IME's: it is read once, at compositionend.
    if (event.type === 'compositionend') this.composing = false;
    else if (this.composing || (event as InputEvent).isComposing) return;
    const input = event.target as HTMLInputElement;
    this.send({ type: 'edit', field: input.dataset.field as keyof Draft, value: input.value });
  };

  private readonly handlers: Handlers = {
    intent: this.send,
    submit: this.handleSubmit,
    input: this.handleInput,
    compositionStart: () => {
      this.composing = true;
    },
    retry: () => this.reload(),
    openRow: (open) => {
      this.rowOpen = open;
      // Focus follows: into the form it opened, or back to Add.
      void this.updateComplete.then(() => {
        const target = this.shadowRoot?.querySelector<HTMLElement>(open ? '[part~="phone-input"]' : '[part~="add-button"]');
        target?.focus();
      });
    },
    dismissNotice: () => {
      this.noticeDismissed = true;
      // The banner held focus: give it to the step.
      void this.updateComplete.then(() => {
        if (!this.shadowRoot?.activeElement) this.shadowRoot?.querySelector<HTMLElement>('[data-autofocus], [part~="title"]')?.focus();
      });
    },
    recovery: () => {
      const phoneCountryCode = this.phone.state.account.phone?.phoneCountryCode;
      this.dispatchEvent(new AuthingRecoveryRequestedEvent({ phoneCountryCode }));
    },
  };

  /** Also waits for a language still loading (its task), and the render that shows it. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (this.locale.loading.status !== TaskStatus.PENDING) return done;
    await this.locale.loading.taskComplete;
    return super.getUpdateComplete();
  }

  override render(): TemplateResult | typeof nothing {
    const t = this.locale.messages;
    // The page's language is still loading: nothing rather than another language's words.
    if (!t) return nothing;
    try {
      return widget(this.view(t, this.phone.state));
    } catch {
      // Something of an unexpected type reached a template (a custom client's profile, say): never
      // stay on what was shown before (Loading), but say the answer could not be read, with Try again.
      const state = this.phone.state;
      return widget(
        this.view(t, { ...state, step: 'unavailable', pending: undefined, notice: undefined, error: { code: 'BAD_RESPONSE' } }),
      );
    }
  }

  private view(t: Messages, state: FlowState): View {
    const country = state.draft.country;
    return {
      loading: this.profile.status === TaskStatus.PENDING,
      offerRecovery: this.offerRecovery,
      picker: this.picker,
      country: countryOption(this.locale.lang, t.regions, country),
      t,
      lang: this.locale.lang,
      state,
      signedIn: !!(this.client || this.accessToken),
      headingLevel: this.headingLevel,
      theme: this.theme,
      hideHeading: this.hideHeading,
      layout: this.layout === 'row' ? 'row' : 'form',
      rowOpen: this.rowOpen,
      noticeDismissed: this.noticeDismissed,
      cooldown: (purpose) => this.phone.session.cooldownOf(purpose),
      on: this.handlers,
      composing: this.composing,
    };
  }
}
