// Types of the emulator's control client (client.js) and of the records the emulator keeps. Hand-written:
// the emulator is plain JavaScript. Browser-safe: nothing here needs Node's types.

/** Authing's SMS channels (the `channel` of send-sms). */
export type Channel =
  | 'CHANNEL_LOGIN'
  | 'CHANNEL_REGISTER'
  | 'CHANNEL_RESET_PASSWORD'
  | 'CHANNEL_BIND_PHONE'
  | 'CHANNEL_UNBIND_PHONE'
  | 'CHANNEL_BIND_MFA'
  | 'CHANNEL_VERIFY_MFA'
  | 'CHANNEL_UNBIND_MFA'
  | 'CHANNEL_COMPLETE_PHONE'
  | 'CHANNEL_IDENTITY_VERIFICATION'
  | 'CHANNEL_DELETE_ACCOUNT';

export interface Identity {
  identityId: string;
  extIdpId: string;
  provider: string;
  type: string;
  userIdInIdp: string;
}

/** A user as the emulator keeps it (GET /__emulator/users). */
export interface User {
  userId: string;
  username: string | null;
  email: string | null;
  emailVerified: boolean;
  /** National number, without the country code. */
  phone: string | null;
  /** e.g. `+86`; null without a phone. */
  phoneCountryCode: string | null;
  phoneVerified: boolean;
  identities: Identity[];
  /** Whether the user has a password (get-security-info's `passwordSet`; not a login method for unbind). Default false. */
  passwordSet: boolean;
  /** The access tokens that sign in as this user. */
  tokens: string[];
  /**
   * The scope of each token seeded with one; a token without an entry has `openid profile email phone`.
   * get-profile leaves out `phone`, `phoneCountryCode`, `phoneVerified` without `phone`, and `email`,
   * `emailVerified` without `email`.
   */
  tokenScopes: Record<string, string>;
  status: 'Activated';
  /** ISO time. */
  createdAt: string;
  /** ISO time. */
  updatedAt: string;
}

/** An access token with its OIDC scope (space-separated, e.g. `openid profile phone`). */
export interface TokenInput {
  token: string;
  scope?: string;
}

/** What seeds or changes a user: everything but `userId` is optional. */
export interface UserInput {
  userId: string;
  username?: string | null;
  email?: string | null;
  /** Default: true when there is an email. */
  emailVerified?: boolean;
  phone?: string | null;
  /** Default `+86` when there is a phone. */
  phoneCountryCode?: string | null;
  /** Default: true when there is a phone. */
  phoneVerified?: boolean;
  identities?: Identity[];
  /** Default false. */
  passwordSet?: boolean;
  tokens?: Array<string | TokenInput>;
  createdAt?: string;
  updatedAt?: string;
}

/** Picks the code of one SMS: 4 to 10 digits, or null/undefined for a random one. In-process only. */
export type CodeFunction = (to: { phoneCountryCode: string; phoneNumber: string; channel: string }) => string | null | undefined;

/** The user pool's settings and the emulator's own (GET /__emulator/config). */
export interface EmulatorConfig {
  /** Exact origins CORS allows, like the pool's 安全域 list; `"*"` = any. Default `[]`: no browser origin. */
  allowedOrigins: string[];
  /** Also allow any http(s) localhost / 127.0.0.1 / [::1] origin. Default false. */
  allowLoopbackOrigins: boolean;
  /** `/api/v3/*` requests must carry `x-authing-app-id` or `x-authing-userpool-id` (else statusCode 400). Default true. */
  requireAppOrPoolId: boolean;
  /** Digits of a random SMS code, 4 to 10. Default 6. */
  codeLength: number;
  /** Lifetime of an SMS code. Default 300. */
  codeTtlSeconds: number;
  /** Minimum gap between two sends to one (country code, number, channel); 0 = none. Default 60. */
  resendIntervalSeconds: number;
  /** Lifetime of an updatePhoneToken. Default 60. */
  updatePhoneTokenTtlSeconds: number;
  /** The pool's "verify the old phone when changing it". Default true. */
  verifyOldPhone: boolean;
  /** Wrong tries that lock a code. Default 5. */
  maxCodeAttempts: number;
  /**
   * The code every SMS carries (4 to 10 digits; `codeLength` is then not used), or a function that picks
   * one per SMS (in-process only: a function does not travel as JSON, and GET /config leaves it out).
   * Default null: random codes.
   */
  codes: string | CodeFunction | null;
  /** SMS per (country code, number) per day (UTC+8), all channels together; 0 = no cap. Default 0. Refused with statusCode 422, no apiCode. */
  dailySmsLimit: number;
  /**
   * The pool's international SMS (`internationalSmsConfig.enabled` in the public config). Default false, as a
   * new pool: send-sms to a number outside +86 is refused (statusCode 400, no apiCode: our pick).
   */
  internationalSms: boolean;
  /** `internationalSmsConfig.defaultISOType`: the pool's default country, an ISO code. Default `'CN'`. */
  defaultISOType: string;
  /** The pool's phone rule, published as `regexRules: [{ key: 'phone', userpoolLevel }]`. Default null: none. */
  phoneRegex: string | null;
  /** The apiCode of an expired, used or locked code: 2300 (the V2 list, default) or 2001 (Guard's reading). */
  expiredCodeApiCode: 2300 | 2001;
  /** apiCodes go as numeric strings ("2001"), as the V2 error doc's example shows. Default false. */
  apiCodeAsString: boolean;
}

/** Config options as sent over HTTP (no function). */
export type EmulatorConfigPatch = Partial<Omit<EmulatorConfig, 'codes'>> & { codes?: string | null };

/** One SMS in the outbox. */
export interface OutboxMessage {
  /** 1, 2, 3… (again from 1 after a reset). */
  id: number;
  phoneCountryCode: string;
  phoneNumber: string;
  channel: Channel;
  code: string;
  /** e.g. `【Authing】您的验证码是 123456，5 分钟内有效。` */
  text: string;
  /** ISO time, emulator clock. */
  sentAt: string;
}

export interface OutboxFilter {
  phoneNumber?: string;
  channel?: Channel;
  phoneCountryCode?: string;
}

export type FaultKind =
  | 'http500'
  | 'envelope'
  | 'malformed'
  | 'html'
  | 'drop'
  | 'delay'
  | 'exception'
  | 'rate-limit'
  /** statusCode 200 with `data: { success: false }` (update-phone's IsSuccessRespDto saying no); nothing changes. */
  | 'unsuccessful'
  /** The endpoint runs, then the connection closes without an answer. */
  | 'apply-drop'
  /** The endpoint runs, then HTTP 200 with an empty body. */
  | 'apply-empty'
  /** The endpoint runs at once; its answer is held for `delayMs`. */
  | 'apply-delay';

/** What POST /__emulator/faults takes. */
export interface FaultInput {
  /** An exact `/api/v3/...` or `/api/v2/...` path (no query), or `"*"` (default: any `/api/v3` path). */
  path?: string;
  kind: FaultKind;
  /** How many requests it applies to. Default 1. */
  times?: number;
  /** `envelope`: the envelope's statusCode (default 500). */
  statusCode?: number;
  /** `envelope`: its apiCode. */
  apiCode?: number;
  /** `envelope`: its message. */
  message?: string;
  /** `delay`: the wait, at most 120000. Default 1000. */
  delayMs?: number;
  /** `rate-limit` (HTTP 429): its `Retry-After` header, 0 to 86400. Default 60. */
  retryAfterSeconds?: number;
}

export interface Fault extends FaultInput {
  id: number;
  path: string;
  /** Requests it still applies to. */
  remaining: number;
}

/** One `/api/v3/*` request (no token, code, phone number or body is kept). */
export interface RequestLogEntry {
  seq: number;
  method: string;
  /** Without the query. */
  path: string;
  /** ISO time of arrival, emulator clock. */
  time: string;
  /** The envelope's statusCode; the HTTP status for a fault without one; 0 = dropped. */
  statusCode: number;
  apiCode?: number;
  /** `x-authing-lang` as sent. */
  lang?: string;
  /** `x-authing-app-id` as sent. */
  appId?: string;
  /** `x-authing-userpool-id` as sent. */
  userPoolId?: string;
  origin?: string;
  /** A known access token was sent. */
  authorized: boolean;
  authScheme: 'bearer' | 'raw' | null;
  fault?: FaultKind;
}

export interface ClockInfo {
  /** ISO time, emulator clock. */
  now: string;
  offsetSeconds: number;
}

/** A control request that the emulator refused, or that got no JSON answer. */
export declare class EmulatorControlError extends Error {
  constructor(message: string, status: number);
  /** HTTP status; 0 when the answer was not JSON. */
  readonly status: number;
}

export interface EmulatorClient {
  /** The emulator's base URL, without a trailing slash. */
  readonly url: string;
  /** Resolves to true when the emulator answers; rejects when nothing answers. */
  health(): Promise<boolean>;
  /** Seed users and default config again (with `config` on top, `users` replacing the seed users); clears codes, outbox, tokens issued, faults, request log and clock offset. */
  reset(config?: EmulatorConfigPatch & { users?: UserInput[] }): Promise<void>;
  config(): Promise<EmulatorConfig>;
  /** Changes the config (partial); `users` replaces all users. Resolves to the full config. */
  configure(patch: EmulatorConfigPatch & { users?: UserInput[] }): Promise<EmulatorConfig>;
  users(): Promise<User[]>;
  /** One user; rejects (status 404) when there is none with this id. */
  user(userId: string): Promise<User>;
  /** Adds users, or changes existing ones (fields not given are kept). Resolves to all users. */
  seed(users: Array<Partial<UserInput> & { userId: string }>): Promise<User[]>;
  /** One more access token for an existing user: `token` if given, else a random one. Resolves to the token. */
  issueToken(userId: string, options?: { token?: string; scope?: string }): Promise<string>;
  /** The SMS outbox, oldest first (the newest 1,000). */
  outbox(filter?: OutboxFilter): Promise<OutboxMessage[]>;
  outbox(phoneNumber: string, channel?: Channel): Promise<OutboxMessage[]>;
  clearOutbox(): Promise<void>;
  /** The code of the newest SMS matching; rejects (status 404) when there is none. */
  codeFor(filter: OutboxFilter): Promise<string>;
  codeFor(phoneNumber: string, channel?: Channel): Promise<string>;
  /** Queues a fault for the next `times` requests to `path`. */
  fault(fault: FaultInput): Promise<Fault>;
  faults(): Promise<Fault[]>;
  clearFaults(): Promise<void>;
  clock(): Promise<ClockInfo>;
  /** Moves the emulator's clock forward (code and token expiry, resend interval, daily cap). */
  advanceClock(seconds: number): Promise<ClockInfo>;
  /** The request log, oldest first (the newest 5,000). */
  requests(): Promise<RequestLogEntry[]>;
  clearRequests(): Promise<void>;
}

/**
 * A client for the emulator at `url` (e.g. `http://127.0.0.1:8787`), over `fetch`.
 * @param options.fetch the fetch to use (default: the global one)
 */
export declare function createEmulatorClient(url: string | URL, options?: { fetch?: typeof fetch }): EmulatorClient;
