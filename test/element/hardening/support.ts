// What the hardening tests watch from the test page: uncaught errors, the widget's fetches (by wrapping
// window.fetch, which the client calls at request time), and the page clock for the resend countdown.
import { sendKeys } from '@web/test-runner-commands';
import { catalog } from '../../../src/localize/index.js';
import type { ErrorCode } from '../../../src/core/errors.js';
import { EVENTS as EVENT_NAMES } from '../../../src/events.js';
import { emulator } from '../../helpers/emulator.js';
import { click, part, type Widget } from '../../helpers/widget.js';

export type TestLang = 'en-US' | 'zh-CN';

/** The message the widget shows for `code` (under a 6-digit code input, CODE_REQUIRED says the length). */
export const messageOf = (lang: TestLang, code: ErrorCode): string =>
  code === 'CODE_REQUIRED' ? catalog(lang).enterCode(6) : catalog(lang).errors[code];

export const EVENTS: string[] = Object.values(EVENT_NAMES);

/** Uncaught exceptions and unhandled rejections that reach the page, from now until stop(). */
export function watchUncaught(): { seen: string[]; stop(): void } {
  const seen: string[] = [];
  const onError = (event: ErrorEvent) => seen.push(`error: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) => seen.push(`unhandledrejection: ${String(event.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    seen,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

export interface FetchRecord {
  method: string;
  url: string;
  /** e.g. `send-sms` for `/api/v3/send-sms`. */
  endpoint: string;
  authorization: string | null;
  signal?: AbortSignal;
  settled: boolean;
}

/**
 * Records every call to window.fetch made for /api/v3/* (the test's own control calls are not
 * recorded) and counts the ones not settled yet.
 */
export function recordFetches(): { calls: FetchRecord[]; pending(): number; restore(): void } {
  const real = window.fetch;
  const calls: FetchRecord[] = [];
  window.fetch = function (input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const promise = real.call(window, input, init);
    const path = new URL(url, location.href).pathname;
    if (path.startsWith('/api/v3/')) {
      const record: FetchRecord = {
        method: (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase(),
        url,
        endpoint: path.slice('/api/v3/'.length),
        authorization: new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined)).get('authorization'),
        signal: init?.signal ?? undefined,
        settled: false,
      };
      calls.push(record);
      const settle = () => {
        record.settled = true;
      };
      promise.then(settle, settle);
    }
    return promise;
  } as typeof window.fetch;
  return {
    calls,
    pending: () => calls.filter((c) => !c.settled).length,
    restore() {
      window.fetch = real;
    },
  };
}

/** The path of each /api/v3 request the emulator logged, shortened: `send-sms`. */
export const endpoints = (requests: Array<{ path: string }>): string[] => requests.map((r) => r.path.replace('/api/v3/', ''));

/**
 * Runs `action` with the page clock `ms` ahead, so a resend countdown the test does not want to
 * sit through is over (the emulator's clock is moved separately when its limit matters too).
 */
export async function withPageClockAhead<T>(ms: number, action: () => Promise<T>): Promise<T> {
  const realNow = Date.now;
  Date.now = () => realNow() + ms;
  try {
    return await action();
  } finally {
    Date.now = realNow;
  }
}

/** Waits until the send button may be used (no countdown, nothing pending). */
export async function waitSendable(el: Widget): Promise<void> {
  el.requestUpdate(); // the page clock may just have moved: show it now rather than at the next tick
  await until(() => part(el, 'send-button').getAttribute('aria-disabled') === 'false', 'Send code stayed disabled');
}

/** Like the helpers' waitIdle, polling often: the matrix waits for it hundreds of times. */
export async function idle(el: Widget): Promise<void> {
  await until(() => part(el, 'base').getAttribute('aria-busy') === 'false', 'widget stayed busy', 5000);
  await el.updateComplete;
}

/**
 * Polls `predicate` (awaited) every few ms until it is truthy. Unlike open-wc's waitUntil, it leaves no
 * timer behind (waitUntil's own time limit keeps running after success), which the lifecycle counters
 * would see; and it measures time with performance.now(), which tests moving Date.now do not touch.
 */
export function until(predicate: () => unknown, message: string, timeout = 3000): Promise<void> {
  const { stack } = new Error();
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const poll = async () => {
      try {
        if (await predicate()) return resolve();
      } catch (error) {
        return reject(error);
      }
      if (performance.now() - started > timeout) {
        const error = new Error(`Timeout: ${message}`);
        error.stack = stack;
        return reject(error);
      }
      setTimeout(poll, 5);
    };
    void poll();
  });
}

/**
 * Waits until the emulator has the request for `path` that the fault armed for it catches (held there,
 * for a `delay`). That the page's fetch is pending does not mean it was sent: Firefox sends it later
 * than Chromium, and a request aborted before it is sent leaves the fault to the next one.
 */
export async function untilEmulatorHas(path: string): Promise<void> {
  await until(async () => !(await emulator.faults()).some((fault) => fault.path === path), `the emulator never received ${path}`);
}

/**
 * Pastes `text` into `input` as a user does: copied to the clipboard with Ctrl+C from a scratch
 * textarea, then Ctrl+A and Ctrl+V in the (clicked) input.
 */
export async function paste(input: HTMLInputElement, text: string): Promise<void> {
  const scratch = document.createElement('textarea');
  scratch.value = text;
  document.body.append(scratch);
  scratch.focus();
  scratch.select();
  await sendKeys({ press: 'Control+c' });
  scratch.remove();
  await click(input);
  await sendKeys({ press: 'Control+a' });
  await sendKeys({ press: 'Control+v' });
}
