// `authing-phone-manager/testing`: the Authing emulator for a host app's end-to-end tests (Playwright or
// any other browser driver; playwright-core is only an optional peer, for the types of route()).
//
//   import { startAuthingEmulator } from 'authing-phone-manager/testing';
//   const authing = await startAuthingEmulator();             // a fresh emulator on a free port
//   const token = await authing.signIn({ email: 'ann@example.com' });   // a signed-in user, no phone yet
//   await authing.route(page, 'https://my-app.authing.cn');   // the page's Authing calls go to the emulator
//   ... the page sends a code to 13800138000 ...
//   await authing.phone('13800138000').typeCode(page);         // waits for the SMS, then for the field
//   await authing.close();
//
// Types: testing.d.ts. Reference: README.md ("Testing your app").

import { randomBytes } from 'node:crypto';
import { createEmulatorClient } from './client.js';
import { startEmulator } from './index.js';

const POLL_MS = 100;
/** The widget's code field: the one-time-code input in its shadow root (Playwright locators pierce it). */
const CODE_IN_WIDGET = 'input[autocomplete="one-time-code"]';
const CODE_FIELD = `authing-phone-manager ${CODE_IN_WIDGET}`;
/** The code in an SMS text, as a person reads it: the first run of 4 to 10 digits. */
const CODE_IN_TEXT = /(?<!\d)\d{4,10}(?!\d)/;

/**
 * Starts an emulator of its own (any free port on 127.0.0.1) for a test or a test file.
 * @param {import('./index.js').EmulatorOptions} [options] emulator options (codes, verifyOldPhone, users, ...)
 */
export async function startAuthingEmulator(options = {}) {
  const server = await startEmulator({ port: 0, host: '127.0.0.1', ...options });
  return testEmulator(server.url, () => server.close());
}

/**
 * The same helpers for an emulator that runs elsewhere (`npx authing-phone-manager-emulator`, a CI
 * service). close() leaves it running.
 * @param {string | URL} url
 */
export function connectAuthingEmulator(url) {
  return testEmulator(String(url).replace(/\/+$/, ''), async () => undefined);
}

/**
 * @param {string} url
 * @param {() => Promise<void>} close
 */
function testEmulator(url, close) {
  const client = createEmulatorClient(url);
  /** One Phone per number, so what was read stays read. @type {Map<string, Phone>} */
  const phones = new Map();
  return {
    /** The emulator's base URL: the widget's `app-host` when the page can be pointed at it. */
    url,
    /** The control client (seed, configure, faults, clock, request log, reset). */
    client,

    /**
     * A signed-in user: resolves to an access token for the widget's `access-token`.
     * - a string: an existing user's userId (a seed user, or one added before);
     * - an object: a user to add (or change, when its userId exists); without a userId a new one is
     *   made up, and without an `email` key the new user gets one (so it may unbind its phone);
     * - nothing: a new user with an email and no phone.
     * @param {string | Partial<import('./client.js').UserInput>} [user]
     * @param {{ scope?: string }} [options] the token's scope (default openid profile email phone; get-profile follows it)
     */
    async signIn(user = {}, options = {}) {
      let userId;
      if (typeof user === 'string') {
        userId = user;
      } else {
        userId = user.userId ?? `test-user-${randomBytes(6).toString('hex')}`;
        const known = (await client.users()).some((/** @type {{ userId: string }} */ u) => u.userId === userId);
        const defaults = known || 'email' in user ? {} : { email: `${userId}@example.test` };
        await client.seed([{ ...defaults, ...user, userId }]);
      }
      return client.issueToken(userId, options);
    },

    /**
     * The phone of a number (the same object each time for one number): its SMS, read the way a person
     * reads them.
     * @param {string} phoneNumber national number, e.g. `13800138000`
     * @param {{ phoneCountryCode?: string }} [options] default `+86`
     */
    phone(phoneNumber, { phoneCountryCode = '+86' } = {}) {
      const key = `${phoneCountryCode} ${phoneNumber}`;
      let phone = phones.get(key);
      if (!phone) phones.set(key, (phone = new Phone(client, phoneNumber, phoneCountryCode)));
      return phone;
    },

    /**
     * Sends the requests a Playwright page (or a whole browser context) makes to `appHost`'s
     * `/api/*` (V3, and the V2 public config) to the emulator, so a page that talks to its real Authing app host needs no change.
     * The emulator still answers CORS itself: the page's origin must be in its allowedOrigins. A
     * dropped-connection fault aborts the request.
     * @param {{ route: Function }} target a playwright-core Page or BrowserContext
     * @param {string} appHost e.g. `https://my-app.authing.cn`
     */
    async route(target, appHost) {
      const origin = new URL(appHost).origin;
      await target.route(`${origin}/api/**`, async (/** @type {any} */ route) => {
        const { pathname, search } = new URL(route.request().url());
        let response;
        try {
          response = await route.fetch({ url: `${url}${pathname}${search}`, maxRedirects: 0 });
        } catch {
          await route.abort('connectionfailed').catch(() => undefined);
          return;
        }
        await route.fulfill({ response }).catch(() => undefined);
      });
    },

    /** Stops the emulator this helper started. */
    close,
  };
}

/** A phone: the SMS sent to one number, newest last. */
class Phone {
  /**
   * @param {ReturnType<typeof createEmulatorClient>} client
   * @param {string} phoneNumber
   * @param {string} phoneCountryCode
   */
  constructor(client, phoneNumber, phoneCountryCode) {
    this.client = client;
    this.phoneNumber = phoneNumber;
    this.phoneCountryCode = phoneCountryCode;
    /** @type {Set<string>} messages already read */
    this.read = new Set();
  }

  /** Every SMS this phone received, oldest first. */
  messages() {
    return this.client.outbox({ phoneNumber: this.phoneNumber, phoneCountryCode: this.phoneCountryCode });
  }

  /**
   * Waits for an SMS this phone has not read yet, and reads the code in its text. When several are
   * unread, the newest counts (the others are marked read too).
   * @param {{ timeout?: number }} [options] ms (default 10000)
   * @returns {Promise<string>}
   */
  async readCode({ timeout = 10000 } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const messages = await this.messages();
      const unread = messages.filter((m) => !this.read.has(keyOf(m)));
      for (const m of unread) this.read.add(keyOf(m));
      const newest = unread.at(-1);
      if (newest) {
        const code = CODE_IN_TEXT.exec(newest.text)?.[0];
        if (!code) throw new Error(`the SMS to ${this.phoneCountryCode} ${this.phoneNumber} holds no code: ${newest.text}`);
        return code;
      }
      if (Date.now() >= deadline) throw new Error(`no new SMS to ${this.phoneCountryCode} ${this.phoneNumber} within ${timeout} ms`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /**
   * Reads the next code (readCode()) and types it into the widget's code field the way fill() does: it
   * waits until the field is editable. The field stays read-only until the page has send-sms's answer,
   * which may come after the SMS is in the outbox; pressing keys right after readCode() would race that.
   * @param {{ locator(selector: string): any }} target a playwright-core Page or Frame with one
   *   `<authing-phone-manager>`, or a Locator of the widget (for a page with several)
   * @param {{ timeout?: number }} [options] ms for each wait (default 10000)
   * @returns {Promise<string>} the code typed
   */
  async typeCode(target, { timeout = 10000 } = {}) {
    const code = await this.readCode({ timeout });
    // A Page or Frame can navigate; a Locator cannot, and is the widget itself.
    const field = typeof (/** @type {any} */ (target).goto) === 'function' ? target.locator(CODE_FIELD) : target.locator(CODE_IN_WIDGET);
    await field.fill(code, { timeout });
    return code;
  }
}

/** Message ids start at 1 again after a reset: the time tells two messages with one id apart. */
const keyOf = (/** @type {{ id: number, sentAt: string }} */ m) => `${m.id}|${m.sentAt}`;
