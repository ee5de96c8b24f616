/**
 * The one error type the widget produces, with a stable `code` that hosts can switch on.
 * Authing answers business errors with HTTP 200 and a `statusCode` inside the body, and its
 * V3 apiCodes for phone errors are undocumented, so the mapping uses the statusCode class,
 * the apiCodes Authing is known to use (V2 numbers and SDK docs), and the message text.
 */
export const ERROR_CODES = [
  'CONFIG',
  // Input the widget refuses before sending anything (never from the server, never an authing-error event).
  'PHONE_REQUIRED',
  'CODE_REQUIRED',
  'CODE_NOT_SENT',
  'NETWORK',
  'UNREACHABLE',
  'TIMEOUT',
  'BAD_RESPONSE',
  'UNAUTHORIZED',
  'RATE_LIMITED',
  'DAILY_LIMIT',
  'PHONE_INVALID',
  'CODE_INVALID',
  'CODE_EXPIRED',
  'PHONE_TAKEN',
  'SAME_PHONE',
  'OLD_PHONE_REQUIRED',
  'OLD_PHONE_MISMATCH',
  'LAST_LOGIN_METHOD',
  'UPDATE_TOKEN_EXPIRED',
  'ALREADY_BOUND',
  'NO_PHONE',
  'PHONE_SCOPE_MISSING',
  'SERVER',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface PhoneManagerErrorInit {
  statusCode?: number;
  apiCode?: number;
  requestId?: string;
  cause?: unknown;
}

/**
 * The most of a server's message the widget keeps: enough for any real Authing message, and a bound
 * on what is matched, shown and handed to the host (a 240 KB message froze a page for 38 s).
 */
export const MAX_MESSAGE_LENGTH = 300;

/** A message cut to {@link MAX_MESSAGE_LENGTH} characters, with an ellipsis when it was longer. */
export const boundedMessage = (message: string): string =>
  message.length > MAX_MESSAGE_LENGTH ? `${Array.from(message.slice(0, MAX_MESSAGE_LENGTH)).slice(0, -1).join('')}…` : message;

export class PhoneManagerError extends Error {
  readonly code: ErrorCode;
  /** Authing's statusCode from the envelope, or the HTTP status when there was no envelope. */
  readonly statusCode?: number;
  readonly apiCode?: number;
  readonly requestId?: string;

  constructor(code: ErrorCode, message: string, init: PhoneManagerErrorInit = {}) {
    super(boundedMessage(message), init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'PhoneManagerError';
    this.code = code;
    this.statusCode = init.statusCode;
    this.apiCode = init.apiCode;
    this.requestId = init.requestId;
  }
}

/** Thrown when the caller aborted a request; never shown to the user. */
export class AbortedError extends Error {
  constructor() {
    super('The request was aborted');
    this.name = 'AbortError';
  }
}

export const isAborted = (error: unknown): boolean =>
  error instanceof AbortedError || (error instanceof Error && error.name === 'AbortError');

/**
 * Authing's apiCodes, read first: unlike the message they do not change with the language.
 * 4004: "该手机号 1 分钟内已发送过验证码，请稍后再试", a production integration's list of Authing codes.
 */
const BY_API_CODE: Record<number, ErrorCode> = {
  4004: 'RATE_LIMITED',
  2020: 'UNAUTHORIZED',
  2206: 'UNAUTHORIZED',
  2207: 'UNAUTHORIZED',
  2028: 'PHONE_INVALID',
  2001: 'CODE_INVALID',
  2300: 'CODE_EXPIRED',
  2035: 'PHONE_TAKEN',
  1320004: 'PHONE_TAKEN',
  2230: 'SAME_PHONE',
  2038: 'OLD_PHONE_MISMATCH',
  2217: 'LAST_LOGIN_METHOD',
  1320005: 'NO_PHONE',
  1320006: 'ALREADY_BOUND',
};

// Message patterns, most specific first: the same words ("过期", "expired") appear in several errors.
const BY_MESSAGE: ReadonlyArray<readonly [RegExp, ErrorCode]> = [
  [/updatePhoneToken|update.?phone.?token/i, 'UPDATE_TOKEN_EXPIRED'],
  [/必须验证原来的手机号|需要验证旧手机|original phone.*verif|old phone.*required/i, 'OLD_PHONE_REQUIRED'],
  [/旧手机号非|旧手机.*不匹配|old phone is not/i, 'OLD_PHONE_MISMATCH'],
  [/新手机号和旧手机号一样|新手机号与已绑定手机号相同|same as the old phone|same phone/i, 'SAME_PHONE'],
  [/已被(其它账户|其他账户|其他用户)?绑定|bound to another|bound by other/i, 'PHONE_TAKEN'],
  [/已经绑定了手机号|already bound|already has a phone/i, 'ALREADY_BOUND'],
  [/其他登录方式|other login/i, 'LAST_LOGIN_METHOD'],
  [/未绑定手机号|no phone number bound|bind the phone number first/i, 'NO_PHONE'],
  // A daily cap ("手机号每天发送的验证次数超过上限") before the one-minute limit: both say 上限 or limit.
  [/(每天|每日|当天|今日|今天|daily|per day|today).*(上限|次数|limit)|(上限|limit).*(每天|每日|daily|per day|today)/i, 'DAILY_LIMIT'],
  [/频繁|(1|一) ?分钟(之)?内|within (a|one) minute|too frequent|too many|rate limit/i, 'RATE_LIMITED'],
  [/验证码.*(失效|过期)|code.*(expired|invalid or expired)/i, 'CODE_EXPIRED'],
  [/验证码(不正确|错误|无效)|wrong code|incorrect code|code is incorrect/i, 'CODE_INVALID'],
  [/手机号.*(格式|正确|合法)|valid (mobile )?phone/i, 'PHONE_INVALID'],
  [/尚未登录|登录信息|not logged in|unauthori[sz]ed/i, 'UNAUTHORIZED'],
];

/**
 * Maps an Authing error envelope (statusCode ≠ 200) to a stable code: the statusCodes that say it
 * all, then the apiCode, then the message. `sendSms`: the answer is to a send-sms request, where
 * Authing's own MFA component reads statusCode 422 as the one-minute limit.
 */
export function codeForEnvelope(statusCode: number, apiCode: number | undefined, message: string, { sendSms = false } = {}): ErrorCode {
  if (statusCode === 401 || statusCode === 429) return codeForHttpStatus(statusCode);
  if (apiCode !== undefined && BY_API_CODE[apiCode]) return BY_API_CODE[apiCode];
  // Bounded before matching: the patterns then run in time linear in at most MAX_MESSAGE_LENGTH.
  const bounded = boundedMessage(message);
  for (const [pattern, code] of BY_MESSAGE) if (pattern.test(bounded)) return code;
  if (sendSms && statusCode === 422) return 'RATE_LIMITED';
  return 'SERVER';
}

/** Maps a non-2xx HTTP status that carried no Authing envelope (a gateway page, say). */
export function codeForHttpStatus(status: number): ErrorCode {
  if (status === 401) return 'UNAUTHORIZED';
  if (status === 429) return 'RATE_LIMITED';
  return 'SERVER';
}

/** What to say when a request failed before any answer came (no status, no body). */
export interface NoAnswer {
  code: Extract<ErrorCode, 'NETWORK' | 'UNREACHABLE'>;
  message: string;
  /** For the developer's console: what to check. Only when the page is online (a setup problem is likely). */
  hint?: string;
}

/**
 * A request that got no answer at all. Offline, the user's connection is the cause (NETWORK). Online,
 * the browser hides why on purpose: a CORS refusal (the page's origin is not in the app's 安全域), a
 * wrong host, DNS or a dropped connection all look alike to the page. So the user hears that Authing
 * could not be reached (UNREACHABLE), and the developer's console says what to check.
 * `online`: navigator.onLine (false only when the browser knows it is offline).
 */
export function noAnswer({ online, appHost, pageOrigin }: { online: boolean; appHost: string; pageOrigin?: string }): NoAnswer {
  if (!online) return { code: 'NETWORK', message: 'Could not reach Authing: the browser is offline' };
  const origin = pageOrigin ? `this page's origin (${pageOrigin})` : "this page's origin";
  return {
    code: 'UNREACHABLE',
    message: `Could not reach Authing at ${appHost}`,
    hint:
      `authing-phone-manager: a request to ${appHost} got no answer while the browser is online. Check that ` +
      `app-host is your Authing application's domain, and that ${origin} is in its 安全域 (CORS allowed origins: ` +
      `Authing console → Settings → Security → 安全域, or the application's own security settings).`,
  };
}
