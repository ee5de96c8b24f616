// Countdown, the headers Authing gets, and a widget waiting quietly for its token. Aborts, double
// submits, leftovers after removal and the token's whereabouts are in test/hardening/.
import { expect, waitUntil } from '@open-wc/testing';
import { emulator, emulatorUrl, USERS } from './helpers/emulator.js';
import {
  click,
  mount,
  nextEvent,
  part,
  press,
  recordEvents,
  type,
  unmountAll,
  waitIdle,
} from './helpers/widget.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('countdown, double submits, aborts and the token', () => {
  beforeEach(() => emulator.reset());
  afterEach(unmountAll);

  it('counts down 60 s before a resend, and a click meanwhile sends nothing', async () => {
    const el = await mount(USERS.noPhone.token);
    await type(part<HTMLInputElement>(el, 'phone-input'), '13800135555');
    await press('Enter');
    await waitIdle(el);
    const send = part(el, 'send-button');
    expect(send.textContent!.trim()).to.match(/^Resend in (59|60) s$/);
    expect(send.getAttribute('aria-disabled')).to.equal('true');
    await sleep(1100);
    await el.updateComplete;
    expect(send.textContent!.trim()).to.match(/^Resend in (58|59) s$/);
    await click(send);
    await sleep(100);
    expect(await emulator.outbox('13800135555')).to.have.length(1);
    // A different number is a different SMS limit: it may be sent to at once.
    await type(part<HTMLInputElement>(el, 'phone-input'), '13800136666');
    await el.updateComplete;
    expect(part(el, 'send-button').textContent!.trim()).to.equal('Send code');
    // Once the minute has passed (page and emulator clocks moved), Send code is back.
    await type(part<HTMLInputElement>(el, 'phone-input'), '13800135555');
    await emulator.advanceClock(61);
    const realNow = Date.now;
    Date.now = () => realNow() + 61_000;
    try {
      await waitUntil(() => part(el, 'send-button').textContent!.trim() === 'Send code', 'countdown never ended', { timeout: 2500 });
      await click(part(el, 'send-button'));
      await waitIdle(el);
    } finally {
      Date.now = realNow;
    }
    expect(await emulator.outbox('13800135555')).to.have.length(2);
  });

  it('sends x-authing-lang and x-authing-app-id', async () => {
    await mount(USERS.phoneAndEmail.token, { lang: 'zh-CN', 'app-id': 'app-123' });
    const [profile] = await emulator.requests();
    expect(profile).to.include({ path: '/api/v3/get-profile', lang: 'zh-CN', appId: 'app-123', authorized: true });
  });

  it('waits quietly for a token, then loads once it is given', async () => {
    const el = document.createElement('authing-phone-manager');
    el.setAttribute('app-host', await emulatorUrl());
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
