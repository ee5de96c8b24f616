// Issue 22: an outcome the server applied reaches the user and the host exactly once, even when its
// answer is lost (a dropped connection, an empty 200) or the host aborts the request (a new token,
// reload(), a new app id or timeout, a move in the DOM). The emulator carries the request out and
// then loses its answer (`apply-*` faults); the tests drive the widget through the UI and wait on the
// emulator's request log, never on a fixed sleep.
import { expect } from '@open-wc/testing';
import { emulator, holdRequests, phoneOf, USERS, wrongCode } from '../../helpers/emulator.js';
import {
  click,
  clickSend,
  codeInput,
  errorText,
  mount,
  nextEvent,
  part,
  phoneInput,
  press,
  recordEvents,
  sendCodeWithEnter,
  type,
  type Widget,
} from '../../helpers/widget.js';
import { EVENTS, endpoints, idle, until, untilEmulatorHas, watchUncaught } from './support.js';

const BIND = 'CHANNEL_BIND_PHONE';
const UNBIND = 'CHANNEL_UNBIND_PHONE';
const NEW_PHONE = '13800135555';
const CHANGE_TO = '13911112222';
const BOB = USERS.phoneAndEmail;
/** Flow tests set only what a new user sets (the language only so the numbers read as mainland ones). */
const SETUP = { lang: 'zh-CN' } as const;

const outcomes = (events: CustomEvent[]) => events.filter((e) => /bound|changed|unbound|error/.test(e.type)).map((e) => e.type);
const logged = async () => endpoints(await emulator.requests());

/** Waits until the emulator logged `count` requests to `path` in all. */
async function untilLogged(path: string, count: number): Promise<void> {
  await until(async () => (await logged()).filter((p) => p === path).length >= count, `fewer than ${count} ${path}`, 5000);
}

interface Flow {
  name: 'bind-phone' | 'update-phone' | 'unbind-phone';
  user: { id: string; token: string };
  /** From the loaded widget to just before the request. */
  prepare(el: Widget): Promise<{ code: string }>;
  /** The user's action that sends it. */
  trigger(el: Widget, code: string): Promise<void>;
  outcome: 'authing-phone-bound' | 'authing-phone-changed' | 'authing-phone-unbound';
  /** What the server holds once the request landed. */
  landed: string | null;
  /** What the user sees once it landed. */
  shown(el: Widget): void;
}

const FLOWS: Flow[] = [
  {
    name: 'bind-phone',
    user: USERS.noPhone,
    async prepare(el) {
      await sendCodeWithEnter(el, NEW_PHONE);
      return { code: await emulator.codeFor(NEW_PHONE, BIND) };
    },
    trigger: (el, code) => type(codeInput(el), code),
    outcome: 'authing-phone-bound',
    landed: NEW_PHONE,
    shown: (el) => expect(part(el, 'base').textContent).to.contain('5555'),
  },
  {
    name: 'update-phone',
    user: BOB,
    async prepare(el) {
      await click(part(el, 'change-button'));
      await clickSend(el);
      await type(codeInput(el), await emulator.codeFor(BOB.phone, UNBIND));
      await until(() => el.shadowRoot!.querySelector('[part~="phone-input"]'), 'no new-number step');
      await sendCodeWithEnter(el, CHANGE_TO);
      return { code: await emulator.codeFor(CHANGE_TO, BIND) };
    },
    trigger: (el, code) => type(codeInput(el), code),
    outcome: 'authing-phone-changed',
    landed: CHANGE_TO,
    shown: (el) => expect(part(el, 'base').textContent).to.contain('2222'),
  },
  {
    name: 'unbind-phone',
    user: BOB,
    async prepare(el) {
      await click(part(el, 'unbind-button'));
      await until(() => el.shadowRoot!.querySelector('[part~="code-input"]'), 'no code step');
      await clickSend(el);
      return { code: await emulator.codeFor(BOB.phone, UNBIND) };
    },
    async trigger(el, code) {
      await type(codeInput(el), code);
      await press('Enter');
    },
    outcome: 'authing-phone-unbound',
    landed: null,
    shown: (el) => expect(el.shadowRoot!.querySelector('[part~="phone-input"]'), 'the bind form').to.not.equal(null),
  },
];

/** What the host does while the request is held, and what it costs in requests. */
const HOST_ACTIONS: Array<{ name: string; act(el: Widget, user: { id: string; token: string }): Promise<void> }> = [
  {
    name: 'a refreshed access token for the same user',
    async act(el, user) {
      el.accessToken = await emulator.issueToken(user.id);
    },
  },
  { name: 'reload()', act: async (el) => el.reload() },
  { name: 'a changed app-id', act: async (el) => el.setAttribute('app-id', 'another-app') },
  { name: 'a changed timeout', act: async (el) => el.setAttribute('timeout', '9000') },
  {
    name: 'a move in the DOM',
    async act(el) {
      const box = document.createElement('div');
      document.body.append(box);
      box.append(el);
    },
  },
];

describe('outcomes the server applied are reported exactly once', () => {
  let uncaught: ReturnType<typeof watchUncaught>;
  beforeEach(async () => {
    await emulator.reset();
    uncaught = watchUncaught();
  });
  afterEach(async () => {
    uncaught.stop();
    document.querySelectorAll('authing-phone-manager').forEach((el) => el.remove());
    document.querySelectorAll('body > div').forEach((box) => box.remove());
    await emulator.reset();
  });

  for (const flow of FLOWS) {
    for (const kind of ['apply-drop', 'apply-empty'] as const) {
      it(`${flow.name}: applied, then the answer lost (${kind}) → the success, the event once, no error`, async () => {
        const el = await mount(flow.user.token, SETUP);
        const events = recordEvents(el, EVENTS);
        const { code } = await flow.prepare(el);
        await emulator.fault({ path: `/api/v3/${flow.name}`, kind });
        const outcome = nextEvent(el, flow.outcome);
        await flow.trigger(el, code);
        await outcome;
        await idle(el);
        expect(await phoneOf(flow.user.id)).to.equal(flow.landed);
        // The answer was lost, so the profile told: one get-profile after the request.
        const log = await logged();
        expect(log.slice(log.lastIndexOf(flow.name) + 1)).to.deep.equal(['get-profile']);
        expect(outcomes(events)).to.deep.equal([flow.outcome]);
        expect(errorText(el)).to.equal('');
        flow.shown(el);
        // The control the user was on is gone with its step: focus is on the new step, not lost.
        expect(el.shadowRoot!.activeElement, 'focus on the new step').to.not.equal(null);
        expect(uncaught.seen).to.deep.equal([]);
      });
    }

    for (const host of HOST_ACTIONS) {
      it(`${flow.name}: applied, then aborted by the host (${host.name}) → the success, the event once`, async () => {
        const el = await mount(flow.user.token, SETUP);
        const events = recordEvents(el, EVENTS);
        const { code } = await flow.prepare(el);
        await emulator.fault({ path: `/api/v3/${flow.name}`, kind: 'apply-delay', delayMs: 20_000 });
        const outcome = nextEvent(el, flow.outcome);
        await flow.trigger(el, code);
        await untilEmulatorHas(`/api/v3/${flow.name}`);
        await until(async () => (await phoneOf(flow.user.id)) === flow.landed, 'not applied');
        await host.act(el, flow.user);
        await outcome;
        await idle(el);
        expect(outcomes(events)).to.deep.equal([flow.outcome]);
        expect(errorText(el)).to.equal('');
        flow.shown(el);
        expect(uncaught.seen).to.deep.equal([]);
      });
    }
  }

  it('bind-phone aborted by the host before the server applied it: back where it was, with what was typed, no event', async () => {
    const el = await mount(USERS.noPhone.token, SETUP);
    const events = recordEvents(el, EVENTS);
    const { code } = await FLOWS[0]!.prepare(el);
    await emulator.fault({ path: '/api/v3/bind-phone', kind: 'delay', delayMs: 20_000 });
    await FLOWS[0]!.trigger(el, code);
    await untilEmulatorHas('/api/v3/bind-phone');
    const loaded = nextEvent(el, 'authing-profile-loaded');
    el.reload();
    await loaded;
    await idle(el);
    expect(outcomes(events)).to.deep.equal([]);
    expect(phoneInput(el).value).to.equal(NEW_PHONE);
    expect(codeInput(el).value).to.equal(code);
    expect(errorText(el)).to.equal('');
  });

  it('ALREADY_BOUND with the very number after a bind that timed out and landed late counts as landed: bound, once', async () => {
    const el = await mount(USERS.noPhone.token, { ...SETUP, timeout: '1000' });
    const events = recordEvents(el, EVENTS);
    const { code } = await FLOWS[0]!.prepare(el);
    // Held on the page past the widget's wait and its profile read: it reaches the server after both.
    const bind = holdRequests('bind-phone', { sentWhenAborted: true });
    try {
      const timedOut = nextEvent(el, 'authing-error');
      await FLOWS[0]!.trigger(el, code);
      expect((await timedOut).detail.code).to.equal('TIMEOUT');
      await idle(el);
    } finally {
      bind.restore();
    }
    expect(codeInput(el).value, 'what was typed is kept').to.equal(code);
    await until(async () => (await phoneOf(USERS.noPhone.id)) === NEW_PHONE, 'the held bind never landed');
    const bound = nextEvent(el, 'authing-phone-bound');
    await click(part(el, 'submit-button')); // Authing: already bound (to this very number)
    await bound;
    await idle(el);
    const log = await logged();
    expect(log.slice(log.lastIndexOf('bind-phone') - 1)).to.deep.equal(['bind-phone', 'bind-phone', 'get-profile']);
    expect(outcomes(events)).to.deep.equal(['authing-error', 'authing-phone-bound']);
    expect(errorText(el)).to.equal('');
  });

  it('a send whose answer was lost: the code that arrives may be typed, and binds', async () => {
    const el = await mount(USERS.noPhone.token, SETUP);
    await emulator.fault({ path: '/api/v3/send-sms', kind: 'apply-drop' });
    const failed = nextEvent(el, 'authing-error');
    await type(phoneInput(el), NEW_PHONE);
    await press('Enter');
    expect((await failed).detail.code, 'online: no answer reads as unreachable').to.equal('UNREACHABLE');
    await idle(el);
    const bound = nextEvent(el, 'authing-phone-bound');
    await type(codeInput(el), await emulator.codeFor(NEW_PHONE, BIND));
    await bound;
    expect(await phoneOf(USERS.noPhone.id)).to.equal(NEW_PHONE);
  });

  it('a send whose answer was lost: a rate-limit answer to the next send says the first went out', async () => {
    const el = await mount(USERS.noPhone.token, SETUP);
    const events = recordEvents(el, EVENTS);
    await emulator.fault({ path: '/api/v3/send-sms', kind: 'apply-drop' });
    const failed = nextEvent(el, 'authing-error');
    await type(phoneInput(el), NEW_PHONE);
    await press('Enter');
    await failed;
    await idle(el);
    const sent = nextEvent(el, 'authing-code-sent');
    await click(part(el, 'send-button')); // the emulator refuses: one SMS a minute
    await sent;
    await idle(el);
    expect((await emulator.requests()).at(-1)?.statusCode, 'refused by the server').to.not.equal(200);
    expect(errorText(el)).to.equal('');
    expect(part(el, 'send-button').getAttribute('aria-disabled'), 'the countdown runs').to.equal('true');
    expect(events.filter((e) => e.type === 'authing-code-sent')).to.have.length(1);
  });

  it('401 on update-phone keeps the verified change: after a new token, Confirm applies the same update token', async () => {
    const el = await mount(BOB.token, SETUP);
    const { code } = await FLOWS[1]!.prepare(el);
    await emulator.fault({
      path: '/api/v3/update-phone',
      kind: 'envelope',
      statusCode: 401,
      apiCode: 2020,
      message: '尚未登录，无权限访问此请求',
    });
    const failed = nextEvent(el, 'authing-error');
    await type(codeInput(el), code);
    expect((await failed).detail.code).to.equal('UNAUTHORIZED');
    await idle(el);
    const loaded = nextEvent(el, 'authing-profile-loaded');
    el.accessToken = await emulator.issueToken(BOB.id);
    await loaded;
    await idle(el);
    expect(phoneInput(el).value).to.equal(CHANGE_TO);
    const changed = nextEvent(el, 'authing-phone-changed');
    await click(part(el, 'submit-button'));
    await changed;
    const log = await logged();
    expect(log.slice(log.lastIndexOf('get-profile') + 1), 'no new codes, no new verify').to.deep.equal(['update-phone']);
    expect(await phoneOf(BOB.id)).to.equal(CHANGE_TO);
  });

  it('a wrong code on unbind reloads the profile once: a number changed elsewhere gets no further SMS', async () => {
    const el = await mount(BOB.token, SETUP);
    const { code } = await FLOWS[2]!.prepare(el);
    // Meanwhile the number is changed elsewhere: the code went to a number that is no longer the account's.
    await emulator.seed([{ userId: BOB.id, phone: '13700001111' }]);
    await emulator.clearRequests();
    const failed = nextEvent(el, 'authing-error');
    await type(codeInput(el), wrongCode(code));
    await press('Enter');
    await failed;
    await untilLogged('get-profile', 1);
    await idle(el);
    expect(await logged()).to.deep.equal(['unbind-phone', 'get-profile']);
    // The overview shows the new number; Unbind starts over with it.
    expect(part(el, 'base').textContent).to.contain('1111');
  });
});
