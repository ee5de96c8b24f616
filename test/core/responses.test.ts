// The shapes Authing is known to send, read by the pure functions the client calls (responses.ts).
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { apiCodeOf, identitiesOf, poolSettingsOf, profileOf, updatePhoneResult } from '../../src/core/api/responses.js';
import { type PhoneManagerError } from '../../src/core/errors.js';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return (error as PhoneManagerError).code;
  }
  return undefined;
};

describe('Authing’s answers, read', () => {
  it('an apiCode as a number or a numeric string ("2011", the V2 error doc’s example) is the number', () => {
    expect(apiCodeOf(2001)).to.equal(2001);
    expect(apiCodeOf('2011')).to.equal(2011);
    expect(apiCodeOf(' 2001 ')).to.equal(2001);
    for (const value of ['', 'x2001', '20.5', 20.5, null, undefined, {}]) expect(apiCodeOf(value), String(value)).to.equal(undefined);
  });

  it('the public config: verifyCodeLength, the old-phone step, international SMS, its default country and the phone rule', () => {
    expect(
      poolSettingsOf({
        changePhoneStrategy: { verifyOldPhone: false },
        verifyCodeLength: 4,
        internationalSmsConfig: { enabled: true, defaultISOType: 'jp' },
        regexRules: [
          { key: 'email', userpoolLevel: '.+@.+' },
          { key: 'phone', userpoolLevel: '^1\\d{10}$' },
        ],
      }),
    ).to.deep.equal({ verifyOldPhone: false, codeLength: 4, internationalSms: true, defaultCountry: 'JP', phonePattern: '^1\\d{10}$' });
    expect(poolSettingsOf({ verifyCodeLength: '6', internationalSmsConfig: { enabled: false } })).to.deep.equal({
      codeLength: 6,
      internationalSms: false,
    });
    // What cannot be read is left out, so Authing's fallbacks apply.
    expect(
      poolSettingsOf({
        verifyCodeLength: 'six',
        internationalSmsConfig: { enabled: 'yes', defaultISOType: 'XX' },
        regexRules: [{ key: 'phone', userpoolLevel: '([' }],
      }),
    ).to.deep.equal({});
    expect(poolSettingsOf(null)).to.deep.equal({});
    expect(poolSettingsOf({ internationalSmsConfig: null, regexRules: 'x' })).to.deep.equal({});
  });

  it('identities as an array, or as one object (the docs’ example)', () => {
    expect(identitiesOf([{ provider: 'wechat' }])).to.deep.equal([{ provider: 'wechat' }]);
    expect(identitiesOf({ provider: 'wechat' })).to.deep.equal([{ provider: 'wechat' }]);
    expect(identitiesOf({})).to.deep.equal([]);
    expect(identitiesOf(null)).to.equal(null);
    expect(profileOf({ userId: 'u', identities: { provider: 'github' } }).identities).to.deep.equal([{ provider: 'github' }]);
  });

  it('a phone that is not a string is an answer we cannot read (BAD_RESPONSE), never a crash', () => {
    expect(codeOf(() => profileOf({ userId: 'u', phone: 13800138000 }))).to.equal('BAD_RESPONSE');
    expect(codeOf(() => profileOf({ userId: 'u', phone: { number: '1' } }))).to.equal('BAD_RESPONSE');
    expect(codeOf(() => profileOf({ userId: 'u', phoneCountryCode: 86 }))).to.equal('BAD_RESPONSE');
    expect(
      codeOf(() => profileOf({ phone: '13800138000' })),
      'no userId',
    ).to.equal('BAD_RESPONSE');
    expect(profileOf({ userId: 'u', phone: null }).phone).to.equal(null);
  });

  it('update-phone’s data.success === false is a failure (IsSuccessRespDto)', () => {
    expect(codeOf(() => updatePhoneResult({ success: false }))).to.equal('SERVER');
    expect(codeOf(() => updatePhoneResult({ success: true }))).to.equal(undefined);
    expect(
      codeOf(() => updatePhoneResult(undefined)),
      'no data says nothing against it',
    ).to.equal(undefined);
  });
});
