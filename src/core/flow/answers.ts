/**
 * What became of a request: its success, its failure (decided by the error policy), or its loss
 * (aborted, or no readable answer), which leaves it to the next profile to say (see reconcile.ts).
 */
import type { ErrorCode, PhoneManagerError } from '../errors.js';
import { numberOf } from '../phone.js';
import { keepsToken, policyOf } from '../error-policy.js';
import { coolDown, resendKey } from './cooldowns.js';
import { newCodes, pairOf } from './draft.js';
import { clearedFlow } from './state.js';
import { codeFieldOf, firstChangeStep, restingStep, toNewNumber } from './steps.js';
import type { Action, Effect, Field, FlowError, FlowState, Step, Transition } from './types.js';

/** What the user was doing when a request failed: the `action` in `authing-error`. */
export const ACTION_OF: Record<Effect['type'], Action> = {
  'send-code': 'send-code',
  bind: 'bind',
  'verify-change': 'change',
  'update-phone': 'change',
  unbind: 'unbind',
};

/** Requests that change the account: their outcome must reach the host even when their answer does not. */
export const MUTATES: ReadonlySet<Effect['type']> = new Set(['bind', 'update-phone', 'unbind']);

/** A request succeeded. */
export function succeed(state: FlowState, effect: Effect, data: { updatePhoneToken?: string } | undefined, now: number): Transition {
  const done = { ...state, pending: undefined, error: undefined };
  if (effect.type === 'send-code') {
    const phone = numberOf(effect.input);
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
  if (effect.type === 'verify-change') {
    const previous = state.account.phone!;
    const phone = { phoneNumber: effect.input.newPhoneNumber, phoneCountryCode: effect.input.newPhoneCountryCode };
    // The token is one-time and short-lived: apply it at once.
    return {
      state: { ...state, pending: 'change' },
      effect: { type: 'update-phone', updatePhoneToken: data?.updatePhoneToken ?? '', phone, previous },
    };
  }
  // A flow that ends settles whatever of it was still unsettled, and rests where the account now is.
  const phone = effect.type === 'bind' ? numberOf(effect.input) : effect.type === 'update-phone' ? effect.phone : undefined;
  const account = { ...state.account, phone, phoneVerified: phone ? true : undefined };
  const finished: FlowState = { ...done, ...clearedFlow(state), unsettled: undefined, account, step: restingStep(account) };
  switch (effect.type) {
    case 'bind':
      return { state: { ...finished, notice: { kind: 'bound' } }, outcome: { type: 'phone-bound', phone: phone! } };
    case 'update-phone':
      return {
        state: { ...finished, notice: { kind: 'changed' } },
        outcome: { type: 'phone-changed', phone: effect.phone, previous: effect.previous },
      };
    case 'unbind':
      return { state: { ...finished, notice: { kind: 'unbound' } }, outcome: { type: 'phone-unbound', previous: effect.previous } };
  }
}

/** The field an error marks on a step, from the error policy: the new number, or the step's code input. */
const fieldOf = (code: ErrorCode, step: Step): Field | undefined => {
  const field = policyOf(code).field;
  return field === 'code' ? codeFieldOf(step) : field;
};

/** Whether a failure of `effect` leaves it unknown whether the server carried it out. */
const unsettles = (state: FlowState, effect: Effect, cause: PhoneManagerError): boolean => {
  const policy = policyOf(cause.code);
  return MUTATES.has(effect.type) && (!!policy.uncertain || (state.unansweredBefore === effect.type && policy.echoes === effect.type));
};

/** A send whose answer is unknown: the SMS may come, so its code may be typed. */
function maybeSent(state: FlowState, effect: Extract<Effect, { type: 'send-code' }>): FlowState {
  const phone = numberOf(effect.input);
  return { ...state, sentTo: { ...state.sentTo, [effect.purpose]: phone }, maybeSent: resendKey(effect.purpose, phone) };
}

/** The host aborted `effect`: its answer will not come, so what the server did is found out. */
export function interrupted(state: FlowState, effect: Effect): FlowState {
  const idle = { ...state, pending: undefined };
  if (effect.type === 'send-code') return maybeSent(idle, effect);
  return MUTATES.has(effect.type) ? { ...idle, unsettled: { effect } } : idle;
}

/**
 * A request failed. What the user typed stays, so a retry is one click away. A bind, change or unbind
 * that may have landed is not failed yet: the profile is loaded and `reconcile` decides
 * (`reconciled`: it did, and found it had not landed).
 */
export function fail(state: FlowState, effect: Effect, cause: PhoneManagerError, now: number, { reconciled = false } = {}): Transition {
  if (!reconciled && unsettles(state, effect, cause)) return { state: { ...state, unsettled: { effect, error: cause } }, reload: true };
  const result = failNow(state, effect, cause, now);
  // Reconciled: the profile was just loaded, so no reload follows; nothing loops.
  return reconciled ? { state: result.state } : result;
}

/** The failure as the error policy has it: each case below is a field of the policy, none a code. */
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
  if (effect.type === 'send-code') {
    const key = resendKey(effect.purpose, effect.input);
    // The send before this one had no answer: a rate-limit answer now says it went out after all.
    if (policy.coolsDown && state.maybeSent === key) return succeed(state, effect, undefined, now);
    // Only a new number is typed: the current number's send marks no field.
    if (toNewNumber(effect.purpose) && policy.field === 'phone') error.field = 'phone';
    const cooldowns = policy.coolsDown ? coolDown(state, key, now) : state.cooldowns;
    const sent = policy.uncertain ? maybeSent(failed, effect) : failed;
    return { state: { ...sent, cooldowns, error } };
  }
  const reload = policy.reloads || (effect.type === 'unbind' && policy.reloadsOnUnbind) || undefined;
  const restart = firstChangeStep(state.options);
  if (effect.type === 'update-phone' && !verified && !policy.restartsChange) {
    // The token was refused (a 4xx answer) and the codes went with it: start again with new codes, the
    // number kept, instead of retrying a dead token.
    const field = restart === 'change-new' ? fieldOf(cause.code, restart) : undefined;
    return { state: { ...failed, ...newCodes(state), step: restart, error: { ...error, field, codesSpent: true } }, reload };
  }
  if (policy.addsCurrentStep) {
    const options = { ...state.options, verifyCurrent: true };
    return { state: { ...failed, step: firstChangeStep(options), options, notice: { kind: 'verify-current-required' } } };
  }
  // Both codes were spent on the token: start the change again with the number kept. The token may
  // also have been spent by this very change (an earlier answer lost) or voided by a change made
  // elsewhere, so the profile is loaded again: `profileLoaded` ends the flow if the change is in place.
  if (policy.restartsChange) return { state: { ...failed, ...newCodes(state), step: restart, error }, reload };
  const twoCodes = effect.type === 'verify-change' && !!effect.input.oldPhonePassCode && policy.twoCodes;
  // Which of the two codes is wrong or expired is not known: no field is marked.
  if (twoCodes === 'ask-both') {
    // They are about as old: ask for both again, the current number's first.
    return { state: { ...failed, ...newCodes(state), step: 'change-current', error: { ...error, eitherOfTwoCodes: true } } };
  }
  // Both stay editable (the new one here, the current one a click away), and neither is retyped.
  if (twoCodes === 'keep-pair')
    return { state: { ...failed, refusedPair: pairOf(state.draft), error: { ...error, eitherOfTwoCodes: true } } };
  if (policy.lastLoginMethod) {
    const account = { ...state.account, hasOtherLoginMethod: false };
    return { state: { ...failed, account, step: restingStep(account), error } };
  }
  // ALREADY_BOUND, NO_PHONE, OLD_PHONE_MISMATCH reload (the profile shown is out of date); a wrong code does not.
  return { state: { ...failed, error: { ...error, field: fieldOf(cause.code, state.step) } }, reload };
}
