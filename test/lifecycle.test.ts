// Countdown, no double submit, aborts on disconnect and on a new token, and the token kept out of
// everything but the Authorization header.
import { expect, waitUntil } from '@open-wc/testing';
import { emulator, emulatorUrl, USERS } from './helpers/emulator.js';
import {
  button,
  click,
  mount,
  nextEvent,
  part,
  press,
  recordEvents,
  statusText,
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

  it('repeated clicks and Enter presses while a request is in flight make one request', async () => {
    const el = await mount(USERS.noPhone.token);
    await emulator.fault({ path: '/api/v3/send-sms', kind: 'delay', delayMs: 600 });
    await type(part<HTMLInputElement>(el, 'phone-input'), '13800135555');
    await press('Enter');
    await el.updateComplete;
    expect(part(el, 'base').getAttribute('aria-busy')).to.equal('true');
    expect(part(el, 'send-button').getAttribute('aria-disabled')).to.equal('true');
    expect(part(el, 'submit-button').getAttribute('aria-disabled')).to.equal('true');
    await press('Enter');
    await click(part(el, 'send-button'));
    await click(part(el, 'send-button'));
    await click(part(el, 'submit-button'));
    await waitIdle(el);
    const sends = (await emulator.requests()).filter((r) => r.path === '/api/v3/send-sms');
    expect(sends).to.have.length(1);
    expect((await emulator.requests()).filter((r) => r.path === '/api/v3/bind-phone')).to.have.length(0);
  });

  it('aborts an in-flight request when removed, fires nothing after, and starts afresh when put back', async () => {
    const el = await mount(USERS.noPhone.token);
    const events = recordEvents(el, ['authing-code-sent', 'authing-error']);
    await emulator.fault({ path: '/api/v3/send-sms', kind: 'delay', delayMs: 500 });
    await type(part<HTMLInputElement>(el, 'phone-input'), '13800135555');
    await press('Enter');
    await sleep(150); // the request is on its way; the emulator holds the answer for 500 ms
    expect(part(el, 'base').getAttribute('aria-busy')).to.equal('true');
    el.remove();
    await sleep(800);
    expect(events).to.have.length(0, 'no event from an aborted request');
    expect((await emulator.requests()).filter((r) => r.path === '/api/v3/send-sms')).to.have.length(1, 'the request did go out');
    const loaded = nextEvent(el, 'authing-profile-loaded');
    document.body.append(el);
    await loaded;
    await waitIdle(el);
    expect(part(el, 'base').getAttribute('aria-busy')).to.equal('false');
    expect(part<HTMLInputElement>(el, 'phone-input').value).to.equal('13800135555', 'what was typed survives a move');
  });

  it('a new access-token mid-request aborts the old request and reloads with the new token', async () => {
    const el = await mount(USERS.noPhone.token);
    const events = recordEvents(el, ['authing-code-sent', 'authing-error']);
    await emulator.fault({ path: '/api/v3/send-sms', kind: 'delay', delayMs: 500 });
    await type(part<HTMLInputElement>(el, 'phone-input'), '13800135555');
    await press('Enter');
    await sleep(100);
    const loaded = nextEvent(el, 'authing-profile-loaded');
    el.setAttribute('access-token', USERS.phoneAndEmail.token);
    expect((await loaded).detail.phoneNumber).to.equal('13800138000');
    await sleep(700);
    expect(events).to.have.length(0);
    await el.updateComplete;
    expect(part(el, 'phone').textContent).to.equal('+86 138****8000');
  });

  it('keeps the token out of the DOM, events, console, URLs and the request log', async () => {
    const token = 'secret-token-7f3a9c';
    await emulator.seed([{ userId: USERS.phoneAndEmail.id, tokens: [token] }]);
    const logged: string[] = [];
    const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    const originals = methods.map((m) => console[m]);
    methods.forEach((m) => {
      console[m] = (...args: unknown[]) => {
        logged.push(args.map(String).join(' '));
        originals[methods.indexOf(m)].apply(console, args);
      };
    });
    try {
      const el = document.createElement('authing-phone-manager');
      el.setAttribute('app-host', await emulatorUrl());
      el.setAttribute('lang', 'en-US');
      el.accessToken = token; // as a property: no attribute in the DOM either
      const events = recordEvents(el, ['authing-profile-loaded', 'authing-code-sent', 'authing-phone-changed', 'authing-error']);
      const loaded = nextEvent(el, 'authing-profile-loaded');
      document.body.append(el);
      await loaded;
      await el.updateComplete;
      await click(button(el, 'Change'));
      await click(part(el, 'send-button'));
      await waitIdle(el);
      const oldCode = await emulator.codeFor('13800138000', 'CHANNEL_UNBIND_PHONE');
      await type(part<HTMLInputElement>(el, 'code-input'), oldCode);
      await type(part<HTMLInputElement>(el, 'phone-input'), '13922223333');
      await press('Enter');
      await waitIdle(el);
      const newCode = await emulator.codeFor('13922223333', 'CHANNEL_BIND_PHONE');
      const changed = nextEvent(el, 'authing-phone-changed');
      await type(part<HTMLInputElement>(el, 'code-input'), newCode);
      await changed;
      await waitIdle(el);
      expect(statusText(el)).to.equal('Phone number changed.');

      const everything = [
        document.documentElement.outerHTML,
        el.shadowRoot!.innerHTML,
        JSON.stringify(events.map((e) => e.detail)),
        logged.join('\n'),
        performance.getEntriesByType('resource').map((r) => r.name).join('\n'),
        JSON.stringify(await emulator.requests()),
      ].join('\n');
      expect(everything).not.to.contain(token);
      expect(JSON.stringify(events.map((e) => e.detail))).not.to.contain(oldCode);
      expect(JSON.stringify(events.map((e) => e.detail))).not.to.contain(newCode);
      expect(el.hasAttribute('access-token')).to.equal(false, 'the property is never reflected');
      expect((await emulator.requests()).every((r) => r.authorized || r.path === '/api/v3/send-sms')).to.equal(true);
    } finally {
      methods.forEach((m, i) => (console[m] = originals[i]));
    }
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

  it('leaves no interval running after removal', async () => {
    // Count live intervals from the page's side: the widget's countdown is the only one.
    const live = new Set<number>();
    const realSet = window.setInterval;
    const realClear = window.clearInterval;
    window.setInterval = ((handler: TimerHandler, ms?: number) => {
      const id = realSet(handler, ms);
      live.add(id);
      return id;
    }) as typeof window.setInterval;
    window.clearInterval = ((id?: number) => {
      if (id !== undefined) live.delete(id);
      realClear(id);
    }) as typeof window.clearInterval;
    try {
      const el = await mount(USERS.noPhone.token);
      await type(part<HTMLInputElement>(el, 'phone-input'), '13800135555');
      await press('Enter');
      await waitIdle(el);
      expect(live.size).to.equal(1, 'the countdown ticks');
      el.remove();
      expect(live.size).to.equal(0, 'nothing ticks for a detached element');
    } finally {
      window.setInterval = realSet;
      window.clearInterval = realClear;
    }
  });
});
