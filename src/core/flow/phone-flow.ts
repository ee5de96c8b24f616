/**
 * The bind, change and unbind flows as pure state transitions: no DOM, no timers, no fetch. The
 * module the rest of the code imports the machine from.
 *
 * One entry point, {@link reduce}: the state and an event (a user's intent, or what became of a
 * request) give the next state and, when a request is due, an `Effect` describing it. The session
 * runs the effect through the API client and reduces its result (`succeeded` / `failed`), which
 * may ask for a follow-up effect (verify → update-phone) and name an outcome to announce.
 * Time comes in with the events (`now`), so resend cooldowns are data in the state.
 *
 * Where each rule lives: types.ts (the vocabulary), steps.ts (what each step is), reduce.ts (the
 * intents), answers.ts (what became of a request, per ../error-policy.ts), profile.ts (a profile
 * load, and the reconciling of a lost answer), draft.ts (what was typed and its checks),
 * cooldowns.ts (resend deadlines), state.ts (the state as a whole, and selectors).
 */
export type * from './types.js';
export { reduce } from './reduce.js';
export { ACTION_OF } from './answers.js';
export { accountOf } from './profile.js';
export { targetOf } from './draft.js';
export { cooldownOf, resendKey, RESEND_SECONDS } from './cooldowns.js';
export { canUnbind, initialState, isSignedOut, outcomeOf } from './state.js';
export {
  asksNewNumber,
  beforeAccount,
  codeFieldOf,
  codePurposeOf,
  firstChangeStep,
  restingStep,
  STEPS,
  submitsWhenComplete,
  type StepRule,
} from './steps.js';
