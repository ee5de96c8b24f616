/**
 * The flow machine's vocabulary: its state, the events it reduces and what it asks of the session.
 * Types only; the rules live in steps.ts (per step) and ../error-policy.ts (per error code).
 */
import type { ErrorCode, PhoneManagerError } from '../errors.js';
import type { BindPhoneInput, SendSmsInput, VerifyUpdatePhoneInput } from '../api/types.js';
import type { PhoneNumber } from '../phone.js';

export type Step =
  /** No credentials: nothing of any account is shown, nothing is loading. A UI says "sign in". */
  | 'signed-out'
  | 'loading'
  /** The profile could not be loaded: nothing else can be offered. */
  | 'unavailable'
  /** A phone is bound: the number, Change and Unbind. */
  | 'overview'
  /** No phone: number, send code, code, bind. */
  | 'bind'
  /** Change, first step: a code sent to the current number. */
  | 'change-current'
  /** Change, second step: the new number and its code. */
  | 'change-new'
  /** Removing the phone: what it means, a code to it, and the red button. */
  | 'unbind';

/** Whose code a send is for; also the `purpose` in `authing-code-sent`. */
export type CodePurpose = 'bind' | 'change-current' | 'change-new' | 'unbind';
/** What the user was doing when something failed; the `action` in `authing-error`. */
export type Action = 'load-profile' | 'send-code' | 'bind' | 'change' | 'unbind';
export type Field = 'phone' | 'code' | 'currentCode';

export interface Account {
  /** Whose account this is: after a new token, only the same user's flow may carry on. */
  userId?: string;
  phone?: PhoneNumber;
  /** Authing's `phoneVerified`: false for a number an administrator set without an SMS. */
  phoneVerified?: boolean;
  /** Email or an external identity: another way to sign in, so the phone may be removed. */
  hasOtherLoginMethod: boolean;
}

export interface Draft {
  /** ISO code of the country picked for the new number. */
  country: string;
  phoneNumber: string;
  /** Code sent to the new number (bind, change). */
  code: string;
  /** Code sent to the current number (change, unbind). */
  currentCode: string;
}

export interface FlowError {
  code: ErrorCode;
  /** The input the error is about, when there is one. */
  field?: Field;
  /** The server's failure, when the error came from a request. */
  cause?: PhoneManagerError;
  /**
   * A wrong or expired code in a change that sent two (the current number's and the new one's):
   * Authing does not say which, so the message must not speak of one code.
   */
  eitherOfTwoCodes?: boolean;
  /** update-phone failed after the codes were spent on its token: new codes are needed, and the message says so. */
  codesSpent?: boolean;
  /**
   * PHONE_INVALID for a number that is a valid mobile number of this country (ISO code): mainland China's,
   * or the pool's default country's. The UI offers to switch to it.
   */
  suggestedCountry?: string;
}

export type Notice =
  { kind: 'code-sent'; phone: PhoneNumber } | { kind: 'bound' | 'changed' | 'unbound' } | { kind: 'verify-current-required' };

export interface FlowOptions {
  /** Ask for a code sent to the current number before changing it (Authing's default pool setting). */
  verifyCurrent: boolean;
  /**
   * Exact SMS code length, or undefined to accept 4–8 digits. Only a known length makes a complete
   * code submit itself: Guard guesses 4, real pools send 6, and a guess is wrong for someone.
   */
  codeLength?: number;
  /** ISO code of the country preselected for a new number. */
  defaultCountry?: string;
  /** ISO codes a new number may belong to; undefined allows all. */
  allowedCountries?: string[];
  /** The pool's own rule for a phone number (`regexRules`), a regex source checked against the national number. */
  phonePattern?: string;
  /** ISO code of the pool's default country: offered, besides mainland China, for a number that fits it. */
  suggestedCountry?: string;
}

export interface FlowState {
  step: Step;
  account: Account;
  draft: Draft;
  options: FlowOptions;
  /** The number each code in this flow went to; a code is only asked for once it was sent. */
  sentTo: Partial<Record<CodePurpose, PhoneNumber>>;
  /**
   * A verified change that update-phone has not applied yet because it failed for a reason that
   * leaves the one-time token usable (server error, lost or unreadable answer, expired session,
   * throttling). The verification spent both codes, so the retry applies the same token again.
   */
  verified?: VerifiedChange;
  /**
   * A bind, change or unbind that ended without a readable answer, or that the host aborted: the
   * server may have carried it out. The next profile says which (see `reconcile`); `error` is what the
   * user sees if it did not.
   */
  unsettled?: { effect: Effect; error?: PhoneManagerError };
  /**
   * The send ({@link resendKey}) that ended without an answer: its SMS may arrive, so its code may be
   * typed, and a rate-limit answer to the next send to that number confirms it went out.
   */
  maybeSent?: string;
  /**
   * A bind, change or unbind of this flow whose answer never came and that the profile did not show
   * in place: the server may still apply it, so an answer that only makes sense if it did
   * (ALREADY_BOUND, NO_PHONE, SAME_PHONE) is checked against the profile rather than shown.
   */
  unansweredBefore?: Effect['type'];
  pending?: Action;
  error?: FlowError;
  notice?: Notice;
  /** The pair of codes (`current:new`) Authing refused as "one of the two is wrong": not sent again as it is. */
  refusedPair?: string;
  /** The code input whose last edit dropped characters that are not digits: the hint says why. */
  nonDigitsDropped?: 'code' | 'currentCode';
  /**
   * The access token or app host changed since the account was loaded: until a profile loads, the
   * account, the flow and what was typed may belong to another user.
   */
  unconfirmed?: boolean;
  /** When a code may go again to each number and channel ({@link resendKey}), in ms since the epoch. */
  cooldowns: Readonly<Record<string, number>>;
}

export interface VerifiedChange {
  updatePhoneToken: string;
  /** The new number the token was issued for. */
  phone: PhoneNumber;
}

export type Effect =
  | { type: 'send-code'; purpose: CodePurpose; input: SendSmsInput }
  | { type: 'bind'; input: BindPhoneInput }
  | { type: 'verify-change'; input: VerifyUpdatePhoneInput }
  | { type: 'update-phone'; updatePhoneToken: string; phone: PhoneNumber; previous: PhoneNumber }
  | { type: 'unbind'; passCode: string; previous: PhoneNumber };

export type Outcome =
  | { type: 'code-sent'; purpose: CodePurpose; phone: PhoneNumber }
  | { type: 'phone-bound'; phone: PhoneNumber }
  | { type: 'phone-changed'; phone: PhoneNumber; previous: PhoneNumber }
  | { type: 'phone-unbound'; previous: PhoneNumber };

/** What the user does: the intents a UI sends. */
export type Intent =
  /** Opens a flow from the overview. */
  | { type: 'start'; flow: 'change' | 'unbind' }
  | { type: 'edit'; field: keyof Draft; value: string }
  | { type: 'send-code' }
  /** The step's main button, or Enter; Enter in the number field (`from: 'phone'`) sends the code first. */
  | { type: 'submit'; from?: 'phone' }
  /** Back from the new number to the current number's code, keeping what was typed. */
  | { type: 'back' }
  | { type: 'cancel' };

/** Everything the machine reduces: intents, the session's lifecycle and what became of requests. */
export type FlowEvent = (
  | Intent
  | { type: 'configure'; options: Partial<FlowOptions> }
  /**
   * A new access token or app host: it may be the same user's refreshed token, or someone else's.
   * `otherUser`: the token names another user than the account's, so nothing of it may stay a moment longer.
   */
  | { type: 'credentials-changed'; otherUser?: boolean }
  /** No credentials (yet): wait quietly, showing nothing of any account. */
  | { type: 'signed-out' }
  | { type: 'loading'; keepError?: boolean }
  | { type: 'profile-loaded'; account: Account }
  /** `fresh`: the failure is about the settings (nothing was loaded with them), so nothing of before stays. */
  | { type: 'load-failed'; error: PhoneManagerError; fresh?: boolean }
  | { type: 'succeeded'; effect: Effect; data?: { updatePhoneToken?: string } }
  | { type: 'failed'; effect: Effect; error: PhoneManagerError }
  /** Deadlines another session of the page (or another frame sharing its storage) set: the server counts them for this user too. */
  | { type: 'cooldowns'; cooldowns: Readonly<Record<string, number>> }
  /** The host aborted a request in flight (new token, reload, new settings, a move in the DOM): its answer is lost. */
  | { type: 'interrupted'; effect: Effect }
) & {
  /** The time of the event, in ms since the epoch: cooldowns start and end by it. */
  now?: number;
};

export interface Transition {
  state: FlowState;
  effect?: Effect;
  outcome?: Outcome;
  /** The loaded profile no longer matches the server: load it again. */
  reload?: boolean;
  /** A failure held back until a profile showed the request had not landed: announce it now. */
  failure?: { effect: Effect; error: PhoneManagerError };
}
