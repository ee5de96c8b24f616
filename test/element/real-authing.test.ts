// What a real Authing deployment does that our first reading missed (issue 12; docs/authing-api.md §13),
// through the UI, against the emulator over HTTP: the send-sms limit as Authing answers it (statusCode
// 422, apiCode 4004, in English here), a 4xx from update-phone, a token without the `phone` scope, the
// app's public config (present, absent, failing), a widget without an app or pool id, and a request
// header outside Authing's known CORS list.
import { expect } from '@open-wc/testing';
import { catalog } from '../../src/localize/index.js';
import { emulator, emulatorUrl, USERS } from '../helpers/emulator.js';
import {
  $,
  button,
  click,
  codeInput,
  createWidget,
  errorText,
  mount,
  nextEvent,
  part,
  phoneInput,
  press,
  recordEvents,
  TEST_APP_ID,
  text,
  type,
  unmountAll,
  waitIdle,
  waitUntil,
  type Widget,
} from '../helpers/widget.js';
import { waitSendable, withPageClockAhead } from './hardening/support.js';

const PUBLIC_CONFIG = `/api/v2/applications/${TEST_APP_ID}/public-config`;
const BIND = 'CHANNEL_BIND_PHONE';
const UNBIND = 'CHANNEL_UNBIND_PHONE';
/** Whether the widget shows a part (a boolean: chai would try to print an element). */
const has = (el: Widget, selector: string) => $(el, selector) !== null;
const paths = async () => (await emulator.requests()).map((r) => r.path);

/** A send-sms from elsewhere (another tab, another device), as Authing's clients send it. */
async function sendFromElsewhere(phoneNumber: string, channel = BIND): Promise<void> {
  const res = await fetch(`${await emulatorUrl()}/api/v3/send-sms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-authing-app-id': TEST_APP_ID },
    body: JSON.stringify({ channel, phoneNumber, phoneCountryCode: '+86' }),
  });
  expect((await res.json()).statusCode).to.equal(200);
}

describe('right the first time against real Authing', () => {
  beforeEach(() => emulator.reset());
  afterEach(unmountAll);

  describe('no app-id and no userpool-id', () => {
    it('is the host’s mistake: a CONFIG error, the reason in the console (no token in it), no Try again, nothing asked of Authing', async () => {
      const logged: string[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
      try {
        const el = document.createElement('authing-phone-manager');
        el.setAttribute('app-host', await emulatorUrl());
        el.setAttribute('lang', 'en-US');
        el.accessToken = USERS.phoneAndEmail.token;
        const error = nextEvent(el, 'authing-error');
        document.body.append(el);
        expect((await error).detail).to.include({ action: 'load-profile', code: 'CONFIG' });
        await waitIdle(el);
        expect(errorText(el)).to.equal(catalog('en-US').errors.CONFIG);
        expect(has(el, '[part~="retry-button"]'), 'no Try again: it cannot help').to.equal(false);
        expect(logged.filter((line) => line.includes('authing-phone-manager'))).to.have.length(1);
        expect(logged.join()).to.contain('app-id').and.to.contain('userpool-id');
        expect(logged.join()).not.to.contain(USERS.phoneAndEmail.token);
        expect(await emulator.requests(), 'nothing was asked').to.deep.equal([]);
      } finally {
        console.error = original;
      }
    });

    it('even where the server would not mind (requireAppOrPoolId: false): the pool’s settings need the app id', async () => {
      await emulator.configure({ requireAppOrPoolId: false });
      const el = await createWidget(USERS.phoneAndEmail.token, { 'app-id': null });
      const error = nextEvent(el, 'authing-error');
      const original = console.error;
      console.error = () => undefined;
      try {
        document.body.append(el);
        expect((await error).detail.code).to.equal('CONFIG');
      } finally {
        console.error = original;
      }
      el.setAttribute('userpool-id', 'test-pool');
      await nextEvent(el, 'authing-profile-loaded');
      await el.updateComplete;
      expect(text(el), 'a pool id is enough to load').to.contain('138****8000');
    });
  });

  describe('the send-sms limit as Authing answers it', () => {
    it('apiCode 4004 with an English message: the countdown runs and nothing more is sent', async () => {
      await sendFromElsewhere('13800135555');
      const el = await mount(USERS.noPhone.token); // lang en-US: x-authing-lang en-US
      const error = nextEvent(el, 'authing-error');
      await type(phoneInput(el), '13800135555');
      await press('Enter');
      const { detail } = await error;
      expect(detail).to.include({ action: 'send-code', code: 'RATE_LIMITED', statusCode: 422, apiCode: 4004 });
      expect(detail.message, 'the server spoke English, which no pattern of the widget reads').to.match(/^A code was already sent/);
      await waitIdle(el);
      expect(errorText(el)).to.contain('Too many codes requested.');
      expect(part(el, 'send-button').textContent!.trim()).to.match(/^Resend in (59|60)s$/);
      expect(part(el, 'send-button').getAttribute('aria-disabled')).to.equal('true');
      const before = (await emulator.requests()).length;
      await press('Enter');
      await click(part(el, 'send-button'));
      await waitIdle(el);
      expect((await emulator.requests()).length, 'no request during the countdown').to.equal(before);
      expect(await emulator.outbox('13800135555')).to.have.length(1);
    });

    it('the daily cap (statusCode 422, no apiCode): DAILY_LIMIT, no countdown', async () => {
      await emulator.configure({ dailySmsLimit: 1, resendIntervalSeconds: 0 });
      await sendFromElsewhere('13800135555');
      const el = await mount(USERS.noPhone.token);
      const error = nextEvent(el, 'authing-error');
      await type(phoneInput(el), '13800135555');
      await press('Enter');
      expect((await error).detail).to.include({ code: 'DAILY_LIMIT', statusCode: 422 });
      await waitIdle(el);
      expect(errorText(el)).to.contain('try again tomorrow');
      expect(part(el, 'send-button').textContent!.trim()).not.to.match(/Resend in/);
    });
  });

  it('a 4xx from update-phone asks for new codes (the token is spent) and keeps the new number', async () => {
    const el = await mount(USERS.phoneAndEmail.token);
    await click(button(el, 'Change'));
    await click(part(el, 'send-button'));
    await waitIdle(el);
    await type(codeInput(el), await emulator.codeFor(USERS.phoneAndEmail.phone, UNBIND)); // six digits: continues
    await waitUntil(() => has(el, '[part~="phone-input"]'), 'no new-number step');
    await type(phoneInput(el), '13912345678');
    await press('Enter');
    await waitIdle(el);
    await emulator.fault({ path: '/api/v3/update-phone', kind: 'envelope', statusCode: 403, message: 'Forbidden' });
    const error = nextEvent(el, 'authing-error');
    await type(codeInput(el), await emulator.codeFor('13912345678', BIND));
    expect((await error).detail).to.include({ action: 'change', statusCode: 403 });
    await waitIdle(el);
    expect(errorText(el)).to.contain('request new ones');
    expect((await emulator.requests()).filter((r) => r.path === '/api/v3/update-phone')).to.have.length(1, 'not retried by itself');
    expect((await emulator.user(USERS.phoneAndEmail.id)).phone).to.equal(USERS.phoneAndEmail.phone);
    // Back to the current number's code (empty); after it, the new number is still there.
    expect(has(el, '[part~="phone-input"]'), 'on the first step').to.equal(false);
    expect(codeInput(el).value).to.equal('');
    // New codes, a minute after the last ones (both clocks moved).
    await emulator.advanceClock(61);
    await withPageClockAhead(61_000, async () => {
      await waitSendable(el);
      await click(part(el, 'send-button'));
      await waitIdle(el);
      await type(codeInput(el), await emulator.codeFor(USERS.phoneAndEmail.phone, UNBIND));
      await waitUntil(() => has(el, '[part~="phone-input"]'), 'no new-number step');
      expect(phoneInput(el).value, 'the new number kept').to.equal('13912345678');
    });
  });

  describe('a token without the `phone` scope', () => {
    it('with a phone bound: PHONE_SCOPE_MISSING, no bind form, no Try again; get-security-info asked once', async () => {
      const token = await emulator.issueToken(USERS.phoneAndEmail.id, { scope: 'openid profile email' });
      const el = document.createElement('authing-phone-manager');
      el.setAttribute('app-host', await emulatorUrl());
      el.setAttribute('app-id', TEST_APP_ID);
      el.setAttribute('lang', 'en-US');
      el.accessToken = token;
      const events = recordEvents(el, ['authing-error', 'authing-profile-loaded']);
      const error = nextEvent(el, 'authing-error');
      document.body.append(el);
      expect((await error).detail).to.include({ action: 'load-profile', code: 'PHONE_SCOPE_MISSING' });
      await waitIdle(el);
      // Neutral words for the user; the console tells the developer why.
      expect(errorText(el)).to.equal('Your phone number can’t be managed here right now.');
      expect(has(el, '[part~="phone-input"]'), 'no bind form').to.equal(false);
      expect(has(el, '[part~="retry-button"]'), 'no Try again').to.equal(false);
      expect(events.map((e) => e.type)).to.deep.equal(['authing-error']);
      expect((await paths()).filter((p) => p === '/api/v3/get-security-info')).to.have.length(1);
    });

    it('without a phone bound: bind is offered', async () => {
      const token = await emulator.issueToken(USERS.noPhone.id, { scope: 'openid profile email' });
      const el = await mount(token);
      expect(has(el, '[part~="phone-input"]'), 'the bind form').to.equal(true);
      expect(errorText(el)).to.equal('');
      expect((await paths()).filter((p) => p === '/api/v3/get-security-info')).to.have.length(1);
    });

    it('with every scope the security info is not asked for', async () => {
      await mount(USERS.phoneAndEmail.token);
      expect(await paths()).not.to.include('/api/v3/get-security-info');
    });
  });

  describe("the app's public config", () => {
    it('present, verifyOldPhone false: a change starts at the new number', async () => {
      await emulator.configure({ verifyOldPhone: false });
      const el = await mount(USERS.phoneAndEmail.token);
      await click(button(el, 'Change'));
      await waitIdle(el);
      expect(has(el, '[part~="phone-input"]'), 'the new number first').to.equal(true);
      expect((await paths()).filter((p) => p === PUBLIC_CONFIG)).to.have.length(1);
    });

    it('present, verifyCodeLength 4: a 4-digit code submits itself', async () => {
      await emulator.configure({ codeLength: 4 });
      const el = await mount(USERS.noPhone.token);
      await type(phoneInput(el), '13800135555');
      await press('Enter');
      await waitIdle(el);
      const bound = nextEvent(el, 'authing-phone-bound');
      await type(codeInput(el), await emulator.codeFor('13800135555', BIND));
      await bound; // four digits complete the code: no Enter, no click
      expect((await emulator.user(USERS.noPhone.id)).phone).to.equal('13800135555');
    });

    it("the host's attributes win over it", async () => {
      await emulator.configure({ verifyOldPhone: true });
      const el = await mount(USERS.phoneAndEmail.token, { 'skip-old-phone-verification': '' });
      await click(button(el, 'Change'));
      await waitIdle(el);
      expect(has(el, '[part~="phone-input"]')).to.equal(true);
    });

    it('absent (a pool id, no app id): no public-config request; the defaults apply', async () => {
      await emulator.configure({ verifyOldPhone: false });
      const el = await mount(USERS.phoneAndEmail.token, { 'app-id': null, 'userpool-id': 'test-pool' });
      await click(button(el, 'Change'));
      await waitIdle(el);
      expect(has(el, '[part~="phone-input"]'), 'the old-phone step first (the default)').to.equal(false);
      expect((await paths()).some((p) => p.startsWith('/api/v2/'))).to.equal(false);
      expect((await emulator.requests())[0]?.userPoolId).to.equal('test-pool');
    });

    for (const kind of ['http500', 'drop'] as const) {
      it(`failing (${kind}): the defaults apply, silently (no authing-error)`, async () => {
        await emulator.configure({ verifyOldPhone: false });
        await emulator.fault({ path: PUBLIC_CONFIG, kind, times: 2 }); // tried once more, as every read
        const el = document.createElement('authing-phone-manager');
        const errors = recordEvents(el, ['authing-error']);
        el.setAttribute('app-host', await emulatorUrl());
        el.setAttribute('app-id', TEST_APP_ID);
        el.setAttribute('lang', 'en-US');
        el.accessToken = USERS.phoneAndEmail.token;
        const loaded = nextEvent(el, 'authing-profile-loaded');
        document.body.append(el);
        await loaded;
        await el.updateComplete;
        expect((await emulator.requests()).find((r) => r.path === PUBLIC_CONFIG)?.fault).to.equal(kind);
        await click(button(el, 'Change'));
        await waitIdle(el);
        expect(has(el, '[part~="phone-input"]'), 'the old-phone step first (the default)').to.equal(false);
        expect(errors, 'no authing-error').to.deep.equal([]);
        expect(errorText(el)).to.equal('');
      });
    }
  });

  describe("CORS as Authing's is known to be", () => {
    it('a request with a header outside the known list gets no CORS approval; the same without it goes through', async () => {
      const url = `${await emulatorUrl()}/api/v3/get-profile`;
      const headers = { authorization: `Bearer ${USERS.noPhone.token}`, 'x-authing-app-id': TEST_APP_ID };
      const ok = await fetch(url, { headers });
      expect((await ok.json()).data.userId).to.equal(USERS.noPhone.id);
      let refused: unknown;
      try {
        await fetch(url, { headers: { ...headers, 'x-request-id': 'abc' } });
      } catch (error) {
        refused = error;
      }
      expect(refused, 'the browser refused the request').to.be.instanceOf(TypeError);
      expect(await paths(), 'the refused request never reached the endpoint').to.deep.equal(['/api/v3/get-profile']);
    });

    it('every header the widget sends is on the list: a whole change goes through with the app id and the language', async () => {
      await emulator.configure({ verifyOldPhone: false }); // read from the public config: the new number first
      const el = await mount(USERS.phoneAndEmail.token);
      const changed = nextEvent(el, 'authing-phone-changed');
      await click(button(el, 'Change'));
      await waitIdle(el);
      await type(phoneInput(el), '13912345678');
      await press('Enter');
      await waitIdle(el);
      await type(codeInput(el), await emulator.codeFor('13912345678', BIND));
      await changed;
      const log = await emulator.requests();
      expect(log.every((r) => r.path.startsWith('/api/v2/') || (r.appId === TEST_APP_ID && r.lang === 'en-US'))).to.equal(true);
    });
  });
});
