/**
 * Which words say a flow error, apart from how they are shown: the element's templates use it, and so
 * may a host's own UI (authing-phone-manager/messages).
 */
import { policyOf } from '../core/error-policy.js';
import type { FlowError } from '../core/flow/phone-flow.js';
import type { Messages } from './messages.js';

/** The words for an error: the catalog's, or the server's where the policy says they say more. */
export function messageOf({ code, cause, field, eitherOfTwoCodes, codesSpent }: FlowError, t: Messages, codeLength?: number): string {
  if (eitherOfTwoCodes) return code === 'CODE_EXPIRED' ? t.twoCodesExpired : t.twoCodesInvalid;
  if (code === 'CODE_NOT_SENT' && field === 'currentCode') return t.currentCodeNotSent;
  if (code === 'CODE_REQUIRED' && codeLength) return t.enterCode(codeLength);
  // Authing's 2001 is "wrong code" in its V2 list and "code expired" in Guard's map: say both, and the way out.
  if (code === 'CODE_INVALID' && cause) return t.codeRefused;
  // A business answer (statusCode below 500) in the requested language; a 5xx's words are no help.
  const serverSaid = cause?.message && cause.statusCode !== undefined && cause.statusCode < 500;
  // The server's words are isolated (FSI … PDI): a right-to-left override in them cannot mirror ours.
  const message = policyOf(code).serverWords && serverSaid ? `\u2068${cause.message}\u2069` : t.errors[code];
  return codesSpent ? sentences(t, message, t.newCodesNeeded) : message;
}

/**
 * Two sentences in a row, joined as the catalog's language joins them (no space in Chinese and
 * Japanese), but with a space after the server's words (isolated, see above): they often end
 * without a full stop.
 */
export const sentences = (t: Messages, first: string, next: string): string =>
  first + (first.endsWith('\u2069') ? ' ' : t.sentenceSeparator) + next;
