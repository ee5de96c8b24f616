import { expect } from '@open-wc/testing';
import { maskPhone, normalizeCountryCode, parseCode, parsePhone } from '../../src/core/phone.js';

describe('phone helpers', () => {
  it('reads what people type, paste and autofill', () => {
    const cn = { phoneNumber: '13800138000', phoneCountryCode: '+86' };
    for (const typed of ['13800138000', '138 0013 8000', '138-0013-8000', '+86 138-0013-8000', '0086 13800138000', '１３８００１３８０００', '＋８６１３８００１３８０００', ' 13800138000 ']) {
      expect(parsePhone(typed, '+86'), typed).to.deep.equal(cn);
    }
  });

  it('refuses numbers that cannot be mainland mobiles', () => {
    for (const typed of ['', '1380013800', '138001380001', '12800138000', '23800138000', 'abc', '138OO138000', '+1 13800138000']) {
      expect(parsePhone(typed, '+86'), typed).to.equal(undefined);
    }
  });

  it('checks other countries by length', () => {
    expect(parsePhone('+1 (415) 555-2671', '+1')).to.deep.equal({ phoneNumber: '4155552671', phoneCountryCode: '+1' });
    expect(parsePhone('07911 123456', '44')).to.deep.equal({ phoneNumber: '7911123456', phoneCountryCode: '+44' });
    expect(parsePhone('123', '+1')).to.equal(undefined);
    expect(parsePhone('1234567890123456', '+1')).to.equal(undefined);
  });

  it('normalises calling codes', () => {
    expect(normalizeCountryCode('86')).to.equal('+86');
    expect(normalizeCountryCode('0086')).to.equal('+86');
    expect(normalizeCountryCode('+852')).to.equal('+852');
    expect(normalizeCountryCode('+0')).to.equal(undefined);
    expect(normalizeCountryCode('abc')).to.equal(undefined);
  });

  it('normalises codes and checks their length', () => {
    expect(parseCode('123456', 6)).to.equal('123456');
    expect(parseCode('１２３ ４５６', 6)).to.equal('123456');
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
