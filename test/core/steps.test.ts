// The rules a UI reads instead of restating them, through the core's public entry: the step table and
// its selectors, the error policy the machine follows, and where the default country comes from.
import { describe, it } from 'node:test';
import { expect } from 'chai';
import {
  asksNewNumber,
  canUnbind,
  codeFieldOf,
  codePurposeOf,
  countryChoice,
  ERROR_CODES,
  DEFAULT_COUNTRY,
  ERROR_POLICY,
  initialState,
  isSignedOut,
  outcomeOf,
  PhoneManagerError,
  reduce,
  STEPS,
  submitsWhenComplete,
  type Account,
  type Effect,
  type FlowEvent,
  type FlowState,
  type Step,
} from '../../src/core/index.js';

const NOW = Date.UTC(2026, 11, 1);
const next = (state: FlowState, event: FlowEvent) => reduce(state, { now: NOW, ...event });
const bob: Account = { userId: 'bob', phone: { phoneNumber: '13800138000', phoneCountryCode: '+86' }, hasOtherLoginMethod: true };
const loaded = (account: Account, options = {}) =>
  next(initialState({ codeLength: 6, ...options }), { type: 'profile-loaded', account }).state;
const failed = (state: FlowState, effect: Effect, code: PhoneManagerError['code'], statusCode = 400) =>
  next(state, { type: 'failed', effect, error: new PhoneManagerError(code, code, { statusCode }) });

describe('the step table and its selectors', () => {
  it('says for each step which code it asks for, whose number it goes to, and whether a complete code submits', () => {
    const rows = (Object.keys(STEPS) as Step[]).map((step) => [
      step,
      codeFieldOf(step) ?? '-',
      codePurposeOf(step) ?? '-',
      submitsWhenComplete(step),
      asksNewNumber(step),
    ]);
    expect(rows).to.deep.equal([
      ['signed-out', '-', '-', false, false],
      ['loading', '-', '-', false, false],
      ['unavailable', '-', '-', false, false],
      ['overview', '-', '-', false, false],
      ['bind', 'code', 'bind', true, true],
      ['change-current', 'currentCode', 'change-current', true, false],
      ['change-new', 'code', 'change-new', true, true],
      ['unbind', 'currentCode', 'unbind', false, false],
    ]);
  });

  it('the machine follows the table: a send goes on the channel of whose number it is, the next step and Back are the table’s', () => {
    const channelOn = (state: FlowState) => {
      const t = next(state, { type: 'send-code' });
      return t.effect?.type === 'send-code' ? t.effect.input.channel : t.state.error?.code;
    };
    const overview = loaded(bob);
    const change = next(overview, { type: 'start', flow: 'change' }).state;
    expect(change.step).to.equal('change-current');
    expect(channelOn(change)).to.equal('CHANNEL_UNBIND_PHONE');
    expect(channelOn(next(overview, { type: 'start', flow: 'unbind' }).state)).to.equal('CHANNEL_UNBIND_PHONE');
    const bind = next(loaded({ hasOtherLoginMethod: false }), { type: 'edit', field: 'phoneNumber', value: '13912345678' }).state;
    expect(channelOn(bind)).to.equal('CHANNEL_BIND_PHONE');
    const newStep = { ...change, step: 'change-new' as const, draft: { ...change.draft, phoneNumber: '13912345678' } };
    expect(channelOn(newStep)).to.equal('CHANNEL_BIND_PHONE');
    expect(next(newStep, { type: 'back' }).state.step, 'Back').to.equal(STEPS['change-new'].back);
    expect(next(change, { type: 'back' }).state.step, 'no Back on the first step').to.equal('change-current');
  });

  it('canUnbind: a bound phone and another way to sign in; the machine refuses Remove exactly when it is false', () => {
    const cases: Array<[Account, boolean]> = [
      [bob, true],
      [{ ...bob, hasOtherLoginMethod: false }, false],
      [{ hasOtherLoginMethod: true }, false],
    ];
    for (const [account, expected] of cases) {
      const state = loaded(account);
      expect(canUnbind(state), JSON.stringify(account)).to.equal(expected);
      if (!account.phone) continue;
      const started = next(state, { type: 'start', flow: 'unbind' }).state;
      expect(started.step === 'unbind', 'Remove opens').to.equal(expected);
    }
    // The server says the phone is the last way to sign in after all: the selector follows.
    const removing = next(loaded(bob), { type: 'start', flow: 'unbind' }).state;
    const refused = failed(removing, { type: 'unbind', passCode: '123456', previous: bob.phone! }, 'LAST_LOGIN_METHOD').state;
    expect(canUnbind(refused)).to.equal(false);
    expect(refused.step).to.equal('overview');
  });

  it('isSignedOut: the signed-out event shows nothing of the account; a load after it shows the loading step', () => {
    const out = next(loaded(bob), { type: 'signed-out' }).state;
    expect(isSignedOut(out)).to.equal(true);
    expect(out.account).to.deep.equal({ hasOtherLoginMethod: false });
    expect(canUnbind(out)).to.equal(false);
    const loading = next(out, { type: 'loading' }).state;
    expect([loading.step, isSignedOut(loading)]).to.deep.equal(['loading', false]);
    const failure = next(out, { type: 'load-failed', error: new PhoneManagerError('NETWORK', 'offline') }).state;
    expect(failure.step, 'a first load that failed').to.equal('unavailable');
  });
});

describe('outcomeOf', () => {
  it('is the notice of a finished flow only: not "code sent", not "verify the current number too"', () => {
    const phone = { phoneNumber: '13800138000', phoneCountryCode: '+86' };
    const base = initialState();
    expect(outcomeOf({ ...base, notice: { kind: 'bound' } })).to.deep.equal({ kind: 'bound' });
    expect(outcomeOf({ ...base, notice: { kind: 'unbound' } })).to.deep.equal({ kind: 'unbound' });
    expect(outcomeOf({ ...base, notice: { kind: 'code-sent', phone } })).to.equal(undefined);
    expect(outcomeOf({ ...base, notice: { kind: 'verify-current-required' } })).to.equal(undefined);
    expect(outcomeOf(base)).to.equal(undefined);
  });
});

describe('the error policy decides a failure', () => {
  const binding = next(loaded({ hasOtherLoginMethod: false }), { type: 'edit', field: 'phoneNumber', value: '13912345678' }).state;
  const bindEffect: Effect = { type: 'bind', input: { phoneNumber: '13912345678', phoneCountryCode: '+86', passCode: '123456' } };

  it('every code marks the field and reloads as its policy says', () => {
    for (const code of ERROR_CODES) {
      const policy = ERROR_POLICY[code];
      if (policy.uncertain) continue; // no answer: the profile decides first (see the outcomes tests)
      const t = failed({ ...binding, pending: 'bind' }, bindEffect, code);
      const field = policy.field === 'code' ? 'code' : policy.field;
      expect([t.state.error?.field, !!t.reload], code).to.deep.equal([field, !!policy.reloads]);
    }
  });

  it('a policy field, not the code, decides: a code given another code’s policy fails as that one', () => {
    const removing = next(loaded(bob), { type: 'start', flow: 'unbind' }).state;
    const unbind: Effect = { type: 'unbind', passCode: '123456', previous: bob.phone! };
    const original = ERROR_POLICY.DAILY_LIMIT;
    const policies = ERROR_POLICY as Record<string, object>;
    try {
      expect(failed(removing, unbind, 'DAILY_LIMIT').reload, 'as it is').to.equal(undefined);
      policies.DAILY_LIMIT = ERROR_POLICY.CODE_INVALID;
      expect(failed(removing, unbind, 'DAILY_LIMIT').reload, 'as a wrong code on removal').to.equal(true);
      policies.DAILY_LIMIT = ERROR_POLICY.LAST_LOGIN_METHOD;
      expect(canUnbind(failed(removing, unbind, 'DAILY_LIMIT').state), 'as the last login method').to.equal(false);
    } finally {
      policies.DAILY_LIMIT = original;
    }
  });
});

describe('the default country, decided in one place', () => {
  it('the host’s, else the pool’s defaultISOType, else Authing’s CN; a pool without international SMS allows CN only', () => {
    expect(DEFAULT_COUNTRY).to.equal('CN');
    expect(countryChoice({}, {})).to.deep.equal({ defaultCountry: 'CN', allowedCountries: undefined, suggestedCountry: undefined });
    expect(countryChoice({}, { defaultCountry: 'JP', internationalSms: true }).defaultCountry).to.equal('JP');
    expect(countryChoice({ defaultCountry: 'tw' }, { defaultCountry: 'JP' }).defaultCountry, 'the host wins').to.equal('TW');
    expect(countryChoice({}, { internationalSms: false })).to.deep.include({ defaultCountry: 'CN', allowedCountries: ['CN'] });
    expect(countryChoice({ allowedCountries: ['HK', 'XX'] }, { internationalSms: false }), 'known host countries win').to.deep.include({
      defaultCountry: 'HK',
      allowedCountries: ['HK'],
    });
    expect(countryChoice({ defaultCountry: 'ZZ' }, {}).defaultCountry, 'an unknown code is no country').to.equal('CN');
  });

  it('a fresh state starts on it, and a number that fits it is offered it', () => {
    expect(initialState().draft.country).to.equal(DEFAULT_COUNTRY);
    const { defaultCountry, suggestedCountry } = countryChoice({}, { defaultCountry: 'JP' });
    const state = loaded({ hasOtherLoginMethod: false }, { defaultCountry, suggestedCountry });
    expect(state.draft.country).to.equal('JP');
    const typed = next(state, { type: 'edit', field: 'phoneNumber', value: '13912345678' }).state;
    expect(next(typed, { type: 'send-code' }).state.error).to.deep.include({ code: 'PHONE_INVALID', suggestedCountry: 'CN' });
  });
});
