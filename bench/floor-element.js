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
//
// The parts carry the widget's part names, so the bench's "interactive" check is the same for both.
// No styles: the widget's stylesheet is part of what it costs.
import { LitElement, html } from 'lit';

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

customElements.define('bench-floor', BenchFloor);
customElements.define('bench-floor-fetch', BenchFloorFetch);
