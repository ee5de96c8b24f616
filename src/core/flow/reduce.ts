/**
 * The machine's one entry point, {@link reduce}, and what the user's intents do: start, edit, send a
 * code, submit, go back, cancel. Pure: the state and an event give the next state and, when a
 * request is due, an `Effect` describing it.
 */
import { codeInText, parseCode, samePhone, CODE_LENGTH, toAsciiDigits } from '../phone.js';
import { ACTION_OF, fail, interrupted, MUTATES, succeed } from './answers.js';
import { cooldownOf, mergedCooldowns, resendKey, running } from './cooldowns.js';
import { checkCode, checkNewPhone, edit, invalid, invalidPhone, pairOf, targetOf } from './draft.js';
import { loadFailed, loading, profileLoaded } from './profile.js';
import { afresh, anotherUser, clearedFlow } from './state.js';
import { channelOf, codePurposeOf, firstChangeStep, restingStep, STEPS, submitsWhenComplete, toNewNumber } from './steps.js';
import type { Effect, FlowEvent, FlowOptions, FlowState, Transition } from './types.js';
import type { VerifyUpdatePhoneInput } from '../api/types.js';

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
      return { state: { ...afresh(current), step: 'signed-out' } };
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

/** New options; a new default country applies unless the user already typed a number. */
function configure(state: FlowState, options: Partial<FlowOptions>): FlowState {
  const next = { ...state, options: { ...state.options, ...options } };
  if (options.defaultCountry && options.defaultCountry !== state.options.defaultCountry && !state.draft.phoneNumber) {
    next.draft = { ...state.draft, country: options.defaultCountry };
  }
  return next;
}

function start(state: FlowState, flow: 'change' | 'unbind'): FlowState {
  if (state.pending || state.step !== 'overview' || !state.account.phone) return state;
  const base = { ...state, ...clearedFlow(state), error: undefined, notice: undefined };
  if (flow === 'unbind') {
    if (!state.account.hasOtherLoginMethod) return { ...base, error: { code: 'LAST_LOGIN_METHOD' } };
    return { ...base, step: 'unbind' };
  }
  return { ...base, step: firstChangeStep(state.options) };
}

function cancel(state: FlowState): FlowState {
  if (state.pending) return state;
  return { ...state, ...clearedFlow(state), step: restingStep(state.account), error: undefined, notice: undefined };
}

/** Back to the step before (the current number's code), keeping what was typed; only where there is one. */
function back(state: FlowState): FlowState {
  const to = STEPS[state.step].back;
  if (state.pending || !to || firstChangeStep(state.options) !== to) return state;
  return { ...state, step: to, error: undefined, notice: undefined };
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

/** A request starts: the buttons wait for it. */
function begin(state: FlowState, effect: Effect): Transition {
  const next: FlowState = { ...state, pending: ACTION_OF[effect.type], error: undefined, notice: undefined };
  // A bind, change or unbind still unsettled (the profile could not be read) is now this request's
  // earlier, unanswered try: this one's answer settles both.
  if (state.unsettled && MUTATES.has(effect.type)) {
    Object.assign(next, { unsettled: undefined, unansweredBefore: state.unsettled.effect.type });
  }
  return { state: next, effect };
}

/** Send code on the current step. Input that cannot be valid never reaches the server, nor a resend too soon. */
function sendCode(state: FlowState, now: number): Transition {
  const purpose = codePurposeOf(state.step);
  if (state.pending || !purpose || cooldownOf(state, purpose, now) > 0) return { state };
  const phone = targetOf(state, purpose);
  if (!phone) return toNewNumber(purpose) ? invalidPhone(state) : invalid(state, 'PHONE_INVALID', 'phone');
  if (purpose === 'change-new' && samePhone(phone, state.account.phone)) return invalid(state, 'SAME_PHONE', 'phone');
  return begin(state, { type: 'send-code', purpose, input: { channel: channelOf(purpose), ...phone } });
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
      const next = { ...state, step: STEPS[state.step].next!, error: undefined, notice: undefined };
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
