/**
 * The bind, change and unbind flows as pure state transitions: no DOM, no timers, no fetch.
 *
 * One entry point, {@link reduce}: the state and an event (a user's intent, or what became of a
 * request) give the next state and, when a request is due, an `Effect` describing it. The session
 * runs the effect through the API client and reduces its result (`succeeded` / `failed`), which
 * may ask for a follow-up effect (verify → update-phone) and name an outcome to announce.
 * Time comes in with the events (`now`), so resend cooldowns are data in the state.
 */
import type { ErrorCode, PhoneManagerError } from '../errors.js';
import { keepsToken, policyOf } from '../error-policy.js';
import type { BindPhoneInput, SendSmsInput, SmsChannel, VerifyUpdatePhoneInput } from '../api/types.js';
import {
  CODE_LENGTH,
  codeInText,
  countryOf,
  DEFAULT_COUNTRY,
  detectCountry,
  parseCode,
  parsePhone,
  samePhone,
  toAsciiDigits,
  type PhoneNumber,
} from '../phone.js';

/** Seconds before another code may go to the same number: Authing's limit is one per minute. */
export const RESEND_SECONDS = 60;

export type Step =
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

const CHANNEL: Record<CodePurpose, SmsChannel> = {
  bind: 'CHANNEL_BIND_PHONE',
  'change-new': 'CHANNEL_BIND_PHONE',
  'change-current': 'CHANNEL_UNBIND_PHONE',
  unbind: 'CHANNEL_UNBIND_PHONE',
};

export const ACTION_OF: Record<Effect['type'], Action> = {
  'send-code': 'send-code',
  bind: 'bind',
  'verify-change': 'change',
  'update-phone': 'change',
  unbind: 'unbind',
};

const emptyDraft = (country = DEFAULT_COUNTRY): Draft => ({ country, phoneNumber: '', code: '', currentCode: '' });

export function initialState(options: Partial<FlowOptions> = {}): FlowState {
  return {
    step: 'loading',
    account: { hasOtherLoginMethod: false },
    draft: emptyDraft(options.defaultCountry),
    options: { verifyCurrent: true, ...options },
    sentTo: {},
    cooldowns: {},
  };
}

const restingStep = (account: Account): Step => (account.phone ? 'overview' : 'bind');

/** The number a change step is changing to, when one is typed and valid. */
const changeTarget = (state: FlowState): PhoneNumber | undefined =>
  state.step === 'change-current' || state.step === 'change-new' ? newPhoneOf(state) : undefined;

/** New options; a new default country applies unless the user already typed a number. */
function configure(state: FlowState, options: Partial<FlowOptions>): FlowState {
  const next = { ...state, options: { ...state.options, ...options } };
  if (options.defaultCountry && options.defaultCountry !== state.options.defaultCountry && !state.draft.phoneNumber) {
    next.draft = { ...state.draft, country: options.defaultCountry };
  }
  return next;
}

const firstLoad = (state: FlowState) => state.step === 'loading' || state.step === 'unavailable';

/**
 * The profile is (re)loading. The first load shows a loading step; a reload (stale profile, or a new
 * token that may be the same user's) keeps the user's flow and what they typed, and only blocks the
 * buttons: a silent token refresh must not interrupt typing. The profile then says whether it stays.
 */
function loading(state: FlowState, { keepError = false } = {}): FlowState {
  const kept = keepError ? { error: state.error, notice: state.notice } : { error: undefined, notice: undefined };
  return { ...state, ...kept, step: firstLoad(state) ? 'loading' : state.step, pending: 'load-profile' };
}

const sameUser = (a: Account, b: Account) => !!a.userId && a.userId === b.userId;

/** What the state may keep of its account and flow for this profile: nothing if it is another user's. */
const trusted = (state: FlowState, account: Account): FlowState =>
  state.unconfirmed && !sameUser(state.account, account) ? anotherUser(state) : state;

/**
 * Not the account loaded before: nothing of it stays. Its cooldowns go too when it was a known other
 * user; a first load (no user yet, say after a reload of the page) keeps the stored ones.
 */
const anotherUser = (state: FlowState): FlowState =>
  state.account.userId && Object.keys(state.cooldowns).length ? { ...afresh(state), cooldowns: {} } : afresh(state);

/** Nothing of the account or the flow, but the settings and the cooldowns: the server still counts those. */
const afresh = (state: FlowState): FlowState => ({ ...initialState(state.options), cooldowns: state.cooldowns });

/**
 * A fresh profile. The current flow survives when the bound number did not change. When it now is
 * the number the user was changing to, the change went through although its answer was lost: the
 * flow ends as changed, with the `phone-changed` outcome.
 */
function profileLoaded(current: FlowState, account: Account, now = Date.now()): Transition {
  const state = { ...trusted(current, account), unconfirmed: undefined };
  if (state.unsettled) return reconcile(state, state.unsettled, account, now);
  const unchanged = state.account.phone ? samePhone(state.account.phone, account.phone) : !account.phone;
  if (!firstLoad(state) && unchanged) return { state: { ...state, account, pending: undefined } };
  const reset = {
    ...state,
    account,
    step: restingStep(account),
    draft: emptyDraft(state.draft.country),
    sentTo: {},
    verified: undefined,
    pending: undefined,
  };
  if (!landedChange(state, account)) return { state: reset };
  return {
    state: { ...reset, error: undefined, notice: { kind: 'changed' } },
    outcome: { type: 'phone-changed', phone: account.phone!, previous: state.account.phone! },
  };
}

/** Whether the profile shows that `effect` was carried out. */
function landed(effect: Effect, account: Account): boolean {
  switch (effect.type) {
    case 'bind':
      return samePhone(account.phone, { phoneNumber: effect.input.phoneNumber, phoneCountryCode: effect.input.phoneCountryCode });
    case 'update-phone':
      return samePhone(account.phone, effect.phone);
    case 'unbind':
      return !account.phone;
    default:
      return false;
  }
}

/**
 * The profile after a request whose answer was lost or abandoned. Landed: the flow ends as if the
 * answer had come, and the outcome is announced (this is its only announcement: the lost answer
 * never will be). Not landed: the flow is where it was, with what was typed, and the failure (if the
 * request failed rather than being aborted) is shown and announced now.
 */
function reconcile(state: FlowState, { effect, error }: NonNullable<FlowState['unsettled']>, account: Account, now: number): Transition {
  const settled = { ...state, unsettled: undefined };
  if (landed(effect, account)) {
    const done = succeed(settled, effect, undefined, now);
    const next = profileLoaded(done.state, account, now);
    return { ...next, outcome: done.outcome };
  }
  const unanswered = { ...settled, unansweredBefore: effect.type };
  const failed = error ? fail(unanswered, effect, error, now, { reconciled: true }) : { state: { ...unanswered, pending: undefined } };
  // Not landed, but the profile may still differ (changed elsewhere): the usual rules apply.
  const next = profileLoaded({ ...failed.state, pending: 'load-profile' }, account, now);
  return { ...next, failure: error ? { effect, error } : undefined };
}

function landedChange(state: FlowState, account: Account): boolean {
  const target = changeTarget(state);
  return !firstLoad(state) && !!state.account.phone && !!target && samePhone(target, account.phone);
}

/**
 * The profile did not load. A reload with the same credentials keeps the flow, so a retry is one
 * click away; after new credentials nothing of the previous account stays on screen.
 */
function loadFailed(current: FlowState, cause: PhoneManagerError, fresh = false): FlowState {
  const state = current.unconfirmed || fresh ? afresh(current) : current;
  return { ...state, step: firstLoad(state) ? 'unavailable' : state.step, pending: undefined, error: { code: cause.code, cause } };
}

/** What a flow typed, sent and verified, cleared: for a flow that starts, is cancelled or is done. */
const noFlow = (state: FlowState) => ({
  draft: emptyDraft(state.draft.country),
  sentTo: {},
  verified: undefined,
  unansweredBefore: undefined,
});

function start(state: FlowState, flow: 'change' | 'unbind'): FlowState {
  if (state.pending || state.step !== 'overview' || !state.account.phone) return state;
  const base = { ...state, ...noFlow(state), error: undefined, notice: undefined };
  if (flow === 'unbind') {
    if (!state.account.hasOtherLoginMethod) return { ...base, error: { code: 'LAST_LOGIN_METHOD' } };
    return { ...base, step: 'unbind' };
  }
  return { ...base, step: state.options.verifyCurrent ? 'change-current' : 'change-new' };
}

function cancel(state: FlowState): FlowState {
  if (state.pending) return state;
  return { ...state, ...noFlow(state), step: restingStep(state.account), error: undefined, notice: undefined };
}

function back(state: FlowState): FlowState {
  if (state.pending || state.step !== 'change-new' || !state.options.verifyCurrent) return state;
  return { ...state, step: 'change-current', error: undefined, notice: undefined };
}

function edit(state: FlowState, field: keyof Draft, value: string): FlowState {
  const draft = { ...state.draft, [field]: value };
  // A pasted or autofilled +44… picks its country, when it is one the user may pick.
  if (field === 'phoneNumber') {
    const named = detectCountry(value, draft.country)?.iso;
    if (named && (!state.options.allowedCountries || state.options.allowedCountries.includes(named))) draft.country = named;
  }
  const touched: Field = field === 'country' || field === 'phoneNumber' ? 'phone' : field;
  // An error about this field goes once it is edited; so does "one of the two codes" with either code.
  const aboutIt = state.error?.field === touched || (!!state.error?.eitherOfTwoCodes && touched !== 'phone');
  const error = aboutIt ? undefined : state.error;
  // A verified change is for the number it was issued for: another number needs new codes.
  const verified = touched === 'phone' ? undefined : state.verified;
  return { ...state, draft, error, verified };
}

/** The number a code for `purpose` goes to, from the profile or the draft; undefined if not valid. */
export function targetOf(state: FlowState, purpose: CodePurpose): PhoneNumber | undefined {
  if (purpose === 'change-current' || purpose === 'unbind') return state.account.phone;
  return newPhoneOf(state);
}

/** The typed new number, if it is a valid mobile number of an allowed country. */
const newPhoneOf = ({ draft, options }: FlowState): PhoneNumber | undefined => phoneIn(draft.phoneNumber, draft.country, options);

/**
 * `value` as a mobile number of `iso` (or of the country its +prefix names) that the host's countries
 * allow and the pool's phone rule accepts; undefined otherwise.
 */
function phoneIn(value: string, iso: string, options: FlowOptions): PhoneNumber | undefined {
  const phone = parsePhone(value, iso);
  if (!phone) return undefined;
  const allowed = options.allowedCountries;
  if (allowed && !allowed.some((a) => `+${countryOf(a)?.callingCode}` === phone.phoneCountryCode)) return undefined;
  return matchesPoolRule(phone.phoneNumber, options.phonePattern) ? phone : undefined;
}

/** Guard checks a number against the pool's `regexRules` phone rule when the pool sets one; so do we. */
function matchesPoolRule(national: string, pattern: string | undefined): boolean {
  if (!pattern) return true;
  try {
    return new RegExp(pattern).test(national);
  } catch {
    return true; // a rule the browser cannot read checks nothing here; the server still checks
  }
}

/**
 * A number that is not valid for the chosen country but is for mainland China (where a new pool sends
 * SMS) or the pool's default country: the country the UI should offer instead.
 */
function countryThatFits({ draft, options }: FlowState): string | undefined {
  const candidates = [options.suggestedCountry, DEFAULT_COUNTRY].filter((iso): iso is string => !!iso && iso !== draft.country);
  return candidates.find((iso) => phoneIn(draft.phoneNumber, iso, options)?.phoneCountryCode === `+${countryOf(iso)?.callingCode}`);
}

/** PHONE_INVALID at the number field, with the country the number fits when there is one. */
function invalidPhone(state: FlowState): Transition {
  const error: FlowError = { code: 'PHONE_INVALID', field: 'phone' };
  const fits = countryThatFits(state);
  if (fits) error.suggestedCountry = fits;
  return { state: { ...state, error, notice: undefined } };
}

/**
 * Key of the server's resend limit: one SMS per number and channel per minute. A hash, so the
 * number itself is never written to storage.
 */
export function resendKey(purpose: CodePurpose, phone: PhoneNumber): string {
  return `c${hash(`${CHANNEL[purpose]}:${phone.phoneCountryCode}${phone.phoneNumber}`)}`;
}

/** cyrb53: a fast 53-bit string hash (not for secrets; it only keeps numbers out of plain sight). */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

const PURPOSE_OF: Partial<Record<Step, CodePurpose>> = {
  bind: 'bind',
  'change-current': 'change-current',
  'change-new': 'change-new',
  unbind: 'unbind',
};

/** The purpose of the Send code button on the current step. */
export const codePurposeOf = (step: Step): CodePurpose | undefined => PURPOSE_OF[step];

const invalid = (state: FlowState, code: ErrorCode, field?: Field): Transition => ({
  state: { ...state, error: { code, field }, notice: undefined },
});

const begin = (state: FlowState, effect: Effect): Transition => {
  const next: FlowState = { ...state, pending: ACTION_OF[effect.type], error: undefined, notice: undefined };
  // A bind, change or unbind still unsettled (the profile could not be read) is now this request's
  // earlier, unanswered try: this one's answer settles both.
  if (state.unsettled && MUTATES.has(effect.type)) {
    Object.assign(next, { unsettled: undefined, unansweredBefore: state.unsettled.effect.type });
  }
  return { state: next, effect };
};

/** Send code on the current step. Input that cannot be valid never reaches the server, nor a resend too soon. */
function sendCode(state: FlowState, now: number): Transition {
  const purpose = codePurposeOf(state.step);
  if (state.pending || !purpose || cooldownOf(state, purpose, now) > 0) return { state };
  const phone = targetOf(state, purpose);
  if (!phone) return purpose === 'bind' || purpose === 'change-new' ? invalidPhone(state) : invalid(state, 'PHONE_INVALID', 'phone');
  if (purpose === 'change-new' && samePhone(phone, state.account.phone)) return invalid(state, 'SAME_PHONE', 'phone');
  return begin(state, { type: 'send-code', purpose, input: { channel: CHANNEL[purpose], ...phone } });
}

/**
 * Checks a code field before anything is sent: typed at all, of the right length, and sent in this
 * flow to the number it is for (never a code for a number that got no SMS here). The error of the
 * first check that fails, or undefined and the code.
 */
function checkCode(state: FlowState, field: 'code' | 'currentCode', purpose: CodePurpose): { error?: Transition; passCode?: string } {
  const value = state.draft[field];
  // First the SMS: a code typed for a number that got none in this flow cannot be right.
  if (!samePhone(state.sentTo[purpose], targetOf(state, purpose))) return { error: invalid(state, 'CODE_NOT_SENT', field) };
  if (!value.trim()) return { error: invalid(state, 'CODE_REQUIRED', field) };
  const passCode = parseCode(value, state.options.codeLength);
  if (!passCode) return { error: invalid(state, 'CODE_INVALID', field) };
  return { passCode };
}

const pairOf = (draft: Draft) => `${draft.currentCode}:${draft.code}`;

/** The typed new number, or the error that says what is wrong with it (nothing typed, or not a number). */
function checkNewPhone(state: FlowState): { error?: Transition; phone?: PhoneNumber } {
  if (!state.draft.phoneNumber.trim()) return { error: invalid(state, 'PHONE_REQUIRED', 'phone') };
  const phone = newPhoneOf(state);
  return phone ? { phone } : { error: invalidPhone(state) };
}

/** The step's main button: continue, bind, change or unbind. */
function submit(state: FlowState): Transition {
  if (state.pending) return { state };
  const { draft, options, account } = state;
  switch (state.step) {
    case 'bind': {
      const { phone, error } = checkNewPhone(state);
      if (!phone) return error!;
      const code = checkCode(state, 'code', 'bind');
      if (!code.passCode) return code.error!;
      return begin(state, { type: 'bind', input: { ...phone, passCode: code.passCode } });
    }
    case 'change-current': {
      // Continue only with a code that went to the current number in this flow.
      const code = checkCode(state, 'currentCode', 'change-current');
      if (!code.passCode) return code.error!;
      const next = { ...state, step: 'change-new' as const, error: undefined, notice: undefined };
      // Back here to fix this code, or because the server asked for it: the new number's code is
      // ready, so go on with both, unless it is the very pair Authing just refused.
      const ready = state.sentTo['change-new'] && parseCode(draft.code, options.codeLength);
      return ready && pairOf(draft) !== state.refusedPair ? submit(next) : { state: next };
    }
    case 'change-new': {
      const { phone, error } = checkNewPhone(state);
      if (!phone || !account.phone) return error ?? invalid(state, 'PHONE_INVALID', 'phone');
      if (samePhone(phone, account.phone)) return invalid(state, 'SAME_PHONE', 'phone');
      // Verified already, and only update-phone failed: the codes are spent, the token is not.
      if (state.verified && samePhone(state.verified.phone, phone)) {
        return begin(state, { type: 'update-phone', updatePhoneToken: state.verified.updatePhoneToken, phone, previous: account.phone });
      }
      const newCode = checkCode(state, 'code', 'change-new');
      if (!newCode.passCode) return newCode.error!;
      const newPhonePassCode = newCode.passCode;
      const input: VerifyUpdatePhoneInput = {
        newPhoneNumber: phone.phoneNumber,
        newPhoneCountryCode: phone.phoneCountryCode,
        newPhonePassCode,
      };
      if (options.verifyCurrent) {
        // The current number's code is on the first step: send the user back there to fix it.
        const { passCode: oldPhonePassCode, error: oldError } = checkCode(state, 'currentCode', 'change-current');
        if (!oldPhonePassCode) return { state: { ...oldError!.state, step: 'change-current' } };
        Object.assign(input, {
          oldPhoneNumber: account.phone.phoneNumber,
          oldPhoneCountryCode: account.phone.phoneCountryCode,
          oldPhonePassCode,
        });
      }
      return begin(state, { type: 'verify-change', input });
    }
    case 'unbind': {
      const { passCode, error } = checkCode(state, 'currentCode', 'unbind');
      if (!passCode || !account.phone) return error ?? invalid(state, 'CODE_INVALID', 'currentCode');
      return begin(state, { type: 'unbind', passCode, previous: account.phone });
    }
    default:
      return { state };
  }
}

/** A request succeeded. */
function succeed(state: FlowState, effect: Effect, data: { updatePhoneToken?: string } | undefined, now: number): Transition {
  const done = { ...state, pending: undefined, error: undefined };
  // A flow's end settles whatever of it was still unsettled: its outcome is this one.
  const finished = { ...done, ...noFlow(state), unsettled: undefined };
  switch (effect.type) {
    case 'send-code': {
      const phone = { phoneNumber: effect.input.phoneNumber, phoneCountryCode: effect.input.phoneCountryCode };
      const cooldowns = coolDown(state, resendKey(effect.purpose, phone), now);
      // A new code makes a new pair: a refused one never holds back what follows it.
      return {
        state: {
          ...done,
          cooldowns,
          refusedPair: undefined,
          maybeSent: undefined,
          sentTo: { ...state.sentTo, [effect.purpose]: phone },
          notice: { kind: 'code-sent', phone },
        },
        outcome: { type: 'code-sent', purpose: effect.purpose, phone },
      };
    }
    case 'bind': {
      const { phoneNumber, phoneCountryCode } = effect.input;
      const account = { ...state.account, phone: { phoneNumber, phoneCountryCode }, phoneVerified: true };
      return {
        state: { ...finished, account, step: 'overview', notice: { kind: 'bound' } },
        outcome: { type: 'phone-bound', phone: account.phone },
      };
    }
    case 'verify-change': {
      const previous = state.account.phone!;
      const phone = { phoneNumber: effect.input.newPhoneNumber, phoneCountryCode: effect.input.newPhoneCountryCode };
      // The token is one-time and short-lived: apply it at once.
      return {
        state: { ...state, pending: 'change' },
        effect: { type: 'update-phone', updatePhoneToken: data?.updatePhoneToken ?? '', phone, previous },
      };
    }
    case 'update-phone': {
      const account = { ...state.account, phone: effect.phone, phoneVerified: true };
      return {
        state: { ...finished, account, step: 'overview', notice: { kind: 'changed' } },
        outcome: { type: 'phone-changed', phone: effect.phone, previous: effect.previous },
      };
    }
    case 'unbind': {
      const account = { ...state.account, phone: undefined, phoneVerified: undefined };
      return {
        state: { ...finished, account, step: 'bind', notice: { kind: 'unbound' } },
        outcome: { type: 'phone-unbound', previous: effect.previous },
      };
    }
  }
}

/** The field an error marks on a step, from the error policy: the new number, or the step's code input. */
const fieldOf = (code: ErrorCode, step: Step): Field | undefined => {
  const field = policyOf(code).field;
  return field === 'code' ? codeFieldOf(step) : field;
};

/** For a change to ask for both codes again: none typed, none sent, the new number kept. */
const newCodes = (state: FlowState) => ({ draft: { ...state.draft, code: '', currentCode: '' }, sentTo: {} });

/** Requests that change the account: their outcome must reach the host even when their answer does not. */
const MUTATES: ReadonlySet<Effect['type']> = new Set(['bind', 'update-phone', 'unbind']);

/**
 * Answers that only make sense if our own earlier request landed (its answer lost): the number is
 * bound already, there is no number to remove, the new number is the current one.
 */
const ECHOES: Partial<Record<Effect['type'], ErrorCode[]>> = {
  bind: ['ALREADY_BOUND'],
  unbind: ['NO_PHONE'],
  'update-phone': ['SAME_PHONE'],
};

/** Whether a failure of `effect` leaves it unknown whether the server carried it out. */
const unsettles = (state: FlowState, effect: Effect, cause: PhoneManagerError): boolean =>
  MUTATES.has(effect.type) &&
  (!!policyOf(cause.code).uncertain || (state.unansweredBefore === effect.type && !!ECHOES[effect.type]?.includes(cause.code)));

/** A send whose answer is unknown: the SMS may come, so its code may be typed. */
function maybeSent(state: FlowState, effect: Extract<Effect, { type: 'send-code' }>): FlowState {
  const phone = { phoneNumber: effect.input.phoneNumber, phoneCountryCode: effect.input.phoneCountryCode };
  return { ...state, sentTo: { ...state.sentTo, [effect.purpose]: phone }, maybeSent: resendKey(effect.purpose, phone) };
}

/** The host aborted `effect`: its answer will not come, so what the server did is found out. */
function interrupted(state: FlowState, effect: Effect): FlowState {
  const idle = { ...state, pending: undefined };
  if (effect.type === 'send-code') return maybeSent(idle, effect);
  return MUTATES.has(effect.type) ? { ...idle, unsettled: { effect } } : idle;
}

/**
 * A request failed. What the user typed stays, so a retry is one click away. A bind, change or unbind
 * that may have landed is not failed yet: the profile is loaded and `reconcile` decides
 * (`reconciled`: it did, and found it had not landed).
 */
function fail(state: FlowState, effect: Effect, cause: PhoneManagerError, now: number, { reconciled = false } = {}): Transition {
  if (!reconciled && unsettles(state, effect, cause)) return { state: { ...state, unsettled: { effect, error: cause } }, reload: true };
  const result = failNow(state, effect, cause, now);
  // Reconciled: the profile was just loaded, so no reload follows; nothing loops.
  return reconciled ? { state: result.state } : result;
}

function failNow(state: FlowState, effect: Effect, cause: PhoneManagerError, now: number): Transition {
  const policy = policyOf(cause.code);
  // An update-phone failure keeps its token when the policy says the failure cannot have spent it;
  // other failures leave it as it was.
  const verified =
    effect.type !== 'update-phone'
      ? state.verified
      : keepsToken(cause)
        ? { updatePhoneToken: effect.updatePhoneToken, phone: effect.phone }
        : undefined;
  const failed: FlowState = { ...state, pending: undefined, notice: undefined, verified };
  const error: FlowError = { code: cause.code, cause };
  const twoCodes = effect.type === 'verify-change' && !!effect.input.oldPhonePassCode;
  if (effect.type === 'send-code') {
    const key = resendKey(effect.purpose, effect.input);
    // The send before this one had no answer: a rate-limit answer now says it went out after all.
    if (cause.code === 'RATE_LIMITED' && state.maybeSent === key) return succeed(state, effect, undefined, now);
    // Only a new number is typed: the current number's send marks no field.
    if ((effect.purpose === 'bind' || effect.purpose === 'change-new') && policy.field === 'phone') error.field = 'phone';
    const cooldowns = policy.coolsDown ? coolDown(state, key, now) : state.cooldowns;
    const sent = policy.uncertain ? maybeSent(failed, effect) : failed;
    return { state: { ...sent, cooldowns, error } };
  }
  const reload = policy.reloads;
  if (effect.type === 'update-phone' && !verified && cause.code !== 'UPDATE_TOKEN_EXPIRED') {
    // The token was refused (a 4xx answer) and the codes went with it: start again with new codes, the
    // number kept, instead of retrying a dead token.
    const step = state.options.verifyCurrent ? 'change-current' : 'change-new';
    const field = step === 'change-new' ? fieldOf(cause.code, step) : undefined;
    return { state: { ...failed, ...newCodes(state), step, error: { ...error, field, codesSpent: true } }, reload };
  }
  switch (cause.code) {
    case 'OLD_PHONE_REQUIRED':
      // The pool verifies the current number after all: add that step instead of failing.
      return {
        state: {
          ...failed,
          step: 'change-current',
          options: { ...state.options, verifyCurrent: true },
          notice: { kind: 'verify-current-required' },
        },
      };
    case 'UPDATE_TOKEN_EXPIRED': {
      // Both codes were spent on the token: start the change again with the number kept. The token may
      // also have been spent by this very change (an earlier answer lost) or voided by a change made
      // elsewhere, so the profile is loaded again: `profileLoaded` ends the flow if the change is in place.
      return {
        state: { ...failed, ...newCodes(state), step: state.options.verifyCurrent ? 'change-current' : 'change-new', error },
        reload,
      };
    }
    case 'CODE_EXPIRED':
      if (twoCodes) {
        // Two codes went in and Authing does not say which expired; they are about as old, so ask for
        // both again (the current number's first), with the new number kept.
        return {
          state: {
            ...failed,
            ...newCodes(state),
            step: 'change-current',
            // Which one expired is not known: no field is marked.
            error: { ...error, eitherOfTwoCodes: true },
          },
        };
      }
      return { state: { ...failed, error: { ...error, field: fieldOf(cause.code, state.step) } } };
    case 'LAST_LOGIN_METHOD':
      return { state: { ...failed, account: { ...state.account, hasOtherLoginMethod: false }, step: 'overview', error } };
    case 'CODE_INVALID':
      // Removing: a right code for a number that is no longer the account's reads as wrong, so the
      // profile is loaded again (once: the reload submits nothing).
      if (effect.type === 'unbind')
        return { state: { ...failed, error: { ...error, field: fieldOf(cause.code, state.step) } }, reload: true };
      // With two codes Authing does not say which is wrong: no field is marked, both stay editable
      // (the new one here, the current one a click away), and neither is retyped.
      return {
        state: twoCodes
          ? { ...failed, refusedPair: pairOf(state.draft), error: { ...error, eitherOfTwoCodes: true } }
          : { ...failed, error: { ...error, field: fieldOf(cause.code, state.step) } },
      };
    default:
      // ALREADY_BOUND, NO_PHONE, OLD_PHONE_MISMATCH: the profile we showed is out of date, so it reloads.
      return { state: { ...failed, error: { ...error, field: fieldOf(cause.code, state.step) } }, reload };
  }
}

/**
 * A code input takes digits only (full-width ones become ASCII; a letter is refused, and the hint
 * says so) up to the code's length, so a pasted "Your code is 123456" still fits. A complete code
 * submits itself (typed, pasted or filled by WebOTP), once and not while a request runs; never when
 * removing the phone, which only the red button does.
 */
function editCode(state: FlowState, field: 'code' | 'currentCode', value: string): Transition {
  const ascii = toAsciiDigits(value);
  // A pasted SMS: its code, not the first digits of the text (a sender's number, a date).
  const inText = /\D/.test(ascii) ? codeInText(value, state.options.codeLength) : undefined;
  const digits = inText ?? ascii.replace(/\D/g, '').slice(0, state.options.codeLength ?? CODE_LENGTH.max);
  // Complete only by the pool's known length: without it no length is complete, and the button submits.
  const length = state.options.codeLength;
  const complete = (code: string) => !!length && parseCode(code, length) !== undefined;
  // Letters typed are refused and said so; a code found in a pasted text is taken as it is.
  const next = { ...edit(state, field, digits), nonDigitsDropped: /\D/.test(ascii) && !inText ? field : undefined };
  const submits = submitsWhenComplete(state.step) && !state.pending && complete(digits) && !complete(state.draft[field]);
  return submits ? submit(next) : { state: next };
}

/** Enter in the number field sends the code, unless one already went to that number: then it submits. */
function submitFrom(state: FlowState, from: 'phone' | undefined, now: number): Transition {
  const purpose = codePurposeOf(state.step);
  const target = purpose && targetOf(state, purpose);
  const confirmed = !!target && samePhone(state.sentTo[purpose], target) && state.maybeSent !== resendKey(purpose, target);
  if (from === 'phone' && purpose && !confirmed) return sendCode(state, now);
  return submit(state);
}

const coolDown = (state: FlowState, key: string, now: number): Record<string, number> => ({
  ...state.cooldowns,
  [key]: now + RESEND_SECONDS * 1000,
});

/** Whole seconds until a code for `purpose` may go again to its number; 0 when it may now. */
export function cooldownOf(state: FlowState, purpose: CodePurpose, now: number): number {
  const target = targetOf(state, purpose);
  const until = target ? state.cooldowns[resendKey(purpose, target)] : undefined;
  // Never more than one interval from now, whatever the clock did since the deadline was set.
  return until === undefined ? 0 : Math.min(RESEND_SECONDS, Math.max(0, Math.ceil((until - now) / 1000)));
}

/**
 * Cooldowns still running at `now`: the ones that ran out are dropped. The same object while none
 * ran out, so a state change that starts or ends no cooldown does not count as a change of cooldowns
 * (the session stores them only when they change).
 */
function running(cooldowns: Readonly<Record<string, number>>, now: number): Readonly<Record<string, number>> {
  const deadlines = Object.values(cooldowns);
  return deadlines.every((until) => until > now)
    ? cooldowns
    : Object.fromEntries(Object.entries(cooldowns).filter(([, until]) => until > now));
}

/** `mine` with the later of each deadline in `theirs`; the same object when nothing is new. */
function mergedCooldowns(mine: Readonly<Record<string, number>>, theirs: Readonly<Record<string, number>>, now: number) {
  const newer = Object.entries(theirs).filter(([key, until]) => until > now && until > (mine[key] ?? 0));
  return newer.length ? { ...mine, ...Object.fromEntries(newer) } : mine;
}

/** The machine's one entry point: the next state, the request it asks for and the outcome to announce. */
export function reduce(state: FlowState, event: FlowEvent): Transition {
  const now = event.now ?? Date.now();
  const current = { ...state, cooldowns: running(state.cooldowns, now) };
  switch (event.type) {
    case 'configure':
      return { state: configure(current, event.options) };
    case 'credentials-changed':
      return { state: event.otherUser ? { ...anotherUser(current), unconfirmed: true } : { ...current, unconfirmed: true } };
    case 'cooldowns':
      return { state: { ...current, cooldowns: mergedCooldowns(current.cooldowns, event.cooldowns, now) } };
    case 'signed-out':
      return { state: afresh(current) };
    case 'loading':
      return { state: loading(current, event) };
    case 'profile-loaded':
      return profileLoaded(current, event.account, now);
    case 'load-failed':
      return { state: loadFailed(current, event.error, event.fresh) };
    case 'start':
      return { state: start(current, event.flow) };
    case 'edit':
      return event.field === 'code' || event.field === 'currentCode'
        ? editCode(current, event.field, event.value)
        : { state: edit(current, event.field, event.value) };
    case 'send-code':
      return sendCode(current, now);
    case 'submit':
      return submitFrom(current, event.from, now);
    case 'back':
      return { state: back(current) };
    case 'cancel':
      return { state: cancel(current) };
    case 'succeeded':
      return succeed(current, event.effect, event.data, now);
    case 'failed':
      return fail(current, event.effect, event.error, now);
    case 'interrupted':
      return { state: interrupted(current, event.effect) };
  }
}

/** Whether a complete code submits the step by itself: everywhere but removing the phone (its red button does). */
export const submitsWhenComplete = (step: Step): boolean => step !== 'unbind';

/** The code input of a step. */
export const codeFieldOf = (step: Step): 'code' | 'currentCode' | undefined =>
  step === 'bind' || step === 'change-new' ? 'code' : step === 'unbind' || step === 'change-current' ? 'currentCode' : undefined;

/** Whether the profile lets the user remove the phone (another sign-in method exists). */
export function accountOf(profile: {
  userId?: string;
  phone?: string | null;
  phoneCountryCode?: string | null;
  phoneVerified?: boolean | null;
  email?: string | null;
  identities?: ReadonlyArray<unknown> | null;
}): Account {
  const phone = profile.phone ? { phoneNumber: profile.phone, phoneCountryCode: profile.phoneCountryCode || '+86' } : undefined;
  return {
    userId: profile.userId,
    phone,
    phoneVerified: phone ? profile.phoneVerified !== false : undefined,
    hasOtherLoginMethod: !!profile.email || (profile.identities?.length ?? 0) > 0,
  };
}
