/**
 * What a profile load does to the flow: the loading step, a fresh profile (which settles a request
 * whose answer was lost: `reconcile`), and a load that failed.
 */
import type { PhoneManagerError } from '../errors.js';
import { samePhone } from '../phone.js';
import { fail, succeed } from './answers.js';
import { changeTarget } from './draft.js';
import { afresh, clearedFlow, trusted } from './state.js';
import { beforeAccount, restingStep } from './steps.js';
import type { Account, Effect, FlowState, Transition } from './types.js';

/**
 * The profile is (re)loading. The first load shows a loading step; a reload (stale profile, or a new
 * token that may be the same user's) keeps the user's flow and what they typed, and only blocks the
 * buttons: a silent token refresh must not interrupt typing. The profile then says whether it stays.
 */
export function loading(state: FlowState, { keepError = false } = {}): FlowState {
  const kept = keepError ? { error: state.error, notice: state.notice } : { error: undefined, notice: undefined };
  return { ...state, ...kept, step: beforeAccount(state.step) ? 'loading' : state.step, pending: 'load-profile' };
}

/**
 * A fresh profile. The current flow survives when the bound number did not change. When it now is
 * the number the user was changing to, the change went through although its answer was lost: the
 * flow ends as changed, with the `phone-changed` outcome.
 */
export function profileLoaded(current: FlowState, account: Account, now = Date.now()): Transition {
  const state = { ...trusted(current, account), unconfirmed: undefined };
  if (state.unsettled) return reconcile(state, state.unsettled, account, now);
  const unchanged = state.account.phone ? samePhone(state.account.phone, account.phone) : !account.phone;
  if (!beforeAccount(state.step) && unchanged) return { state: { ...state, account, pending: undefined } };
  const reset = { ...state, ...clearedFlow(state), account, step: restingStep(account), pending: undefined };
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
      return samePhone(account.phone, effect.input);
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

/** The profile shows the number the user was changing to: the change landed although its answer was lost. */
function landedChange(state: FlowState, account: Account): boolean {
  const target = changeTarget(state);
  return !beforeAccount(state.step) && !!state.account.phone && !!target && samePhone(target, account.phone);
}

/**
 * The profile did not load. A reload with the same credentials keeps the flow, so a retry is one
 * click away; after new credentials nothing of the previous account stays on screen.
 */
export function loadFailed(current: FlowState, cause: PhoneManagerError, fresh = false): FlowState {
  const state = current.unconfirmed || fresh ? afresh(current) : current;
  return { ...state, step: beforeAccount(state.step) ? 'unavailable' : state.step, pending: undefined, error: { code: cause.code, cause } };
}

/** The account a profile shows: its user, its phone, and whether another way to sign in exists. */
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
