// The speed floor: bare Lit elements that render the same form as <authing-phone-manager>, with none
// of its logic. Bundled with esbuild at bench time (bench/lib/floor.mjs); the country options come in
// as a build-time constant, so the form is static data.
//
//   <bench-floor view="bind">        the bind form: heading, intro, country select (every option the
//                                    widget lists), phone input, Send code, code input and hint, submit
//                                    button, status and error lines
//   <bench-floor view="overview">    the overview: heading, current number, Change and Remove buttons
//   <bench-floor-fetch view="…" app-host="…" access-token="…">
//                                    the same, rendered only once one GET /api/v3/get-profile (same URL
//                                    and headers as the widget's) has answered: the floor plus the one
//                                    request the widget cannot do without
//
// The parts carry the widget's part names, so the bench's "interactive" check is the same for both.
// No styles: the widget's stylesheet is part of what it costs.
import { LitElement, html } from 'lit';

/* global BENCH_COUNTRY_OPTIONS */
/** @type {Array<{ iso: string, label: string }>} */
const COUNTRY_OPTIONS = BENCH_COUNTRY_OPTIONS;

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
      <p part="status" role="status"></p>
      <p part="error" id="error" role="alert"></p>
    </section>`;
  }
}

const title = (text) => html`<div part="title" role="heading" aria-level="2" tabindex="-1">${text}</div>`;

const bindForm = () =>
  html`<form novalidate>
    ${title('Add a phone number')}
    <p>No phone number is linked to your account.</p>
    <div>
      <label>
        <span part="label">Country or region</span>
        <select part="country-select" name="country" autocomplete="tel-country-code">
          ${COUNTRY_OPTIONS.map((c) => html`<option value=${c.iso} ?selected=${c.iso === 'CN'}>${c.label}</option>`)}
        </select>
      </label>
      <label>
        <span part="label">Phone number</span>
        <input part="phone-input" name="phone" type="tel" inputmode="tel" autocomplete="tel-national" maxlength="24" />
      </label>
      <button type="button" part="button send-button">Send code</button>
    </div>
    <label>
      <span part="label">Verification code</span>
      <input part="code-input" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="8" />
      <span part="hint" id="code-hint">6 digits, sent by SMS</span>
    </label>
    <div>
      <button type="submit" part="button submit-button">Add phone number</button>
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

customElements.define('bench-floor', BenchFloor);
customElements.define('bench-floor-fetch', BenchFloorFetch);
