import { AbortedError, PhoneManagerError, codeForEnvelope, codeForHttpStatus, isAborted } from '../errors.js';
import { apiCodeOf, poolSettingsOf, profileOf, updatePhoneResult } from './responses.js';
import type { AuthingEnvelope, AuthingProfile, PhoneApi, RequestOptions, SecurityInfo, VerifyUpdatePhoneResult } from './types.js';

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

/** The missing-id warning is said once per page, not once per widget or request. */
let warnedNoId = false;

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

/**
 * Creates the Authing client. No request is ever retried automatically: sending an SMS or
 * changing a phone twice behind the user's back would be worse than an error they can retry.
 */
export function createAuthingClient(options: AuthingClientOptions): PhoneApi {
  const baseURL = normalizeAppHost(options.appHost);
  if (!options.accessToken) throw new PhoneManagerError('CONFIG', 'access-token is missing');
  if (!options.appId && !options.userPoolId && !warnedNoId) {
    warnedNoId = true;
    console.warn(
      'authing-phone-manager: set app-id or userpool-id. Authing’s own clients always send x-authing-app-id or x-authing-userpool-id, and the app id lets the widget follow the pool’s settings.',
    );
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  const headers: Record<string, string> = {
    authorization: `Bearer ${options.accessToken}`,
    accept: 'application/json',
  };
  if (options.appId) headers['x-authing-app-id'] = options.appId;
  if (options.userPoolId) headers['x-authing-userpool-id'] = options.userPoolId;

  async function call<T>(method: 'GET' | 'POST', path: string, body: object | undefined, request?: RequestOptions): Promise<T> {
    const outer = request?.signal;
    if (outer?.aborted) throw new AbortedError();
    // One signal for the timeout and the caller's abort.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const forwardAbort = () => controller.abort();
    outer?.addEventListener('abort', forwardAbort, { once: true });

    let status: number;
    let data: unknown;
    try {
      const response = await fetch(`${baseURL}${path}`, {
        method,
        headers: {
          ...withLang(headers, typeof options.lang === 'function' ? options.lang() : options.lang),
          ...(body && { 'content-type': 'application/json' }),
        },
        body: body && JSON.stringify(body),
        signal: controller.signal,
        credentials: 'omit',
      });
      status = response.status;
      // Read inside the try: a connection dropped mid-answer is a network failure too.
      data = parseBody(await response.text(), response.headers.get('content-type'));
    } catch (error) {
      if (timedOut) throw new PhoneManagerError('TIMEOUT', `No answer from Authing within ${timeoutMs} ms`, { cause: error });
      if (outer?.aborted || isAborted(error)) throw new AbortedError();
      throw new PhoneManagerError('NETWORK', 'Could not reach Authing', { cause: error });
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', forwardAbort);
    }
    return unwrap<T>(status, data, path === ENDPOINTS.sendSms);
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
      call<VerifyUpdatePhoneResult>(
        'POST',
        ENDPOINTS.verifyUpdatePhone,
        { verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: input },
        request,
      ).then((result) => {
        if (!result || typeof result.updatePhoneToken !== 'string' || !result.updatePhoneToken) {
          throw new PhoneManagerError('BAD_RESPONSE', 'Authing’s answer has no updatePhoneToken');
        }
        return result;
      }),
    updatePhone: (updatePhoneToken, request) =>
      call<unknown>('POST', ENDPOINTS.updatePhone, { updatePhoneToken }, request).then(updatePhoneResult),
    unbindPhone: (passCode, request) => call<void>('POST', ENDPOINTS.unbindPhone, { passCode }, request),
    getSecurityInfo: (request) =>
      call<SecurityInfo>('GET', ENDPOINTS.securityInfo, undefined, request).then((info) => {
        if (!info || typeof info !== 'object')
          throw new PhoneManagerError('BAD_RESPONSE', 'The security info in Authing’s answer is missing');
        return { phoneBinded: !!info.phoneBinded, emailBinded: !!info.emailBinded };
      }),
    getPublicConfig: (request) => {
      if (!options.appId) return Promise.resolve({});
      return call<unknown>('GET', ENDPOINTS.publicConfig(options.appId), undefined, request).then(poolSettingsOf);
    },
  };
}

/** A JSON answer as its value (text that is not JSON stays text, and `unwrap` says so); any other answer as text. */
function parseBody(text: string, contentType: string | null): unknown {
  if (!/json/i.test(contentType ?? '')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

const withLang = (headers: Record<string, string>, lang: string | undefined) => (lang ? { ...headers, 'x-authing-lang': lang } : headers);

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
