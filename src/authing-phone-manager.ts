import { TaskStatus } from '@lit/task';
import { LitElement, nothing, type TemplateResult } from 'lit';
import { DEFAULT_TIMEOUT_MS } from './core/api/client.js';
import type { PhoneApi } from './core/api/types.js';
import { BrandContrastController } from './controllers/brand-contrast-controller.js';
import { CountdownController } from './controllers/countdown-controller.js';
import { CountryPickerController } from './controllers/country-picker-controller.js';
import { LocaleController, type MessageOverrides } from './controllers/locale-controller.js';
import { NoticeController } from './controllers/notice-controller.js';
import { RowController } from './controllers/row-controller.js';
import { SessionController } from './controllers/session-controller.js';
import { WebOtpController } from './controllers/web-otp-controller.js';
import type { Messages } from './i18n/messages.js';
import { eventFor, recoveryRequested } from './events.js';
import { FocusController } from './focus.js';
import { FormInput } from './form-input.js';
import { styles } from './authing-phone-manager.styles.js';
import type { Handlers, View } from './templates/view.js';
import { widget } from './templates/widget.js';

export { RESEND_SECONDS } from './core/flow/phone-flow.js';

/** The `countries` attribute: ISO codes, comma or space separated. */
const listOf = (value: string | null): string[] => (value ?? '').toUpperCase().split(/[\s,]/).filter(Boolean);
const USER_POOL_ID_ALIAS = 'user-pool-id'; // `userpool-id` in kebab-case; a constant, or cem lists it twice

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
  /** The public properties and their attributes: the framework typings (src/props.ts) are derived from this list. */
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
    client: { attribute: false },
  };

  /** How long a success banner stays, unless it holds focus or the pointer. */
  static noticeMs = 8000;

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
  /** Milliseconds to wait for Authing before giving up on a request (default 10000; zero, negative or not a number: the default). */
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
    settings: this,
    lang: () => this.locale.lang,
    onNotification: (notification) => this.dispatchEvent(eventFor(notification)),
  });
  private readonly picker = new CountryPickerController(this, this.locale, this.phone.session);
  private readonly notice = new NoticeController(this, this.phone.session, this.constructor as typeof AuthingPhoneManager);
  private readonly row = new RowController(this, this.phone.session);
  private readonly input = new FormInput(this.phone.session);
  private readonly handlers: Handlers = {
    ...this.input.handlers,
    retry: () => this.reload(),
    openRow: (open) => this.row.toggle(open),
    dismissNotice: () => this.notice.dismiss(),
    recovery: () => this.dispatchEvent(recoveryRequested(this.phone.state.account.phone)),
  };

  constructor() {
    super();
    // Controllers that only need to exist: they hook into the element's lifecycle themselves.
    new CountdownController(this, () => this.phone.state.cooldowns);
    new BrandContrastController(this, () => this.theme);
    new WebOtpController(this, this.phone.session);
    new FocusController(this, this.phone); // last: focus goes where the others left things
  }

  /** `user-pool-id`: the kebab-case spelling of `userpool-id` (Authing's header says `userpool`; people type both). */
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, USER_POOL_ID_ALIAS];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name === USER_POOL_ID_ALIAS) this.userPoolId = value ?? '';
    else super.attributeChangedCallback(name, old, value);
  }

  /** Loads the profile again, e.g. after the host refreshed the token or the user changed it elsewhere. */
  reload(): void {
    this.phone.reload();
  }

  /** Also waits for a language still loading (its task), and the render that shows it. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (this.locale.loading.status !== TaskStatus.PENDING) return done;
    return this.locale.loading.taskComplete.then(() => super.getUpdateComplete());
  }

  override render(): TemplateResult | typeof nothing {
    const t = this.locale.messages;
    // The page's language is still loading: nothing rather than another language's words.
    return t ? widget(this.view(t)) : nothing;
  }

  private view(t: Messages): View {
    return {
      loading: this.phone.loading,
      offerRecovery: this.offerRecovery,
      picker: this.picker,
      t,
      lang: this.locale.lang,
      state: this.phone.state,
      signedIn: !!(this.client || this.accessToken),
      headingLevel: this.headingLevel,
      theme: this.theme,
      hideHeading: this.hideHeading,
      layout: this.layout === 'row' ? 'row' : 'form',
      rowOpen: this.row.open,
      noticeDismissed: this.notice.dismissed,
      cooldown: (purpose) => this.phone.session.cooldownOf(purpose),
      on: this.handlers,
      composing: this.input.composing,
    };
  }
}
