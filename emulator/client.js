// The control client of the Authing emulator: typed calls to its `/__emulator/*` endpoints over plain
// `fetch`. No dependencies and no Node APIs, so the same file runs in Node and in browsers.
//
//   import { createEmulatorClient } from 'authing-phone-manager/emulator/client';
//   const emulator = createEmulatorClient('http://127.0.0.1:8787');
//   await emulator.reset();
//   const code = await emulator.codeFor('13800138000', 'CHANNEL_UNBIND_PHONE');
//
// Types: client.d.ts. Reference: README.md ("Control API").

/** A control request that the emulator refused (HTTP 4xx/5xx) or did not answer with JSON. */
export class EmulatorControlError extends Error {
  /**
   * @param {string} message
   * @param {number} status HTTP status (0 when there was no usable answer)
   */
  constructor(message, status) {
    super(message);
    this.name = 'EmulatorControlError';
    this.status = status;
  }
}

/**
 * `outbox()` and `codeFor()` take a filter object, or a phone number and a channel.
 * @param {string | { phoneNumber?: string, channel?: string, phoneCountryCode?: string } | undefined} filterOrNumber
 * @param {string | undefined} channel
 */
function toFilter(filterOrNumber, channel) {
  if (typeof filterOrNumber === 'string') return channel ? { phoneNumber: filterOrNumber, channel } : { phoneNumber: filterOrNumber };
  return filterOrNumber ?? {};
}

/**
 * @param {string | URL} url the emulator's base URL, e.g. `http://127.0.0.1:8787`
 * @param {{ fetch?: typeof fetch }} [options] `fetch`: the fetch to use (default: the global one)
 */
export function createEmulatorClient(url, options = {}) {
  const base = String(url).replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  /**
   * @param {string} method
   * @param {string} route after `/__emulator/`, with its query
   * @param {unknown} [body]
   * @returns {Promise<any>}
   */
  async function call(method, route, body) {
    const what = `${method} /__emulator/${route}`;
    const response = await doFetch(`${base}/__emulator/${route}`, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    /** @type {any} */
    let data;
    try {
      data = await response.json();
    } catch {
      throw new EmulatorControlError(
        `${what}: HTTP ${response.status}, not a JSON answer (is ${base} the emulator?)`,
        response.ok ? 0 : response.status,
      );
    }
    if (!response.ok) throw new EmulatorControlError(`${what}: ${data?.error ?? `HTTP ${response.status}`}`, response.status);
    return data;
  }

  const client = {
    url: base,

    /** Resolves when the emulator answers. */
    health: async () => (await call('GET', 'health')).ok === true,

    /** Seed users and default config again (plus `config` on top); clears everything else. */
    reset: async (/** @type {object | undefined} */ config) => {
      await call('POST', 'reset', config ? { config } : {});
    },

    config: () => call('GET', 'config'),
    configure: (/** @type {object} */ patch) => call('POST', 'config', patch),

    users: async () => (await call('GET', 'users')).users,
    async user(/** @type {string} */ userId) {
      const user = (await client.users()).find((/** @type {{ userId: string }} */ u) => u.userId === userId);
      if (!user) throw new EmulatorControlError(`no user ${userId}`, 404);
      return user;
    },
    /**
     * Adds users, or changes existing ones: fields not given are kept.
     * @param {Array<{ userId: string }>} users
     */
    async seed(users) {
      const current = await client.users();
      const merged = users.map((change) => ({
        ...current.find((/** @type {{ userId: string }} */ u) => u.userId === change.userId),
        ...change,
      }));
      return (await call('POST', 'users', { users: merged })).users;
    },
    /**
     * One more access token for an existing user (random unless given); resolves to the token.
     * @param {string} userId
     * @param {{ token?: string, scope?: string }} [options]
     */
    issueToken: async (userId, options = {}) => (await call('POST', 'tokens', { userId, ...options })).token,

    /**
     * @param {string | { phoneNumber?: string, channel?: string, phoneCountryCode?: string }} [filterOrNumber]
     * @param {string} [channel]
     */
    async outbox(filterOrNumber, channel) {
      /** @type {Record<string, string>} */
      const query = {};
      for (const [key, value] of Object.entries(toFilter(filterOrNumber, channel))) if (value) query[key] = value;
      const search = new URLSearchParams(query).toString();
      return (await call('GET', `outbox${search ? `?${search}` : ''}`)).messages;
    },
    clearOutbox: async () => {
      await call('DELETE', 'outbox');
    },
    /**
     * The code of the newest SMS matching; rejects when there is none.
     * @param {string | { phoneNumber?: string, channel?: string, phoneCountryCode?: string }} filterOrNumber
     * @param {string} [channel]
     * @returns {Promise<string>}
     */
    async codeFor(filterOrNumber, channel) {
      const filter = toFilter(filterOrNumber, channel);
      const messages = await client.outbox(filter);
      if (!messages.length) throw new EmulatorControlError(`no SMS matches ${JSON.stringify(filter)}`, 404);
      return messages[messages.length - 1].code;
    },

    fault: async (/** @type {object} */ fault) => (await call('POST', 'faults', fault)).fault,
    faults: async () => (await call('GET', 'faults')).faults,
    clearFaults: async () => {
      await call('DELETE', 'faults');
    },

    clock: () => call('GET', 'clock'),
    advanceClock: (/** @type {number} */ seconds) => call('POST', 'clock', { advanceSeconds: seconds }),

    requests: async () => (await call('GET', 'requests')).requests,
    clearRequests: async () => {
      await call('DELETE', 'requests');
    },
  };
  return client;
}
