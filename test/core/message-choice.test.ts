import { describe, it } from 'node:test';
import { expect } from 'chai';
import { PhoneManagerError } from '../../src/core/errors.js';
import { messageOf } from '../../src/i18n/message-choice.js';
import enUS from '../../src/translations/en-US.js';
import zhCN from '../../src/translations/zh-CN.js';

// The message choice as a custom UI gets it (authing-phone-manager/messages): the words, joined as the language joins sentences.
describe('message choice', () => {
  const spent = { code: 'SERVER', cause: new PhoneManagerError('SERVER', 'down', { statusCode: 503 }), codesSpent: true } as const;

  it('adds "request new codes" after a spent pair with a space in English', () => {
    expect(messageOf(spent, enUS)).to.equal(`${enUS.errors.SERVER} ${enUS.newCodesNeeded}`);
  });

  it('adds it without a space in Chinese', () => {
    expect(messageOf(spent, zhCN)).to.equal(`${zhCN.errors.SERVER}${zhCN.newCodesNeeded}`);
  });

  it("puts a space after the server's words, which often end without a full stop, in Chinese too", () => {
    const cause = new PhoneManagerError('SERVER', '服务繁忙', { statusCode: 400 });
    expect(messageOf({ code: 'SERVER', cause, codesSpent: true }, zhCN)).to.equal(`\u2068服务繁忙\u2069 ${zhCN.newCodesNeeded}`);
  });

  it("shows a business answer's own words, isolated, where the policy says so", () => {
    const cause = new PhoneManagerError('SERVER', '服务繁忙', { statusCode: 400 });
    expect(messageOf({ code: 'SERVER', cause }, zhCN)).to.equal('\u2068服务繁忙\u2069');
  });
});
