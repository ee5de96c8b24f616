// Issue 5, lifecycle: 1000 connect/disconnect cycles of one widget — most back to back, some while its
// profile request or an SMS send is on its way, some while the resend countdown ticks — leave no
// timer, no window/document listener and no pending request behind, and raise no error. Everything
// is counted from the test page: timers and listeners by wrapping the page's own functions, requests
// by wrapping window.fetch.
import { expect } from '@open-wc/testing';
import { emulator, USERS } from '../../helpers/emulator.js';
import { mount, nextEvent, part, press, recordEvents, type, type Widget } from '../../helpers/widget.js';
import { EVENTS, idle, recordFetches, until, untilEmulatorHas, watchUncaught } from './support.js';

interface Counters {
  timeouts: Set<number>;
  intervals: Set<number>;
  listeners: Map<string, number>;
  created: { timeouts: number; intervals: number; listeners: number };
  restore(): void;
}

/**
 * The test runner's command channel (behind sendKeys, sendMouse) arms a 20 s reply timer per command
 * and never clears it: those timers are the tool's, not the widget's, and are not counted.
 */
const fromTestRunner = () => (new Error().stack ?? '').includes('__web-dev-server__web-socket.js');

/** Live timers and window/document listeners, counted from the page's side. */
function countTimersAndListeners(): Counters {
  const real = {
    setTimeout: window.setTimeout,
    clearTimeout: window.clearTimeout,
    setInterval: window.setInterval,
    clearInterval: window.clearInterval,
    windowAdd: window.addEventListener,
    windowRemove: window.removeEventListener,
    documentAdd: document.addEventListener,
    documentRemove: document.removeEventListener,
  };
  const c: Counters = {
    timeouts: new Set(),
    intervals: new Set(),
    listeners: new Map(),
    created: { timeouts: 0, intervals: 0, listeners: 0 },
    restore() {
      Object.assign(window, {
        setTimeout: real.setTimeout,
        clearTimeout: real.clearTimeout,
        setInterval: real.setInterval,
        clearInterval: real.clearInterval,
      });
      window.addEventListener = real.windowAdd;
      window.removeEventListener = real.windowRemove;
      document.addEventListener = real.documentAdd;
      document.removeEventListener = real.documentRemove;
    },
  };
  window.setTimeout = ((handler: TimerHandler, ms?: number) => {
    const id = real.setTimeout.call(
      window,
      () => {
        c.timeouts.delete(id);
        if (typeof handler === 'function') (handler as () => void)();
      },
      ms,
    ) as unknown as number;
    if (!fromTestRunner()) {
      c.created.timeouts++;
      c.timeouts.add(id);
    }
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined) c.timeouts.delete(id);
    real.clearTimeout.call(window, id);
  }) as typeof window.clearTimeout;
  window.setInterval = ((handler: TimerHandler, ms?: number) => {
    c.created.intervals++;
    const id = (real.setInterval as (handler: TimerHandler, ms?: number) => number).call(window, handler, ms);
    c.intervals.add(id);
    return id;
  }) as typeof window.setInterval;
  window.clearInterval = ((id?: number) => {
    if (id !== undefined) c.intervals.delete(id);
    real.clearInterval.call(window, id);
  }) as typeof window.clearInterval;

  const listenerIds = new WeakMap<object, number>();
  let nextListenerId = 0;
  const idOf = (listener: object) => {
    if (!listenerIds.has(listener)) listenerIds.set(listener, nextListenerId++);
    return listenerIds.get(listener)!;
  };
  const key = (where: string, type: string, listener: object, options?: boolean | EventListenerOptions) =>
    `${where}|${type}|${typeof options === 'boolean' ? options : !!options?.capture}|${idOf(listener)}`;
  const wrap = (
    where: 'window' | 'document',
    target: EventTarget,
    add: EventTarget['addEventListener'],
    remove: EventTarget['removeEventListener'],
  ) => {
    target.addEventListener = (
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: boolean | AddEventListenerOptions,
    ) => {
      if (listener) {
        c.created.listeners++;
        const k = key(where, type, listener, options);
        if (typeof options === 'object' && options.once) {
          // A once listener removes itself when it runs: count it out then too.
          const inner = listener;
          const once = (event: Event) => {
            c.listeners.delete(k);
            return typeof inner === 'function' ? inner.call(target, event) : inner.handleEvent(event);
          };
          c.listeners.set(k, 1);
          return add.call(target, type, once, options);
        }
        c.listeners.set(k, 1);
      }
      return add.call(target, type, listener, options);
    };
    target.removeEventListener = (
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: boolean | EventListenerOptions,
    ) => {
      if (listener) c.listeners.delete(key(where, type, listener, options));
      return remove.call(target, type, listener, options);
    };
  };
  wrap('window', window, real.windowAdd, real.windowRemove);
  wrap('document', document, real.documentAdd, real.documentRemove);
  return c;
}

describe('lifecycle: 1000 connect/disconnect cycles', () => {
  before(() => emulator.reset());

  it('leave no timers, listeners or pending requests behind, and raise no errors', async function () {
    this.timeout(60_000);
    const CYCLES = 1000;
    const wait = window.setTimeout.bind(window); // the page's own timer, before the counters wrap it
    const sleep = (ms: number) => new Promise((resolve) => wait(resolve, ms));

    const el: Widget = await mount(USERS.noPhone.token);
    const events = recordEvents(el, EVENTS);
    // A code on its way to one number: the countdown ticks, and survives moves.
    const sent = nextEvent(el, 'authing-code-sent');
    await type(part<HTMLInputElement>(el, 'phone-input'), '13800135555');
    await press('Enter');
    await sent;
    await idle(el);
    await type(part<HTMLInputElement>(el, 'phone-input'), '13800136666'); // typed, not sent
    events.length = 0;

    const uncaught = watchUncaught();
    const fetches = recordFetches();
    const counters = countTimersAndListeners();
    let inFlight = 0;
    try {
      for (let i = 0; i < CYCLES; i++) {
        el.remove();
        document.body.append(el);
        if (i % 100 === 50) {
          // Disconnected while the profile request is on its way (held by the emulator).
          el.remove();
          await emulator.fault({ path: '/api/v3/get-profile', kind: 'delay', delayMs: 5000 });
          document.body.append(el);
          await until(() => fetches.pending() > 0, 'no profile request in flight');
          await untilEmulatorHas('/api/v3/get-profile');
          inFlight++;
        } else if (i % 100 === 99) {
          // Disconnected while an SMS send is on its way.
          await idle(el);
          await emulator.fault({ path: '/api/v3/send-sms', kind: 'delay', delayMs: 5000 });
          await part<HTMLInputElement>(el, 'phone-input').focus();
          await press('Enter');
          await until(() => fetches.calls.some((c) => c.endpoint === 'send-sms' && !c.settled), 'no send in flight');
          await untilEmulatorHas('/api/v3/send-sms');
          inFlight++;
        } else if (i % 10 === 0) {
          await el.updateComplete; // a render between moves
        }
      }
      el.remove();
      await until(() => fetches.pending() === 0, 'requests still pending after the last removal');
      await sleep(50);

      // Counters that saw nothing would prove nothing.
      expect(fetches.calls.length, 'profile requests were made').to.be.greaterThan(CYCLES / 2);
      expect(inFlight).to.equal(20);
      expect(counters.created.timeouts, 'request timers were set').to.be.greaterThan(CYCLES / 2);
      expect(counters.created.intervals, 'the countdown restarted on reconnects').to.be.greaterThan(0);

      expect([...counters.intervals], 'intervals left').to.deep.equal([]);
      expect([...counters.timeouts], 'timeouts left').to.deep.equal([]);
      expect([...counters.listeners.keys()], 'window/document listeners left').to.deep.equal([]);
      expect(fetches.pending(), 'pending requests').to.equal(0);
      expect(
        fetches.calls.filter((c) => !c.signal?.aborted && c.endpoint === 'send-sms'),
        'every send was aborted',
      ).to.deep.equal([]);
      expect(uncaught.seen, 'uncaught errors').to.deep.equal([]);
      expect(
        events.filter((e) => e.type !== 'authing-profile-loaded'),
        'no event but profile loads: aborted requests are silent',
      ).to.deep.equal([]);
    } finally {
      counters.restore();
      fetches.restore();
      uncaught.stop();
      await emulator.reset(); // drops the held requests unprocessed
    }

    // Put back once more: it loads, keeps what was typed and the countdown, and works.
    const loaded = nextEvent(el, 'authing-profile-loaded');
    document.body.append(el);
    await loaded;
    await idle(el);
    expect(part<HTMLInputElement>(el, 'phone-input').value).to.equal('13800136666', 'what was typed survives the moves');
    await type(part<HTMLInputElement>(el, 'phone-input'), '13800135555');
    expect(part(el, 'send-button').textContent!.trim()).to.match(/^Resend in \d+s$/, 'the countdown survives the moves');
    const again = nextEvent(el, 'authing-code-sent');
    await type(part<HTMLInputElement>(el, 'phone-input'), '13800137777');
    await press('Enter');
    expect((await again).detail.phoneNumber).to.equal('13800137777');
    el.remove();
  });
});
