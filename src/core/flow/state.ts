/**
 * The flow's state as a whole: how it starts, what is cleared when a flow or an account ends, and
 * what a UI reads from it (selectors, so no UI derives a rule again).
 */
import { draftCountry } from '../default-country.js';
import { emptyDraft } from './draft.js';
import type { Account, FlowOptions, FlowState, Notice } from './types.js';

export function initialState(options: Partial<FlowOptions> = {}): FlowState {
  return {
    step: 'loading',
    account: { hasOtherLoginMethod: false },
    draft: emptyDraft(draftCountry(options)),
    options: { verifyCurrent: true, ...options },
    sentTo: {},
    cooldowns: {},
  };
}

/** What a flow typed, sent and verified, cleared: for a flow that starts, is cancelled or is done. */
export const clearedFlow = (state: FlowState) => ({
  draft: emptyDraft(state.draft.country),
  sentTo: {},
  verified: undefined,
  unansweredBefore: undefined,
});

const sameUser = (a: Account, b: Account) => !!a.userId && a.userId === b.userId;

/** What the state may keep of its account and flow for this profile: nothing if it is another user's. */
export const trusted = (state: FlowState, account: Account): FlowState =>
  state.unconfirmed && !sameUser(state.account, account) ? anotherUser(state) : state;

/**
 * Not the account loaded before: nothing of it stays. Its cooldowns go too when it was a known other
 * user; a first load (no user yet, say after a reload of the page) keeps the stored ones.
 */
export const anotherUser = (state: FlowState): FlowState =>
  state.account.userId && Object.keys(state.cooldowns).length ? { ...afresh(state), cooldowns: {} } : afresh(state);

/** Nothing of the account or the flow, but the settings and the cooldowns: the server still counts those. */
export const afresh = (state: FlowState): FlowState => ({ ...initialState(state.options), cooldowns: state.cooldowns });

/** Whether the user may remove the phone: one is bound, and another way to sign in remains. */
export const canUnbind = (state: Pick<FlowState, 'account'>): boolean => !!state.account.phone && state.account.hasOtherLoginMethod;

/** Whether the state shows no account because the host gave no credentials (a UI says "sign in"). */
export const isSignedOut = (state: Pick<FlowState, 'step'>): boolean => state.step === 'signed-out';

/** The notice that reports a finished flow (added, changed, removed): a UI confirms it, and may let it go. */
export const outcomeOf = ({ notice }: Pick<FlowState, 'notice'>): Extract<Notice, { kind: 'bound' | 'changed' | 'unbound' }> | undefined =>
  notice && notice.kind !== 'code-sent' && notice.kind !== 'verify-current-required' ? notice : undefined;
