// Issue 5, faults: every endpoint the widget calls × every transport and session fault, then the
// business faults where they happen. Each case drives the widget to the request through the UI
// (real keys and clicks), injects the fault in the emulator, and checks that:
//   1. the user sees the message for the right code in their language (half the cases in zh-CN);
//   2. `authing-error` fired exactly once, with that code and action, and nothing uncaught reached the page;
//   3. exactly the requests the user asked for were made (the page's fetches and the emulator's log),
//      and the emulator's users and SMS outbox are as they were before the failure;
//   4. what the user typed is still there, and retrying, as a user would, completes the flow.
import { expect } from '@open-wc/testing';
import type { ErrorCode } from '../../../src/core/errors.js';
import type { Action } from '../../../src/events.js';
import {
  emulator,
  emulatorUrl,
  type FaultKind,
  type HeldRequests,
  holdRequests,
  phoneOf,
  USERS,
  wrongCode,
} from '../../helpers/emulator.js';
import { catalog } from '../../../src/localize/index.js';
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
  statusText,
  title,
  type,
  type Widget,
} from '../../helpers/widget.js';
import {
  endpoints,
  EVENTS,
  idle,
  until,
  messageOf,
  recordFetches,
  waitSendable,
  watchUncaught,
  withPageClockAhead,
  type TestLang,
} from './support.js';

const BIND = 'CHANNEL_BIND_PHONE';
const UNBIND = 'CHANNEL_UNBIND_PHONE';
/** A free number to bind, and one to change to. */
const NEW_PHONE = '13800135555';
const CHANGE_TO = '13911112222';
/**
 * Types a code and presses Enter. The matrix's widgets identify with a pool id, so the public config
 * (and the pool's code length) is not read: no code submits itself, the user presses Enter.
 */
async function enterCode(el: Widget, code: string): Promise<void> {
  await type(codeInput(el), code);
  await press('Enter');
}
/** Types the code to the current number and presses Enter: removing never submits by itself. */
const typeAndRemove = enterCode;

const BOB = USERS.phoneAndEmail; // phone 13800138000, email: may change and unbind
const TIMEOUT_MS = 1000;

/** What a case remembers between steps (the code the user read from their phone). */
interface Ctx {
  code: string;
}

type EndpointName = 'get-profile' | 'send-sms' | 'bind-phone' | 'verify-update-phone-request' | 'update-phone' | 'unbind-phone';

interface Endpoint {
  name: EndpointName;
  action: Action;
  user: { id: string; token: string };
  /** From a loaded widget to just before the request (get-profile: nothing, the request is the load). */
  prepare(el: Widget, ctx: Ctx): Promise<void>;
  prepareCalls: string[];
  /** The user's action that sends the request. */
  trigger(el: Widget, ctx: Ctx): Promise<void>;
  triggerCalls: string[];
  /** What the user typed, still in place after the failure. */
  kept(el: Widget, ctx: Ctx): void;
  /** What the user does after the failure, up to the flow's end. */
  retry(el: Widget, ctx: Ctx): Promise<void>;
  retryCalls: string[];
  /** Checks the emulator once the flow is complete. */
  done(): Promise<void>;
  /** The emulator answers this endpoint's 401 itself when its token is rotated (false: a fault stands in). */
  real401: boolean;
  /**
   * update-phone: a 4xx answer spent the codes with the one-time token, so the widget asks for new codes
   * instead of retrying a dead token. What is kept then, and the retry with new codes.
   */
  spentBy4xx?: Pick<Endpoint, 'kept' | 'retry' | 'retryCalls'>;
}

/** Change, up to the new number's code: code to the current number, new number, code to it. */
async function prepareChange(el: Widget, ctx: Ctx, to = CHANGE_TO): Promise<void> {
  await click(part(el, 'change-button'));
  await clickSend(el);
  await enterCode(el, await emulator.codeFor(BOB.phone, UNBIND)); // Enter: continues
  await until(() => el.shadowRoot!.querySelector('[part~="phone-input"]'), 'no new-number step');
  await sendCodeWithEnter(el, to);
  ctx.code = await emulator.codeFor(to, BIND);
}

async function submitAndWait(el: Widget, event: 'authing-phone-bound' | 'authing-phone-changed' | 'authing-phone-unbound'): Promise<void> {
  const outcome = nextEvent(el, event);
  await click(part(el, 'submit-button'));
  await outcome;
  await idle(el);
}

/**
 * A change that asks for both codes again, the new number kept: a code to the current number, one to the
 * new number, and the change completes. With the page clock `ms` ahead (the last codes' resend wait over).
 */
async function changeWithNewCodes(el: Widget, ms: number): Promise<void> {
  await withPageClockAhead(ms, async () => {
    await waitSendable(el);
    await clickSend(el);
    await enterCode(el, await emulator.codeFor(BOB.phone, UNBIND)); // Enter: continues
    await until(() => el.shadowRoot!.querySelector('[part~="phone-input"]'), 'no new-number step');
    expect(phoneInput(el).value, 'the new number kept').to.equal(CHANGE_TO);
    await waitSendable(el);
    await clickSend(el);
  });
  const changed = nextEvent(el, 'authing-phone-changed');
  await enterCode(el, await emulator.codeFor(CHANGE_TO, BIND));
  await changed;
  await idle(el);
}

const ENDPOINTS: Endpoint[] = [
  {
    name: 'get-profile',
    action: 'load-profile',
    user: BOB,
    prepare: async () => undefined,
    prepareCalls: [],
    trigger: async (el) => void document.body.append(el),
    triggerCalls: ['get-profile'],
    kept: () => undefined,
    async retry(el) {
      if (!el.shadowRoot!.querySelector('[part~="retry-button"]')) return; // a new token already reloaded it
      const loaded = nextEvent(el, 'authing-profile-loaded');
      await click(part(el, 'retry-button'));
      await loaded;
      await idle(el);
    },
    retryCalls: ['get-profile'],
    async done() {
      expect(await phoneOf(BOB.id)).to.equal(BOB.phone);
    },
    real401: true,
  },
  {
    name: 'send-sms',
    action: 'send-code',
    user: USERS.noPhone,
    prepare: async () => undefined,
    prepareCalls: ['get-profile'],
    async trigger(el) {
      await type(phoneInput(el), NEW_PHONE);
      await press('Enter');
    },
    triggerCalls: ['send-sms'],
    kept: (el) => expect(phoneInput(el).value).to.equal(NEW_PHONE),
    async retry(el) {
      await clickSend(el);
      const bound = nextEvent(el, 'authing-phone-bound');
      await enterCode(el, await emulator.codeFor(NEW_PHONE, BIND));
      await bound;
      await idle(el);
    },
    retryCalls: ['send-sms', 'bind-phone'],
    async done() {
      expect(await phoneOf(USERS.noPhone.id)).to.equal(NEW_PHONE);
    },
    real401: false, // send-sms takes no token (Authing's is public): a 401 there comes from a fault
  },
  {
    name: 'bind-phone',
    action: 'bind',
    user: USERS.noPhone,
    async prepare(el, ctx) {
      await sendCodeWithEnter(el, NEW_PHONE);
      ctx.code = await emulator.codeFor(NEW_PHONE, BIND);
    },
    prepareCalls: ['get-profile', 'send-sms'],
    trigger: (el, ctx) => enterCode(el, ctx.code), // Enter submits it
    triggerCalls: ['bind-phone'],
    kept(el, ctx) {
      expect(phoneInput(el).value).to.equal(NEW_PHONE);
      expect(codeInput(el).value).to.equal(ctx.code);
    },
    retry: (el) => submitAndWait(el, 'authing-phone-bound'),
    retryCalls: ['bind-phone'],
    async done() {
      expect(await phoneOf(USERS.noPhone.id)).to.equal(NEW_PHONE);
    },
    real401: true,
  },
  {
    name: 'verify-update-phone-request',
    action: 'change',
    user: BOB,
    prepare: (el, ctx) => prepareChange(el, ctx),
    prepareCalls: ['get-profile', 'send-sms', 'send-sms'],
    trigger: (el, ctx) => enterCode(el, ctx.code),
    triggerCalls: ['verify-update-phone-request'],
    kept(el, ctx) {
      expect(phoneInput(el).value).to.equal(CHANGE_TO);
      expect(codeInput(el).value).to.equal(ctx.code);
    },
    retry: (el) => submitAndWait(el, 'authing-phone-changed'),
    retryCalls: ['verify-update-phone-request', 'update-phone'],
    async done() {
      expect(await phoneOf(BOB.id)).to.equal(CHANGE_TO);
    },
    real401: true,
  },
  {
    name: 'update-phone',
    action: 'change',
    user: BOB,
    prepare: (el, ctx) => prepareChange(el, ctx),
    prepareCalls: ['get-profile', 'send-sms', 'send-sms'],
    trigger: (el, ctx) => enterCode(el, ctx.code), // verify succeeds, then update-phone fails
    triggerCalls: ['verify-update-phone-request', 'update-phone'],
    kept(el, ctx) {
      expect(phoneInput(el).value).to.equal(CHANGE_TO);
      expect(codeInput(el).value).to.equal(ctx.code);
    },
    // No answer, an unreadable one or a 5xx cannot have spent the token: the retry applies it again.
    retry: (el) => submitAndWait(el, 'authing-phone-changed'),
    retryCalls: ['update-phone'],
    async done() {
      expect(await phoneOf(BOB.id)).to.equal(CHANGE_TO);
    },
    real401: false, // the token cannot expire between verify and update here: a fault stands in
    spentBy4xx: {
      kept(el) {
        // Back to the current number's code, which is empty; the new number is kept for the next step.
        expect(el.shadowRoot!.querySelector('[part~="phone-input"]'), 'on the first step').to.equal(null);
        expect(codeInput(el).value).to.equal('');
      },
      async retry(el) {
        // New codes, a minute after the last ones (both clocks moved).
        await emulator.advanceClock(61);
        await changeWithNewCodes(el, 61_000);
      },
      retryCalls: ['send-sms', 'send-sms', 'verify-update-phone-request', 'update-phone'],
    },
  },
  {
    name: 'unbind-phone',
    action: 'unbind',
    user: BOB,
    async prepare(el, ctx) {
      await click(part(el, 'unbind-button'));
      await until(() => el.shadowRoot!.querySelector('[part~="code-input"]'), 'no code step');
      await clickSend(el);
      ctx.code = await emulator.codeFor(BOB.phone, UNBIND);
    },
    prepareCalls: ['get-profile', 'send-sms'],
    trigger: (el, ctx) => typeAndRemove(el, ctx.code),
    triggerCalls: ['unbind-phone'],
    kept: (el, ctx) => expect(codeInput(el).value).to.equal(ctx.code),
    retry: (el) => submitAndWait(el, 'authing-phone-unbound'),
    retryCalls: ['unbind-phone'],
    async done() {
      expect(await phoneOf(BOB.id)).to.equal(null);
    },
    real401: true,
  },
];

interface Fault {
  name: string;
  code: ErrorCode;
  /** What authing-error's detail says besides the code: the status and apiCode Authing's answer carried. */
  detail?: Record<string, unknown>;
  /** Queues the fault for `path` (before the trigger). */
  inject(path: string, endpoint: Endpoint): Promise<unknown>;
  /** A read (get-profile) meeting it is tried once more: the fault is queued twice, and both calls are made. */
  retriedRead?: boolean;
}

const injected =
  (kind: FaultKind, extra: Record<string, unknown> = {}) =>
  (path: string) =>
    emulator.fault({ path, kind, ...extra });

const FAULTS: Fault[] = [
  { name: 'HTTP 500', code: 'SERVER', detail: { statusCode: 500 }, inject: injected('http500'), retriedRead: true },
  { name: 'an error envelope with statusCode 500', code: 'SERVER', detail: { statusCode: 500 }, inject: injected('envelope') },
  { name: 'malformed JSON', code: 'BAD_RESPONSE', inject: injected('malformed') },
  { name: 'an HTML error page', code: 'SERVER', detail: { statusCode: 502 }, inject: injected('html'), retriedRead: true },
  { name: 'a dropped connection', code: 'UNREACHABLE', inject: injected('drop'), retriedRead: true },
  // The answer is held far longer than the widget's timeout; the next reset drops it unprocessed.
  { name: 'an answer slower than the timeout', code: 'TIMEOUT', inject: injected('delay', { delayMs: 20_000 }) },
  {
    name: 'statusCode 401 (the access token expired)',
    code: 'UNAUTHORIZED',
    detail: { statusCode: 401, apiCode: 2020 },
    async inject(path, endpoint) {
      // The token really dies in the emulator, which then answers 401 itself. Where it would not (send-sms
      // takes no token; update-phone follows a verify that must pass), a 401 envelope stands in and the
      // token dies right after it.
      if (endpoint.real401) await expireToken(endpoint);
      else
        await emulator.fault({
          path,
          kind: 'envelope',
          statusCode: 401,
          apiCode: 2020,
          message: 'Not logged in, no permission to access this request',
        });
    },
  },
  {
    name: 'statusCode 429',
    code: 'RATE_LIMITED',
    detail: { statusCode: 429 },
    inject: injected('envelope', { statusCode: 429, message: 'Too Many Requests' }),
  },
];

const expireToken = (endpoint: Endpoint) => emulator.seed([{ userId: endpoint.user.id, tokens: [`fresh-${endpoint.user.token}`] }]);

const PATH = (name: EndpointName) => `/api/v3/${name}`;

/** Requests that change the account, and the failures that leave unknown whether they did. */
const MUTATES: EndpointName[] = ['bind-phone', 'update-phone', 'unbind-phone'];
const UNCERTAIN: ErrorCode[] = ['NETWORK', 'UNREACHABLE', 'TIMEOUT', 'BAD_RESPONSE'];

/** The emulator's users (as JSON), outbox size and request log, fetched together. */
async function snapshot(): Promise<[string, number, number, Array<{ path: string }>]> {
  const [users, outbox, requests] = await Promise.all([emulator.users(), emulator.outbox(), emulator.requests()]);
  return [JSON.stringify(users), outbox.length, requests.length, requests];
}

/**
 * Watches one case: the widget's events, the page's fetches and uncaught errors, and the requests
 * the user asked for, in order.
 */
class Case {
  readonly events: CustomEvent[];
  /** The /api/v3 requests the user's actions account for, in order. */
  readonly expected: string[] = [];

  constructor(
    readonly el: Widget,
    readonly lang: TestLang,
    private readonly fetches: ReturnType<typeof recordFetches>,
    private readonly uncaught: ReturnType<typeof watchUncaught>,
  ) {
    this.events = recordEvents(el, EVENTS);
  }

  errors = () => this.events.filter((e) => e.type === 'authing-error').map((e) => e.detail.code as ErrorCode);

  /** Requests the user's next actions make, in order. */
  expect(...calls: string[]): void {
    this.expected.push(...calls);
  }

  /**
   * Runs `trigger`, which must make exactly `calls` and fail with `code`: one authing-error, the
   * message in the user's language, nothing uncaught, and the emulator's users and outbox untouched.
   * `heldBack`: trailing calls the emulator holds (a delay fault) and so has not logged yet.
   * `followUp`: requests the widget then makes by itself (a profile reload), waited for.
   * `message`: the text shown, when it is not the error code's own (a two-code change's).
   */
  async fails(
    code: ErrorCode,
    action: Action,
    trigger: () => Promise<void>,
    calls: string[],
    { heldBack = 0, followUp = [] as string[], detail: fields = {} as Record<string, unknown>, message = messageOf(this.lang, code) } = {},
  ): Promise<void> {
    const errorsBefore = this.errors().length;
    const fetchesBefore = this.fetches.calls.length;
    const [usersBefore, outboxBefore, loggedBefore] = await snapshot();
    const failed = nextEvent(this.el, 'authing-error');
    await trigger();
    const { detail } = await failed;
    if (followUp.length) {
      const all = calls.length + followUp.length - heldBack;
      await until(async () => (await emulator.requests()).length - loggedBefore >= all, 'no follow-up request');
    }
    await idle(this.el);
    // What the emulator answers when the held-back calls are still held: the others, follow-ups included.
    const unheld = [...calls.slice(0, calls.length - heldBack), ...followUp];
    calls = [...calls, ...followUp];
    this.expect(...calls);

    expect(detail).to.include({ action, code, ...fields });
    expect(this.errors().slice(errorsBefore), 'authing-error fires once').to.deep.equal([code]);
    // A profile that did not load says so first, then why, in one message.
    const shown = errorText(this.el).replace(catalog(this.lang).unavailable, '').trim();
    expect(shown.startsWith(message), `shown: "${shown}"`).to.equal(true);
    if (this.lang === 'zh-CN') expect(shown).to.match(/[\u4e00-\u9fff]/, 'in Chinese');
    expect(this.uncaught.seen, 'nothing uncaught').to.deep.equal([]);

    expect(
      this.fetches.calls.slice(fetchesBefore).map((c) => c.endpoint),
      'requests made',
    ).to.deep.equal(calls);
    const [usersAfter, outboxAfter, loggedAfter, requests] = await snapshot();
    // A held-back request is answered by the emulator a moment after the widget gave up on it: under load
    // that moment may already have passed, so it may or may not be in the log yet (never anything else).
    const answered = endpoints(requests.slice(loggedBefore));
    if (answered.length < calls.length) expect(answered, 'requests the emulator answered').to.deep.equal(unheld);
    else expect([...answered].sort(), 'requests the emulator answered').to.deep.equal([...calls].sort());
    expect(loggedAfter - loggedBefore).to.equal(answered.length);
    expect(usersAfter, 'users unchanged').to.equal(usersBefore);
    expect(outboxAfter, 'no SMS sent').to.equal(outboxBefore);
  }

  /** The end of a case: no further error, nothing uncaught, every request accounted for, none pending. */
  end(errors: ErrorCode[]): void {
    expect(this.errors(), 'authing-error events').to.deep.equal(errors);
    expect(errorText(this.el)).to.equal('', 'no error left once it worked');
    expect(this.uncaught.seen, 'nothing uncaught').to.deep.equal([]);
    expect(
      this.fetches.calls.map((c) => c.endpoint),
      'every request, from the page',
    ).to.deep.equal(this.expected);
    expect(this.fetches.pending(), 'no request left pending').to.equal(0);
  }
}

/**
 * The matrix counts every request per endpoint: its widgets identify with a pool id, which sends the id
 * header without reading the app's public config (test/element/real-authing.test.ts covers that).
 */
const POOL_ONLY = { 'app-id': null, 'userpool-id': 'test-pool' } as const;

const langOf = (index: number): TestLang => (index % 2 ? 'zh-CN' : 'en-US');

describe('fault matrix', () => {
  let uncaught: ReturnType<typeof watchUncaught>;
  let fetches: ReturnType<typeof recordFetches>;
  let held: HeldRequests | undefined;
  beforeEach(async () => {
    await emulator.reset();
    uncaught = watchUncaught();
    fetches = recordFetches();
    held = undefined;
  });
  afterEach(async () => {
    uncaught.stop();
    fetches.restore();
    held?.restore();
    document.querySelectorAll('authing-phone-manager').forEach((el) => el.remove());
    await emulator.reset(); // drops answers still held by a delay fault, unprocessed
  });

  /**
   * Holds the widget's requests to `endpoint` on the page (see holdRequests), beneath the recording of
   * its fetches, which so still sees each request when the widget makes it. Before start().
   */
  function hold(endpoint: EndpointName, options?: { sentWhenAborted: boolean }): HeldRequests {
    fetches.restore();
    held = holdRequests(endpoint, options);
    fetches = recordFetches();
    return held;
  }

  async function start(token: string, lang: TestLang, attributes: Record<string, string> = {}): Promise<Case> {
    const el = await mount(token, { lang, ...POOL_ONLY, ...attributes });
    const c = new Case(el, lang, fetches, uncaught);
    c.expect('get-profile');
    return c;
  }

  describe('every endpoint × every transport and session fault', () => {
    ENDPOINTS.forEach((endpoint, row) => {
      FAULTS.forEach((fault, column) => {
        const lang = langOf(row + column);
        it(`${endpoint.name} × ${fault.name} → ${fault.code} (${lang})`, async () => {
          const ctx: Ctx = { code: '' };
          const attributes: Record<string, string> = { lang };
          if (fault.code === 'TIMEOUT') attributes.timeout = String(TIMEOUT_MS);

          // Up to the request, through the UI.
          let el: Widget;
          if (endpoint.name === 'get-profile') {
            el = document.createElement('authing-phone-manager');
            el.setAttribute('app-host', await emulatorUrl());
            el.setAttribute('userpool-id', POOL_ONLY['userpool-id']);
            el.setAttribute('access-token', endpoint.user.token);
            for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
          } else {
            el = await mount(endpoint.user.token, { ...POOL_ONLY, ...attributes });
          }
          const c = new Case(el, lang, fetches, uncaught);
          await endpoint.prepare(el, ctx);
          c.expect(...endpoint.prepareCalls);
          expect(c.errors(), 'no error before the fault').to.deep.equal([]);

          // The request fails: checks 1 to 3.
          await fault.inject(PATH(endpoint.name), endpoint);
          const retried = fault.retriedRead && endpoint.name === 'get-profile';
          if (retried) await fault.inject(PATH(endpoint.name), endpoint);
          const triggerCalls = retried ? [...endpoint.triggerCalls, 'get-profile'] : endpoint.triggerCalls;
          await c.fails(fault.code, endpoint.action, () => endpoint.trigger(el, ctx), triggerCalls, {
            heldBack: fault.code === 'TIMEOUT' ? 1 : 0, // the held answer is dropped unprocessed at the next reset
            // No readable answer to a bind, change or unbind: it may have landed, so the profile is read first.
            followUp: MUTATES.includes(endpoint.name) && UNCERTAIN.includes(fault.code) ? ['get-profile'] : [],
            detail: fault.detail,
          });
          if (endpoint.name === 'get-profile') {
            expect(el.shadowRoot!.textContent).to.contain(catalog(lang).unavailable);
            if (fault.code !== 'UNAUTHORIZED') expect(part(el, 'retry-button').textContent!.trim()).to.equal(catalog(lang).retry);
          }

          // 4. What was typed is kept, and retrying completes the flow.
          const status = Number(fault.detail?.statusCode);
          // A 401 is refused before the update token is read: the token is kept (issue 22, point 4).
          const spent = status >= 400 && status < 500 && status !== 401;
          const flow = endpoint.spentBy4xx && spent ? { ...endpoint, ...endpoint.spentBy4xx } : endpoint;
          flow.kept(el, ctx);
          if (fault.code === 'UNAUTHORIZED') {
            if (!endpoint.real401) await expireToken(endpoint);
            // The host refreshes the token: the widget resumes where the user was, without a page reload.
            const loaded = nextEvent(el, 'authing-profile-loaded');
            el.accessToken = `fresh-${endpoint.user.token}`;
            await loaded;
            await idle(el);
            c.expect('get-profile');
            flow.kept(el, ctx);
          }
          if (fault.code === 'RATE_LIMITED' && endpoint.name === 'send-sms') {
            // Told to wait a minute: the countdown runs; a minute later (page clock moved) the retry works.
            expect(part(el, 'send-button').getAttribute('aria-disabled')).to.equal('true');
            await withPageClockAhead(61_000, async () => {
              await waitSendable(el);
              await flow.retry(el, ctx);
            });
          } else {
            await flow.retry(el, ctx);
          }
          // (A failed first load that a new token fixed needs no further retry.)
          if (!(endpoint.name === 'get-profile' && fault.code === 'UNAUTHORIZED')) c.expect(...flow.retryCalls);
          await endpoint.done();
          c.end([fault.code]);
        });
      });
    });
  });

  describe('business faults, where they happen', () => {
    it('bind-phone × wrong code → CODE_INVALID; the right code then binds (en-US)', async () => {
      const c = await start(USERS.noPhone.token, 'en-US');
      await sendCodeWithEnter(c.el, NEW_PHONE);
      c.expect('send-sms');
      const code = await emulator.codeFor(NEW_PHONE, BIND);
      await c.fails('CODE_INVALID', 'bind', () => enterCode(c.el, wrongCode(code)), ['bind-phone'], {
        detail: { statusCode: 400, apiCode: 2001 },
        message: catalog('en-US').codeRefused, // 2001: wrong, or expired as Guard reads it
      });
      expect(phoneInput(c.el).value).to.equal(NEW_PHONE);
      expect(codeInput(c.el).getAttribute('aria-invalid')).to.equal('true');
      const bound = nextEvent(c.el, 'authing-phone-bound');
      await enterCode(c.el, code);
      await bound;
      c.expect('bind-phone');
      expect(await phoneOf(USERS.noPhone.id)).to.equal(NEW_PHONE);
      c.end(['CODE_INVALID']);
    });

    it('verify-update-phone-request × wrong code for the new number → CODE_INVALID; the right one completes (zh-CN)', async () => {
      const c = await start(BOB.token, 'zh-CN');
      const ctx: Ctx = { code: '' };
      await prepareChange(c.el, ctx);
      c.expect('send-sms', 'send-sms');
      await c.fails('CODE_INVALID', 'change', () => enterCode(c.el, wrongCode(ctx.code)), ['verify-update-phone-request'], {
        message: catalog('zh-CN').twoCodesInvalid,
      });
      expect(phoneInput(c.el).value).to.equal(CHANGE_TO);
      const changed = nextEvent(c.el, 'authing-phone-changed');
      await enterCode(c.el, ctx.code);
      await changed;
      c.expect('verify-update-phone-request', 'update-phone');
      expect(await phoneOf(BOB.id)).to.equal(CHANGE_TO);
      c.end(['CODE_INVALID']);
    });

    it('verify-update-phone-request × wrong code for the current number → CODE_INVALID; Back, the right one completes (en-US)', async () => {
      const c = await start(BOB.token, 'en-US');
      await click(part(c.el, 'change-button'));
      await clickSend(c.el);
      const current = await emulator.codeFor(BOB.phone, UNBIND);
      await enterCode(c.el, wrongCode(current)); // four to eight digits: the step cannot tell it is wrong
      await until(() => c.el.shadowRoot!.querySelector('[part~="phone-input"]'), 'no new-number step');
      await sendCodeWithEnter(c.el, CHANGE_TO);
      c.expect('send-sms', 'send-sms');
      const code = await emulator.codeFor(CHANGE_TO, BIND);
      await c.fails('CODE_INVALID', 'change', () => enterCode(c.el, code), ['verify-update-phone-request'], {
        message: catalog('en-US').twoCodesInvalid,
      });
      expect(phoneInput(c.el).value).to.equal(CHANGE_TO);
      expect(codeInput(c.el).value).to.equal(code);
      await click(part(c.el, 'edit-button'));
      const changed = nextEvent(c.el, 'authing-phone-changed');
      await enterCode(c.el, current); // the right current code: continues, and the new one is still there
      await changed;
      c.expect('verify-update-phone-request', 'update-phone');
      c.end(['CODE_INVALID']);
    });

    it('unbind-phone × wrong code → CODE_INVALID; the right code then unbinds (zh-CN)', async () => {
      const c = await start(BOB.token, 'zh-CN');
      await click(part(c.el, 'unbind-button'));
      await until(() => c.el.shadowRoot!.querySelector('[part~="code-input"]'), 'no code step');
      await clickSend(c.el);
      c.expect('send-sms');
      const code = await emulator.codeFor(BOB.phone, UNBIND);
      // A wrong code may be a right one for a number that is no longer the account's: the profile is read once.
      await c.fails('CODE_INVALID', 'unbind', () => typeAndRemove(c.el, wrongCode(code)), ['unbind-phone'], {
        followUp: ['get-profile'],
        message: catalog('zh-CN').codeRefused,
      });
      const unbound = nextEvent(c.el, 'authing-phone-unbound');
      await typeAndRemove(c.el, code);
      await unbound;
      c.expect('unbind-phone');
      expect(await phoneOf(BOB.id)).to.equal(null);
      c.end(['CODE_INVALID']);
    });

    it('bind-phone × expired code → CODE_EXPIRED; a new code binds (zh-CN)', async () => {
      const c = await start(USERS.noPhone.token, 'zh-CN');
      await sendCodeWithEnter(c.el, NEW_PHONE);
      c.expect('send-sms');
      const code = await emulator.codeFor(NEW_PHONE, BIND);
      await emulator.advanceClock(301); // past the code's 5 minutes (and the resend minute)
      await c.fails('CODE_EXPIRED', 'bind', () => enterCode(c.el, code), ['bind-phone'], {
        detail: { statusCode: 400, apiCode: 2300 },
      });
      expect(phoneInput(c.el).value).to.equal(NEW_PHONE);
      await withPageClockAhead(301_000, async () => {
        await waitSendable(c.el);
        await clickSend(c.el);
      });
      const bound = nextEvent(c.el, 'authing-phone-bound');
      await enterCode(c.el, await emulator.codeFor(NEW_PHONE, BIND));
      await bound;
      c.expect('send-sms', 'bind-phone');
      c.end(['CODE_EXPIRED']);
    });

    it('verify-update-phone-request × expired codes → CODE_EXPIRED; the widget asks for both again and the change completes (en-US)', async () => {
      const c = await start(BOB.token, 'en-US');
      const ctx: Ctx = { code: '' };
      await prepareChange(c.el, ctx);
      c.expect('send-sms', 'send-sms');
      await emulator.advanceClock(301);
      await c.fails('CODE_EXPIRED', 'change', () => enterCode(c.el, ctx.code), ['verify-update-phone-request'], {
        message: catalog('en-US').twoCodesExpired,
      });
      // Authing does not say which code expired, and both are as old: back to the first code, number kept.
      await until(() => c.el.shadowRoot!.querySelector('[part~="edit-button"]') === null, 'not back at the current number');
      await changeWithNewCodes(c.el, 301_000);
      c.expect('send-sms', 'send-sms', 'verify-update-phone-request', 'update-phone');
      c.end(['CODE_EXPIRED']);
    });

    it('unbind-phone × expired code → CODE_EXPIRED; a new code unbinds (zh-CN)', async () => {
      const c = await start(BOB.token, 'zh-CN');
      await click(part(c.el, 'unbind-button'));
      await until(() => c.el.shadowRoot!.querySelector('[part~="code-input"]'), 'no code step');
      await clickSend(c.el);
      c.expect('send-sms');
      const code = await emulator.codeFor(BOB.phone, UNBIND);
      await emulator.advanceClock(301);
      await c.fails('CODE_EXPIRED', 'unbind', () => typeAndRemove(c.el, code), ['unbind-phone']);
      await withPageClockAhead(301_000, async () => {
        await waitSendable(c.el);
        await clickSend(c.el);
      });
      const unbound = nextEvent(c.el, 'authing-phone-unbound');
      await typeAndRemove(c.el, await emulator.codeFor(BOB.phone, UNBIND));
      await unbound;
      c.expect('send-sms', 'unbind-phone');
      c.end(['CODE_EXPIRED']);
    });

    it('update-phone × expired updatePhoneToken → UPDATE_TOKEN_EXPIRED; new codes complete the change (en-US)', async () => {
      // update-phone is held on the page while the emulator's clock passes the token's 60 s.
      const updatePhone = hold('update-phone');
      const c = await start(BOB.token, 'en-US');
      const ctx: Ctx = { code: '' };
      await prepareChange(c.el, ctx);
      c.expect('send-sms', 'send-sms');
      await c.fails(
        'UPDATE_TOKEN_EXPIRED',
        'change',
        async () => {
          await enterCode(c.el, ctx.code);
          await until(() => updatePhone.held() === 1, 'no update-phone after the verify');
          await emulator.advanceClock(61);
          updatePhone.release();
        },
        ['verify-update-phone-request', 'update-phone'],
        { followUp: ['get-profile'] }, // the profile is checked: the change is not in place
      );
      // New codes are asked for, with the number kept.
      expect(errorText(c.el)).to.equal(messageOf('en-US', 'UPDATE_TOKEN_EXPIRED'));
      expect(await phoneOf(BOB.id)).to.equal(BOB.phone);
      await changeWithNewCodes(c.el, 61_000);
      c.expect('send-sms', 'send-sms', 'verify-update-phone-request', 'update-phone');
      expect(await phoneOf(BOB.id)).to.equal(CHANGE_TO);
      c.end(['UPDATE_TOKEN_EXPIRED']);
    });

    it('update-phone × reused updatePhoneToken (the first answer was lost, the change went through) → UPDATE_TOKEN_EXPIRED; the widget finds the change done (zh-CN)', async () => {
      // update-phone reaches the server only after the widget gave up on it and read the profile; the
      // server then applies the change.
      const updatePhone = hold('update-phone', { sentWhenAborted: true });
      const c = await start(BOB.token, 'zh-CN', { timeout: String(TIMEOUT_MS) });
      const ctx: Ctx = { code: '' };
      await prepareChange(c.el, ctx);
      c.expect('send-sms', 'send-sms');
      await c.fails('TIMEOUT', 'change', () => enterCode(c.el, ctx.code), ['verify-update-phone-request', 'update-phone'], {
        heldBack: 1,
        // The widget reads the profile to find out: still the old number then, so TIMEOUT is shown.
        followUp: ['get-profile'],
      });
      updatePhone.release();
      await until(async () => endpoints(await emulator.requests()).includes('update-phone'), 'the held update-phone never ran');
      expect(await phoneOf(BOB.id)).to.equal(CHANGE_TO, 'applied by the server');
      // The user retries: the same one-time token again, now spent.
      const changed = nextEvent(c.el, 'authing-phone-changed');
      const refused = nextEvent(c.el, 'authing-error');
      await click(part(c.el, 'submit-button'));
      expect((await refused).detail).to.include({ action: 'change', code: 'UPDATE_TOKEN_EXPIRED' });
      // It reloads the profile, sees the new number in place and ends the flow as changed.
      expect((await changed).detail).to.deep.equal({
        phoneNumber: CHANGE_TO,
        phoneCountryCode: '+86',
        previousPhoneNumber: BOB.phone,
        previousPhoneCountryCode: '+86',
      });
      await idle(c.el);
      c.expect('update-phone', 'get-profile');
      expect(statusText(c.el)).to.equal(catalog('zh-CN').changed);
      expect(part(c.el, 'phone').textContent).to.equal('+86 139****2222');
      c.end(['TIMEOUT', 'UPDATE_TOKEN_EXPIRED']);
    });

    it('bind-phone × a number owned by another user → PHONE_TAKEN; another number binds (en-US)', async () => {
      const c = await start(USERS.noPhone.token, 'en-US');
      await sendCodeWithEnter(c.el, USERS.other.phone);
      c.expect('send-sms');
      const code = await emulator.codeFor(USERS.other.phone, BIND);
      await c.fails('PHONE_TAKEN', 'bind', () => enterCode(c.el, code), ['bind-phone'], {
        detail: { statusCode: 422, apiCode: 2035 },
      });
      expect(phoneInput(c.el).value).to.equal(USERS.other.phone);
      expect(phoneInput(c.el).getAttribute('aria-invalid')).to.equal('true');
      expect(c.el.shadowRoot!.activeElement).to.equal(phoneInput(c.el), 'focus on the number to fix');
      await sendCodeWithEnter(c.el, NEW_PHONE);
      const bound = nextEvent(c.el, 'authing-phone-bound');
      await enterCode(c.el, await emulator.codeFor(NEW_PHONE, BIND));
      await bound;
      c.expect('send-sms', 'bind-phone');
      expect(await phoneOf(USERS.other.id)).to.equal(USERS.other.phone);
      c.end(['PHONE_TAKEN']);
    });

    it('verify-update-phone-request × a number owned by another user → PHONE_TAKEN; another number completes (zh-CN)', async () => {
      const c = await start(BOB.token, 'zh-CN');
      const ctx: Ctx = { code: '' };
      await prepareChange(c.el, ctx, USERS.other.phone);
      c.expect('send-sms', 'send-sms');
      await c.fails('PHONE_TAKEN', 'change', () => enterCode(c.el, ctx.code), ['verify-update-phone-request']);
      expect(phoneInput(c.el).getAttribute('aria-invalid')).to.equal('true');
      await sendCodeWithEnter(c.el, CHANGE_TO); // the current number's code is still good
      const changed = nextEvent(c.el, 'authing-phone-changed');
      await enterCode(c.el, await emulator.codeFor(CHANGE_TO, BIND));
      await changed;
      c.expect('send-sms', 'verify-update-phone-request', 'update-phone');
      c.end(['PHONE_TAKEN']);
    });

    it('verify-update-phone-request × same number (the server says so) → SAME_PHONE; another number completes (en-US)', async () => {
      // The widget refuses the current number itself (see bad-input); the server's refusal is injected.
      const c = await start(BOB.token, 'en-US');
      const ctx: Ctx = { code: '' };
      await prepareChange(c.el, ctx);
      c.expect('send-sms', 'send-sms');
      await emulator.fault({
        path: '/api/v3/verify-update-phone-request',
        kind: 'envelope',
        statusCode: 422,
        apiCode: 2230,
        message: 'The new phone is the same as the old phone',
      });
      // The server knows another current number than the one shown: the profile is read again, once.
      await c.fails('SAME_PHONE', 'change', () => enterCode(c.el, ctx.code), ['verify-update-phone-request'], {
        followUp: ['get-profile'],
      });
      expect(phoneInput(c.el).getAttribute('aria-invalid')).to.equal('true');
      await sendCodeWithEnter(c.el, '13933334444');
      const changed = nextEvent(c.el, 'authing-phone-changed');
      await enterCode(c.el, await emulator.codeFor('13933334444', BIND));
      await changed;
      c.expect('send-sms', 'verify-update-phone-request', 'update-phone');
      c.end(['SAME_PHONE']);
    });

    it('unbind-phone × last login method → LAST_LOGIN_METHOD; no unbind until another method exists again (zh-CN)', async () => {
      const c = await start(BOB.token, 'zh-CN');
      await click(part(c.el, 'unbind-button'));
      await until(() => c.el.shadowRoot!.querySelector('[part~="code-input"]'), 'no code step');
      await clickSend(c.el);
      c.expect('send-sms');
      const code = await emulator.codeFor(BOB.phone, UNBIND);
      await emulator.seed([{ userId: BOB.id, email: null }]); // the email was removed elsewhere
      await c.fails('LAST_LOGIN_METHOD', 'unbind', () => typeAndRemove(c.el, code), ['unbind-phone'], {
        detail: { statusCode: 422, apiCode: 2217 },
      });
      expect(title(c.el), 'back on the overview').to.equal(catalog('zh-CN').title);
      expect(c.el.shadowRoot!.querySelector('[part~="unbind-button"]'), 'no Remove offered').to.equal(null);
      expect(await phoneOf(BOB.id)).to.equal(BOB.phone);
      // An email is added again elsewhere; the host reloads the widget; a new flow, with a new code (a code
      // from an earlier flow is not taken), a minute later (both clocks moved).
      await emulator.seed([{ userId: BOB.id, email: 'bob@example.com' }]);
      const loaded = nextEvent(c.el, 'authing-profile-loaded');
      c.el.reload();
      expect((await loaded).detail.canUnbind).to.equal(true);
      await idle(c.el);
      c.expect('get-profile');
      await click(part(c.el, 'unbind-button'));
      await until(() => c.el.shadowRoot!.querySelector('[part~="code-input"]'), 'no code step');
      await emulator.advanceClock(61);
      await withPageClockAhead(61_000, async () => {
        await waitSendable(c.el);
        await clickSend(c.el);
        c.expect('send-sms');
        const unbound = nextEvent(c.el, 'authing-phone-unbound');
        await typeAndRemove(c.el, await emulator.codeFor(BOB.phone, UNBIND));
        await unbound;
      });
      c.expect('unbind-phone');
      expect(await phoneOf(BOB.id)).to.equal(null);
      c.end(['LAST_LOGIN_METHOD']);
    });
  });
});
