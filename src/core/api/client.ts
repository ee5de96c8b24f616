import { FetchError, ofetch, type FetchOptions, type FetchResponse } from 'ofetch';
import { AbortedError, PhoneManagerError, codeForEnvelope, codeForHttpStatus, noAnswer } from '../errors.js';
import { apiCodeOf, poolSettingsOf, profileOf, securityInfoOf, updatePhoneResult, verifyUpdatePhoneResult } from './responses.js';
import type { AuthingEnvelope, AuthingProfile, PhoneApi, RequestOptions } from './types.js';

/** The only place the endpoint paths live. */
export const ENDPOINTS = {
  profile: '/api/v3/get-profile',
  sendSms: '/api/v3/send-sms',
  bindPhone: '/api/v3/bind-phone',
  verifyUpdatePhone: '/api/v3/verify-update-phone-request',
  updatePhone: '/api/v3/update-phone',
  unbindPhone: '/api/v3/unbind-phone',
  securityInfo: '/api/v3/get-security-info',
  /** The app's public settings (V2, no token needed): the pool's change-phone strategy and code length. */
  publicConfig: (appId: string) => `/api/v2/applications/${encodeURIComponent(appId)}/public-config`,
} as const;

export const DEFAULT_TIMEOUT_MS = 10_000;

export interface AuthingClientOptions {
  /** The Authing application domain, e.g. `https://example.authing.cn`. */
  appHost: string;
  accessToken: string;
  /** Sent as `x-authing-app-id`. Every official client sends this or the user pool id. */
  appId?: string;
  /** Sent as `x-authing-userpool-id`. */
  userPoolId?: string;
  /** Sent as `x-authing-lang` so Authing words its messages in the user's language; read per request. */
  lang?: string | (() => string | undefined);
  /** Milliseconds to wait for an answer; anything but a positive finite number means {@link DEFAULT_TIMEOUT_MS}. */
  timeoutMs?: number;
}

/**
 * Checks the app host: https only, except on the loopback hosts used in development,
 * so the access token never crosses the network in clear text. Returns the origin-ish base URL.
 */
export function normalizeAppHost(appHost: string): string {
  const trimmed = appHost.trim();
  let url: URL | undefined;
  try {
    url = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    // not a URL: the same error as a URL without a real host name
  }
  // Browsers' URL parsers differ: Chromium takes `https://exa mple.com` as host `exa%20mple.com`. Only
  // a real host name (letters, digits, hyphens, dots; IDNs arrive as punycode) or an IP literal passes.
  if (!url || !/^(\[[\da-f:.]+\]|[a-z\d_-]+(\.[a-z\d_-]+)*\.?)$/i.test(url.hostname)) {
    throw new PhoneManagerError('CONFIG', 'app-host is not a valid URL');
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new PhoneManagerError('CONFIG', 'app-host must use https (http is allowed only for localhost)');
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new PhoneManagerError('CONFIG', 'app-host must be a plain origin without credentials, query or hash');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Reads (the profile, the security info, the public config) are tried once more after a dropped connection or a 5xx. */
const READ_RETRY: FetchOptions = { retry: 1, retryDelay: 300, retryStatusCodes: [500, 502, 503, 504] };

/**
 * Creates the Authing client on one `ofetch` instance. Only reads are retried: a POST is never sent
 * twice behind the user's back (a second send-sms is a second SMS, a second update-phone an error).
 */
export function createAuthingClient(options: AuthingClientOptions): PhoneApi {
  const baseURL = normalizeAppHost(options.appHost);
  if (!options.accessToken) throw new PhoneManagerError('CONFIG', 'access-token is missing');
  // The default is settled here and nowhere else (a NaN comes from a bad `timeout` attribute).
  const asked = options.timeoutMs ?? 0;
  const timeoutMs = asked > 0 && asked < Infinity ? asked : DEFAULT_TIMEOUT_MS;
  const ids: Record<string, string> = { accept: 'application/json' };
  if (options.appId) ids['x-authing-app-id'] = options.appId;
  if (options.userPoolId) ids['x-authing-userpool-id'] = options.userPoolId;
  // The token is added per request, so the public config (public, read without it) never carries it.
  const authorization = `Bearer ${options.accessToken}`;

  const authing = ofetch.create({
    baseURL,
    headers: ids,
    retry: 0,
    // No cookies: the token is the credential. No redirects: nothing follows a 30x away from app-host.
    credentials: 'omit',
    redirect: 'error',
  });

  async function call<T>(
    method: 'GET' | 'POST',
    path: string,
    body: object | undefined,
    request: RequestOptions | undefined,
    authorized = true,
  ): Promise<T> {
    // ofetch's own `timeout` does nothing beside a signal (1.5), and the session always passes one:
    // the caller's abort and the timeout are joined here (`AbortSignal.any` is not in every WebView).
    const outer = request?.signal;
    const controller = new AbortController();
    const abort = () => controller.abort();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort();
    }, timeoutMs);
    if (outer?.aborted) abort();
    outer?.addEventListener('abort', abort);
    const lang = typeof options.lang === 'function' ? options.lang() : options.lang;
    let answer: FetchResponse<unknown>;
    try {
      answer = await authing.raw(path, {
        method,
        body,
        headers: { ...(authorized && { authorization }), ...(lang && { 'x-authing-lang': lang }) },
        signal: controller.signal,
        ...(method === 'GET' && READ_RETRY),
      });
    } catch (error) {
      // An answer with an HTTP error status: Authing's envelope, if any, says the most.
      if (error instanceof FetchError && error.response) answer = error.response;
      else if (timedOut) throw new PhoneManagerError('TIMEOUT', `No answer from Authing within ${timeoutMs} ms`, { cause: error });
      else if (outer?.aborted) throw new AbortedError();
      else {
        // No answer at all (offline, a CORS refusal, a wrong host), or a connection dropped mid-answer.
        const failure = noAnswer({
          online: globalThis.navigator?.onLine !== false,
          appHost: baseURL,
          pageOrigin: globalThis.location?.origin,
        });
        if (failure.hint) console.warn(failure.hint);
        throw new PhoneManagerError(failure.code, failure.message, { cause: error });
      }
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', abort);
    }
    return unwrap<T>(answer.status, answer._data, path === ENDPOINTS.sendSms);
  }

  return {
    getProfile: (request) =>
      call<AuthingProfile>(
        'GET',
        `${ENDPOINTS.profile}?withCustomData=false&withIdentities=true&withDepartmentIds=false`,
        undefined,
        request,
      ).then(profileOf),
    sendSms: (input, request) => call<void>('POST', ENDPOINTS.sendSms, input, request),
    bindPhone: (input, request) => call<void>('POST', ENDPOINTS.bindPhone, input, request),
    verifyUpdatePhoneRequest: (input, request) =>
      call<unknown>('POST', ENDPOINTS.verifyUpdatePhone, { verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: input }, request).then(
        verifyUpdatePhoneResult,
      ),
    updatePhone: (updatePhoneToken, request) =>
      call<unknown>('POST', ENDPOINTS.updatePhone, { updatePhoneToken }, request).then(updatePhoneResult),
    unbindPhone: (passCode, request) => call<void>('POST', ENDPOINTS.unbindPhone, { passCode }, request),
    getSecurityInfo: (request) => call<unknown>('GET', ENDPOINTS.securityInfo, undefined, request).then(securityInfoOf),
    getPublicConfig: (request) => {
      if (!options.appId) return Promise.resolve({});
      return call<unknown>('GET', ENDPOINTS.publicConfig(options.appId), undefined, request, false).then(poolSettingsOf);
    },
  };
}

/** Turns an HTTP answer into `data` or one PhoneManagerError. */
function unwrap<T>(httpStatus: number, body: unknown, sendSms = false): T {
  const envelope = isEnvelope(body) ? body : isV2Envelope(body) ? { ...body, statusCode: body.code } : undefined;
  // Authing's own error, whatever the HTTP status, says the most.
  if (envelope && envelope.statusCode !== 200) throw envelopeError(envelope, sendSms);
  if (httpStatus < 200 || httpStatus >= 300) {
    throw new PhoneManagerError(codeForHttpStatus(httpStatus), `Authing answered HTTP ${httpStatus}`, {
      statusCode: httpStatus,
    });
  }
  if (!envelope) throw new PhoneManagerError('BAD_RESPONSE', 'Authing’s answer was not the expected JSON');
  return envelope.data as T;
}

function envelopeError(envelope: AuthingEnvelope, sendSms: boolean): PhoneManagerError {
  const message = typeof envelope.message === 'string' ? envelope.message : '';
  const apiCode = apiCodeOf(envelope.apiCode);
  return new PhoneManagerError(codeForEnvelope(envelope.statusCode, apiCode, message, { sendSms }), message, {
    statusCode: envelope.statusCode,
    apiCode,
    requestId: typeof envelope.requestId === 'string' ? envelope.requestId : undefined,
  });
}

/** V2 endpoints (the public config) answer `{ code, message, data }`. */
function isV2Envelope(body: unknown): body is Omit<AuthingEnvelope, 'statusCode'> & { code: number } {
  return typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'number';
}

function isEnvelope(body: unknown): body is AuthingEnvelope {
  return typeof body === 'object' && body !== null && typeof (body as AuthingEnvelope).statusCode === 'number';
}
