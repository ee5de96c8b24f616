// Control API (`/__emulator/*`, plain JSON, not enveloped) and the fault kinds applied to `/api/v3/*`.

import { ControlError } from './state.js';

/** @typedef {import('./state.js').EmulatorState} EmulatorState */
/** @typedef {import('./state.js').Fault} Fault */

/**
 * @typedef {object} ControlResult
 * @property {number} status HTTP status
 * @property {unknown} body JSON body
 */

/**
 * @typedef {object} ControlTarget the parts of the emulator the control API drives
 * @property {EmulatorState} state
 * @property {(config?: object) => void} reset
 */

/**
 * Runs one control request. `readJson` is called only by routes that take a body; it throws
 * ControlError on invalid JSON.
 * @param {ControlTarget} target
 * @param {string} method
 * @param {string} route path after "/__emulator/", without trailing slash
 * @param {URLSearchParams} query
 * @param {() => Promise<Record<string, unknown>>} readJson
 * @returns {Promise<ControlResult>}
 */
export async function runControl(target, method, route, query, readJson) {
  const { state } = target;
  /** @type {Record<string, Record<string, () => Promise<unknown> | unknown>>} */
  const routes = {
    health: {
      GET: () => ({ ok: true }),
    },
    outbox: {
      GET: () => ({
        messages: state.listOutbox({
          phoneNumber: query.get('phoneNumber'),
          channel: query.get('channel'),
          phoneCountryCode: query.get('phoneCountryCode'),
        }),
      }),
      DELETE: () => {
        state.outbox = [];
        return { ok: true };
      },
    },
    users: {
      GET: () => ({ users: state.listUsers() }),
      POST: async () => {
        const body = await readJson();
        return { users: state.upsertUsers(/** @type {any} */ (body.users)) };
      },
    },
    tokens: {
      POST: async () => state.issueToken(await readJson()),
    },
    reset: {
      POST: async () => {
        const body = await readJson();
        target.reset(/** @type {any} */ (body.config));
        return { ok: true };
      },
    },
    config: {
      GET: () => state.getConfig(),
      POST: async () => state.setConfig(/** @type {any} */ (await readJson())),
    },
    faults: {
      GET: () => ({ faults: state.listFaults() }),
      POST: async () => {
        const fault = state.addFault(await readJson());
        return { fault, faults: state.listFaults() };
      },
      DELETE: () => {
        state.faults = [];
        return { ok: true };
      },
    },
    clock: {
      GET: () => state.clockInfo(),
      POST: async () => {
        const body = await readJson();
        return state.advanceClock(/** @type {number} */ (body.advanceSeconds));
      },
    },
    requests: {
      GET: () => ({ requests: state.requests.map((r) => ({ ...r })) }),
      DELETE: () => {
        state.requests = [];
        return { ok: true };
      },
    },
  };

  const handlers = Object.hasOwn(routes, route) ? routes[route] : undefined;
  if (!handlers) return { status: 404, body: { error: `Unknown control endpoint: /__emulator/${route}` } };
  const handler = Object.hasOwn(handlers, method) ? handlers[method] : undefined;
  if (!handler) {
    return { status: 405, body: { error: `Method ${method} not allowed; use ${Object.keys(handlers).join(', ')}` } };
  }
  try {
    return { status: 200, body: await handler() };
  } catch (err) {
    if (err instanceof ControlError) return { status: 400, body: { error: err.message } };
    throw err;
  }
}

// ---- faults ------------------------------------------------------------------------------------------

export const MALFORMED_BODY = '{"statusCode": 200, "data": ';

export const HTML_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n' +
  '<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/**
 * What a short-circuiting fault sends instead of the endpoint's answer. `delay` is not here: it only
 * postpones the normal answer. `exception` is not here either: it throws inside the endpoint dispatch
 * so the generic 500 path is exercised.
 * @param {Fault} fault
 * @returns {{ kind: 'drop' } | { kind: 'respond', httpStatus: number, contentType: string, body: string | object, logStatus: number, logApiCode?: number, headers?: Record<string, string> }}
 */
export function faultResponse(fault) {
  switch (fault.kind) {
    case 'http500':
      return {
        kind: 'respond',
        httpStatus: 500,
        contentType: 'application/json; charset=utf-8',
        body: { statusCode: 500, message: 'Internal Server Error' },
        logStatus: 500,
      };
    case 'malformed':
      return { kind: 'respond', httpStatus: 200, contentType: 'application/json; charset=utf-8', body: MALFORMED_BODY, logStatus: 200 };
    case 'html':
      return { kind: 'respond', httpStatus: 502, contentType: 'text/html; charset=utf-8', body: HTML_502, logStatus: 502 };
    case 'rate-limit':
      // A gateway's throttle (HTTP 429), not Authing's own send-sms limit (that one is HTTP 200, statusCode 422)
      return {
        kind: 'respond',
        httpStatus: 429,
        contentType: 'application/json; charset=utf-8',
        body: { statusCode: 429, message: 'Too Many Requests' },
        logStatus: 429,
        headers: { 'Retry-After': String(fault.retryAfterSeconds ?? 60) },
      };
    case 'drop':
      return { kind: 'drop' };
    default:
      throw new Error(`faultResponse: ${fault.kind} is not a short-circuit fault`);
  }
}
