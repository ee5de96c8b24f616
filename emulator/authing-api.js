// The Authing endpoints the phone widget uses, with Authing's rules: seven V3 endpoints and the V2 public
// config of an application. Each handler returns the envelope's `data` (or undefined) on success and
// throws ApiError for a business error; index.js wraps both into the V3 envelope (the V2 one for V2
// paths). The check order of each endpoint is documented in README.md.

import { message, smsText } from './messages.js';
import { CHANNELS, DEFAULT_COUNTRY_CODE, codeKey, isValidPhone } from './state.js';

/** apiCode of "a code was sent to this number within the resend interval" (docs/authing-api.md §13). */
export const API_CODE_RESEND_TOO_SOON = 4004;

/** @typedef {import('./state.js').EmulatorState} EmulatorState */
/** @typedef {import('./state.js').User} User */
/** @typedef {import('./messages.js').Lang} Lang */

/** apiCode for "bind-phone while a phone is already bound": our own choice (not a known Authing code). */
export const API_CODE_PHONE_ALREADY_BOUND = 1320006;

/** A business error: answered as HTTP 200 with the V3 envelope `{statusCode, apiCode?, message}`. */
export class ApiError extends Error {
  /**
   * @param {number} statusCode
   * @param {number | undefined} apiCode
   * @param {string} key message key in messages.js
   * @param {Record<string, unknown>} [params] message parameters
   * @param {Record<string, string>} [headers] extra HTTP headers for the answer
   */
  constructor(statusCode, apiCode, key, params = {}, headers = {}) {
    super(key);
    this.name = 'ApiError';
    this.statusCode = statusCode;
    this.apiCode = apiCode;
    this.key = key;
    this.params = params;
    this.headers = headers;
  }

  /** @param {Lang} lang */
  messageIn(lang) {
    return message(this.key, lang, this.params);
  }
}

/**
 * @typedef {object} ApiContext
 * @property {EmulatorState} state
 * @property {User | undefined} user the user of the access token, if a known token was sent
 * @property {Set<string>} scopes the scopes of that token (empty without a user)
 * @property {Record<string, unknown>} body parsed JSON body ({} for GET or an empty body)
 * @property {URLSearchParams} query
 */

/**
 * @typedef {object} Endpoint
 * @property {'GET' | 'POST'} method
 * @property {boolean} auth whether a known access token is required
 * @property {(ctx: ApiContext) => unknown} handler
 */

/**
 * A V2 endpoint: matched by a pattern, answered with the V2 envelope `{ code, message, data }`.
 * @typedef {Endpoint & { pattern: RegExp, handler: (ctx: ApiContext & { params: string[], host: string }) => unknown }} V2Endpoint
 */

// ---- shared checks ---------------------------------------------------------------------------------

/**
 * @param {Record<string, unknown>} obj
 * @param {string} field
 * @param {string} [label] name shown in the message (defaults to field)
 * @returns {string}
 */
function requireString(obj, field, label = field) {
  const value = obj[field];
  if (value === undefined || value === null || value === '') throw new ApiError(400, undefined, 'missingParam', { field: label });
  if (typeof value !== 'string') throw new ApiError(400, undefined, 'paramNotString', { field: label });
  return value;
}

/**
 * @param {Record<string, unknown>} obj
 * @param {string} field
 * @param {string} [label]
 * @returns {string | undefined}
 */
function optionalString(obj, field, label = field) {
  const value = obj[field];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new ApiError(400, undefined, 'paramNotString', { field: label });
  return value;
}

/**
 * Country code (default +86) and number must be well-formed, else 400 / 2028.
 * @param {string | undefined} countryCode
 * @param {string} number
 */
function checkPhone(countryCode, number) {
  const cc = countryCode ?? DEFAULT_COUNTRY_CODE;
  if (!isValidPhone(cc, number)) throw new ApiError(400, 2028, 'invalidPhone');
  return cc;
}

/**
 * Checks a code without consuming it: no code / wrong → 400 / 2001; expired, used or locked → 400 / 2300, or
 * 2001 with `expiredCodeApiCode: 2001` (Guard's code map reads 2001 as "验证码过期").
 * @param {EmulatorState} state
 * @param {string} key
 * @param {string} submitted
 */
function verifyCode(state, key, submitted) {
  const result = state.checkCode(key, submitted);
  if (result === 'wrong') throw new ApiError(400, 2001, 'codeWrong');
  if (result === 'invalid') throw new ApiError(400, state.config.expiredCodeApiCode, 'codeInvalid');
}

/** @param {User} user */
const requirePhone = (user) => {
  if (!user.phone || !user.phoneCountryCode) throw new ApiError(422, 1320005, 'noPhoneBound');
  return { phone: user.phone, phoneCountryCode: user.phoneCountryCode };
};

/**
 * A number bound to somebody else → 422 / 2035.
 * @param {EmulatorState} state
 * @param {User} user
 * @param {string} countryCode
 * @param {string} number
 */
function checkNotTaken(state, user, countryCode, number) {
  const owner = state.userByPhone(countryCode, number);
  if (owner && owner.userId !== user.userId) throw new ApiError(422, 2035, 'phoneTaken');
}

/**
 * UserDto subset returned by get-profile. Fields follow the token's scope ("根据用户 access_token 中的
 * scope 返回对应的字段"): without `email` the email fields are absent, without `phone` the phone fields.
 * @param {User} user
 * @param {URLSearchParams} query
 * @param {Set<string>} [scopes] default: all
 */
export function profileOf(user, query, scopes) {
  const email = !scopes || scopes.has('email');
  const phone = !scopes || scopes.has('phone');
  /** @type {Record<string, unknown>} */
  const profile = {
    userId: user.userId,
    username: user.username,
    ...(email && { email: user.email, emailVerified: user.emailVerified }),
    ...(phone && { phone: user.phone, phoneCountryCode: user.phoneCountryCode, phoneVerified: user.phoneVerified }),
    status: user.status,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
  if (query.get('withIdentities') === 'true') profile.identities = structuredClone(user.identities);
  if (query.get('withCustomData') === 'true') profile.customData = {};
  if (query.get('withDepartmentIds') === 'true') profile.departmentIds = [];
  return profile;
}

// ---- endpoints ---------------------------------------------------------------------------------------

/** @type {Record<string, Endpoint>} */
export const ENDPOINTS = {
  '/api/v3/get-profile': {
    method: 'GET',
    auth: true,
    handler: ({ user, query, scopes }) => profileOf(/** @type {User} */ (user), query, scopes),
  },

  // GetSecurityInfoDto (authing-node-sdk), key order kept. Not filtered by scope: it says what is bound
  // when the profile may not. passwordSecurityLevel and securityScore are placeholders (ours).
  '/api/v3/get-security-info': {
    method: 'GET',
    auth: true,
    handler: ({ user: u }) => {
      const user = /** @type {User} */ (u);
      const factors = [user.passwordSet, Boolean(user.email), Boolean(user.phone)];
      return {
        passwordSecurityLevel: user.passwordSet ? 1 : 0,
        mfaEnrolled: false,
        passwordSet: user.passwordSet,
        emailBinded: Boolean(user.email),
        phoneBinded: Boolean(user.phone),
        securityScore: 25 * factors.filter(Boolean).length,
      };
    },
  },

  // token optional. Order: fields → channel → phone format → international SMS (off: +86 only) → resend
  // interval → daily cap (when set) → send.
  '/api/v3/send-sms': {
    method: 'POST',
    auth: false,
    handler: ({ state, body }) => {
      const channel = requireString(body, 'channel');
      const phoneNumber = requireString(body, 'phoneNumber');
      const countryCodeIn = optionalString(body, 'phoneCountryCode');
      if (!CHANNELS.includes(channel)) {
        throw new ApiError(400, undefined, 'invalidEnum', { field: 'channel', values: CHANNELS.join(', ') });
      }
      const phoneCountryCode = checkPhone(countryCodeIn, phoneNumber);
      // "Authing 短信服务暂不内置支持国际手机号" (the SDKs' SendSMSDto docs): a pool without international SMS
      // sends to mainland numbers only. The answer's statusCode and words are our pick (none is known).
      if (phoneCountryCode !== DEFAULT_COUNTRY_CODE && !state.config.internationalSms) {
        throw new ApiError(400, undefined, 'internationalSmsOff');
      }
      // Both limits answer the way the evidence says Authing does: HTTP 200, statusCode 422 (the vendor's
      // MFA component reads 422 from send-sms as the one-minute limit), apiCode 4004 for the interval
      // (a production integration's list); the daily cap's apiCode is not known, so it has none.
      const wait = state.resendWaitSeconds(codeKey(phoneCountryCode, phoneNumber, channel));
      if (wait > 0) throw new ApiError(422, API_CODE_RESEND_TOO_SOON, 'resendTooSoon', { seconds: state.config.resendIntervalSeconds });
      if (state.dailyLimitWaitSeconds(phoneCountryCode, phoneNumber) > 0) throw new ApiError(422, undefined, 'dailyLimitReached');
      const ttl = state.config.codeTtlSeconds;
      state.issueCode({ phoneCountryCode, phoneNumber, channel }, (code) => smsText(code, ttl));
      return undefined;
    },
  },

  // Order: fields → phone format → already has a phone (1320006) → code (2001/2300) → taken (2035).
  // The code is checked before ownership so that nobody can probe which numbers are registered.
  '/api/v3/bind-phone': {
    method: 'POST',
    auth: true,
    handler: ({ state, user: u, body }) => {
      const user = /** @type {User} */ (u);
      const phoneNumber = requireString(body, 'phoneNumber');
      const passCode = requireString(body, 'passCode');
      const phoneCountryCode = checkPhone(optionalString(body, 'phoneCountryCode'), phoneNumber);
      if (user.phone) throw new ApiError(422, API_CODE_PHONE_ALREADY_BOUND, 'phoneAlreadyBound');
      const key = codeKey(phoneCountryCode, phoneNumber, 'CHANNEL_BIND_PHONE');
      verifyCode(state, key, passCode);
      checkNotTaken(state, user, phoneCountryCode, phoneNumber);
      state.consumeCode(key);
      state.setPhone(user, { phone: phoneNumber, phoneCountryCode });
      return undefined;
    },
  },

  // Order: verifyMethod → payload fields → new phone format → user has a phone (1320005) → new == bound
  // (2230) → old-phone proof required (400) → old format (2028) → old == bound (2038) → old code under
  // CHANNEL_UNBIND_PHONE (2001/2300) → new code under CHANNEL_BIND_PHONE (2001/2300) → new taken (2035)
  // → consume both codes, issue the token.
  '/api/v3/verify-update-phone-request': {
    method: 'POST',
    auth: true,
    handler: ({ state, user: u, body }) => {
      const user = /** @type {User} */ (u);
      const verifyMethod = requireString(body, 'verifyMethod');
      if (verifyMethod !== 'PHONE_PASSCODE') {
        throw new ApiError(400, undefined, 'invalidEnum', { field: 'verifyMethod', values: 'PHONE_PASSCODE' });
      }
      const payload = body.phonePassCodePayload;
      if (payload === undefined || payload === null) {
        throw new ApiError(400, undefined, 'missingParam', { field: 'phonePassCodePayload' });
      }
      if (typeof payload !== 'object' || Array.isArray(payload)) {
        throw new ApiError(400, undefined, 'paramNotObject', { field: 'phonePassCodePayload' });
      }
      const p = /** @type {Record<string, unknown>} */ (payload);
      const label = (/** @type {string} */ f) => `phonePassCodePayload.${f}`;
      const newNumber = requireString(p, 'newPhoneNumber', label('newPhoneNumber'));
      const newCode = requireString(p, 'newPhonePassCode', label('newPhonePassCode'));
      const newCc = checkPhone(optionalString(p, 'newPhoneCountryCode', label('newPhoneCountryCode')), newNumber);
      const oldNumberIn = optionalString(p, 'oldPhoneNumber', label('oldPhoneNumber'));
      const oldCodeIn = optionalString(p, 'oldPhonePassCode', label('oldPhonePassCode'));
      const oldCcIn = optionalString(p, 'oldPhoneCountryCode', label('oldPhoneCountryCode'));

      const bound = requirePhone(user);
      if (bound.phone === newNumber && bound.phoneCountryCode === newCc) throw new ApiError(422, 2230, 'samePhone');

      /** @type {string | undefined} */
      let oldKey;
      const oldGiven = oldNumberIn !== undefined || oldCodeIn !== undefined;
      if (state.config.verifyOldPhone || oldGiven) {
        if (oldNumberIn === undefined || oldCodeIn === undefined) throw new ApiError(400, undefined, 'oldPhoneRequired');
        const oldCc = checkPhone(oldCcIn, oldNumberIn);
        if (oldNumberIn !== bound.phone || oldCc !== bound.phoneCountryCode) {
          throw new ApiError(422, 2038, 'oldPhoneMismatch');
        }
        oldKey = codeKey(bound.phoneCountryCode, bound.phone, 'CHANNEL_UNBIND_PHONE');
        verifyCode(state, oldKey, oldCodeIn);
      }
      const newKey = codeKey(newCc, newNumber, 'CHANNEL_BIND_PHONE');
      verifyCode(state, newKey, newCode);
      checkNotTaken(state, user, newCc, newNumber);

      if (oldKey) state.consumeCode(oldKey);
      state.consumeCode(newKey);
      const ttl = state.config.updatePhoneTokenTtlSeconds;
      const updatePhoneToken = state.issueUpdateToken(user.userId, { phone: newNumber, phoneCountryCode: newCc });
      return { updatePhoneToken, tokenExpiresIn: ttl };
    },
  },

  // Order: field → token valid for this user (400) → new number still free (2035) → apply, consume token.
  '/api/v3/update-phone': {
    method: 'POST',
    auth: true,
    handler: ({ state, user: u, body }) => {
      const user = /** @type {User} */ (u);
      const token = requireString(body, 'updatePhoneToken');
      const entry = state.validUpdateToken(token, user.userId);
      if (!entry) throw new ApiError(400, undefined, 'updatePhoneTokenInvalid');
      checkNotTaken(state, user, entry.phoneCountryCode, entry.phone);
      state.setPhone(user, { phone: entry.phone, phoneCountryCode: entry.phoneCountryCode }); // also marks it used
      entry.used = true;
      return { success: true };
    },
  },

  // Order: field → user has a phone (1320005) → another login method (2217) → code under
  // CHANNEL_UNBIND_PHONE for the bound number (2001/2300) → clear the phone, consume the code.
  '/api/v3/unbind-phone': {
    method: 'POST',
    auth: true,
    handler: ({ state, user: u, body }) => {
      const user = /** @type {User} */ (u);
      const passCode = requireString(body, 'passCode');
      const bound = requirePhone(user);
      if (!user.email && user.identities.length === 0) throw new ApiError(422, 2217, 'lastLoginMethod');
      const key = codeKey(bound.phoneCountryCode, bound.phone, 'CHANNEL_UNBIND_PHONE');
      verifyCode(state, key, passCode);
      state.consumeCode(key);
      state.setPhone(user, null);
      return undefined;
    },
  },
};

/**
 * The V2 endpoints: the application's public config (no token; the app id is in the path, and every
 * app id gets the one pool's settings).
 * @type {V2Endpoint[]}
 */
export const V2_ENDPOINTS = [
  {
    pattern: /^\/api\/v2\/applications\/([^/]+)\/public-config$/,
    method: 'GET',
    auth: false,
    // Fields Authing's own browser code reads from it (docs/authing-api.md §10, §13); nothing else.
    handler: ({ state, host }) => ({
      changePhoneStrategy: { verifyOldPhone: state.config.verifyOldPhone },
      verifyCodeLength: state.announcedCodeLength(),
      internationalSmsConfig: { enabled: state.config.internationalSms, defaultISOType: state.config.defaultISOType },
      regexRules: state.config.phoneRegex === null ? [] : [{ key: 'phone', userpoolLevel: state.config.phoneRegex }],
      allowedOrigins: [...state.config.allowedOrigins],
      requestHostname: host,
    }),
  },
];
