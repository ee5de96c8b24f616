/**
 * What each step of the flow is, in one table: the rest of the machine, the element and a host's own
 * UI ask these helpers rather than listing steps again.
 */
import type { SmsChannel } from '../api/types.js';
import type { Account, CodePurpose, FlowOptions, Step } from './types.js';

export interface StepRule {
  /** The code input the step shows: `code` for the new number's code, `currentCode` for the current number's. */
  codeField?: 'code' | 'currentCode';
  /** A complete code submits the step by itself. Not when removing the phone: only its red button does. */
  submitsWhenComplete?: true;
  /** The step asks for a new number (country and number inputs). */
  newNumber?: true;
  /** Where its main button leads once the code checks out, when that is another step rather than a request. */
  next?: Step;
  /** Where Back leads, keeping what was typed. */
  back?: Step;
  /** Nothing is shown of the account yet: a load from here shows the loading step, a failed one `unavailable`. */
  beforeAccount?: true;
}

/**
 * The steps. A step with a code input is also the purpose of that code ({@link codePurposeOf}), and
 * its SMS channel follows from whose number it is ({@link channelOf}). A flow that succeeds rests
 * where the account now is ({@link restingStep}); a change starts where {@link firstChangeStep} says.
 */
export const STEPS: Readonly<Record<Step, StepRule>> = {
  'signed-out': { beforeAccount: true },
  loading: { beforeAccount: true },
  unavailable: { beforeAccount: true },
  overview: {},
  bind: { codeField: 'code', submitsWhenComplete: true, newNumber: true },
  'change-current': {
    codeField: 'currentCode',
    submitsWhenComplete: true,
    next: 'change-new',
  },
  'change-new': {
    codeField: 'code',
    submitsWhenComplete: true,
    newNumber: true,
    back: 'change-current',
  },
  unbind: { codeField: 'currentCode' },
};

/** The code input of a step. */
export const codeFieldOf = (step: Step): 'code' | 'currentCode' | undefined => STEPS[step].codeField;

/**
 * The purpose of the Send code button on a step: each step with a code input is the purpose of its
 * code (also the `purpose` in `authing-code-sent`).
 */
export const codePurposeOf = (step: Step): CodePurpose | undefined => (STEPS[step].codeField ? (step as CodePurpose) : undefined);

/** Whether a complete code submits the step by itself: everywhere but removing the phone (its red button does). */
export const submitsWhenComplete = (step: Step): boolean => !!STEPS[step].submitsWhenComplete;

/** Whether the step asks for a new number. */
export const asksNewNumber = (step: Step): boolean => !!STEPS[step].newNumber;

/** Whether a code for `purpose` goes to the new number (rather than the account's current one). */
export const toNewNumber: (purpose: CodePurpose) => boolean = asksNewNumber;

/** Authing's SMS channel of a code: binding the new number, or proving the current one. */
export const channelOf = (purpose: CodePurpose): SmsChannel => (toNewNumber(purpose) ? 'CHANNEL_BIND_PHONE' : 'CHANNEL_UNBIND_PHONE');

/** No account shown yet: the first load (or the first after signing in) is still to come or failed. */
export const beforeAccount = (step: Step): boolean => !!STEPS[step].beforeAccount;

/** Where a flow rests: the bound number, or the form to bind one. */
export const restingStep = (account: Account): Step => (account.phone ? 'overview' : 'bind');

/** A change starts with the current number's code when the pool verifies it, else with the new number. */
export const firstChangeStep = (options: FlowOptions): Step => (options.verifyCurrent ? 'change-current' : 'change-new');
