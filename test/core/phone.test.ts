import { describe, it } from 'node:test';
import { expect } from 'chai';
import { countries, countryOf, detectCountry, maskPhone, parseCode, parsePhone } from '../../src/core/phone.js';

describe('phone helpers', () => {
  it('reads what people type, paste and autofill', () => {
    const cn = { phoneNumber: '13800138000', phoneCountryCode: '+86' };
    for (const typed of [
      '13800138000',
      '138 0013 8000',
      '138-0013-8000',
      '+86 138-0013-8000',
      '0086 13800138000',
      '(+86) 138.0013.8000',
      '１３８００１３８０００',
      '＋８６１３８００１３８０００',
      ' 13800138000 ',
      '138\u00a00013\u30008000',
    ]) {
      expect(parsePhone(typed, 'CN'), typed).to.deep.equal(cn);
    }
  });

  it('checks mainland China mobiles precisely', () => {
    for (const typed of [
      '',
      '1380013800',
      '138001380001',
      '12800138000',
      '23800138000',
      '010 6552 9988',
      'abc',
      '138OO138000',
      '+1 13800138000',
    ]) {
      expect(parsePhone(typed, 'CN'), typed).to.equal(undefined);
    }
  });

  it('checks other countries by calling code and possible mobile lengths', () => {
    expect(parsePhone('+1 (415) 555-2671', 'US')).to.deep.equal({ phoneNumber: '4155552671', phoneCountryCode: '+1' });
    expect(parsePhone('07911 123456', 'GB')).to.deep.equal({ phoneNumber: '7911123456', phoneCountryCode: '+44' });
    expect(parsePhone('+44 7911 123456', 'CN')).to.deep.equal({ phoneNumber: '7911123456', phoneCountryCode: '+44' });
    expect(parsePhone('9123 4567', 'HK')).to.deep.equal({ phoneNumber: '91234567', phoneCountryCode: '+852' });
    expect(parsePhone('090-1234-5678', 'JP')).to.deep.equal({ phoneNumber: '9012345678', phoneCountryCode: '+81' });
    expect(parsePhone('0912 345 678', 'TW')).to.deep.equal({ phoneNumber: '912345678', phoneCountryCode: '+886' });
    expect(parsePhone('123', 'US')).to.equal(undefined);
    expect(parsePhone('41555526712', 'US')).to.equal(undefined);
    expect(parsePhone('13800138000', 'HK'), 'a Chinese mobile is not a Hong Kong number').to.equal(undefined);
    expect(parsePhone('+999 1234567', 'CN'), 'no such calling code').to.equal(undefined);
  });

  it('has a table of countries, with the main country of a shared calling code first', () => {
    expect(countries().length).to.be.greaterThan(200);
    expect(countryOf('cn')).to.deep.equal({ iso: 'CN', callingCode: '86', lengths: [11] });
    expect(detectCountry('+1 416 555 0100', 'CN')?.iso).to.equal('US');
    expect(detectCountry('+1 416 555 0100', 'CA')?.iso, 'keeps the current country when it fits').to.equal('CA');
    expect(detectCountry('0044 7911 123456', 'CN')?.iso).to.equal('GB');
    expect(detectCountry('13800138000', 'CN')).to.equal(undefined);
  });

  it('normalises codes and checks their length', () => {
    expect(parseCode('123456', 6)).to.equal('123456');
    expect(parseCode('１２３ ４５６', 6)).to.equal('123456');
    expect(parseCode('123-456', 6)).to.equal('123456');
    expect(parseCode('12345', 6)).to.equal(undefined);
    expect(parseCode('12a456', 6)).to.equal(undefined);
    expect(parseCode('1234')).to.equal('1234');
    expect(parseCode('123')).to.equal(undefined);
    expect(parseCode('123456789')).to.equal(undefined);
  });

  it('masks the middle digits', () => {
    expect(maskPhone({ phoneNumber: '13800138000', phoneCountryCode: '+86' })).to.equal('+86 138****8000');
    expect(maskPhone({ phoneNumber: '12345', phoneCountryCode: '+1' })).to.equal('+1 ***45');
  });
});

describe('numbers and codes as people paste them (issue 22)', () => {
  const cn = { phoneNumber: '13912340051', phoneCountryCode: '+86' };
  it('reads a number with the calling code written without a plus, a bracketed trunk 0, tel:, invisible marks', async () => {
    const { parsePhone: parse } = await import('../../src/core/phone.js');
    for (const pasted of [
      '86 139 1234 0051',
      '8613912340051',
      '+86 (0) 139 1234 0051',
      'tel:+86-139-1234-0051',
      '\u202a+86 139\u200b1234\u200d0051\u202c',
      '\ufeff13912340051',
    ]) {
      expect(parse(pasted, 'CN'), JSON.stringify(pasted)).to.deep.equal(cn);
    }
    expect(parse('1 415 555 2671', 'US')).to.deep.equal({ phoneNumber: '4155552671', phoneCountryCode: '+1' });
    expect(parse('+1 13800138000', 'CN'), 'an explicit +1 is not stripped twice').to.equal(undefined);
    expect(parse('13800138000', 'US'), 'a mainland number under +1 is no US number (area code and exchange start 2-9)').to.equal(undefined);
  });

  it('takes the code out of a pasted SMS, not its first digits', async () => {
    const { codeInText } = await import('../../src/core/phone.js');
    expect(codeInText('【Authing】您的验证码是 311973，5 分钟内有效')).to.equal('311973');
    expect(codeInText('【12306】您的验证码是 311973，5 分钟内有效')).to.equal('311973');
    expect(codeInText('2026-12-07 your code: 4821', 4)).to.equal('4821');
    expect(codeInText('Code 311 973 (valid 5 min)')).to.equal('311973');
    expect(codeInText('認証コードは ３１１９７３ です')).to.equal('311973');
    expect(codeInText('no code here')).to.equal(undefined);
  });
});
