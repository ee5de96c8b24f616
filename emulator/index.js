// Authing V3 emulator: HTTP routing, the V3 envelope, CORS, request log and faults.
//
//   import { createEmulator, startEmulator } from './emulator/index.js';
//   const { url, close, emulator } = await startEmulator({ port: 0 });
//
// `emulator.handle(req, res, next?)` is a plain node:http handler (and a connect-style middleware: paths
// outside /api/v3/ and /__emulator/ go to `next` when one is given), so Vite or a test runner can mount it.

import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { ApiError, ENDPOINTS, V2_ENDPOINTS } from './authing-api.js';
import { runControl, faultResponse } from './control.js';
import { message, resolveLang } from './messages.js';
import { ControlError, EmulatorState, SEED_USERS, DEFAULT_CONFIG, DEFAULT_SCOPE, CHANNELS } from './state.js';

export { ApiError, ENDPOINTS, V2_ENDPOINTS, EmulatorState, ControlError, SEED_USERS, DEFAULT_CONFIG, DEFAULT_SCOPE, CHANNELS };
export { createEmulatorClient, EmulatorControlError } from './client.js';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */
/** @typedef {import('./state.js').EmulatorConfig} EmulatorConfig */
/** @typedef {import('./state.js').UserInput} UserInput */
/** @typedef {import('./state.js').OutboxMessage} OutboxMessage */
/** @typedef {import('./state.js').RequestLogEntry} RequestLogEntry */
/** @typedef {import('./messages.js').Lang} Lang */

/**
 * @typedef {Partial<EmulatorConfig> & {
 *   users?: UserInput[],
 *   onSms?: (sms: OutboxMessage) => void,
 *   onRequest?: (entry: RequestLogEntry) => void,
 * }} EmulatorOptions
 * Config options (see README), the seed users (what reset() restores), and two observer callbacks
 * (the CLI uses them to print SMS and requests).
 */

const MAX_BODY_BYTES = 1024 * 1024;
const ALLOW_METHODS = 'GET,POST,PUT,DELETE,OPTIONS';
/**
 * The request headers a preflight may ask for: exactly those with a production browser precedent
 * (docs/authing-api.md §13: @authing/web, Guard, the MFA component), plus `accept`, which the widget
 * sends (a CORS-safelisted header with its value, so browsers do not ask for it; listed for clarity).
 * The list is fixed, whatever the preflight asks: a browser refuses a request whose header is not in it,
 * so a new header in a client fails against the emulator before it fails against Authing.
 */
export const ALLOWED_REQUEST_HEADERS = Object.freeze([
  'accept',
  'authorization',
  'content-type',
  'x-authing-app-id',
  'x-authing-userpool-id',
  'x-authing-lang',
  'x-authing-request-from',
  'x-authing-sdk-version',
  'x-authing-app-tenant-id',
]);
const ALLOW_HEADERS = ALLOWED_REQUEST_HEADERS.join(',');
const EXPOSE_HEADERS = 'x-authing-request-id,retry-after';
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

class BodyTooLarge extends Error {}

/**
 * @param {EmulatorConfig} config
 * @param {string | undefined} origin
 */
export function isOriginAllowed(config, origin) {
  if (!origin || origin === 'null') return false;
  if (config.allowedOrigins.includes('*') || config.allowedOrigins.includes(origin)) return true;
  if (!config.allowLoopbackOrigins) return false;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname);
  } catch {
    return false;
  }
}

/** @param {string | string[] | undefined} value */
const headerString = (value) => (Array.isArray(value) ? value[0] : value);

/**
 * Reads the raw request body (or takes `req.body` when a framework already consumed it).
 * @param {IncomingMessage & { body?: unknown }} req
 * @returns {Promise<string>}
 */
function readBody(req) {
  if (req.body !== undefined && (req.readableEnded || req.complete)) {
    const b = req.body;
    return Promise.resolve(typeof b === 'string' ? b : Buffer.isBuffer(b) ? b.toString('utf8') : JSON.stringify(b));
  }
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (/** @type {Buffer} */ chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => (tooLarge ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
    req.on('close', () => {
      if (!req.readableEnded) reject(new Error('request aborted'));
    });
  });
}

/**
 * @param {ServerResponse} res
 * @param {number} status
 * @param {string | object} body
 * @param {Record<string, string>} [headers]
 * @param {string} [contentType]
 */
function send(res, status, body, headers = {}, contentType = 'application/json; charset=utf-8') {
  if (res.headersSent || res.writableEnded || res.destroyed) return;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.statusCode = status;
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  if (status !== 204) {
    res.setHeader('Content-Type', contentType);
    res.setHeader('Content-Length', Buffer.byteLength(text));
  }
  res.setHeader('Cache-Control', 'no-store');
  res.end(status === 204 ? undefined : text);
}

/**
 * Closes the connection without a usable answer. A few bytes of a status line go out first: when a
 * reused keep-alive connection closes before any byte of the response, browsers (Chromium at least)
 * and other HTTP stacks silently resend the request on a new connection, so the client would never
 * see the fault. With a truncated status line the client gets a network error (fetch rejects).
 * @param {import('node:net').Socket} socket
 */
function dropConnection(socket) {
  if (socket.destroyed) return;
  socket.end('HTTP/1.1 ', () => socket.destroy());
  setTimeout(() => socket.destroy(), 1000).unref();
}

/**
 * Creates an emulator (state + request handler). Nothing listens until you mount `handle` or call
 * startEmulator().
 * @param {EmulatorOptions} [options]
 */
export function createEmulator(options = {}) {
  const { users, onSms, onRequest, ...config } = options;
  const state = new EmulatorState({ config, users });
  /** How many times reset() ran; delayed requests from before a reset are not run. */
  let resets = 0;
  /** @type {Set<{ timer: NodeJS.Timeout, resolve: () => void }>} */
  const sleepers = new Set();

  /** @param {number} ms */
  const sleep = (ms) =>
    new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          sleepers.delete(entry);
          resolve(undefined);
        }, ms),
        resolve: () => resolve(undefined),
      };
      sleepers.add(entry);
    });

  /**
   * CORS headers for a normal (non-preflight) response.
   * @param {IncomingMessage} req
   * @param {ServerResponse} res
   */
  function applyCors(req, res) {
    res.setHeader('Vary', 'Origin');
    const origin = headerString(req.headers.origin);
    if (!isOriginAllowed(state.config, origin)) return;
    res.setHeader('Access-Control-Allow-Origin', /** @type {string} */ (origin));
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Access-Control-Expose-Headers', EXPOSE_HEADERS);
  }

  /**
   * @param {IncomingMessage} req
   * @param {ServerResponse} res
   */
  function preflight(req, res) {
    /** @type {Record<string, string>} */
    const headers = { Vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers' };
    const origin = headerString(req.headers.origin);
    if (isOriginAllowed(state.config, origin)) {
      headers['Access-Control-Allow-Origin'] = /** @type {string} */ (origin);
      headers['Access-Control-Allow-Credentials'] = 'true';
      headers['Access-Control-Allow-Methods'] = ALLOW_METHODS;
      headers['Access-Control-Allow-Headers'] = ALLOW_HEADERS;
      headers['Access-Control-Max-Age'] = '600';
      if (headerString(req.headers['access-control-request-private-network']) === 'true') {
        headers['Access-Control-Allow-Private-Network'] = 'true';
      }
    }
    headers.Allow = ALLOW_METHODS;
    send(res, 204, '', headers);
  }

  /**
   * One `/api/v3/*` request.
   * @param {IncomingMessage} req
   * @param {ServerResponse} res
   * @param {URL} url
   */
  async function handleApi(req, res, url) {
    const method = req.method ?? 'GET';
    const path = url.pathname;
    /** A V2 path: answered with the V2 envelope `{ code, message, data }`. */
    const v2 = path.startsWith('/api/v2/');
    const lang = resolveLang(req.headers['x-authing-lang']);
    const requestId = randomUUID();

    const authHeader = (headerString(req.headers.authorization) ?? '').trim();
    const bearer = /^bearer\s+(.*)$/i.exec(authHeader);
    const token = bearer ? bearer[1].trim() : authHeader;
    const authScheme = authHeader === '' ? null : bearer ? 'bearer' : 'raw';
    const user = token ? state.userByToken(token) : undefined;

    /** @type {Omit<RequestLogEntry, 'seq' | 'statusCode'>} */
    const logBase = { method, path, time: state.nowIso(), authorized: Boolean(user), authScheme };
    const rawLang = headerString(req.headers['x-authing-lang']);
    if (rawLang) logBase.lang = rawLang.slice(0, 40);
    const appId = headerString(req.headers['x-authing-app-id']);
    if (appId) logBase.appId = appId.slice(0, 200);
    const userPoolId = headerString(req.headers['x-authing-userpool-id']);
    if (userPoolId) logBase.userPoolId = userPoolId.slice(0, 200);
    const origin = headerString(req.headers.origin);
    if (origin) logBase.origin = origin.slice(0, 200);

    /**
     * @param {number} statusCode
     * @param {number} [apiCode]
     * @param {string} [fault]
     */
    const log = (statusCode, apiCode, fault) => {
      /** @type {Omit<RequestLogEntry, 'seq'>} */
      const entry = { ...logBase, statusCode };
      if (apiCode !== undefined) entry.apiCode = apiCode;
      if (fault) entry.fault = fault;
      const full = state.logRequest(entry);
      onRequest?.({ ...full });
    };

    /**
     * @param {{ statusCode: number, message: string, apiCode?: number, data?: unknown }} envelope
     * @param {Record<string, string>} [headers]
     * @param {string} [fault]
     */
    const reply = (envelope, headers = {}, fault) => {
      /** @type {Record<string, unknown>} */
      const body = v2
        ? { code: envelope.statusCode, message: envelope.message }
        : { statusCode: envelope.statusCode, message: envelope.message };
      if (envelope.apiCode !== undefined) body.apiCode = state.config.apiCodeAsString ? String(envelope.apiCode) : envelope.apiCode;
      if (!v2) body.requestId = requestId;
      if (envelope.data !== undefined) body.data = envelope.data;
      // The `apply-*` faults: the endpoint ran (and changed what it changes), then its answer is lost.
      if (fault === 'apply-drop') {
        log(0, undefined, fault);
        dropConnection(req.socket);
        return;
      }
      log(envelope.statusCode, envelope.apiCode, fault);
      if (fault === 'apply-empty') return send(res, 200, '', { 'x-authing-request-id': requestId });
      if (fault === 'apply-delay') {
        void sleep(appliedDelayMs).then(() => send(res, 200, body, { 'x-authing-request-id': requestId, ...headers }));
        return;
      }
      send(res, 200, body, { 'x-authing-request-id': requestId, ...headers });
    };

    /** @param {ApiError} err @param {string} [fault] */
    const replyError = (err, fault) =>
      reply({ statusCode: err.statusCode, apiCode: err.apiCode, message: err.messageIn(lang) }, err.headers, fault);

    const fault = state.takeFault(path);
    const appliedDelayMs = fault?.delayMs ?? 0;

    /** @type {string} */
    let rawBody;
    try {
      rawBody = method === 'GET' || method === 'HEAD' ? '' : await readBody(req);
    } catch (err) {
      if (err instanceof BodyTooLarge) return reply({ statusCode: 413, message: message('payloadTooLarge', lang) });
      return log(0); // the client went away while sending its body
    }

    if (fault) {
      if (fault.kind === 'delay') {
        // The answer is only postponed: the endpoint still runs after the wait, even if the client has
        // gone away meanwhile (like a real server that already accepted the request)... unless the
        // emulator was reset during the wait: a request from before a reset must not change, or show up
        // in, the fresh state (a test's late request would leak into the next test).
        const generation = resets;
        await sleep(fault.delayMs ?? 0);
        if (generation !== resets) {
          send(res, 200, { statusCode: 503, message: 'The emulator was reset while this request was delayed', requestId });
          return;
        }
      } else if (fault.kind === 'envelope') {
        return reply(
          {
            statusCode: fault.statusCode ?? 500,
            apiCode: fault.apiCode,
            message: fault.message ?? message('internalError', lang),
          },
          {},
          'envelope',
        );
      } else if (fault.kind === 'unsuccessful') {
        // Authing's IsSuccessRespDto saying no (node-sdk, since 2024-08): statusCode 200, data.success false.
        return reply({ statusCode: 200, message: message('success', lang), data: { success: false } }, {}, 'unsuccessful');
      } else if (fault.kind !== 'exception' && !fault.kind.startsWith('apply-')) {
        const out = faultResponse(fault);
        if (out.kind === 'drop') {
          log(0, undefined, 'drop');
          dropConnection(req.socket);
          return;
        }
        log(out.logStatus, undefined, fault.kind);
        send(res, out.httpStatus, out.body, out.headers, out.contentType);
        return;
      }
    }

    const faultKind = fault?.kind;
    try {
      if (faultKind === 'exception') throw new Error('Injected exception (fault "exception")');
      /** @type {string[]} */
      let params = [];
      /** @type {import('./authing-api.js').Endpoint | undefined} */
      let endpoint;
      if (v2) {
        for (const candidate of V2_ENDPOINTS) {
          const match = candidate.pattern.exec(path);
          if (match) {
            endpoint = /** @type {import('./authing-api.js').Endpoint} */ (candidate);
            params = match.slice(1).map((p) => decodeURIComponent(p));
            break;
          }
        }
      } else if (Object.hasOwn(ENDPOINTS, path)) endpoint = ENDPOINTS[path];
      if (!endpoint) return reply({ statusCode: 404, message: message('notFound', lang) }, {}, faultKind);
      if (endpoint.method !== method) {
        return reply({ statusCode: 405, message: message('methodNotAllowed', lang) }, { Allow: `${endpoint.method},OPTIONS` }, faultKind);
      }
      // Every official client sends one of the two; how Authing answers a request without either is not
      // known: a missing-parameter answer (statusCode 400) is our pick. V2's public config has the app id
      // in its path.
      if (!v2 && state.config.requireAppOrPoolId && !appId && !userPoolId) throw new ApiError(400, undefined, 'missingAppOrPoolId');
      if (endpoint.auth && !user) throw new ApiError(401, 2020, 'notLoggedIn');

      /** @type {Record<string, unknown>} */
      let body = {};
      if (method === 'POST' && rawBody.trim() !== '') {
        /** @type {unknown} */
        let parsed;
        try {
          parsed = JSON.parse(rawBody);
        } catch {
          throw new ApiError(400, undefined, 'invalidJson');
        }
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
          throw new ApiError(400, undefined, 'bodyNotObject');
        }
        body = /** @type {Record<string, unknown>} */ (parsed);
      }

      const outboxBefore = state.outbox.length;
      const scopes = user ? state.scopesOf(user, token) : new Set();
      const host = (headerString(req.headers.host) ?? '').slice(0, 200);
      const data = /** @type {(ctx: object) => unknown} */ (endpoint.handler)({
        state,
        user,
        scopes,
        body,
        query: url.searchParams,
        params,
        host,
      });
      if (onSms && state.outbox.length > outboxBefore) onSms({ ...state.outbox[state.outbox.length - 1] });
      reply({ statusCode: 200, message: message('success', lang), data }, {}, faultKind);
    } catch (err) {
      if (err instanceof ApiError) return replyError(err, faultKind);
      if (faultKind !== 'exception') console.error('[authing-emulator] unexpected error', err);
      reply({ statusCode: 500, message: message('internalError', lang) }, {}, faultKind);
    }
  }

  /**
   * One `/__emulator/*` request.
   * @param {IncomingMessage} req
   * @param {ServerResponse} res
   * @param {URL} url
   */
  async function handleControl(req, res, url) {
    const route = url.pathname.slice('/__emulator/'.length).replace(/\/+$/, '');
    const readJson = async () => {
      let raw;
      try {
        raw = await readBody(req);
      } catch (err) {
        throw new ControlError(err instanceof BodyTooLarge ? 'request body too large' : 'request aborted');
      }
      if (raw.trim() === '') return {};
      let parsed;
      try {
        parsed = JSON.parse(raw);
      } catch {
        throw new ControlError('request body is not valid JSON');
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new ControlError('request body must be a JSON object');
      }
      return /** @type {Record<string, unknown>} */ (parsed);
    };
    const result = await runControl(emulator, req.method ?? 'GET', route, url.searchParams, readJson);
    send(res, result.status, /** @type {object} */ (result.body));
  }

  /**
   * node:http request handler; also usable as connect/Express middleware.
   * @param {IncomingMessage} req
   * @param {ServerResponse} res
   * @param {(err?: unknown) => void} [next] called for paths that are not the emulator's
   */
  function handle(req, res, next) {
    /** @type {URL} */
    let url;
    try {
      url = new URL(req.url ?? '/', 'http://emulator.invalid');
    } catch {
      url = new URL('http://emulator.invalid/');
    }
    const path = url.pathname;
    const isApi = path === '/api/v3' || path.startsWith('/api/v3/') || path.startsWith('/api/v2/');
    const isControl = path.startsWith('/__emulator/');
    if (!isApi && !isControl) {
      if (next) return next();
      if (path === '/' && req.method === 'GET') {
        return send(res, 200, {
          name: 'authing-emulator',
          endpoints: [...Object.entries(ENDPOINTS).map(([p, e]) => `${e.method} ${p}`), 'GET /api/v2/applications/{appId}/public-config'],
          control: '/__emulator/{health,outbox,users,tokens,reset,config,faults,clock,requests}',
          demoTokens: state.listUsers().map((u) => ({ userId: u.userId, tokens: u.tokens })),
        });
      }
      return send(res, 404, { error: 'Not found' });
    }
    if (req.method === 'OPTIONS') return preflight(req, res);
    applyCors(req, res);
    const work = isApi ? handleApi(req, res, url) : handleControl(req, res, url);
    work.catch((err) => {
      // Last resort: never crash the process, never leave the request hanging.
      console.error('[authing-emulator] unhandled error', err);
      if (isApi && path.startsWith('/api/v2/')) send(res, 200, { code: 500, message: 'Internal server error' });
      else if (isApi) send(res, 200, { statusCode: 500, message: 'Internal server error', requestId: randomUUID() });
      else send(res, 500, { error: 'Internal server error' });
    });
  }

  const emulator = {
    handle,
    /** The live state (escape hatch for in-process tests). */
    state,
    /**
     * Restores seed users and default config (plus `config` on top); clears codes, outbox, update
     * tokens, faults, request log and clock offset.
     * @param {Partial<EmulatorConfig> & { users?: UserInput[] }} [config]
     */
    reset(config) {
      state.reset(config);
      resets += 1;
    },
    getConfig: () => state.getConfig(),
    /** @param {Partial<EmulatorConfig> & { users?: UserInput[] }} patch */
    setConfig: (patch) => state.setConfig(patch),
    listUsers: () => state.listUsers(),
    /** @param {UserInput[]} users */
    upsertUsers: (users) => state.upsertUsers(users),
    /** @param {{ userId: string, token?: string, scope?: string }} request */
    issueToken: (request) => state.issueToken(request),
    /** @param {{ phoneNumber?: string, channel?: string, phoneCountryCode?: string }} [filter] */
    outbox: (filter) => state.listOutbox(filter),
    clearOutbox: () => {
      state.outbox = [];
    },
    /**
     * The code of the newest SMS matching the filter, or undefined.
     * @param {{ phoneNumber?: string, channel?: string, phoneCountryCode?: string }} [filter]
     */
    latestCode: (filter) => state.listOutbox(filter).at(-1)?.code,
    /** @param {object} fault */
    addFault: (fault) => state.addFault(fault),
    listFaults: () => state.listFaults(),
    clearFaults: () => {
      state.faults = [];
    },
    /** @param {number} seconds */
    advanceClock: (seconds) => state.advanceClock(seconds),
    now: () => state.now(),
    requests: () => state.requests.map((r) => ({ ...r })),
    clearRequests: () => {
      state.requests = [];
    },
    /** @param {string | undefined} origin */
    isOriginAllowed: (origin) => isOriginAllowed(state.config, origin),
    /** Ends pending `delay` faults at once (they then answer normally). */
    dispose() {
      for (const s of sleepers) {
        clearTimeout(s.timer);
        s.resolve();
      }
      sleepers.clear();
    },
  };
  return emulator;
}

/** @typedef {ReturnType<typeof createEmulator>} Emulator */

/**
 * @param {http.Server} server
 * @param {number} port
 * @param {string} host
 * @returns {Promise<void>}
 */
function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    const onError = (/** @type {Error} */ err) => reject(err);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

/**
 * Starts an HTTP server for a new emulator.
 *
 * With a loopback host ("127.0.0.1" — the default — or "localhost"), it listens on 127.0.0.1 and, when
 * the system has IPv6, also on [::1] with the same port, so `http://localhost:PORT` works whichever
 * address "localhost" resolves to. With `strictPort: false`, a port that is taken gives way to a free
 * one (compare the result's `port` with the one asked for).
 * @param {EmulatorOptions & { port?: number, host?: string, strictPort?: boolean }} [options]
 */
export async function startEmulator({ port = 0, host = '127.0.0.1', strictPort = true, ...options } = {}) {
  const emulator = createEmulator(options);
  const loopback = host === '127.0.0.1' || host === 'localhost';
  const primary = http.createServer(emulator.handle);
  /** @type {http.Server[]} */
  const servers = [primary];
  const address4 = loopback ? '127.0.0.1' : host;
  try {
    await listen(primary, port, address4);
  } catch (error) {
    if (strictPort || port === 0 || /** @type {NodeJS.ErrnoException} */ (error).code !== 'EADDRINUSE') throw error;
    await listen(primary, 0, address4);
  }
  const address = primary.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  if (loopback) {
    const v6 = http.createServer(emulator.handle);
    try {
      await listen(v6, actualPort, '::1');
      servers.push(v6);
    } catch {
      // no IPv6 loopback here: 127.0.0.1 alone
    }
  }
  for (const s of servers) s.keepAliveTimeout = 5000;

  let urlHost = '127.0.0.1';
  if (host === '::1') urlHost = '[::1]';
  else if (!loopback && host !== '0.0.0.0' && host !== '::') urlHost = host.includes(':') ? `[${host}]` : host;

  let closed = false;
  return {
    url: `http://${urlHost}:${actualPort}`,
    /** The same server as `url`, spelled with "localhost" (what authing-node-sdk's appHost expects). */
    localhostUrl: loopback ? `http://localhost:${actualPort}` : `http://${urlHost}:${actualPort}`,
    port: actualPort,
    emulator,
    servers,
    /** Stops listening, drops open connections and ends pending delays. */
    async close() {
      if (closed) return;
      closed = true;
      emulator.dispose();
      await Promise.all(
        servers.map(
          (s) =>
            new Promise((resolve) => {
              s.close(() => resolve(undefined));
              s.closeAllConnections();
            }),
        ),
      );
    },
  };
}
