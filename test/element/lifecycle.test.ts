// Countdown, the headers Authing gets, a widget waiting quietly for its token, and what stays on screen
// when a new token's profile does not load. Aborts, double submits, leftovers after removal and the
// token's whereabouts are in test/element/hardening/.
import { expect } from '@open-wc/testing';
import { emulator, emulatorUrl, holdRequests, USERS } from '../helpers/emulator.js';
import { recordFetches, withPageClockAhead } from './hardening/support.js';
import {
  button,
  click,
  createWidget,
  errorText,
  mount,
  nextEvent,
  part,
  press,
  recordEvents,
  text,
  title,
  type,
  unmountAll,
  waitForTitle,
  waitIdle,
  type Widget,
  waitUntil,
} from '../helpers/widget.js';

describe('countdown, double submits, aborts and the token', () => {
  beforeEach(() => emulator.reset());
  afterEach(unmountAll);

  it('counts down 60 s before a resend, and a click meanwhile sends nothing', async () => {
    const el = await mount(USERS.noPhone.token);
    await type(part<HTMLInputElement>(el, 'phone-input'), '13800135555');
    await press('Enter');
    await waitIdle(el);
    const send = part(el, 'send-button');
    expect(send.textContent!.trim()).to.match(/^Resend in (59|60)s$/);
    expect(send.getAttribute('aria-disabled')).to.equal('true');
    const first = send.textContent!.trim();
    await waitUntil(() => send.textContent!.trim() !== first, 'the countdown never ticked');
    expect(send.textContent!.trim()).to.match(/^Resend in (58|59)s$/);
    // What the page sends from here on: nothing for the click meanwhile, one send once the minute is over.
    const fetches = recordFetches();
    try {
      await click(send);
      // A different number is a different SMS limit: it may be sent to at once.
      await type(part<HTMLInputElement>(el, 'phone-input'), '13800136666');
      await el.updateComplete;
      expect(part(el, 'send-button').textContent!.trim()).to.equal('Send code');
      // Once the minute has passed (page and emulator clocks moved), Send code is back.
      await type(part<HTMLInputElement>(el, 'phone-input'), '13800135555');
      await emulator.advanceClock(61);
      await withPageClockAhead(61_000, async () => {
        await waitUntil(() => part(el, 'send-button').textContent!.trim() === 'Send code', 'countdown never ended');
        await click(part(el, 'send-button'));
        await waitIdle(el);
      });
      expect(
        fetches.calls.map((c) => c.endpoint),
        'the click during the countdown sent nothing',
      ).to.deep.equal(['send-sms']);
    } finally {
      fetches.restore();
    }
    expect(await emulator.outbox('13800135555')).to.have.length(2);
  });

  it('sends x-authing-lang and x-authing-app-id', async () => {
    await mount(USERS.phoneAndEmail.token, { lang: 'zh-CN', 'app-id': 'app-123' });
    const profile = (await emulator.requests()).find((r) => r.path === '/api/v3/get-profile');
    expect(profile).to.include({ path: '/api/v3/get-profile', lang: 'zh-CN', appId: 'app-123', authorized: true });
  });

  it('waits quietly for a token, then loads once it is given', async () => {
    const el = document.createElement('authing-phone-manager');
    el.setAttribute('app-host', await emulatorUrl());
    el.setAttribute('app-id', 'test-app');
    el.setAttribute('lang', 'en-US');
    const errors = recordEvents(el, ['authing-error']);
    document.body.append(el);
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('Sign in to manage your phone number.');
    expect(await emulator.requests()).to.have.length(0);
    const loaded = nextEvent(el, 'authing-profile-loaded');
    el.accessToken = USERS.noPhone.token;
    await loaded;
    expect(errors).to.have.length(0);
  });
});

describe('a new access token or app host whose profile does not load', () => {
  const BOB_MASKED = '138****8000';
  const UNAVAILABLE = 'We couldn’t load your phone number.';

  beforeEach(() => emulator.reset());
  afterEach(unmountAll);

  /** Bob in the middle of a change: current number verified, a new number typed. */
  async function bobChanging() {
    const el = await mount(USERS.phoneAndEmail.token);
    await click(button(el, 'Change'));
    await waitForTitle(el, 'Change phone number');
    await click(part(el, 'send-button'));
    await waitIdle(el);
    await type(part<HTMLInputElement>(el, 'code-input'), await emulator.codeFor(USERS.phoneAndEmail.phone, 'CHANNEL_UNBIND_PHONE'));
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="phone-input"]'), 'no new-number step');
    await type(part<HTMLInputElement>(el, 'phone-input'), '13912345678');
    return el;
  }

  /** Nothing of Bob's account or flow is on screen: the unavailable step, its error and Try again. */
  function showsNothingOfBob(el: Widget, error: string) {
    expect(text(el)).not.to.contain(BOB_MASKED);
    expect(text(el)).not.to.contain('13912345678');
    const leftover = el.shadowRoot!.querySelector('[part~="phone"], [part~="phone-input"], [part~="code-input"]');
    expect(leftover?.getAttribute('part') ?? 'none', 'no number, number field or code field').to.equal('none');
    expect(text(el)).to.contain(UNAVAILABLE);
    expect(errorText(el), 'one message: that it did not load, and why').to.equal(`${UNAVAILABLE} ${error}`);
    expect(part(el, 'retry-button').textContent!.trim()).to.equal('Try again');
  }

  it('a token Authing refuses (401): the error, and nothing of the previous user or their flow', async () => {
    const el = await bobChanging();
    const failed = nextEvent(el, 'authing-error');
    el.accessToken = 'demo-token-revoked';
    expect((await failed).detail).to.include({ action: 'load-profile', code: 'UNAUTHORIZED', statusCode: 401 });
    await waitIdle(el);
    showsNothingOfBob(el, 'Your session has expired. Please sign in again.');
    // The host signs someone in: their account, nothing Bob typed.
    const loaded = nextEvent(el, 'authing-profile-loaded');
    el.accessToken = USERS.phoneOnly.token;
    expect((await loaded).detail).to.include({ phoneNumber: USERS.phoneOnly.phone });
    await el.updateComplete;
    expect(title(el)).to.equal('Phone number');
    expect(part(el, 'phone').textContent).to.equal('+86 139****9000');
    await click(button(el, 'Change'));
    await click(part(el, 'send-button'));
    await waitIdle(el);
    await type(part<HTMLInputElement>(el, 'code-input'), await emulator.codeFor(USERS.phoneOnly.phone, 'CHANNEL_UNBIND_PHONE'));
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="phone-input"]'), 'no new-number step');
    expect(part<HTMLInputElement>(el, 'phone-input').value, "not Bob's new number").to.equal('');
  });

  it("another user's token meeting a server fault: the error; Try again loads the new user", async () => {
    const el = await mount(USERS.phoneAndEmail.token);
    await emulator.fault({ path: '/api/v3/get-profile', kind: 'http500', times: 2 });
    const failed = nextEvent(el, 'authing-error');
    el.accessToken = USERS.phoneOnly.token;
    expect((await failed).detail).to.include({ action: 'load-profile', code: 'SERVER' });
    await waitIdle(el);
    showsNothingOfBob(el, 'Something went wrong on the server. Please try again.');
    const loaded = nextEvent(el, 'authing-profile-loaded');
    await click(part(el, 'retry-button'));
    await loaded;
    await el.updateComplete;
    expect(part(el, 'phone').textContent).to.equal('+86 139****9000');
    expect(errorText(el)).to.equal('');
  });

  it('an app host that does not answer: the error, and nothing of the previous account', async () => {
    const el = await bobChanging();
    const failed = nextEvent(el, 'authing-error');
    el.appHost = 'http://127.0.0.1:9'; // the discard port: nothing listens
    expect((await failed).detail).to.include({ action: 'load-profile', code: 'UNREACHABLE' });
    await waitIdle(el);
    showsNothingOfBob(el, 'Couldn’t reach the account service. Please try again later.');
  });

  it("the same user's refreshed token carries on where the user was", async () => {
    const fresh = `fresh-${USERS.phoneAndEmail.token}`;
    await emulator.seed([{ userId: USERS.phoneAndEmail.id, tokens: [USERS.phoneAndEmail.token, fresh] }]);
    const el = await bobChanging();
    const loaded = nextEvent(el, 'authing-profile-loaded');
    el.accessToken = fresh;
    await loaded;
    await waitIdle(el);
    expect(part<HTMLInputElement>(el, 'phone-input').value).to.equal('13912345678');
  });

  it('a failed reload with the same token keeps the flow and shows the error: Try again is the same form', async () => {
    const el = await bobChanging();
    await emulator.fault({ path: '/api/v3/get-profile', kind: 'http500', times: 2 });
    const failed = nextEvent(el, 'authing-error');
    el.reload();
    expect((await failed).detail).to.include({ action: 'load-profile', code: 'SERVER' });
    await waitIdle(el);
    expect(part<HTMLInputElement>(el, 'phone-input').value).to.equal('13912345678');
    expect(title(el)).to.equal('Change phone number');
    expect(errorText(el)).to.equal('Something went wrong on the server. Please try again.');
  });
});

describe('waiting for the profile of a connection (a task)', () => {
  beforeEach(() => emulator.reset());
  afterEach(unmountAll);

  const busy = (el: Widget) => part(el, 'base').getAttribute('aria-busy');
  const skeleton = (el: Widget) => el.shadowRoot!.querySelector('.apm__skeleton');

  it('pending: busy, with the skeleton; complete: the step, not busy', async () => {
    const profile = holdRequests('get-profile');
    const el = await createWidget(USERS.phoneAndEmail.token);
    const loaded = nextEvent(el, 'authing-profile-loaded');
    try {
      document.body.append(el);
      await el.updateComplete;
      expect(busy(el)).to.equal('true');
      expect(skeleton(el), 'the skeleton while it loads').to.exist;
    } finally {
      profile.restore();
    }
    await loaded;
    await el.updateComplete;
    expect(busy(el)).to.equal('false');
    expect(skeleton(el)).to.equal(null);
    expect(part(el, 'phone').textContent).to.equal('+86 138****8000');
  });

  it('error: the unavailable step with Try again, not busy; Try again runs it again (pending, then complete)', async () => {
    await emulator.fault({ path: '/api/v3/get-profile', kind: 'http500', times: 2 });
    const el = await createWidget(USERS.phoneAndEmail.token);
    const failed = nextEvent(el, 'authing-error');
    document.body.append(el);
    await failed;
    await el.updateComplete;
    expect(busy(el)).to.equal('false');
    expect(text(el)).to.contain('We couldn’t load your phone number.');
    const profile = holdRequests('get-profile');
    const loaded = nextEvent(el, 'authing-profile-loaded');
    try {
      await click(part(el, 'retry-button'));
      await el.updateComplete;
      expect(busy(el), 'pending again').to.equal('true');
    } finally {
      profile.restore();
    }
    await loaded;
    await el.updateComplete;
    expect(busy(el)).to.equal('false');
    expect(part(el, 'phone').textContent).to.equal('+86 138****8000');
  });

  it("a new token runs it again: the new user's profile, busy until it is there", async () => {
    const el = await mount(USERS.phoneAndEmail.token);
    const profile = holdRequests('get-profile');
    const loaded = nextEvent(el, 'authing-profile-loaded');
    try {
      el.accessToken = USERS.phoneOnly.token;
      await el.updateComplete;
      expect(busy(el)).to.equal('true');
    } finally {
      profile.restore();
    }
    await loaded;
    await el.updateComplete;
    expect(busy(el)).to.equal('false');
    expect(part(el, 'phone').textContent).to.equal('+86 139****9000');
  });
});
