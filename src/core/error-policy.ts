/**
 * What each error code does, in one table. The flow machine reads it when a request fails, the
 * session when it decides on a cooldown, and the templates when they choose the words: nothing else
 * decides these things.
 */
import type { ErrorCode } from './errors.js';

export interface ErrorPolicy {
  /**
   * The input the error marks: `phone` (the new number) or `code` (the code field of the step on
   * screen). None: the error is about the form as a whole.
   */
  field?: 'phone' | 'code';
  /**
   * A verified change's one-time updatePhoneToken is kept for a retry: the failure cannot have spent
   * it (no answer, an unreadable one, a 5xx). Never after a 4xx business answer, whatever the code:
   * then new codes are asked for.
   */
  keepsToken?: true;
  /** The profile on screen is out of date: load it again. */
  reloads?: true;
  /**
   * No readable answer: the server may have carried the request out. A bind, change or unbind that
   * ends so is reconciled with a fresh profile; a send may have sent its SMS.
   */
  uncertain?: true;
  /** A failed send starts the resend countdown: the server still counts a minute from a send we don't know about. */
  coolsDown?: true;
  /** Show the server's own words (in the requested language) when it said something, else the catalog's. */
  serverWords?: true;
  /** Show the request id: only failures the user cannot fix themselves, where support needs it. */
  requestId?: true;
  /** The host's setup is wrong (settings, token scope): trying again cannot help, so no Try again. */
  hostMustFix?: true;
}

export const ERROR_POLICY: Readonly<Record<ErrorCode, ErrorPolicy>> = {
  CONFIG: { hostMustFix: true },
  PHONE_REQUIRED: { field: 'phone' },
  CODE_REQUIRED: { field: 'code' },
  CODE_NOT_SENT: { field: 'code' },
  NETWORK: { keepsToken: true, uncertain: true },
  UNREACHABLE: { keepsToken: true, uncertain: true },
  TIMEOUT: { keepsToken: true, uncertain: true },
  BAD_RESPONSE: { keepsToken: true, requestId: true, uncertain: true },
  UNAUTHORIZED: {},
  RATE_LIMITED: { coolsDown: true },
  DAILY_LIMIT: {},
  PHONE_INVALID: { field: 'phone' },
  CODE_INVALID: { field: 'code' },
  CODE_EXPIRED: { field: 'code' },
  PHONE_TAKEN: { field: 'phone' },
  SAME_PHONE: { field: 'phone', reloads: true },
  OLD_PHONE_REQUIRED: {},
  OLD_PHONE_MISMATCH: { reloads: true },
  LAST_LOGIN_METHOD: {},
  UPDATE_TOKEN_EXPIRED: { reloads: true },
  ALREADY_BOUND: { reloads: true },
  NO_PHONE: { reloads: true },
  PHONE_SCOPE_MISSING: { hostMustFix: true },
  SERVER: { keepsToken: true, serverWords: true, requestId: true },
};

export const policyOf = (code: ErrorCode): ErrorPolicy => ERROR_POLICY[code];

/**
 * Whether a verified change's token survives this failure: the policy, and never after a 4xx business
 * answer but a 401: Authing refuses an expired session before it reads `updatePhoneToken`, so the
 * same token applies once the host sets a fresh access token for the same user.
 */
export const keepsToken = (error: { code: ErrorCode; statusCode?: number }): boolean =>
  error.code === 'UNAUTHORIZED' ||
  (!!policyOf(error.code).keepsToken && !(error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500));
