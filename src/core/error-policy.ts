/**
 * What each error code does, in one table: the flow machine reads it when a request fails (its
 * `failNow` has no case of its own per code), the session when it logs a host's mistake, and the
 * templates for the request id, Try again and the server's words.
 *
 * Besides the code, the failure's context decides: the request (a send marks the number only for a
 * new number's code; `twoCodes` applies only to a change that sent two codes; `reloadsOnUnbind` only
 * to removing) and the HTTP status (`keepsToken`). The words are chosen by `messageOf` (the i18n
 * messages): the policy's `serverWords`, and beside the code the error's field (CODE_NOT_SENT at the
 * current number's code), a change's two codes (`eitherOfTwoCodes`: CODE_EXPIRED or CODE_INVALID),
 * the pool's code length (CODE_REQUIRED), whether the server said it (CODE_INVALID) and whether new
 * codes are needed (`codesSpent`).
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
   * it (no answer, an unreadable one, a 5xx). Never after a 4xx business answer (then new codes are
   * asked for), unless `even-after-4xx`: the 4xx came before the token was read.
   */
  keepsToken?: true | 'even-after-4xx';
  /** The profile on screen is out of date: load it again. */
  reloads?: true;
  /**
   * No readable answer: the server may have carried the request out. A bind, change or unbind that
   * ends so is reconciled with a fresh profile; a send may have sent its SMS.
   */
  uncertain?: true;
  /**
   * A failed send starts the resend countdown: the server still counts a minute from a send we don't
   * know about. Just after a send that had no answer, to the same number, that send went out.
   */
  coolsDown?: true;
  /** Show the server's own words (in the requested language) when it said something, else the catalog's. */
  serverWords?: true;
  /** Show the request id: only failures the user cannot fix themselves, where support needs it. */
  requestId?: true;
  /** The host's setup is wrong (settings, token scope): trying again cannot help, so no Try again. */
  hostMustFix?: true;
  /** Removing the phone: the profile is loaded again (a right code for a number no longer the account's reads as wrong). */
  reloadsOnUnbind?: true;
  /**
   * A change that sent two codes: Authing does not say which one. `ask-both`: both are asked for again
   * (they are about as old), the current number's first; `keep-pair`: both stay, and that pair is not
   * sent again as it is.
   */
  twoCodes?: 'ask-both' | 'keep-pair';
  /** The one-time change token is gone: the change starts again with new codes, the new number kept. */
  restartsChange?: true;
  /** The pool verifies the current number after all: the change adds that step instead of failing. */
  addsCurrentStep?: true;
  /** Removing the phone would leave no way to sign in: the account has no other method after all. */
  lastLoginMethod?: true;
  /**
   * The answer our own earlier request of this type would cause, had it landed while its answer was
   * lost: after such a request it is checked against the profile rather than shown.
   */
  echoes?: 'bind' | 'update-phone' | 'unbind';
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
  // Authing refuses an expired session before it reads the change token: the same user's fresh access token applies it.
  UNAUTHORIZED: { keepsToken: 'even-after-4xx' },
  RATE_LIMITED: { coolsDown: true },
  DAILY_LIMIT: {},
  PHONE_INVALID: { field: 'phone' },
  CODE_INVALID: { field: 'code', reloadsOnUnbind: true, twoCodes: 'keep-pair' },
  CODE_EXPIRED: { field: 'code', twoCodes: 'ask-both' },
  PHONE_TAKEN: { field: 'phone' },
  SAME_PHONE: { field: 'phone', reloads: true, echoes: 'update-phone' },
  OLD_PHONE_REQUIRED: { addsCurrentStep: true },
  OLD_PHONE_MISMATCH: { reloads: true },
  LAST_LOGIN_METHOD: { lastLoginMethod: true },
  UPDATE_TOKEN_EXPIRED: { reloads: true, restartsChange: true },
  ALREADY_BOUND: { reloads: true, echoes: 'bind' },
  NO_PHONE: { reloads: true, echoes: 'unbind' },
  PHONE_SCOPE_MISSING: { hostMustFix: true },
  SERVER: { keepsToken: true, serverWords: true, requestId: true },
};

export const policyOf = (code: ErrorCode): ErrorPolicy => ERROR_POLICY[code];

/**
 * Whether a verified change's token survives this failure: the policy says so, and the answer is no
 * 4xx business answer (one of those spent it) unless the policy keeps it even then.
 */
export const keepsToken = (error: { code: ErrorCode; statusCode?: number }): boolean => {
  const keeps = policyOf(error.code).keepsToken;
  return keeps === 'even-after-4xx' || (!!keeps && !(error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500));
};
