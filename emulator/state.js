// In-memory state of the emulator: configuration, users, SMS codes, outbox, update-phone tokens,
// the controllable clock, the request log and the fault queue. No HTTP in here.

import { randomBytes, randomInt } from 'node:crypto';

/**
 * @typedef {object} Identity
 * @property {string} identityId
 * @property {string} extIdpId
 * @property {string} provider
 * @property {string} type
 * @property {string} userIdInIdp
 */

/**
 * A user as the emulator stores it.
 * @typedef {object} User
 * @property {string} userId
 * @property {string | null} username
 * @property {string | null} email
 * @property {boolean} emailVerified
 * @property {string | null} phone national number, no country code
 * @property {string | null} phoneCountryCode e.g. "+86"
 * @property {boolean} phoneVerified
 * @property {Identity[]} identities
 * @property {boolean} passwordSet whether the user has a password (get-security-info's `passwordSet`; it
 *   does not count as another login method for unbind)
 * @property {string[]} tokens access tokens that authenticate as this user
 * @property {Record<string, string>} tokenScopes the OIDC scope of a token, for the tokens seeded with one;
 *   a token without an entry has DEFAULT_SCOPE. get-profile leaves out the fields of a missing scope
 * @property {'Activated'} status
 * @property {string} createdAt ISO time
 * @property {string} updatedAt ISO time
 */

/**
 * What a caller may pass to seed or upsert a user (everything but userId optional).
 * @typedef {object} UserInput
 * @property {string} userId
 * @property {string | null} [username]
 * @property {string | null} [email]
 * @property {boolean} [emailVerified]
 * @property {string | null} [phone]
 * @property {string | null} [phoneCountryCode]
 * @property {boolean} [phoneVerified]
 * @property {Identity[]} [identities]
 * @property {boolean} [passwordSet]
 * @property {Array<string | TokenInput>} [tokens]
 * @property {string} [createdAt]
 * @property {string} [updatedAt]
 */

/**
 * An access token with its OIDC scope (space-separated, e.g. "openid profile phone").
 * @typedef {object} TokenInput
 * @property {string} token
 * @property {string} [scope]
 */

/**
 * Picks the code of one SMS: a string of 4 to 10 digits, or null/undefined for a random one.
 * @typedef {(to: { phoneCountryCode: string, phoneNumber: string, channel: string }) => string | null | undefined} CodeFunction
 */

/**
 * @typedef {object} EmulatorConfig
 * @property {string[]} allowedOrigins exact origins allowed by CORS, like Authing's 安全域 ("*" = any origin)
 * @property {boolean} allowLoopbackOrigins also allow any http(s)://localhost|127.0.0.1|[::1] origin (default false)
 * @property {boolean} requireAppOrPoolId /api/v3/* requests must carry x-authing-app-id or
 *   x-authing-userpool-id (default true)
 * @property {number} codeLength digits of an SMS code
 * @property {number} codeTtlSeconds lifetime of an SMS code
 * @property {number} resendIntervalSeconds minimum gap between two sends to the same (country code, number, channel)
 * @property {number} updatePhoneTokenTtlSeconds lifetime of an updatePhoneToken
 * @property {boolean} verifyOldPhone the user pool's "verify the old phone when changing it" switch
 * @property {number} maxCodeAttempts wrong tries after which a code is invalidated
 * @property {string | CodeFunction | null} codes the code every SMS carries (a function picks one per SMS);
 *   null = random codes of codeLength digits
 * @property {number} dailySmsLimit SMS per (country code, number) per day, all channels together (day in
 *   China Standard Time, UTC+8, on the emulator clock); 0 = no cap
 * @property {boolean} internationalSms the pool's international SMS (`internationalSmsConfig.enabled`): off, as in
 *   a new pool, send-sms to a number outside +86 is refused
 * @property {string} defaultISOType `internationalSmsConfig.defaultISOType`: the pool's default country (ISO code)
 * @property {string | null} phoneRegex the pool's phone rule, published as `regexRules` `{ key: 'phone', userpoolLevel }`
 * @property {2300 | 2001} expiredCodeApiCode the apiCode of an expired, used or locked code
 * @property {boolean} apiCodeAsString apiCodes go as numeric strings ("2001"), as the V2 error doc's example shows
 */

/**
 * @typedef {object} SmsCode
 * @property {string} code
 * @property {number} sentAt emulator ms
 * @property {number} expiresAt emulator ms
 * @property {number} attempts wrong tries so far
 * @property {'active' | 'used' | 'locked'} status
 */

/**
 * @typedef {object} OutboxMessage
 * @property {number} id
 * @property {string} phoneCountryCode
 * @property {string} phoneNumber
 * @property {string} channel
 * @property {string} code
 * @property {string} text
 * @property {string} sentAt ISO time (emulator clock)
 */

/**
 * @typedef {object} UpdatePhoneToken
 * @property {string} userId
 * @property {string} phone
 * @property {string} phoneCountryCode
 * @property {number} expiresAt emulator ms
 * @property {boolean} used
 */

/**
 * @typedef {object} RequestLogEntry
 * @property {number} seq
 * @property {string} method
 * @property {string} path without query
 * @property {string} time ISO time (emulator clock)
 * @property {number} statusCode statusCode of the envelope sent (HTTP status for faults without one; 0 = dropped)
 * @property {number} [apiCode]
 * @property {string} [lang] the x-authing-lang header as sent
 * @property {string} [appId] the x-authing-app-id header as sent
 * @property {string} [userPoolId] the x-authing-userpool-id header as sent
 * @property {string} [origin] the Origin header as sent
 * @property {boolean} authorized a known access token was presented
 * @property {'bearer' | 'raw' | null} authScheme form of the Authorization header (never its value)
 * @property {string} [fault] kind of the fault applied to this request
 */

/**
 * @typedef {'http500' | 'envelope' | 'malformed' | 'html' | 'drop' | 'delay' | 'exception' | 'rate-limit' | 'apply-drop' | 'apply-empty' | 'apply-delay'} FaultKind
 */

/**
 * @typedef {object} Fault
 * @property {number} id
 * @property {string} path an exact "/api/v3/…" or "/api/v2/…" path, or "*" (any /api/v3 path)
 * @property {FaultKind} kind
 * @property {number} remaining requests this fault still applies to
 * @property {number} [statusCode] envelope fault
 * @property {number} [apiCode] envelope fault
 * @property {string} [message] envelope fault
 * @property {number} [delayMs] delay fault
 * @property {number} [retryAfterSeconds] rate-limit fault: its Retry-After header
 */

export const CHANNELS = Object.freeze([
  'CHANNEL_LOGIN',
  'CHANNEL_REGISTER',
  'CHANNEL_RESET_PASSWORD',
  'CHANNEL_BIND_PHONE',
  'CHANNEL_UNBIND_PHONE',
  'CHANNEL_BIND_MFA',
  'CHANNEL_VERIFY_MFA',
  'CHANNEL_UNBIND_MFA',
  'CHANNEL_COMPLETE_PHONE',
  'CHANNEL_IDENTITY_VERIFICATION',
  'CHANNEL_DELETE_ACCOUNT',
]);

export const FAULT_KINDS = Object.freeze([
  'http500',
  'envelope',
  'malformed',
  'html',
  'drop',
  'delay',
  'exception',
  'rate-limit',
  'unsuccessful',
  'apply-drop',
  'apply-empty',
  'apply-delay',
]);

/** The scope of a token seeded without one: what @authing/web's docs ask for. */
export const DEFAULT_SCOPE = 'openid profile email phone';

export const DEFAULT_COUNTRY_CODE = '+86';

/** @type {Readonly<EmulatorConfig>} */
export const DEFAULT_CONFIG = Object.freeze({
  allowedOrigins: [],
  allowLoopbackOrigins: false,
  requireAppOrPoolId: true,
  codeLength: 6,
  codeTtlSeconds: 300,
  resendIntervalSeconds: 60,
  updatePhoneTokenTtlSeconds: 60,
  verifyOldPhone: true,
  maxCodeAttempts: 5,
  codes: null,
  dailySmsLimit: 0,
  internationalSms: false,
  defaultISOType: 'CN',
  phoneRegex: null,
  expiredCodeApiCode: 2300,
  apiCodeAsString: false,
});

/** A code the `codes` option may give: digits only, as long as a codeLength may be. */
const FIXED_CODE = /^\d{4,10}$/;

const SEED_TIME = '2024-01-01T00:00:00.000Z';

/** @type {ReadonlyArray<UserInput>} */
export const SEED_USERS = Object.freeze(
  /** @type {UserInput[]} */ ([
    {
      userId: 'u-no-phone',
      tokens: ['demo-token-no-phone'],
      username: 'alice',
      email: 'alice@example.com',
    },
    {
      userId: 'u-phone-email',
      tokens: ['demo-token-phone-email'],
      username: 'bob',
      email: 'bob@example.com',
      phone: '13800138000',
      phoneCountryCode: '+86',
    },
    {
      userId: 'u-phone-only',
      tokens: ['demo-token-phone-only'],
      username: 'carol',
      phone: '13900139000',
      phoneCountryCode: '+86',
    },
    {
      userId: 'u-phone-social',
      tokens: ['demo-token-phone-social'],
      username: 'dave',
      phone: '13600136000',
      phoneCountryCode: '+86',
      identities: [
        {
          identityId: 'identity-dave-wechat',
          extIdpId: 'extidp-wechat',
          provider: 'wechat',
          type: 'openid',
          userIdInIdp: 'o6zAJs-dave-wechat-openid',
        },
      ],
    },
    {
      userId: 'u-other',
      tokens: ['demo-token-other'],
      username: 'erin',
      email: 'erin@example.com',
      phone: '13700137000',
      phoneCountryCode: '+86',
    },
  ]).map((u) => Object.freeze({ ...u, createdAt: SEED_TIME })),
);

/** Error thrown for invalid control input (config, users, faults); the control API answers HTTP 400. */
export class ControlError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'ControlError';
  }
}

/** @param {unknown} v */
const isPlainObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a partial config and returns the known keys, validated. `users` is not part of it.
 * @param {unknown} input
 * @returns {Partial<EmulatorConfig>}
 */
export function validateConfig(input) {
  if (input === undefined || input === null) return {};
  if (!isPlainObject(input)) throw new ControlError('config must be an object');
  const src = /** @type {Record<string, unknown>} */ (input);
  /** @type {Partial<EmulatorConfig>} */
  const out = {};
  /** @type {Record<string, [number, number]>} */
  const ints = {
    codeLength: [4, 10],
    codeTtlSeconds: [1, 86400 * 365],
    resendIntervalSeconds: [0, 86400 * 365],
    updatePhoneTokenTtlSeconds: [1, 86400 * 365],
    maxCodeAttempts: [1, 1000],
    dailySmsLimit: [0, 1000000],
  };
  for (const [key, value] of Object.entries(src)) {
    if (value === undefined || key === 'users') continue;
    if (key in ints) {
      const [min, max] = ints[key];
      if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
        throw new ControlError(`${key} must be an integer from ${min} to ${max}`);
      }
      /** @type {Record<string, unknown>} */ (out)[key] = value;
    } else if (key === 'defaultISOType') {
      if (typeof value !== 'string' || !/^[A-Z]{2}$/.test(value)) throw new ControlError('defaultISOType must be an ISO code like "CN"');
      out.defaultISOType = value;
    } else if (key === 'phoneRegex') {
      if (value !== null && typeof value !== 'string') throw new ControlError('phoneRegex must be a regex source or null');
      if (typeof value === 'string') {
        try {
          new RegExp(value);
        } catch {
          throw new ControlError('phoneRegex is not a valid regex');
        }
      }
      out.phoneRegex = value;
    } else if (key === 'expiredCodeApiCode') {
      if (value !== 2300 && value !== 2001) throw new ControlError('expiredCodeApiCode must be 2300 or 2001');
      out.expiredCodeApiCode = value;
    } else if (
      key === 'verifyOldPhone' ||
      key === 'allowLoopbackOrigins' ||
      key === 'requireAppOrPoolId' ||
      key === 'internationalSms' ||
      key === 'apiCodeAsString'
    ) {
      if (typeof value !== 'boolean') throw new ControlError(`${key} must be a boolean`);
      out[key] = value;
    } else if (key === 'allowedOrigins') {
      if (!Array.isArray(value) || !value.every((o) => typeof o === 'string')) {
        throw new ControlError('allowedOrigins must be an array of strings');
      }
      out.allowedOrigins = value.map((o) => (o === '*' ? o : o.replace(/\/+$/, '')));
    } else if (key === 'codes') {
      if (value !== null && typeof value !== 'function' && !(typeof value === 'string' && FIXED_CODE.test(value))) {
        throw new ControlError('codes must be null, a string of 4 to 10 digits, or (in-process only) a function');
      }
      out.codes = /** @type {string | CodeFunction | null} */ (value);
    } else {
      throw new ControlError(`Unknown config option: ${key}`);
    }
  }
  return out;
}

/**
 * @param {unknown} input
 * @param {string} now ISO time used for createdAt/updatedAt when missing
 * @returns {User}
 */
export function normalizeUser(input, now) {
  if (!isPlainObject(input)) throw new ControlError('each user must be an object');
  const u = /** @type {Record<string, unknown>} */ (input);
  if (typeof u.userId !== 'string' || u.userId === '') throw new ControlError('userId must be a non-empty string');
  /** @param {string} key */
  const optString = (key) => {
    const v = u[key];
    if (v === undefined || v === null || v === '') return null;
    if (typeof v !== 'string') throw new ControlError(`${u.userId}: ${key} must be a string or null`);
    return v;
  };
  const tokenInputs = u.tokens ?? [];
  if (!Array.isArray(tokenInputs)) throw new ControlError(`${u.userId}: tokens must be an array`);
  /** @type {string[]} */
  const tokens = [];
  /** @type {Record<string, string>} */
  const tokenScopes = {};
  for (const t of tokenInputs) {
    const { token, scope } = normalizeToken(t, String(u.userId));
    tokens.push(token);
    if (scope !== undefined) tokenScopes[token] = scope;
  }
  const identities = u.identities ?? [];
  if (!Array.isArray(identities) || !identities.every(isPlainObject)) {
    throw new ControlError(`${u.userId}: identities must be an array of objects`);
  }
  if (u.passwordSet !== undefined && typeof u.passwordSet !== 'boolean')
    throw new ControlError(`${u.userId}: passwordSet must be a boolean`);
  const phone = optString('phone');
  const email = optString('email');
  const phoneCountryCode = phone ? (optString('phoneCountryCode') ?? DEFAULT_COUNTRY_CODE) : null;
  if (phone && !isValidPhone(phoneCountryCode ?? DEFAULT_COUNTRY_CODE, phone)) {
    throw new ControlError(`${u.userId}: phone ${phoneCountryCode} ${phone} is not a valid number`);
  }
  return {
    userId: u.userId,
    username: optString('username'),
    email,
    emailVerified: typeof u.emailVerified === 'boolean' ? u.emailVerified : Boolean(email),
    phone,
    phoneCountryCode,
    phoneVerified: phone ? (typeof u.phoneVerified === 'boolean' ? u.phoneVerified : true) : false,
    identities: /** @type {Identity[]} */ (structuredClone(identities)),
    passwordSet: u.passwordSet === true,
    tokens,
    tokenScopes,
    status: 'Activated',
    createdAt: optString('createdAt') ?? now,
    updatedAt: optString('updatedAt') ?? optString('createdAt') ?? now,
  };
}

/**
 * A token as given in a user's `tokens` (a string, or `{ token, scope? }`).
 * @param {unknown} input
 * @param {string} userId for the error message
 * @returns {{ token: string, scope?: string }}
 */
export function normalizeToken(input, userId) {
  if (typeof input === 'string' && input !== '') return { token: input };
  if (isPlainObject(input)) {
    const { token, scope } = /** @type {Record<string, unknown>} */ (input);
    if (typeof token === 'string' && token !== '' && (scope === undefined || typeof scope === 'string')) {
      return scope === undefined ? { token } : { token, scope };
    }
  }
  throw new ControlError(`${userId}: each token must be a non-empty string or { token, scope? }`);
}

/**
 * Phone format rule: +86 numbers must match /^1[3-9]\d{9}$/; other country codes (/^\+\d{1,4}$/) take
 * 4 to 15 digits.
 * @param {string} countryCode
 * @param {string} number
 */
export function isValidPhone(countryCode, number) {
  if (!/^\+\d{1,4}$/.test(countryCode)) return false;
  if (countryCode === '+86') return /^1[3-9]\d{9}$/.test(number);
  return /^\d{4,15}$/.test(number);
}

/**
 * @param {string} countryCode
 * @param {string} number
 * @param {string} channel
 */
export const codeKey = (countryCode, number, channel) => `${countryCode}|${number}|${channel}`;

const DAY_MS = 86400 * 1000;
/** China Standard Time (UTC+8, no daylight saving): the day of the daily SMS cap. */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;
/** @param {number} ms emulator time */
const chinaDay = (ms) => Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS);
/** @param {string} countryCode @param {string} number */
const dailyKey = (countryCode, number) => `${countryCode}|${number}`;

const MAX_LOG = 5000;
const MAX_OUTBOX = 1000;

export class EmulatorState {
  /**
   * @param {{ config?: Partial<EmulatorConfig>, users?: UserInput[] }} [defaults] what reset() restores
   */
  constructor(defaults = {}) {
    /** @type {EmulatorConfig} */
    this.defaultConfig = { ...DEFAULT_CONFIG, ...validateConfig(defaults.config ?? {}) };
    /** @type {UserInput[]} */
    this.seedUsers = structuredClone(defaults.users ?? /** @type {UserInput[]} */ ([...SEED_USERS]));
    /** @type {EmulatorConfig} */
    this.config = { ...this.defaultConfig };
    /** @type {Map<string, User>} */
    this.users = new Map();
    /** @type {Map<string, SmsCode>} */
    this.codes = new Map();
    /** @type {OutboxMessage[]} */
    this.outbox = [];
    /** @type {Map<string, UpdatePhoneToken>} */
    this.updateTokens = new Map();
    /** @type {RequestLogEntry[]} */
    this.requests = [];
    /** @type {Fault[]} */
    this.faults = [];
    /** SMS sent per (country code, number) on one day (see dailySmsLimit). @type {Map<string, { day: number, count: number }>} */
    this.dailySends = new Map();
    this.clockOffsetMs = 0;
    this.seq = { sms: 0, request: 0, fault: 0 };
    this.reset();
  }

  /**
   * Restores the seed users and the default config (plus `config` on top), and clears codes, outbox,
   * update tokens, faults, the request log and the clock offset.
   * @param {Partial<EmulatorConfig> & { users?: UserInput[] }} [config]
   */
  reset(config) {
    const patch = validateConfig(config ?? {});
    const users = this.buildUsers(config?.users ?? this.seedUsers, new Date().toISOString());
    this.clockOffsetMs = 0;
    this.config = { ...this.defaultConfig, ...patch };
    this.users = users;
    this.codes.clear();
    this.outbox = [];
    this.updateTokens.clear();
    this.requests = [];
    this.faults = [];
    this.dailySends.clear();
    this.seq = { sms: 0, request: 0, fault: 0 };
  }

  // ---- clock -------------------------------------------------------------------------------------

  /** Emulator time in ms: real time plus the offset tests advanced. */
  now() {
    return Date.now() + this.clockOffsetMs;
  }

  nowIso() {
    return new Date(this.now()).toISOString();
  }

  /** @param {number} seconds */
  advanceClock(seconds) {
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
      throw new ControlError('advanceSeconds must be a finite number >= 0');
    }
    this.clockOffsetMs += seconds * 1000;
    return this.clockInfo();
  }

  clockInfo() {
    return { now: this.nowIso(), offsetSeconds: this.clockOffsetMs / 1000 };
  }

  // ---- config ------------------------------------------------------------------------------------

  /**
   * @param {Partial<EmulatorConfig> & { users?: UserInput[] }} patch `users`, if given, replaces all users
   */
  setConfig(patch) {
    const valid = validateConfig(patch);
    if (patch && patch.users !== undefined) this.replaceAllUsers(patch.users);
    this.config = { ...this.config, ...valid };
    return this.getConfig();
  }

  /** @returns {EmulatorConfig} */
  getConfig() {
    return { ...this.config, allowedOrigins: [...this.config.allowedOrigins] };
  }

  // ---- users -------------------------------------------------------------------------------------

  /** @param {UserInput[]} list */
  replaceAllUsers(list) {
    this.users = this.buildUsers(list, this.nowIso());
  }

  /**
   * @param {unknown} list
   * @param {string} now
   * @param {Map<string, User>} [base] users kept unless replaced
   */
  buildUsers(list, now, base) {
    if (!Array.isArray(list)) throw new ControlError('users must be an array');
    const next = new Map(base ?? []);
    for (const input of list) {
      const user = normalizeUser(input, now);
      next.set(user.userId, user);
    }
    checkUniqueness(next);
    return next;
  }

  /**
   * Adds users, or replaces the ones with the same userId (whole record, not a merge).
   * @param {UserInput[]} list
   */
  upsertUsers(list) {
    this.users = this.buildUsers(list, this.nowIso(), this.users);
    return this.listUsers();
  }

  /**
   * Gives an existing user one more access token (random unless given), optionally with a scope.
   * @param {unknown} input `{ userId, token?, scope? }`
   * @returns {{ userId: string, token: string, scope: string | null }}
   */
  issueToken(input) {
    if (!isPlainObject(input)) throw new ControlError('the body must be { userId, token?, scope? }');
    const {
      userId,
      token = `emulator-token-${randomBytes(18).toString('base64url')}`,
      scope,
    } = /** @type {Record<string, unknown>} */ (input);
    if (typeof userId !== 'string' || !this.users.has(userId)) throw new ControlError(`no user ${String(userId)}`);
    const given = normalizeToken(scope === undefined ? token : { token, scope }, userId);
    const owner = this.userByToken(given.token);
    if (owner && owner.userId !== userId) throw new ControlError(`token is used by both ${owner.userId} and ${userId}`);
    const user = /** @type {User} */ (this.users.get(userId));
    if (!owner) user.tokens.push(given.token);
    if (given.scope !== undefined) user.tokenScopes[given.token] = given.scope;
    return { userId, token: given.token, scope: user.tokenScopes[given.token] ?? null };
  }

  /** Deep copies of all users, tokens included (for tests). */
  listUsers() {
    return [...this.users.values()].map((u) => structuredClone(u));
  }

  /**
   * The scopes of a token, as a set (DEFAULT_SCOPE when it was given none).
   * @param {User} user
   * @param {string} token
   */
  scopesOf(user, token) {
    return new Set((user.tokenScopes[token] ?? DEFAULT_SCOPE).split(/\s+/).filter(Boolean));
  }

  /**
   * The code length the pool announces (public config's verifyCodeLength): the fixed code's length
   * when `codes` is one, else codeLength.
   */
  announcedCodeLength() {
    return typeof this.config.codes === 'string' ? this.config.codes.length : this.config.codeLength;
  }

  /** @param {string} token */
  userByToken(token) {
    for (const user of this.users.values()) if (user.tokens.includes(token)) return user;
    return undefined;
  }

  /**
   * The user whose bound phone is (countryCode, number), if any.
   * @param {string} countryCode
   * @param {string} number
   */
  userByPhone(countryCode, number) {
    for (const user of this.users.values()) {
      if (user.phone === number && user.phoneCountryCode === countryCode) return user;
    }
    return undefined;
  }

  /**
   * Sets or clears a user's phone; any update-phone token the user still holds becomes invalid.
   * @param {User} user
   * @param {{ phone: string, phoneCountryCode: string } | null} phone
   */
  setPhone(user, phone) {
    user.phone = phone ? phone.phone : null;
    user.phoneCountryCode = phone ? phone.phoneCountryCode : null;
    user.phoneVerified = Boolean(phone);
    user.updatedAt = this.nowIso();
    for (const token of this.updateTokens.values()) if (token.userId === user.userId) token.used = true;
  }

  // ---- SMS codes ---------------------------------------------------------------------------------

  /**
   * Seconds the caller must still wait before sending to this key again (0 = may send).
   * @param {string} key
   */
  resendWaitSeconds(key) {
    const existing = this.codes.get(key);
    if (!existing) return 0;
    const waitMs = existing.sentAt + this.config.resendIntervalSeconds * 1000 - this.now();
    return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
  }

  /**
   * Seconds until the daily cap of this number lifts (0 = may send: no cap, or not reached today).
   * @param {string} phoneCountryCode
   * @param {string} phoneNumber
   */
  dailyLimitWaitSeconds(phoneCountryCode, phoneNumber) {
    const limit = this.config.dailySmsLimit;
    if (!limit) return 0;
    const now = this.now();
    const sent = this.dailySends.get(dailyKey(phoneCountryCode, phoneNumber));
    if (!sent || sent.day !== chinaDay(now) || sent.count < limit) return 0;
    return Math.max(1, Math.ceil(((sent.day + 1) * DAY_MS - CHINA_OFFSET_MS - now) / 1000));
  }

  /**
   * Generates a code for the key (replacing any previous one) and puts the SMS in the outbox.
   * @param {{ phoneCountryCode: string, phoneNumber: string, channel: string }} to
   * @param {(code: string) => string} textOf
   */
  issueCode(to, textOf) {
    const now = this.now();
    const { codes } = this.config;
    let code = typeof codes === 'function' ? codes({ ...to }) : codes;
    if (code === null || code === undefined) {
      code = '';
      for (let i = 0; i < this.config.codeLength; i++) code += String(randomInt(10));
    } else if (typeof code !== 'string' || !FIXED_CODE.test(code)) {
      throw new Error(`the codes function returned ${JSON.stringify(code)}, not a string of 4 to 10 digits (or null)`);
    }
    const daily = this.dailySends.get(dailyKey(to.phoneCountryCode, to.phoneNumber));
    const today = chinaDay(now);
    this.dailySends.set(dailyKey(to.phoneCountryCode, to.phoneNumber), { day: today, count: daily?.day === today ? daily.count + 1 : 1 });
    this.codes.set(codeKey(to.phoneCountryCode, to.phoneNumber, to.channel), {
      code,
      sentAt: now,
      expiresAt: now + this.config.codeTtlSeconds * 1000,
      attempts: 0,
      status: 'active',
    });
    /** @type {OutboxMessage} */
    const sms = {
      id: ++this.seq.sms,
      phoneCountryCode: to.phoneCountryCode,
      phoneNumber: to.phoneNumber,
      channel: to.channel,
      code,
      text: textOf(code),
      sentAt: new Date(now).toISOString(),
    };
    this.outbox.push(sms);
    if (this.outbox.length > MAX_OUTBOX) this.outbox.splice(0, this.outbox.length - MAX_OUTBOX);
    return sms;
  }

  /**
   * Checks a submitted code without consuming it. A wrong code counts an attempt; reaching
   * maxCodeAttempts locks the code. Returns 'ok', 'wrong' (no code or a different one) or 'invalid'
   * (expired, used or locked).
   * @param {string} key
   * @param {string} submitted
   * @returns {'ok' | 'wrong' | 'invalid'}
   */
  checkCode(key, submitted) {
    const entry = this.codes.get(key);
    if (!entry) return 'wrong';
    if (entry.status !== 'active' || this.now() >= entry.expiresAt) return 'invalid';
    if (entry.code !== submitted) {
      entry.attempts += 1;
      if (entry.attempts >= this.config.maxCodeAttempts) entry.status = 'locked';
      return 'wrong';
    }
    return 'ok';
  }

  /** @param {string} key */
  consumeCode(key) {
    const entry = this.codes.get(key);
    if (entry) entry.status = 'used';
  }

  /**
   * @param {{ phoneNumber?: string | null, channel?: string | null, phoneCountryCode?: string | null }} [filter]
   */
  listOutbox(filter = {}) {
    return this.outbox
      .filter(
        (m) =>
          (!filter.phoneNumber || m.phoneNumber === filter.phoneNumber) &&
          (!filter.channel || m.channel === filter.channel) &&
          (!filter.phoneCountryCode || m.phoneCountryCode === filter.phoneCountryCode),
      )
      .map((m) => ({ ...m }));
  }

  // ---- update-phone tokens -----------------------------------------------------------------------

  /**
   * @param {string} userId
   * @param {{ phone: string, phoneCountryCode: string }} target
   */
  issueUpdateToken(userId, target) {
    const token = randomBytes(24).toString('base64url');
    this.updateTokens.set(token, {
      userId,
      phone: target.phone,
      phoneCountryCode: target.phoneCountryCode,
      expiresAt: this.now() + this.config.updatePhoneTokenTtlSeconds * 1000,
      used: false,
    });
    return token;
  }

  /**
   * The token's record if it is known, unused, unexpired and belongs to userId.
   * @param {string} token
   * @param {string} userId
   */
  validUpdateToken(token, userId) {
    const entry = this.updateTokens.get(token);
    if (!entry || entry.used || entry.userId !== userId || this.now() >= entry.expiresAt) return undefined;
    return entry;
  }

  // ---- request log -------------------------------------------------------------------------------

  /** @param {Omit<RequestLogEntry, 'seq'>} entry */
  logRequest(entry) {
    const full = { seq: ++this.seq.request, ...entry };
    this.requests.push(full);
    if (this.requests.length > MAX_LOG) this.requests.splice(0, this.requests.length - MAX_LOG);
    return full;
  }

  // ---- faults ------------------------------------------------------------------------------------

  /** @param {unknown} input */
  addFault(input) {
    if (!isPlainObject(input)) throw new ControlError('fault must be an object');
    const f = /** @type {Record<string, unknown>} */ (input);
    const path = f.path ?? '*';
    if (typeof path !== 'string' || !(path === '*' || path.startsWith('/api/v3/') || path.startsWith('/api/v2/'))) {
      throw new ControlError('path must be "*" or start with /api/v3/ or /api/v2/');
    }
    if (typeof f.kind !== 'string' || !FAULT_KINDS.includes(f.kind)) {
      throw new ControlError(`kind must be one of ${FAULT_KINDS.join(', ')}`);
    }
    const times = f.times ?? 1;
    if (typeof times !== 'number' || !Number.isInteger(times) || times < 1 || times > 10000) {
      throw new ControlError('times must be an integer from 1 to 10000');
    }
    /** @type {Fault} */
    const fault = { id: ++this.seq.fault, path, kind: /** @type {FaultKind} */ (f.kind), remaining: times };
    if (fault.kind === 'envelope') {
      const statusCode = f.statusCode ?? 500;
      if (typeof statusCode !== 'number' || !Number.isInteger(statusCode)) {
        throw new ControlError('statusCode must be an integer');
      }
      fault.statusCode = statusCode;
      if (f.apiCode !== undefined) {
        if (typeof f.apiCode !== 'number' || !Number.isInteger(f.apiCode)) throw new ControlError('apiCode must be an integer');
        fault.apiCode = f.apiCode;
      }
      if (f.message !== undefined) {
        if (typeof f.message !== 'string') throw new ControlError('message must be a string');
        fault.message = f.message;
      }
    }
    if (fault.kind === 'delay' || fault.kind === 'apply-delay') {
      const delayMs = f.delayMs ?? 1000;
      if (typeof delayMs !== 'number' || !Number.isFinite(delayMs) || delayMs < 0 || delayMs > 120000) {
        throw new ControlError('delayMs must be a number from 0 to 120000');
      }
      fault.delayMs = delayMs;
    }
    if (fault.kind === 'rate-limit') {
      const retryAfter = f.retryAfterSeconds ?? 60;
      if (typeof retryAfter !== 'number' || !Number.isInteger(retryAfter) || retryAfter < 0 || retryAfter > 86400) {
        throw new ControlError('retryAfterSeconds must be an integer from 0 to 86400');
      }
      fault.retryAfterSeconds = retryAfter;
    }
    this.faults.push(fault);
    return { ...fault };
  }

  /**
   * Takes one use of the first pending fault matching the path (exact path first-come, or "*" for a
   * /api/v3 path).
   * @param {string} path
   * @returns {Fault | undefined} a copy of the fault
   */
  takeFault(path) {
    const v3 = path.startsWith('/api/v3/');
    const index = this.faults.findIndex((f) => (f.path === '*' && v3) || f.path === path);
    if (index < 0) return undefined;
    const fault = this.faults[index];
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults.splice(index, 1);
    return { ...fault };
  }

  listFaults() {
    return this.faults.map((f) => ({ ...f }));
  }
}

/**
 * No token may authenticate two users, and no (country code, phone) may be bound to two users.
 * @param {Map<string, User>} users
 */
function checkUniqueness(users) {
  const tokens = new Map();
  const phones = new Map();
  for (const user of users.values()) {
    for (const token of user.tokens) {
      if (tokens.has(token) && tokens.get(token) !== user.userId) {
        throw new ControlError(`token is used by both ${tokens.get(token)} and ${user.userId}`);
      }
      tokens.set(token, user.userId);
    }
    if (user.phone) {
      const key = `${user.phoneCountryCode} ${user.phone}`;
      if (phones.has(key)) throw new ControlError(`phone ${key} is bound to both ${phones.get(key)} and ${user.userId}`);
      phones.set(key, user.userId);
    }
  }
}
