// The speed floor: bare Lit elements that render the same form as <authing-phone-manager>, with none
// of its logic. Bundled with esbuild at bench time (bench/lib/floor.mjs).
//
//   <bench-floor view="bind">        the bind form: heading, intro, the country prefix (its list closed,
//                                    as the widget renders it), phone input, code input, Send code and
//                                    hint, submit button, status and alert regions
//   <bench-floor view="overview">    the overview: heading, current number, Change and Remove buttons
//   <bench-floor-fetch view="…" app-host="…" access-token="…">
//                                    the same, rendered only once one GET /api/v3/get-profile (same URL
//                                    and headers as the widget's) has answered: the floor plus the one
//                                    request the widget cannot do without
//   <bench-floor-ui view="…" app-host="…" access-token="…">
//                                    the UI floor of the flows: the same steps as the widget's (bind form,
//                                    change steps 1 and 2, the removal step, the overview), each shown busy
//                                    while its request runs, focus moved to the next field as the widget
//                                    does, the widget's events dispatched, and nothing else: no checks of
//                                    what is typed, no messages, no errors handled, no styles
//
// The parts carry the widget's part names, so the bench's "interactive" check is the same for both.
// No styles: the widget's stylesheet is part of what it costs.
import { LitElement, html, nothing } from 'lit';
import { CODE, COUNTRY_CODE, USERS, postAsWidget } from './pages/scenario.js';
// The same country data as the widget's (data only: the floor renders the list its own bare way).
import { countries } from '../src/core/phone.js';

export class BenchFloor extends LitElement {
  static properties = { view: {} };

  constructor() {
    super();
    /** @type {'bind' | 'overview'} */
    this.view = 'bind';
  }

  render() {
    return html`<section part="base" aria-busy="false">
      ${this.view === 'overview' ? overview() : bindForm()}
      <div part="status" role="status"></div>
      <div part="error" id="error" role="alert"></div>
    </section>`;
  }
}

const title = (text) => html`<div part="title" role="heading" aria-level="2" tabindex="-1">${text}</div>`;

const bindForm = () =>
  html`<form novalidate>
    ${title('Add a phone number')}
    <p>No phone number is linked to your account.</p>
    <div>
      <label part="label" for="phone">Phone number</label>
      <div>
        <button type="button" part="country-select" aria-haspopup="listbox" aria-expanded="false">+86</button>
        <input part="phone-input" id="phone" name="phone" type="tel" inputmode="tel" autocomplete="tel-national" maxlength="24" />
      </div>
      <p part="hint" id="phone-message"></p>
    </div>
    <div>
      <label part="label" for="code">Verification code</label>
      <div>
        <input part="code-input" id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" />
        <button type="button" part="button send-button">Send code</button>
      </div>
      <p part="hint" id="code-message">The 6-digit code from the SMS. It’s checked as soon as it’s complete.</p>
    </div>
    <div>
      <button type="submit" part="button submit-button">Verify and add</button>
    </div>
  </form>`;

const overview = () =>
  html`${title('Phone number')}
    <p>
      <span>Current phone number</span>
      <span part="phone">+86 138****8000</span>
    </p>
    <div>
      <button type="button" part="button change-button">Change</button>
      <button type="button" part="button unbind-button">Remove</button>
    </div>`;

/** The floor plus one profile request: renders the form once the answer is in. */
export class BenchFloorFetch extends BenchFloor {
  static properties = { appHost: { attribute: 'app-host' }, accessToken: { attribute: 'access-token' }, loaded: { state: true } };

  constructor() {
    super();
    this.appHost = '';
    this.accessToken = '';
    this.loaded = false;
    /** @type {AbortController | undefined} */
    this.controller = undefined;
  }

  connectedCallback() {
    super.connectedCallback();
    this.controller = new AbortController();
    const url = `${this.appHost}/api/v3/get-profile?withCustomData=false&withIdentities=true&withDepartmentIds=false`;
    fetch(url, {
      headers: {
        authorization: `Bearer ${this.accessToken}`,
        accept: 'application/json',
        'x-authing-lang': 'en-US',
        'x-authing-userpool-id': 'bench-pool',
      },
      credentials: 'omit',
      signal: this.controller.signal,
    })
      .then((response) => response.json())
      .then((envelope) => {
        if (envelope.statusCode === 200) this.loaded = true;
      })
      .catch(() => undefined);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.controller?.abort();
  }

  render() {
    return this.loaded ? super.render() : html`<p>Loading…</p>`;
  }
}

/**
 * The UI floor: what any UI for these flows must do between the requests, with no logic of its own.
 * The bench's flows drive it through the same parts as the widget (bench/pages/harness.js).
 */
export class BenchFloorUi extends LitElement {
  static properties = {
    view: {},
    appHost: { attribute: 'app-host' },
    accessToken: { attribute: 'access-token' },
    step: { state: true },
    busy: { state: true },
    sent: { state: true },
  };

  constructor() {
    super();
    this.view = 'bind';
    this.appHost = '';
    this.accessToken = '';
    /** @type {'bind' | 'overview' | 'change-current' | 'change-new' | 'unbind' | undefined} */
    this.step = undefined;
    this.busy = false;
    this.sent = false;
    this.phone = '';
    /** The current number's code in a change, sent with the new one's. */
    this.currentCode = '';
  }

  render() {
    const step = this.step ?? this.view;
    return html`<section part="base" aria-busy=${String(this.busy)}>
      <div part="status" role="status">${this.sent ? 'Code sent' : nothing}</div>
      <div part="error" id="error" role="alert"></div>
      ${step === 'overview' ? this.overview() : this.form(step)}
    </section>`;
  }

  overview() {
    return html`${title('Phone number')}
      <p><span>Current phone number</span> <span part="phone">+86 138****8000</span></p>
      <div>
        <button type="button" part="button change-button" @click=${() => this.go('change-current')}>Change</button>
        <button type="button" part="button unbind-button" @click=${() => this.go('unbind')}>Remove</button>
      </div>`;
  }

  /** @param {'bind' | 'change-current' | 'change-new' | 'unbind'} step */
  form(step) {
    const newNumber = step === 'bind' || step === 'change-new';
    return html`<form novalidate @submit=${(event) => (event.preventDefault(), this.submit(step))}>
      ${title(newNumber ? 'Add a phone number' : 'Verify your current number')}
      ${
        newNumber
          ? html`<div>
              <label part="label" for="phone">Phone number</label>
              <div>
                <button type="button" part="country-select" aria-haspopup="listbox" aria-expanded="false">+86</button>
                <input part="phone-input" id="phone" type="tel" ?readonly=${this.busy} @input=${(e) => (this.phone = e.target.value)} />
              </div>
            </div>`
          : html`<p>We will send a code to +86 138****8000.</p>`
      }
      <div>
        <label part="label" for="code">Verification code</label>
        <div>
          <input
            part="code-input"
            id="code"
            inputmode="numeric"
            ?readonly=${this.busy || !this.sent}
            @input=${(e) => this.typed(step, e.target.value)}
          />
          <button type="button" part="button send-button" @click=${() => this.send(step)}>
            ${this.sent ? 'Resend in 60 s' : 'Send code'}
          </button>
        </div>
      </div>
      <button type="submit" part="button submit-button">${step === 'unbind' ? 'Remove phone number' : 'Continue'}</button>
    </form>`;
  }

  /** The next step, its first field focused once it is there. */
  async go(step) {
    this.step = step;
    this.sent = false;
    await this.updateComplete;
    this.shadowRoot.querySelector('[part~="phone-input"], [part~="send-button"]')?.focus();
  }

  async send(step) {
    const current = step === 'change-current' || step === 'unbind';
    const { phone, phoneCountryCode } = USERS.phoneAndEmail;
    const input = current
      ? { channel: 'CHANNEL_UNBIND_PHONE', phoneNumber: phone, phoneCountryCode }
      : { channel: 'CHANNEL_BIND_PHONE', phoneNumber: this.phone, phoneCountryCode: COUNTRY_CODE };
    await this.busyWith(() => this.call('/api/v3/send-sms', input));
    this.sent = true;
    this.dispatchEvent(new CustomEvent('authing-code-sent', { bubbles: true, composed: true }));
    await this.updateComplete;
    this.shadowRoot.querySelector('[part~="code-input"]').focus();
  }

  /** A complete code goes on by itself, except when removing. */
  typed(step, code) {
    if (code.length !== CODE.length || step === 'unbind') return;
    if (step === 'change-current') {
      this.currentCode = code;
      void this.go('change-new');
    } else void this.submit(step);
  }

  async submit(step) {
    const code = this.shadowRoot.querySelector('[part~="code-input"]').value;
    const { phone, phoneCountryCode } = USERS.phoneAndEmail;
    if (step === 'bind') {
      await this.busyWith(() =>
        this.call('/api/v3/bind-phone', { phoneNumber: this.phone, phoneCountryCode: COUNTRY_CODE, passCode: code }),
      );
      return this.done('authing-phone-bound', 'overview');
    }
    if (step === 'unbind') {
      await this.busyWith(() => this.call('/api/v3/unbind-phone', { passCode: code }));
      return this.done('authing-phone-unbound', 'bind');
    }
    await this.busyWith(async () => {
      const { updatePhoneToken } = await this.call('/api/v3/verify-update-phone-request', {
        verifyMethod: 'PHONE_PASSCODE',
        phonePassCodePayload: {
          newPhoneNumber: this.phone,
          newPhoneCountryCode: COUNTRY_CODE,
          newPhonePassCode: code,
          oldPhoneNumber: phone,
          oldPhoneCountryCode: phoneCountryCode,
          oldPhonePassCode: this.currentCode,
        },
      });
      await this.call('/api/v3/update-phone', { updatePhoneToken });
    });
    return this.done('authing-phone-changed', 'overview');
  }

  async busyWith(work) {
    this.busy = true;
    try {
      await work();
    } finally {
      this.busy = false;
    }
  }

  done(type, step) {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true }));
    return this.go(step);
  }

  /** The widget's request: same URL, headers and body; the envelope checked, nothing more. */
  call(path, body) {
    return postAsWidget(this.appHost, this.accessToken, path, body);
  }
}

/**
 * The interaction floor: a bare Lit element doing what the bench's interactions make the widget do,
 * and nothing more. The number and code fields keep what is typed; Send code shows busy while the same
 * send-sms request runs, then a countdown that a one-second timer re-renders; the country prefix opens a
 * list of every country the widget offers (names from Intl.DisplayNames, made when the list first
 * opens, sorted by name), which a search filters by name.
 */
export class BenchFloorInteract extends LitElement {
  static properties = {
    appHost: { attribute: 'app-host' },
    accessToken: { attribute: 'access-token' },
    phone: { state: true },
    code: { state: true },
    open: { state: true },
    query: { state: true },
    busy: { state: true },
    until: { state: true },
  };

  constructor() {
    super();
    this.appHost = '';
    this.accessToken = '';
    this.phone = '';
    this.code = '';
    this.open = false;
    this.query = '';
    this.busy = false;
    this.until = 0;
    this.timer = undefined;
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  async send() {
    this.busy = true;
    await postAsWidget(this.appHost, this.accessToken, '/api/v3/send-sms', {
      channel: 'CHANNEL_BIND_PHONE',
      phoneNumber: this.phone,
      phoneCountryCode: COUNTRY_CODE,
    });
    this.busy = false;
    this.until = Date.now() + 60_000;
    this.timer ??= setInterval(() => this.requestUpdate(), 1000);
    this.dispatchEvent(new CustomEvent('authing-code-sent', { bubbles: true, composed: true }));
  }

  render() {
    const seconds = Math.max(0, Math.ceil((this.until - Date.now()) / 1000));
    return html`<section part="base" aria-busy=${String(this.busy)}>
      <button
        type="button"
        part="country-select"
        aria-haspopup="listbox"
        aria-expanded=${String(this.open)}
        @click=${() => (this.open = !this.open)}
      >
        +86
      </button>
      ${this.open ? this.list() : nothing}
      <input part="phone-input" type="tel" .value=${this.phone} @input=${(e) => (this.phone = e.target.value)} />
      <input part="code-input" type="text" .value=${this.code} @input=${(e) => (this.code = e.target.value)} />
      <button type="button" part="button send-button" ?disabled=${this.busy || seconds > 0} @click=${() => this.send()}>
        ${seconds > 0 ? `Resend in ${seconds} s` : 'Send code'}
      </button>
    </section>`;
  }

  list() {
    const q = this.query.trim().toLowerCase();
    const shown = q ? floorCountries().filter((c) => c.name.toLowerCase().includes(q)) : floorCountries();
    return html`<input part="country-search" .value=${this.query} @input=${(e) => (this.query = e.target.value)} />
      <ul role="listbox">
        ${shown.map((c) => html`<li role="option" @click=${() => (this.open = false)}><span>${c.name}</span><span>+${c.callingCode}</span></li>`)}
      </ul>`;
  }
}

let floorList;
/** Every country the widget offers, named in English, sorted: made once, when a list first opens. */
function floorCountries() {
  if (!floorList) {
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    const collator = new Intl.Collator('en');
    floorList = countries()
      .map(({ iso, callingCode }) => ({ iso, callingCode, name: names.of(iso) ?? iso }))
      .sort((a, b) => collator.compare(a.name, b.name));
  }
  return floorList;
}

customElements.define('bench-floor-interact', BenchFloorInteract);
customElements.define('bench-floor', BenchFloor);
customElements.define('bench-floor-fetch', BenchFloorFetch);
customElements.define('bench-floor-ui', BenchFloorUi);
