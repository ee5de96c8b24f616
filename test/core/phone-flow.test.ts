// The flow rules without a DOM or a server, through the machine's one entry point: which step comes
// next, what may be sent, what a finished flow announces.
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { PhoneManagerError } from '../../src/core/errors.js';
import * as flow from '../../src/core/flow/phone-flow.js';

const NOW = Date.UTC(2026, 11, 1);
const reduce = (state: flow.FlowState, event: flow.FlowEvent, now = NOW) => flow.reduce(state, { now, ...event });
const sendCode = (state: flow.FlowState, now = NOW) => reduce(state, { type: 'send-code' }, now);
const submit = (state: flow.FlowState) => reduce(state, { type: 'submit' });
const succeed = (state: flow.FlowState, effect: flow.Effect, data?: { updatePhoneToken?: string }) =>
  reduce(state, { type: 'succeeded', effect, data });
const fail = (state: flow.FlowState, effect: flow.Effect, error: PhoneManagerError) => reduce(state, { type: 'failed', effect, error });
const start = (state: flow.FlowState, which: 'change' | 'unbind') => reduce(state, { type: 'start', flow: which }).state;
const cancel = (state: flow.FlowState) => reduce(state, { type: 'cancel' }).state;
const loading = (state: flow.FlowState, keepError = false) => reduce(state, { type: 'loading', keepError }).state;
const profileLoaded = (state: flow.FlowState, account: flow.Account) => reduce(state, { type: 'profile-loaded', account });
const loaded = (state: flow.FlowState, account: flow.Account) => profileLoaded(state, account).state;
const loadFailed = (state: flow.FlowState, error: PhoneManagerError) => reduce(state, { type: 'load-failed', error }).state;
const switched = (state: flow.FlowState) => loading(reduce(state, { type: 'credentials-changed' }).state);

const bob: flow.Account = { phone: { phoneNumber: '13800138000', phoneCountryCode: '+86' }, hasOtherLoginMethod: true };
/** A pool whose public config said its codes have 6 digits: a complete code submits itself. */
const ready = (account: flow.Account = bob, options: Partial<flow.FlowOptions> = {}) =>
  loaded(flow.initialState({ codeLength: 6, ...options }), account);
/** Types each field in turn; the last transition, which may be a complete code submitting itself. */
const type = (state: flow.FlowState, fields: Partial<flow.Draft>): flow.Transition =>
  Object.entries(fields).reduce<flow.Transition>(
    (t, [field, value]) => reduce(t.state, { type: 'edit', field: field as keyof flow.Draft, value }),
    { state },
  );
const typed = (state: flow.FlowState, fields: Partial<flow.Draft>) => type(state, fields).state;
/** Send code on the current step, and the send succeeds. */
const sent = (state: flow.FlowState) => {
  const send = sendCode(state);
  if (!send.effect) throw new Error(`no send on ${state.step}: ${state.error?.code}`);
  return succeed(send.state, send.effect).state;
};

describe('phone flow machine', () => {
  it('starts on the bind form without a phone and on the overview with one', () => {
    expect(ready({ hasOtherLoginMethod: true }).step).to.equal('bind');
    expect(ready().step).to.equal('overview');
  });

  it('reads the profile: whose it is; email or an identity is another way to sign in', () => {
    expect(flow.accountOf({ userId: 'u-1', phone: '13800138000', phoneCountryCode: null, email: null, identities: [] })).to.deep.equal({
      userId: 'u-1',
      phone: { phoneNumber: '13800138000', phoneCountryCode: '+86' },
      phoneVerified: true,
      hasOtherLoginMethod: false,
    });
    expect(flow.accountOf({ phone: '13800138000', phoneVerified: false }).phoneVerified, 'set by an administrator').to.equal(false);
    expect(flow.accountOf({ phone: null, email: 'a@b.c' }).hasOtherLoginMethod).to.equal(true);
    expect(flow.accountOf({ phone: '1', identities: [{}] }).hasOtherLoginMethod).to.equal(true);
  });

  it('bind: sends on the bind channel, then a complete code binds, then announces', () => {
    const state = typed(ready({ hasOtherLoginMethod: false }), { phoneNumber: '139 1234 5678' });
    const send = sendCode(state);
    expect(send.effect).to.deep.equal({
      type: 'send-code',
      purpose: 'bind',
      input: { channel: 'CHANNEL_BIND_PHONE', phoneNumber: '13912345678', phoneCountryCode: '+86' },
    });
    expect(send.state.pending).to.equal('send-code');
    expect(sendCode(send.state).effect, 'nothing while pending').to.equal(undefined);
    const sent = succeed(send.state, send.effect!);
    expect(sent.outcome).to.deep.equal({
      type: 'code-sent',
      purpose: 'bind',
      phone: { phoneNumber: '13912345678', phoneCountryCode: '+86' },
    });
    const bind = type(sent.state, { code: '123456' });
    expect(bind.effect, 'a complete code submits itself').to.deep.equal({
      type: 'bind',
      input: { phoneNumber: '13912345678', phoneCountryCode: '+86', passCode: '123456' },
    });
    expect(type(bind.state, { code: '123457' }).effect, 'not again while pending').to.equal(undefined);
    const done = succeed(bind.state, bind.effect!);
    expect(done.state.step).to.equal('overview');
    expect(done.state.account.phone).to.deep.equal({ phoneNumber: '13912345678', phoneCountryCode: '+86' });
    expect(done.outcome?.type).to.equal('phone-bound');
  });

  it('a sent code starts a 60 s cooldown for that number and channel; a rate limit starts one too', () => {
    const state = typed(ready({ hasOtherLoginMethod: false }), { phoneNumber: '13912345678' });
    const send = sendCode(state);
    const sent = succeed(send.state, send.effect!).state;
    expect(flow.cooldownOf(sent, 'bind', NOW)).to.equal(flow.RESEND_SECONDS);
    expect(flow.cooldownOf(sent, 'bind', NOW + 59_500)).to.equal(1);
    expect(sendCode(sent, NOW + 30_000).effect, 'no resend within the minute').to.equal(undefined);
    expect(sendCode(sent, NOW + 60_000).effect?.type, 'after it').to.equal('send-code');
    expect(flow.cooldownOf(typed(sent, { phoneNumber: '13912345679' }), 'bind', NOW), 'another number').to.equal(0);
    const limited = fail(send.state, send.effect!, new PhoneManagerError('RATE_LIMITED', 'x'));
    expect(flow.cooldownOf(limited.state, 'bind', NOW)).to.equal(flow.RESEND_SECONDS);
    const other = fail(send.state, send.effect!, new PhoneManagerError('NETWORK', 'x'));
    expect(flow.cooldownOf(other.state, 'bind', NOW), 'a failure that sent nothing').to.equal(0);
  });

  it('Enter in the number field sends the code, unless it already went to that number', () => {
    const state = typed(ready({ hasOtherLoginMethod: false }), { phoneNumber: '13912345678' });
    const enter = reduce(state, { type: 'submit', from: 'phone' });
    expect(enter.effect?.type).to.equal('send-code');
    const sent = succeed(enter.state, enter.effect!).state;
    expect(reduce(sent, { type: 'submit', from: 'phone' }).state.error?.code, 'code form: no code yet').to.equal('CODE_REQUIRED');
    expect(
      reduce(typed(sent, { phoneNumber: '13912345679' }), { type: 'submit', from: 'phone' }).effect?.type,
      'a corrected number',
    ).to.equal('send-code');
  });

  it('never sends a code for a number that got no SMS in this flow, and says what is missing', () => {
    // Change, first step: a code typed before any was sent to the current number does not continue.
    const first = type(start(ready(), 'change'), { currentCode: '111111' });
    expect(first.state.step).to.equal('change-current');
    expect(first.state.error).to.deep.equal({ code: 'CODE_NOT_SENT', field: 'currentCode' });
    expect(submit(first.state).effect).to.equal(undefined);
    // Second step: the new number's code must have gone to the number now typed.
    const atNew = typed(typed(sent(start(ready(), 'change')), { currentCode: '111111' }), { phoneNumber: '13912345678' });
    expect(type(atNew, { code: '222222' }).state.error).to.deep.equal({ code: 'CODE_NOT_SENT', field: 'code' });
    const other = typed(sent(atNew), { phoneNumber: '13912345679' });
    expect(type(other, { code: '222222' }).state.error, 'sent to another number').to.deep.equal({ code: 'CODE_NOT_SENT', field: 'code' });
    // Bind and unbind the same.
    expect(
      type(typed(ready({ hasOtherLoginMethod: false }), { phoneNumber: '13912345678' }), { code: '123456' }).state.error?.code,
    ).to.equal('CODE_NOT_SENT');
    const unbinding = submit(start(ready(), 'unbind')).state;
    expect(submit(typed(unbinding, { currentCode: '3333' })).state.error?.code).to.equal('CODE_NOT_SENT');
  });

  it('an empty field says what to enter, not that it is wrong', () => {
    const bind = ready({ hasOtherLoginMethod: false });
    expect(submit(bind).state.error).to.deep.equal({ code: 'PHONE_REQUIRED', field: 'phone' });
    expect(sendCode(bind).state.error, 'send with no number').to.deep.equal({ code: 'PHONE_INVALID', field: 'phone' });
    const withPhone = sent(typed(bind, { phoneNumber: '13912345678' }));
    expect(submit(withPhone).state.error).to.deep.equal({ code: 'CODE_REQUIRED', field: 'code' });
    expect(submit(sent(start(ready(), 'change'))).state.error).to.deep.equal({ code: 'CODE_REQUIRED', field: 'currentCode' });
  });

  it('refuses invalid input without an effect', () => {
    const state = typed(ready({ hasOtherLoginMethod: false }), { phoneNumber: '123' });
    const send = sendCode(state);
    expect(send.effect).to.equal(undefined);
    expect(send.state.error).to.deep.equal({ code: 'PHONE_INVALID', field: 'phone' });
    const short = submit(typed(sent(typed(state, { phoneNumber: '13912345678' })), { code: '12' }));
    expect(short.effect).to.equal(undefined);
    expect(short.state.error).to.deep.equal({ code: 'CODE_INVALID', field: 'code' });
  });

  it('respects a configured code length', () => {
    const state = sent(typed(ready({ hasOtherLoginMethod: false }, { codeLength: 4 }), { phoneNumber: '13912345678' }));
    const short = typed(state, { code: '123' });
    expect(submit(short).state.error?.code, 'too short').to.equal('CODE_INVALID');
    expect(type(short, { code: '1234' }).effect?.type).to.equal('bind');
    expect(typed(state, { code: '123456' }).draft.code, 'a longer paste is cut to the length').to.equal('1234');
  });

  it('a code input keeps digits only: full-width become ASCII, a letter is refused and said so', () => {
    const state = sent(typed(ready({ hasOtherLoginMethod: false }), { phoneNumber: '13912345678' }));
    const letter = typed(state, { code: '12a' });
    expect(letter.draft.code).to.equal('12');
    expect(letter.nonDigitsDropped).to.equal('code');
    expect(typed(letter, { code: '123' }).nonDigitsDropped, 'the next digit clears the hint').to.equal(undefined);
    expect(typed(state, { code: '１２３' }).draft.code).to.equal('123');
    const pasted = type(state, { code: 'Your code is 654321.' });
    expect(pasted.effect, 'a pasted message gives its code, which submits').to.deep.include({ type: 'bind' });
    expect(pasted.state.nonDigitsDropped).to.equal(undefined);
  });

  it('a code for a number that got no SMS in this flow is refused before it is checked', () => {
    const change = start(ready(), 'change');
    const typedFirst = type(change, { currentCode: '123456' });
    expect(typedFirst.effect).to.equal(undefined);
    expect(typedFirst.state.error).to.deep.equal({ code: 'CODE_NOT_SENT', field: 'currentCode' });
    expect(typedFirst.state.step).to.equal('change-current');
    expect(submit(change).state.error?.code, 'nothing typed, nothing sent').to.equal('CODE_NOT_SENT');
    expect(submit(sent(change)).state.error?.code, 'sent, nothing typed').to.equal('CODE_REQUIRED');
  });

  it('change: current number on the unbind channel, new on the bind channel, verify then update', () => {
    let state = start(ready(), 'change');
    expect(state.step).to.equal('change-current');
    const sendOld = sendCode(state);
    expect(sendOld.effect).to.deep.include({ purpose: 'change-current', input: { channel: 'CHANNEL_UNBIND_PHONE', ...bob.phone } });
    state = typed(succeed(sendOld.state, sendOld.effect!).state, { currentCode: '111111' });
    expect(state.step, 'a complete code continues').to.equal('change-new');
    state = typed(state, { phoneNumber: '13800138000' });
    expect(sendCode(state).state.error?.code, 'same number').to.equal('SAME_PHONE');
    state = typed(state, { phoneNumber: '13912345678' });
    const sendNew = sendCode(state);
    expect(sendNew.effect).to.deep.include({ purpose: 'change-new' });
    const verify = type(succeed(sendNew.state, sendNew.effect!).state, { code: '222222' });
    expect(verify.effect).to.deep.equal({
      type: 'verify-change',
      input: {
        newPhoneNumber: '13912345678',
        newPhoneCountryCode: '+86',
        newPhonePassCode: '222222',
        oldPhoneNumber: '13800138000',
        oldPhoneCountryCode: '+86',
        oldPhonePassCode: '111111',
      },
    });
    const update = succeed(verify.state, verify.effect!, { updatePhoneToken: 'tok' });
    expect(update.effect).to.deep.include({ type: 'update-phone', updatePhoneToken: 'tok' });
    expect(update.state.pending).to.equal('change');
    const done = succeed(update.state, update.effect!);
    expect(done.outcome).to.deep.equal({
      type: 'phone-changed',
      phone: { phoneNumber: '13912345678', phoneCountryCode: '+86' },
      previous: bob.phone,
    });
  });

  it('change without the current step, until the server asks for it', () => {
    let state = start(ready(bob, { verifyCurrent: false }), 'change');
    expect(state.step).to.equal('change-new');
    state = typed(state, { phoneNumber: '13912345678' });
    state = succeed(state, {
      type: 'send-code',
      purpose: 'change-new',
      input: { channel: 'CHANNEL_BIND_PHONE', phoneNumber: '13912345678', phoneCountryCode: '+86' },
    }).state;
    const verify = type(state, { code: '222222' });
    expect(verify.effect).to.deep.equal({
      type: 'verify-change',
      input: { newPhoneNumber: '13912345678', newPhoneCountryCode: '+86', newPhonePassCode: '222222' },
    });
    const asked = fail(verify.state, verify.effect!, new PhoneManagerError('OLD_PHONE_REQUIRED', '修改手机号必须验证原来的手机号。'));
    expect(asked.state.step).to.equal('change-current');
    expect(asked.state.options.verifyCurrent).to.equal(true);
    expect(asked.state.notice).to.deep.equal({ kind: 'verify-current-required' });
    // With the current number's code typed, the flow goes straight to verify with both numbers.
    const resumed = type(sent(asked.state), { currentCode: '111111' });
    expect(resumed.effect).to.deep.include({ type: 'verify-change' });
    expect((resumed.effect as { input: object }).input).to.include({ oldPhoneNumber: '13800138000', oldPhonePassCode: '111111' });
  });

  it('an expired update token asks for new codes and keeps the number', () => {
    const state = typed(start(ready(), 'change'), { phoneNumber: '13912345678', code: '1', currentCode: '2' });
    const effect: flow.Effect = {
      type: 'update-phone',
      updatePhoneToken: 't',
      phone: { phoneNumber: '13912345678', phoneCountryCode: '+86' },
      previous: bob.phone!,
    };
    const failed = fail({ ...state, pending: 'change' }, effect, new PhoneManagerError('UPDATE_TOKEN_EXPIRED', 'x'));
    expect(failed.state.step).to.equal('change-current');
    expect(failed.state.draft).to.deep.include({ phoneNumber: '13912345678', code: '', currentCode: '' });
    expect(failed.state.pending).to.equal(undefined);
  });

  /** Bob's change to 13912345678, verified: update-phone is due with token `tok`. */
  const verifiedChange = () => {
    const atNew = typed(typed(sent(start(ready(), 'change')), { currentCode: '111111' }), { phoneNumber: '13912345678' });
    const verify = type(sent(atNew), { code: '222222' });
    return succeed(verify.state, verify.effect!, { updatePhoneToken: 'tok' });
  };

  it('a failed update-phone keeps the token: the retry applies it again instead of re-spending the codes', () => {
    const newPhone = { phoneNumber: '13912345678', phoneCountryCode: '+86' };
    const update = verifiedChange();
    for (const code of ['SERVER', 'NETWORK', 'TIMEOUT', 'BAD_RESPONSE'] as const) {
      let failed = fail(update.state, update.effect!, new PhoneManagerError(code, 'x', code === 'SERVER' ? { statusCode: 503 } : {}));
      // No readable answer: the profile says whether it landed (here it did not), then the failure shows.
      if (code !== 'SERVER') {
        expect(failed.reload, code).to.equal(true);
        failed = profileLoaded(loading(failed.state, true), bob);
        expect(failed.failure?.error.code, code).to.equal(code);
      }
      expect(failed.state.step, code).to.equal('change-new');
      const retry = submit(failed.state);
      expect(retry.effect, code).to.deep.equal({ type: 'update-phone', updatePhoneToken: 'tok', phone: newPhone, previous: bob.phone });
      const done = succeed(retry.state, retry.effect!);
      expect(done.outcome?.type).to.equal('phone-changed');
      expect(done.state.verified, 'forgotten once used').to.equal(undefined);
    }
    // A refusal about the number or the token itself drops it; so does another number or leaving the flow.
    const taken = fail(update.state, update.effect!, new PhoneManagerError('PHONE_TAKEN', 'x'));
    expect(taken.state.verified).to.equal(undefined);
    const failed = fail(update.state, update.effect!, new PhoneManagerError('SERVER', 'x'));
    expect(typed(failed.state, { phoneNumber: '13912345679' }).verified).to.equal(undefined);
    expect(cancel(failed.state).verified).to.equal(undefined);
    expect(typed(failed.state, { code: '33333' }).verified, 'a code edit does not matter').to.deep.equal({
      updatePhoneToken: 'tok',
      phone: newPhone,
    });
    // A failed resend meanwhile does not lose it either.
    const resend = sendCode(failed.state, NOW + 61_000);
    const refused = fail(resend.state, resend.effect!, new PhoneManagerError('RATE_LIMITED', 'x'));
    expect(submit(refused.state).effect?.type).to.equal('update-phone');
  });

  it('any 4xx business answer from update-phone drops the token and asks for new codes, the number kept: no dead-token loop', () => {
    for (const [code, statusCode] of [
      ['RATE_LIMITED', 429],
      ['SERVER', 400],
      ['PHONE_TAKEN', 422],
    ] as const) {
      const update = verifiedChange();
      const failed = fail(update.state, update.effect!, new PhoneManagerError(code, 'x', { statusCode }));
      expect(failed.state.verified, code).to.equal(undefined);
      expect(failed.state, code).to.deep.include({ step: 'change-current', sentTo: {} });
      expect(failed.state.draft, code).to.deep.include({ phoneNumber: '13912345678', code: '', currentCode: '' });
      expect(failed.state.error, code).to.deep.include({ code, codesSpent: true });
      expect(submit(failed.state).effect, `${code}: nothing is sent without new codes`).to.equal(undefined);
    }
  });

  it('a spent or expired update token reloads the profile; a change found in place ends the flow as changed', () => {
    const newPhone = { phoneNumber: '13912345678', phoneCountryCode: '+86' };
    const state = typed(start(ready(), 'change'), { phoneNumber: '13912345678' });
    const effect: flow.Effect = { type: 'update-phone', updatePhoneToken: 't', phone: newPhone, previous: bob.phone! };
    const failed = fail({ ...state, pending: 'change' }, effect, new PhoneManagerError('UPDATE_TOKEN_EXPIRED', 'x'));
    expect(failed.reload).to.equal(true);
    // Not in place: the user is asked for new codes, the number kept.
    const same = profileLoaded(loading(failed.state, true), bob);
    expect(same.outcome).to.equal(undefined);
    expect(same.state.step).to.equal('change-current');
    expect(same.state.error?.code).to.equal('UPDATE_TOKEN_EXPIRED');
    // In place (the earlier answer was lost): done, and said so.
    const landed = profileLoaded(loading(failed.state, true), { phone: newPhone, hasOtherLoginMethod: true });
    expect(landed.outcome).to.deep.equal({ type: 'phone-changed', phone: newPhone, previous: bob.phone });
    expect(landed.state).to.deep.include({ step: 'overview', error: undefined, notice: { kind: 'changed' } });
    // Changed elsewhere to another number: the overview shows it, no change is claimed.
    const elsewhere = profileLoaded(loading(failed.state, true), {
      phone: { phoneNumber: '13700000000', phoneCountryCode: '+86' },
      hasOtherLoginMethod: true,
    });
    expect(elsewhere.outcome).to.equal(undefined);
    expect(elsewhere.state.step).to.equal('overview');
  });

  it('errors that say the profile is out of date reload it', () => {
    const update = verifiedChange();
    for (const code of ['ALREADY_BOUND', 'NO_PHONE', 'OLD_PHONE_MISMATCH'] as const) {
      expect(fail(update.state, update.effect!, new PhoneManagerError(code, 'x')).reload, code).to.equal(true);
    }
    expect(fail(update.state, update.effect!, new PhoneManagerError('SERVER', 'x')).reload).to.equal(undefined);
  });

  /** Bob's change verifying both codes: verify-change is due. */
  const verifyingTwo = () =>
    type(sent(typed(typed(sent(start(ready(), 'change')), { currentCode: '111111' }), { phoneNumber: '13912345678' })), { code: '222222' });

  it('an expired code in a two-code change asks for both codes again, the number kept', () => {
    const verify = verifyingTwo();
    const expired = fail(verify.state, verify.effect!, new PhoneManagerError('CODE_EXPIRED', '验证码已失效'));
    expect(expired.state).to.deep.include({ step: 'change-current', sentTo: {} });
    expect(expired.state.draft).to.deep.include({ phoneNumber: '13912345678', code: '', currentCode: '' });
    expect(expired.state.error).to.deep.include({ code: 'CODE_EXPIRED', eitherOfTwoCodes: true });
    expect(expired.state.error?.field).to.equal(undefined);
    // With one code only (the pool skips the current number), only that code is asked for again.
    const verifyOne = type(sent(typed(start(ready(bob, { verifyCurrent: false }), 'change'), { phoneNumber: '13912345678' })), {
      code: '222222',
    });
    const expiredOne = fail(verifyOne.state, verifyOne.effect!, new PhoneManagerError('CODE_EXPIRED', 'x'));
    expect(expiredOne.state.step).to.equal('change-new');
    expect(expiredOne.state.error).to.deep.include({ code: 'CODE_EXPIRED', field: 'code' });
  });

  it('a wrong or expired code in a two-code change is said to be either of the two; with one code, that one', () => {
    const verify = verifyingTwo();
    const wrong = fail(verify.state, verify.effect!, new PhoneManagerError('CODE_INVALID', '验证码不正确'));
    expect(wrong.state.step).to.equal('change-new');
    expect(wrong.state.error).to.deep.include({ code: 'CODE_INVALID', eitherOfTwoCodes: true });
    expect(wrong.state.error?.field, 'which one is wrong is not known: no field is marked').to.equal(undefined);
    expect(wrong.state.draft, 'both kept').to.deep.include({ code: '222222', currentCode: '111111' });
    const expired = fail(verify.state, verify.effect!, new PhoneManagerError('CODE_EXPIRED', '验证码已失效'));
    expect(expired.state.error).to.deep.include({ code: 'CODE_EXPIRED', eitherOfTwoCodes: true });
    // Editing either code clears it; Back (Edit) keeps both codes, and Continue goes straight to verify.
    expect(typed(wrong.state, { code: '33333' }).error).to.equal(undefined);
    const first = reduce(wrong.state, { type: 'back' }).state;
    expect(first.step).to.equal('change-current');
    expect(first.draft).to.deep.include({ code: '222222', currentCode: '111111' });
    expect(submit(first).effect, 'the refused pair is not sent again: Continue only goes on').to.equal(undefined);
    expect(submit(first).state.step).to.equal('change-new');
    const fixed = submit(typed(first, { currentCode: '111112' }));
    expect(fixed.effect?.type, 'the fixed first code goes with the kept second one').to.equal('verify-change');
    expect(fixed.effect).to.deep.nested.include({ 'input.oldPhonePassCode': '111112', 'input.newPhonePassCode': '222222' });
    // A new code makes a new pair: the refused one never holds back what the user does next.
    const resend = reduce(first, { type: 'send-code' }, NOW + 61_000);
    const resent = succeed(resend.state, resend.effect!).state;
    expect(resent.refusedPair, 'a new code clears the refused pair').to.equal(undefined);
    expect(submit(resent).effect?.type, 'Continue goes on with the new pair').to.equal('verify-change');

    const verifyOne = type(sent(typed(start(ready(bob, { verifyCurrent: false }), 'change'), { phoneNumber: '13912345678' })), {
      code: '222222',
    });
    for (const code of ['CODE_INVALID', 'CODE_EXPIRED'] as const) {
      expect(fail(verifyOne.state, verifyOne.effect!, new PhoneManagerError(code, 'x')).state.error?.eitherOfTwoCodes, code).to.equal(
        undefined,
      );
    }
    const bind = type(sent(typed(ready({ hasOtherLoginMethod: true }), { phoneNumber: '13912345678' })), { code: '222222' });
    const bindError = fail(bind.state, bind.effect!, new PhoneManagerError('CODE_INVALID', 'x')).state.error;
    expect(bindError?.field).to.equal('code');
    expect(bindError?.eitherOfTwoCodes).to.equal(undefined);
  });

  it('unbind: only with another sign-in method; one step, a code, and only the button removes', () => {
    const only = start(ready({ ...bob, hasOtherLoginMethod: false }), 'unbind');
    expect(only.step).to.equal('overview');
    expect(only.error?.code).to.equal('LAST_LOGIN_METHOD');
    const state = start(ready(), 'unbind');
    expect(state.step).to.equal('unbind');
    expect(sendCode(state).effect).to.deep.include({ purpose: 'unbind', input: { channel: 'CHANNEL_UNBIND_PHONE', ...bob.phone! } });
    expect(type(sent(state), { currentCode: '333333' }).effect, 'a complete code does not remove by itself').to.equal(undefined);
    const unbind = submit(typed(sent(state), { currentCode: '333333' }));
    expect(unbind.effect).to.deep.equal({ type: 'unbind', passCode: '333333', previous: bob.phone });
    const done = succeed(unbind.state, unbind.effect!);
    expect(done.state.step).to.equal('bind');
    expect(done.outcome).to.deep.equal({ type: 'phone-unbound', previous: bob.phone });
  });

  it('without a known code length a complete-looking code waits for the button, and any 4 to 8 digits go', () => {
    const state = sent(typed(ready({ hasOtherLoginMethod: false }, { codeLength: undefined }), { phoneNumber: '13912345678' }));
    for (const code of ['1234', '123456', '12345678']) {
      expect(type(state, { code }).effect, `${code} does not submit itself`).to.equal(undefined);
      expect(submit(typed(state, { code })).effect).to.deep.include({ type: 'bind' });
    }
  });

  it('the default country and the pool: a number that fits mainland China or the pool default is offered it', () => {
    const us = typed(ready({ hasOtherLoginMethod: false }, { defaultCountry: 'US' }), { phoneNumber: '13800138000' });
    expect(us.draft.country).to.equal('US');
    expect(sendCode(us).state.error).to.deep.equal({ code: 'PHONE_INVALID', field: 'phone', suggestedCountry: 'CN' });
    const jpPool = typed(ready({ hasOtherLoginMethod: false }, { defaultCountry: 'CN', suggestedCountry: 'JP' }), {
      phoneNumber: '09012345678',
    });
    expect(sendCode(jpPool).state.error?.suggestedCountry, 'the pool default').to.equal('JP');
    const nothing = typed(ready({ hasOtherLoginMethod: false }, { defaultCountry: 'US' }), { phoneNumber: '123' });
    expect(sendCode(nothing).state.error).to.deep.equal({ code: 'PHONE_INVALID', field: 'phone' });
    const fixed = reduce(sendCode(us).state, { type: 'edit', field: 'country', value: 'CN' }).state;
    expect(fixed.error, 'the fix clears the error').to.equal(undefined);
    expect(sendCode(fixed).effect).to.deep.include({
      input: { channel: 'CHANNEL_BIND_PHONE', phoneNumber: '13800138000', phoneCountryCode: '+86' },
    });
  });

  it('the pool phone rule (regexRules) refuses a number our table takes, with the same message', () => {
    const pool = ready({ hasOtherLoginMethod: false }, { phonePattern: '^1(3|5)\\d{9}$' });
    expect(sendCode(typed(pool, { phoneNumber: '18912345678' })).state.error).to.deep.equal({ code: 'PHONE_INVALID', field: 'phone' });
    expect(sendCode(typed(pool, { phoneNumber: '13912345678' })).effect?.type).to.equal('send-code');
  });

  it('a failure keeps what was typed and leaves the form usable', () => {
    const bind = type(sent(typed(ready({ hasOtherLoginMethod: false }), { phoneNumber: '13912345678' })), { code: '123456' });
    const failed = fail(bind.state, bind.effect!, new PhoneManagerError('PHONE_TAKEN', '该手机号已被绑定'));
    expect(failed.state.pending).to.equal(undefined);
    expect(failed.state.draft).to.deep.include({ phoneNumber: '13912345678', code: '123456' });
    expect(failed.state.error).to.deep.include({ code: 'PHONE_TAKEN', field: 'phone' });
    expect(submit(failed.state).effect?.type, 'retry').to.equal('bind');
  });

  describe('a new access token or app host', () => {
    const bobs: flow.Account = { ...bob, userId: 'u-bob' };
    const carol: flow.Account = {
      userId: 'u-carol',
      phone: { phoneNumber: '13900139000', phoneCountryCode: '+86' },
      hasOtherLoginMethod: false,
    };
    /** Bob in the middle of a change to 13912345678, with a code typed and a verified token held. */
    const bobChanging = (): flow.FlowState => {
      const state = typed(start(ready(bobs), 'change'), { currentCode: '11111', phoneNumber: '13912345678', code: '22222' });
      return {
        ...state,
        step: 'change-new',
        verified: { updatePhoneToken: 'tok', phone: { phoneNumber: '13912345678', phoneCountryCode: '+86' } },
      };
    };

    it('whose profile fails to load shows nothing of the previous account, only the error', () => {
      const failed = loadFailed(switched(bobChanging()), new PhoneManagerError('UNAUTHORIZED', 'x', { statusCode: 401 }));
      expect(failed.step).to.equal('unavailable');
      expect(failed.account).to.deep.equal({ hasOtherLoginMethod: false });
      expect(failed.draft).to.deep.include({ phoneNumber: '', code: '', currentCode: '' });
      expect(failed.sentTo).to.deep.equal({});
      expect(failed.verified).to.equal(undefined);
      expect(failed.pending).to.equal(undefined);
      expect(failed.error?.code).to.equal('UNAUTHORIZED');
      // Retrying starts from scratch, and the next profile is shown as it is.
      const retried = loaded(loading(failed), carol);
      expect(retried).to.deep.include({ step: 'overview', account: carol, error: undefined });
    });

    it('that belongs to another user starts afresh, even with the number the previous user was changing to', () => {
      const erin: flow.Account = {
        userId: 'u-erin',
        phone: { phoneNumber: '13912345678', phoneCountryCode: '+86' },
        hasOtherLoginMethod: true,
      };
      const next = profileLoaded(switched(bobChanging()), erin);
      expect(next.outcome, 'no phone-changed for someone else').to.equal(undefined);
      expect(next.state).to.deep.include({ step: 'overview', account: erin, sentTo: {}, verified: undefined });
      expect(next.state.notice).to.equal(undefined);
      expect(next.state.draft).to.deep.include({ phoneNumber: '', code: '', currentCode: '' });
      // Two users without a phone: the bind form keeps nothing the previous one typed either.
      const alice = typed(ready({ userId: 'u-alice', hasOtherLoginMethod: true }), { phoneNumber: '13800135555', code: '12345' });
      const dan = loaded(switched(alice), { userId: 'u-dan', hasOtherLoginMethod: true });
      expect(dan.step).to.equal('bind');
      expect(dan.draft).to.deep.include({ phoneNumber: '', code: '' });
    });

    it("that is the same user's refreshed token carries on where the user was", () => {
      const next = loaded(switched(bobChanging()), bobs);
      expect(next).to.deep.include({ step: 'change-new', unconfirmed: undefined, pending: undefined });
      expect(next.draft).to.deep.include({ phoneNumber: '13912345678', code: '22222', currentCode: '11111' });
      expect(submit(next).effect?.type, 'the held token is applied').to.equal('update-phone');
    });

    it('is only confirmed by a profile: a reload meanwhile, or a second switch, keeps it unconfirmed', () => {
      const twice = loading(switched(bobChanging()));
      expect(twice.unconfirmed).to.equal(true);
      expect(loadFailed(twice, new PhoneManagerError('SERVER', 'x')).account.phone).to.equal(undefined);
    });

    it('is not involved in a reload with the same credentials: its failure keeps the flow and shows the error', () => {
      const failed = loadFailed(loading(bobChanging()), new PhoneManagerError('NETWORK', 'x'));
      expect(failed).to.deep.include({ step: 'change-new', account: bobs, pending: undefined });
      expect(failed.draft).to.deep.include({ phoneNumber: '13912345678', code: '22222' });
      expect(failed.error?.code).to.equal('NETWORK');
    });
  });

  it('a reload keeps the flow when the number is unchanged and resets it when it changed', () => {
    const inFlow = typed(start(ready(), 'change'), { currentCode: '1' });
    const same = loaded(loading(inFlow), bob);
    expect(same.step).to.equal('change-current');
    expect(same.draft.currentCode).to.equal('1');
    const other = loaded(loading(inFlow), { phone: { phoneNumber: '13700000000', phoneCountryCode: '+86' }, hasOtherLoginMethod: true });
    expect(other.step).to.equal('overview');
    expect(other.draft.currentCode).to.equal('');
  });
});

describe('outcomes the server may have applied (issue 22)', () => {
  const alice: flow.Account = { userId: 'u-a', hasOtherLoginMethod: true };
  const aliceBound: flow.Account = { ...alice, phone: { phoneNumber: '13912345678', phoneCountryCode: '+86' } };
  /** Alice, no phone, has typed 13912345678 and its code: bind is due. */
  const binding = () => type(sent(typed(ready(alice), { phoneNumber: '13912345678' })), { code: '123456' });

  for (const code of ['NETWORK', 'TIMEOUT', 'BAD_RESPONSE'] as const) {
    it(`a bind that ends with ${code} reloads the profile: landed is a success announced once, not landed keeps what was typed`, () => {
      const bind = binding();
      const failed = fail(bind.state, bind.effect!, new PhoneManagerError(code, 'x'));
      expect(failed.reload).to.equal(true);
      expect(failed.state.error, 'nothing shown yet').to.equal(undefined);
      const yes = profileLoaded(loading(failed.state, true), aliceBound);
      expect(yes.outcome).to.deep.equal({ type: 'phone-bound', phone: aliceBound.phone });
      expect(yes.failure).to.equal(undefined);
      expect(yes.state).to.deep.include({ step: 'overview', notice: { kind: 'bound' }, unsettled: undefined });
      expect(profileLoaded(loading(yes.state), aliceBound).outcome, 'once').to.equal(undefined);
      const no = profileLoaded(loading(failed.state, true), alice);
      expect(no.outcome).to.equal(undefined);
      expect(no.failure?.error.code).to.equal(code);
      expect(no.reload, 'no loop').to.equal(undefined);
      expect(no.state).to.deep.include({ step: 'bind', pending: undefined });
      expect(no.state.draft).to.deep.include({ phoneNumber: '13912345678', code: '123456' });
      expect(no.state.error?.code).to.equal(code);
    });
  }

  it('a bind the host aborted is found out by the next profile: landed, or back where it was without an error', () => {
    const bind = binding();
    const cut = reduce(bind.state, { type: 'interrupted', effect: bind.effect! }).state;
    const landed = profileLoaded(switched(cut), aliceBound);
    expect(landed.outcome?.type).to.equal('phone-bound');
    const not = profileLoaded(switched(cut), alice);
    expect(not.outcome).to.equal(undefined);
    expect(not.failure).to.equal(undefined);
    expect(not.state).to.deep.include({ step: 'bind', error: undefined, pending: undefined });
    expect(not.state.draft.code).to.equal('123456');
    // Another user's token: nothing of Alice's is claimed.
    const other = profileLoaded(switched(cut), { userId: 'u-b', phone: aliceBound.phone, hasOtherLoginMethod: true });
    expect(other.outcome).to.equal(undefined);
  });

  /** The request went out, its answer was lost, and the profile did not show it yet; the user tries again. */
  const unanswered = (request: flow.Transition): flow.Transition => {
    const lost = fail(request.state, request.effect!, new PhoneManagerError('NETWORK', 'x'));
    const shown = profileLoaded(loading(lost.state, true), request.state.account);
    expect(shown.failure?.error.code).to.equal('NETWORK');
    return submit(shown.state);
  };

  it('answers that echo our own unanswered request count as landed: ALREADY_BOUND with that number, NO_PHONE after unbind', () => {
    const first = binding();
    expect(fail(first.state, first.effect!, new PhoneManagerError('ALREADY_BOUND', 'x')).state.unsettled, 'no earlier try: shown').to.equal(
      undefined,
    );
    const bind = unanswered(first);
    const already = fail(bind.state, bind.effect!, new PhoneManagerError('ALREADY_BOUND', 'x'));
    expect(already.reload).to.equal(true);
    expect(profileLoaded(loading(already.state, true), aliceBound).outcome?.type).to.equal('phone-bound');
    const elsewhere = profileLoaded(loading(already.state, true), {
      ...alice,
      phone: { phoneNumber: '13700000000', phoneCountryCode: '+86' },
    });
    expect(elsewhere.outcome, 'bound elsewhere to another number').to.equal(undefined);
    expect(elsewhere.failure?.error.code).to.equal('ALREADY_BOUND');

    const unbind = type(sent(start(ready(), 'unbind')), { currentCode: '123456' });
    const removing = unanswered(submit(unbind.state));
    const none = fail(removing.state, removing.effect!, new PhoneManagerError('NO_PHONE', 'x'));
    const gone = profileLoaded(loading(none.state, true), { hasOtherLoginMethod: true });
    expect(gone.outcome).to.deep.equal({ type: 'phone-unbound', previous: bob.phone });
  });

  it('a wrong code on unbind reloads the profile once; the reload submits nothing', () => {
    const unbind = type(sent(start(ready(), 'unbind')), { currentCode: '123456' });
    const removing = submit(unbind.state);
    const wrong = fail(removing.state, removing.effect!, new PhoneManagerError('CODE_INVALID', 'x'));
    expect(wrong.reload).to.equal(true);
    const same = profileLoaded(loading(wrong.state, true), bob);
    expect(same.reload).to.equal(undefined);
    expect(same.effect).to.equal(undefined);
    expect(same.state.error?.code).to.equal('CODE_INVALID');
  });

  it('401 on update-phone keeps the verified change: after a new token for the same user, Confirm applies the same token', () => {
    const bobU = { ...bob, userId: 'u-bob' };
    const atNew = typed(typed(sent(start(ready(bobU), 'change')), { currentCode: '111111' }), { phoneNumber: '13912345678' });
    const verify = type(sent(atNew), { code: '222222' });
    const update = succeed(verify.state, verify.effect!, { updatePhoneToken: 'tok' });
    const refused = fail(update.state, update.effect!, new PhoneManagerError('UNAUTHORIZED', 'x', { statusCode: 401 }));
    expect(refused.state.verified?.updatePhoneToken).to.equal('tok');
    const refreshed = loaded(switched(refused.state), bobU);
    expect(submit(refreshed).effect).to.deep.include({ type: 'update-phone', updatePhoneToken: 'tok' });
  });

  it('a send without an answer lets the code be typed; a rate-limit answer to the next send confirms it', () => {
    const state = typed(ready(alice), { phoneNumber: '13912345678' });
    const send = sendCode(state);
    const lost = fail(send.state, send.effect!, new PhoneManagerError('NETWORK', 'x'));
    expect(lost.state.error?.code).to.equal('NETWORK');
    const withCode = type(lost.state, { code: '123456' });
    expect(withCode.effect?.type, 'the code may be used').to.equal('bind');
    const again = sendCode(lost.state);
    expect(again.effect?.type, 'no cooldown: it may not have gone').to.equal('send-code');
    const limited = fail(again.state, again.effect!, new PhoneManagerError('RATE_LIMITED', 'x'));
    expect(limited.outcome?.type).to.equal('code-sent');
    expect(limited.state.error).to.equal(undefined);
    expect(limited.state.notice?.kind).to.equal('code-sent');
  });
});

describe('an unsettled request and the profile that could not be read (issue 22)', () => {
  it('a retry that succeeds is announced once; no later profile announces the earlier try again', () => {
    const alice: flow.Account = { userId: 'u-a', hasOtherLoginMethod: true };
    const aliceBound: flow.Account = { ...alice, phone: { phoneNumber: '13912345678', phoneCountryCode: '+86' } };
    const bind = type(sent(typed(ready(alice), { phoneNumber: '13912345678' })), { code: '123456' });
    const lost = fail(bind.state, bind.effect!, new PhoneManagerError('NETWORK', 'x'));
    const unreadable = loadFailed(loading(lost.state, true), new PhoneManagerError('NETWORK', 'x'));
    expect(unreadable.unsettled, 'still to find out').to.not.equal(undefined);
    const retry = submit(unreadable);
    expect(retry.effect?.type).to.equal('bind');
    const done = succeed(retry.state, retry.effect!);
    expect(done.outcome?.type).to.equal('phone-bound');
    expect(profileLoaded(loading(done.state), aliceBound).outcome, 'not twice').to.equal(undefined);
    // The retry answered "already bound" instead: the earlier try landed, announced once.
    const echo = fail(retry.state, retry.effect!, new PhoneManagerError('ALREADY_BOUND', 'x'));
    expect(profileLoaded(loading(echo.state, true), aliceBound).outcome?.type).to.equal('phone-bound');
  });
});
