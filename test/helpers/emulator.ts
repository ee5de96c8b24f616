// The Authing emulator of the test run (web-test-runner.config.mjs starts it), driven from the test page
// over real HTTP through the package's control client (emulator/client.js).
import { executeServerCommand } from '@web/test-runner-commands';
import { createEmulatorClient } from '../../emulator/client.js';
import { COOLDOWN_STORAGE_KEY } from '../../src/core/session.js';

export type { FaultKind } from '../../emulator/client.js';

const { url } = await executeServerCommand<{ url: string }, void>('emulator-url');

/** The emulator's base URL: the widget's app-host in the tests. */
export const emulatorUrl = async (): Promise<string> => url;

export const emulator = createEmulatorClient(url);

// Each test resets the emulator, whose resend minute starts afresh: so does the page's memory of it (the
// widget keeps cooldowns in sessionStorage across reloads, which would otherwise span tests).
// Also at once: an engine that keeps one tab for every test file keeps its sessionStorage too.
const forgetCooldowns = () => sessionStorage.removeItem(COOLDOWN_STORAGE_KEY);
forgetCooldowns();
beforeEach(forgetCooldowns);
// A reset in a `before` hook runs ahead of that beforeEach: the page forgets the old minute with it.
const resetEmulator = emulator.reset;
emulator.reset = async (...args: Parameters<typeof resetEmulator>) => {
  forgetCooldowns();
  return resetEmulator(...args);
};

export { USERS } from './users.js';

/** The number on a user's account in the emulator, or null. */
export const phoneOf = async (userId: string): Promise<string | null> => (await emulator.user(userId)).phone ?? null;

/** A code of the same length that is not `code`: what a user mistypes. */
export const wrongCode = (code: string): string => (code === '000000' ? '111111' : '000000');

/** Requests held on the page by {@link holdRequests}. */
export interface HeldRequests {
  /** How many requests to the endpoint the widget has made so far. */
  held(): number;
  /** Lets them go, and every later one at once. */
  release(): void;
  /** Releases, and gives window.fetch back (undo holds and recordings in the reverse order of their start). */
  restore(): void;
}

/**
 * Holds the page's requests to one `/api/v3` endpoint (`send-sms`) before they leave, until release():
 * the widget waits on them for exactly as long as the test looks, however slow the machine is (an
 * emulator `delay` ends on a clock, and under load it may end before the test has looked). Patches
 * window.fetch, which the widget's client calls at request time. A request the widget aborts while it is
 * held rejects at once, as a fetch does; with `sentWhenAborted` it still reaches the emulator at
 * release: a request the server got only after the widget had given up on it.
 */
export function holdRequests(endpoint: string, { sentWhenAborted = false } = {}): HeldRequests {
  const real = window.fetch;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  window.fetch = function (input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (new URL(url, location.href).pathname !== `/api/v3/${endpoint}`) return real.call(window, input, init);
    held++;
    const signal = init?.signal;
    const sent = gate.then(() => real.call(window, input, sentWhenAborted ? { ...init, signal: null } : init));
    if (!signal) return sent;
    return new Promise<Response>((resolve, reject) => {
      const abort = () => reject(signal.reason);
      signal.addEventListener('abort', abort, { once: true });
      if (signal.aborted) abort();
      sent.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
    });
  } as typeof window.fetch;
  return {
    held: () => held,
    release,
    restore() {
      window.fetch = real;
      release();
    },
  };
}
