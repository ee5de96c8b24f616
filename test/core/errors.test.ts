import { describe, it } from 'node:test';
import { expect } from 'chai';
import { codeForEnvelope, codeForHttpStatus, noAnswer } from '../../src/core/errors.js';

describe('error mapping', () => {
  const cases: Array<[number, number | undefined, string, string]> = [
    [401, 2020, '尚未登录，无权限访问此请求', 'UNAUTHORIZED'],
    [400, 2206, '登录信息已过期', 'UNAUTHORIZED'],
    [429, undefined, '该手机号 1 分钟内已发送过验证码', 'RATE_LIMITED'],
    [422, 4004, '该手机号 1 分钟内已发送过验证码，请稍后再试', 'RATE_LIMITED'],
    [422, 4004, 'This number was sent a code within the last minute', 'RATE_LIMITED'],
    [422, 4004, '該手機號 1 分鐘內已發送過驗證碼', 'RATE_LIMITED'],
    [500, undefined, '一分钟之内已发送过验证码', 'RATE_LIMITED'],
    [400, undefined, 'Too frequent, please try again later', 'RATE_LIMITED'],
    [500, undefined, '手机号每天发送的验证次数超过上限', 'DAILY_LIMIT'],
    [400, undefined, 'The daily limit of SMS for this number has been reached', 'DAILY_LIMIT'],
    [400, 2028, '请输入正确的手机号码', 'PHONE_INVALID'],
    [400, 2001, '验证码不正确', 'CODE_INVALID'],
    [500, undefined, '验证码不正确！', 'CODE_INVALID'],
    [400, 2300, '验证码已失效', 'CODE_EXPIRED'],
    [500, undefined, '验证码已过期', 'CODE_EXPIRED'],
    [403, undefined, 'Code invalid or expired', 'CODE_EXPIRED'],
    [422, 2035, '该手机号已被绑定', 'PHONE_TAKEN'],
    [500, undefined, '该手机号已被其它账户绑定', 'PHONE_TAKEN'],
    [422, 2230, '新手机号和旧手机号一样', 'SAME_PHONE'],
    [500, undefined, '修改手机号必须验证原来的手机号。', 'OLD_PHONE_REQUIRED'],
    [422, 2038, '旧手机号非用户账号绑定的手机号', 'OLD_PHONE_MISMATCH'],
    [422, 2217, '没有配置其他登录方式，不能解绑手机号', 'LAST_LOGIN_METHOD'],
    [400, undefined, 'updatePhoneToken 无效或已过期', 'UPDATE_TOKEN_EXPIRED'],
    [422, 1320005, 'current user has no phone number bound', 'NO_PHONE'],
    [422, 1320006, '已经绑定了手机号', 'ALREADY_BOUND'],
    [500, undefined, 'Internal Server Error', 'SERVER'],
    [400, 9999, 'Something new', 'SERVER'],
  ];
  for (const [statusCode, apiCode, message, code] of cases) {
    it(`${statusCode}/${apiCode ?? '-'} "${message}" → ${code}`, () => {
      expect(codeForEnvelope(statusCode, apiCode, message)).to.equal(code);
    });
  }

  it('reads statusCode 422 from send-sms as the one-minute limit (Authing’s MFA component does), whatever its words', () => {
    expect(codeForEnvelope(422, undefined, '请稍后再试', { sendSms: true })).to.equal('RATE_LIMITED');
    expect(codeForEnvelope(422, undefined, 'Please try again later', { sendSms: true })).to.equal('RATE_LIMITED');
    expect(codeForEnvelope(422, undefined, '手机号每天发送的验证次数超过上限', { sendSms: true }), 'a daily cap stays one').to.equal(
      'DAILY_LIMIT',
    );
    expect(codeForEnvelope(422, 2035, '该手机号已被绑定', { sendSms: true }), 'a known apiCode wins').to.equal('PHONE_TAKEN');
    expect(codeForEnvelope(422, undefined, 'Please try again later'), 'not from send-sms').to.equal('SERVER');
  });

  it('maps bare HTTP statuses', () => {
    expect(codeForHttpStatus(401)).to.equal('UNAUTHORIZED');
    expect(codeForHttpStatus(429)).to.equal('RATE_LIMITED');
    expect(codeForHttpStatus(502)).to.equal('SERVER');
  });
});

describe('a request with no answer at all', () => {
  it('offline: the connection (NETWORK), nothing for the console', () => {
    const failure = noAnswer({ online: false, appHost: 'https://example.authing.cn', pageOrigin: 'http://localhost:3000' });
    expect(failure.code).to.equal('NETWORK');
    expect(failure.hint).to.equal(undefined);
  });

  it('online: Authing could not be reached (UNREACHABLE), and the console names the host, the origin and the 安全域', () => {
    const failure = noAnswer({ online: true, appHost: 'https://example.authing.cn', pageOrigin: 'http://localhost:3000' });
    expect(failure.code).to.equal('UNREACHABLE');
    expect(failure.message).to.contain('https://example.authing.cn');
    expect(failure.hint)
      .to.contain('app-host')
      .and.contain('https://example.authing.cn')
      .and.contain('http://localhost:3000')
      .and.contain('安全域');
  });
});
