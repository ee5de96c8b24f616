// Authing emulator over real HTTP: wire format, rules, CORS, faults and control API.
// Run: node --test test/emulator/

import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { startEmulator, createEmulator, createEmulatorClient } from '../../emulator/index.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const TOKENS = {
  noPhone: 'demo-token-no-phone',
  phoneEmail: 'demo-token-phone-email',
  phoneOnly: 'demo-token-phone-only',
  phoneSocial: 'demo-token-phone-social',
  other: 'demo-token-other',
};
const BOB_PHONE = '13800138000';
const CAROL_PHONE = '13900139000';
const DAVE_PHONE = '13600136000';
const ERIN_PHONE = '13700137000';
const NEW_PHONE = '13512345678';

/** @type {Awaited<ReturnType<typeof startEmulator>>} */
let server;
/** @type {string} */
let base;
/** The control client, for reading codes; the control API itself is tested with raw requests (control()). */
/** @type {ReturnType<typeof createEmulatorClient>} */
let emulator;

before(async () => {
  server = await startEmulator({ port: 0 });
  base = server.url;
  emulator = createEmulatorClient(base);
});
after(async () => {
  await server.close();
});
beforeEach(async () => {
  await control('POST', '/reset');
});

/**
 * Calls an /api/v3 endpoint.
 * @param {string} path
 * @param {{ method?: string, token?: string, auth?: string, body?: unknown, raw?: string, lang?: string, headers?: Record<string, string> }} [opts]
 */
async function api(path, opts = {}) {
  /** @type {Record<string, string>} */
  const headers = { 'x-authing-app-id': 'demo-app', ...opts.headers };
  if (opts.auth !== undefined) headers.authorization = opts.auth;
  else if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.lang) headers['x-authing-lang'] = opts.lang;
  const method = opts.method ?? (opts.body !== undefined || opts.raw !== undefined ? 'POST' : 'GET');
  let body;
  if (opts.raw !== undefined) body = opts.raw;
  else if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(base + path, { method, headers, body });
  const text = await res.text();
  return { http: res.status, headers: res.headers, text, json: text ? JSON.parse(text) : undefined };
}

/**
 * Calls a control endpoint and returns its JSON.
 * @param {string} method
 * @param {string} path after /__emulator
 * @param {unknown} [body]
 */
async function control(method, path, body) {
  const res = await fetch(`${base}/__emulator${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  return { status: res.status, json };
}

/**
 * Sends an SMS through the API and returns the code from the outbox.
 * @param {string} phoneNumber
 * @param {string} channel
 * @param {string} [phoneCountryCode]
 */
async function sendCode(phoneNumber, channel, phoneCountryCode) {
  const r = await api('/api/v3/send-sms', { body: { channel, phoneNumber, phoneCountryCode } });
  assert.equal(r.json.statusCode, 200, `send-sms failed: ${r.text}`);
  return emulator.codeFor(phoneNumber, /** @type {any} */ (channel));
}

/** @param {string} token */
async function profile(token) {
  const r = await api('/api/v3/get-profile?withCustomData=false&withIdentities=true&withDepartmentIds=false', { token });
  assert.equal(r.json.statusCode, 200);
  return r.json.data;
}

/** @param {number} seconds */
const advance = (seconds) => control('POST', '/clock', { advanceSeconds: seconds });

/** A code different from `code` with the same length. */
const wrong = (/** @type {string} */ code) =>
  code
    .split('')
    .map((d) => String((Number(d) + 1) % 10))
    .join('');

/**
 * @param {{ statusCode: number, apiCode?: number, message: string }} json
 * @param {number} statusCode
 * @param {number | undefined} apiCode
 * @param {string} [msg]
 */
function assertError(json, statusCode, apiCode, msg) {
  assert.equal(json.statusCode, statusCode, JSON.stringify(json));
  assert.equal(json.apiCode, apiCode, JSON.stringify(json));
  if (msg !== undefined) assert.equal(json.message, msg);
  assert.match(/** @type {any} */ (json).requestId, UUID);
  assert.equal(/** @type {any} */ (json).data, undefined);
}

// ------------------------------------------------------------------------------------------------------

describe('envelope, authorization, language', () => {
  it('get-profile answers HTTP 200 with the V3 envelope and a UserDto subset', async () => {
    const r = await api('/api/v3/get-profile?withCustomData=false&withIdentities=true&withDepartmentIds=false', {
      token: TOKENS.phoneSocial,
    });
    assert.equal(r.http, 200);
    assert.match(r.headers.get('content-type') ?? '', /^application\/json/);
    assert.deepEqual(Object.keys(r.json), ['statusCode', 'message', 'requestId', 'data']);
    assert.equal(r.json.statusCode, 200);
    assert.equal(r.json.message, '操作成功');
    assert.match(r.json.requestId, UUID);
    assert.equal(r.headers.get('x-authing-request-id'), r.json.requestId);
    const d = r.json.data;
    assert.equal(d.userId, 'u-phone-social');
    assert.equal(d.username, 'dave');
    assert.equal(d.email, null);
    assert.equal(d.phone, DAVE_PHONE);
    assert.equal(d.phoneCountryCode, '+86');
    assert.equal(d.phoneVerified, true);
    assert.equal(d.status, 'Activated');
    assert.ok(Date.parse(d.createdAt) && Date.parse(d.updatedAt));
    assert.deepEqual(d.identities, [
      {
        identityId: 'identity-dave-wechat',
        extIdpId: 'extidp-wechat',
        provider: 'wechat',
        type: 'openid',
        userIdInIdp: 'o6zAJs-dave-wechat-openid',
      },
    ]);
    assert.equal(d.tokens, undefined, 'tokens never leave through the API');
  });

  it('omits identities unless withIdentities=true, and gives null phone fields when no phone is bound', async () => {
    const r = await api('/api/v3/get-profile', { token: TOKENS.noPhone });
    assert.equal(r.json.data.identities, undefined);
    assert.equal(r.json.data.phone, null);
    assert.equal(r.json.data.phoneCountryCode, null);
    assert.equal(r.json.data.phoneVerified, false);
    assert.equal(r.json.data.email, 'alice@example.com');
    assert.equal(r.json.data.emailVerified, true);
  });

  it('accepts "Bearer <token>" (any case) and a raw token', async () => {
    for (const auth of [`Bearer ${TOKENS.phoneEmail}`, `bearer ${TOKENS.phoneEmail}`, `BEARER  ${TOKENS.phoneEmail}`, TOKENS.phoneEmail]) {
      const r = await api('/api/v3/get-profile', { auth });
      assert.equal(r.json.statusCode, 200, auth);
      assert.equal(r.json.data.userId, 'u-phone-email');
    }
  });

  it('answers 401 / 2020 for a missing or unknown token', async () => {
    for (const auth of [undefined, '', 'Bearer nope', 'nope', 'Bearer ']) {
      const r = await api('/api/v3/get-profile', { auth });
      assert.equal(r.http, 200);
      assertError(r.json, 401, 2020, '尚未登录，无权限访问此请求');
    }
    for (const path of ['/api/v3/bind-phone', '/api/v3/verify-update-phone-request', '/api/v3/update-phone', '/api/v3/unbind-phone']) {
      const r = await api(path, { body: {} });
      assertError(r.json, 401, 2020);
    }
  });

  it('speaks English with x-authing-lang: en-US and Chinese otherwise', async () => {
    let r = await api('/api/v3/get-profile', { lang: 'en-US' });
    assert.equal(r.json.message, 'Not logged in, no permission to access this request');
    r = await api('/api/v3/get-profile', { lang: 'en-US', token: TOKENS.noPhone });
    assert.equal(r.json.message, 'Success');
    for (const lang of ['zh-CN', 'ja-JP', 'fr']) {
      r = await api('/api/v3/get-profile', { lang });
      assert.equal(r.json.message, '尚未登录，无权限访问此请求', lang);
    }
  });

  it('answers unknown paths with 404, wrong methods with 405, bad JSON with 400 (all enveloped)', async () => {
    let r = await api('/api/v3/nope', { token: TOKENS.noPhone });
    assert.equal(r.http, 200);
    assertError(r.json, 404, undefined);
    r = await api('/api/v3/bind-phone', { method: 'GET', token: TOKENS.noPhone });
    assertError(r.json, 405, undefined);
    r = await api('/api/v3/get-profile', { method: 'POST', body: {}, token: TOKENS.noPhone });
    assertError(r.json, 405, undefined);
    r = await api('/api/v3/send-sms', { raw: '{"channel": ' });
    assertError(r.json, 400, undefined, '请求体不是合法的 JSON');
    r = await api('/api/v3/bind-phone', { raw: '"just-a-string"', token: TOKENS.noPhone });
    assertError(r.json, 400, undefined);
    r = await api('/api/v3/unbind-phone', { raw: '[1,2]', token: TOKENS.phoneEmail, lang: 'en-US' });
    assertError(r.json, 400, undefined, 'The request body must be a JSON object');
  });

  it('answers HTTP 404 JSON (not an envelope) outside /api/v3 and /__emulator', async () => {
    const res = await fetch(`${base}/elsewhere`);
    assert.equal(res.status, 404);
    const root = await (await fetch(`${base}/`)).json();
    assert.equal(root.name, 'authing-emulator');
  });
});

describe('send-sms', () => {
  it('sends a 6-digit code to the outbox, default country code +86, no token needed', async () => {
    const r = await api('/api/v3/send-sms', { body: { channel: 'CHANNEL_BIND_PHONE', phoneNumber: NEW_PHONE } });
    assert.deepEqual(Object.keys(r.json), ['statusCode', 'message', 'requestId']);
    assert.equal(r.json.statusCode, 200);
    const { json } = await control('GET', '/outbox');
    assert.equal(json.messages.length, 1);
    const sms = json.messages[0];
    assert.equal(sms.phoneCountryCode, '+86');
    assert.equal(sms.phoneNumber, NEW_PHONE);
    assert.equal(sms.channel, 'CHANNEL_BIND_PHONE');
    assert.match(sms.code, /^\d{6}$/);
    assert.equal(sms.text, `【Authing】您的验证码是 ${sms.code}，5 分钟内有效。`);
    assert.ok(Date.parse(sms.sentAt));
    assert.equal(typeof sms.id, 'number');
  });

  it('accepts a token, and international numbers with their country code once the pool has international SMS', async () => {
    const off = await api('/api/v3/send-sms', {
      body: { channel: 'CHANNEL_BIND_PHONE', phoneNumber: '7911123456', phoneCountryCode: '+44' },
    });
    assertError(off.json, 400, undefined, 'Authing 短信服务暂不内置支持国际手机号，你需要在 Authing 控制台配置对应的国际短信服务');
    assert.equal((await control('GET', '/outbox')).json.messages.length, 0, 'a new pool: mainland numbers only');
    await control('POST', '/config', { internationalSms: true });
    const r = await api('/api/v3/send-sms', {
      token: TOKENS.noPhone,
      body: { channel: 'CHANNEL_BIND_PHONE', phoneNumber: '7911123456', phoneCountryCode: '+44' },
    });
    assert.equal(r.json.statusCode, 200);
    const { json } = await control('GET', '/outbox?phoneNumber=7911123456');
    assert.equal(json.messages[0].phoneCountryCode, '+44');
  });

  it('rejects malformed numbers with 400 / 2028', async () => {
    const cases = [
      { phoneNumber: '12345678901' },
      { phoneNumber: '1380013800' },
      { phoneNumber: '138001380001' },
      { phoneNumber: '1380013800a' },
      { phoneNumber: '13800138000', phoneCountryCode: '86' },
      { phoneNumber: '13800138000', phoneCountryCode: '+12345' },
      { phoneNumber: '123', phoneCountryCode: '+1' },
      { phoneNumber: '1234567890123456', phoneCountryCode: '+1' },
    ];
    for (const c of cases) {
      const r = await api('/api/v3/send-sms', { body: { channel: 'CHANNEL_BIND_PHONE', ...c } });
      assertError(r.json, 400, 2028, '请输入正确的手机号码');
    }
    const en = await api('/api/v3/send-sms', { lang: 'en-US', body: { channel: 'CHANNEL_BIND_PHONE', phoneNumber: '1' } });
    assert.equal(en.json.message, 'Please enter a valid phone number');
    assert.equal((await control('GET', '/outbox')).json.messages.length, 0);
  });

  it('rejects a missing field or an unknown channel with 400', async () => {
    let r = await api('/api/v3/send-sms', { body: { channel: 'CHANNEL_BIND_PHONE' } });
    assertError(r.json, 400, undefined);
    r = await api('/api/v3/send-sms', { body: { phoneNumber: NEW_PHONE } });
    assertError(r.json, 400, undefined);
    r = await api('/api/v3/send-sms', { body: { channel: 'CHANNEL_UPDATE_PHONE', phoneNumber: NEW_PHONE } });
    assertError(r.json, 400, undefined);
    assert.match(r.json.message, /CHANNEL_BIND_PHONE/);
    r = await api('/api/v3/send-sms', { body: { channel: 'CHANNEL_BIND_PHONE', phoneNumber: 13512345678 } });
    assertError(r.json, 400, undefined);
  });

  it('accepts every Authing channel', async () => {
    const channels = [
      'CHANNEL_LOGIN',
      'CHANNEL_REGISTER',
      'CHANNEL_RESET_PASSWORD',
      'CHANNEL_BIND_PHONE',
      'CHANNEL_UNBIND_PHONE',
      'CHANNEL_BIND_MFA',
      'CHANNEL_VERIFY_MFA',
      'CHANNEL_UNBIND_MFA',
      'CHANNEL_COMPLETE_PHONE',
      'CHANNEL_IDENTITY_VERIFICATION',
      'CHANNEL_DELETE_ACCOUNT',
    ];
    for (const channel of channels) {
      const r = await api('/api/v3/send-sms', { body: { channel, phoneNumber: NEW_PHONE } });
      assert.equal(r.json.statusCode, 200, channel);
    }
    assert.equal((await control('GET', '/outbox')).json.messages.length, channels.length);
  });

  it('limits one send per (country code, number, channel) per resend interval: HTTP 200, statusCode 422, apiCode 4004, no SMS', async () => {
    const first = await sendCode(NEW_PHONE, 'CHANNEL_BIND_PHONE');
    const r = await api('/api/v3/send-sms', { body: { channel: 'CHANNEL_BIND_PHONE', phoneNumber: NEW_PHONE } });
    assert.equal(r.http, 200);
    assertError(r.json, 422, 4004, '该手机号 1 分钟内已发送过验证码，请稍后再试');
    assert.equal(r.headers.get('retry-after'), null, 'no Retry-After: none is known from Authing');
    const en = await api('/api/v3/send-sms', { lang: 'en-US', body: { channel: 'CHANNEL_BIND_PHONE', phoneNumber: NEW_PHONE } });
    assertError(en.json, 422, 4004, 'A code was already sent to this phone number in the last minute. Please try again later.');
    assert.equal((await control('GET', '/outbox')).json.messages.length, 1);

    // other channel, other number, other country code: independent
    await control('POST', '/config', { internationalSms: true });
    await sendCode(NEW_PHONE, 'CHANNEL_UNBIND_PHONE');
    await sendCode('13512345679', 'CHANNEL_BIND_PHONE');
    await sendCode(NEW_PHONE, 'CHANNEL_BIND_PHONE', '+852');

    // the limit expires with the clock; the new code replaces the old one
    await advance(59);
    const still = await api('/api/v3/send-sms', { body: { channel: 'CHANNEL_BIND_PHONE', phoneNumber: NEW_PHONE } });
    assertError(still.json, 422, 4004);
    await advance(1);
    const second = await sendCode(NEW_PHONE, 'CHANNEL_BIND_PHONE');
    if (second !== first) {
      const old = await api('/api/v3/bind-phone', { token: TOKENS.noPhone, body: { phoneNumber: NEW_PHONE, passCode: first } });
      assertError(old.json, 400, 2001);
    }
    const ok = await api('/api/v3/bind-phone', { token: TOKENS.noPhone, body: { phoneNumber: NEW_PHONE, passCode: second } });
    assert.equal(ok.json.statusCode, 200);
  });

  it('follows codeLength, codeTtlSeconds and resendIntervalSeconds from the config', async () => {
    await control('POST', '/config', { codeLength: 4, codeTtlSeconds: 90, resendIntervalSeconds: 30 });
    const code = await sendCode(NEW_PHONE, 'CHANNEL_BIND_PHONE');
    assert.match(code, /^\d{4}$/);
    const sms = (await control('GET', '/outbox')).json.messages[0];
    assert.equal(sms.text, `【Authing】您的验证码是 ${code}，90 秒内有效。`);
    const r = await api('/api/v3/send-sms', { body: { channel: 'CHANNEL_BIND_PHONE', phoneNumber: NEW_PHONE } });
    assertError(r.json, 422, 4004, '该手机号 30 秒内已发送过验证码，请稍后再试');
    const en = await api('/api/v3/send-sms', { lang: 'en-US', body: { channel: 'CHANNEL_BIND_PHONE', phoneNumber: NEW_PHONE } });
    assert.equal(en.json.message, 'A code was already sent to this phone number in the last 30 seconds. Please try again later.');
    await advance(30);
    await sendCode(NEW_PHONE, 'CHANNEL_BIND_PHONE');
  });
});

describe('bind-phone', () => {
  it('binds a verified number to a user without a phone', async () => {
    const code = await sendCode(NEW_PHONE, 'CHANNEL_BIND_PHONE');
    const r = await api('/api/v3/bind-phone', {
      token: TOKENS.noPhone,
      body: { phoneNumber: NEW_PHONE, passCode: code, phoneCountryCode: '+86' },
    });
    assert.deepEqual(Object.keys(r.json), ['statusCode', 'message', 'requestId']);
    assert.equal(r.json.statusCode, 200);
    const p = await profile(TOKENS.noPhone);
    assert.equal(p.phone, NEW_PHONE);
    assert.equal(p.phoneCountryCode, '+86');
    assert.equal(p.phoneVerified, true);
  });

  it('binds an international number', async () => {
    await control('POST', '/config', { internationalSms: true });
    const code = await sendCode('91234567', 'CHANNEL_BIND_PHONE', '+852');
    const r = await api('/api/v3/bind-phone', {
      token: TOKENS.noPhone,
      body: { phoneNumber: '91234567', passCode: code, phoneCountryCode: '+852' },
    });
    assert.equal(r.json.statusCode, 200);
    assert.equal((await profile(TOKENS.noPhone)).phoneCountryCode, '+852');
  });

  it('uses a code once: the same code again is 400 / 2300', async () => {
    await control('POST', '/users', { users: [{ userId: 'u-extra', tokens: ['t-extra'], email: 'x@example.com' }] });
    const code = await sendCode(NEW_PHONE, 'CHANNEL_BIND_PHONE');
    const ok = await api('/api/v3/bind-phone', { token: TOKENS.noPhone, body: { phoneNumber: NEW_PHONE, passCode: code } });
    assert.equal(ok.json.statusCode, 200);
    const again = await api('/api/v3/bind-phone', { token: 't-extra', body: { phoneNumber: NEW_PHONE, passCode: code } });
    assertError(again.json, 400, 2300, '验证码已失效');
  });

  it('answers 422 / 1320006 when the user already has a phone', async () => {
    const code = await sendCode(NEW_PHONE, 'CHANNEL_BIND_PHONE');
    const r = await api('/api/v3/bind-phone', {
      token: TOKENS.phoneEmail,
      lang: 'en-US',
      body: { phoneNumber: NEW_PHONE, passCode: code },
    });
    assertError(r.json, 422, 1320006, 'A phone number is already bound');
    const zh = await api('/api/v3/bind-phone', { token: TOKENS.phoneEmail, body: { phoneNumber: NEW_PHONE, passCode: code } });
    assert.equal(zh.json.message, '已经绑定了手机号');
  });

  it('answers 422 / 2035 for a number bound to another user, without consuming the code', async () => {
    const code = await sendCode(ERIN_PHONE, 'CHANNEL_BIND_PHONE');
    const r = await api('/api/v3/bind-phone', { token: TOKENS.noPhone, body: { phoneNumber: ERIN_PHONE, passCode: code } });
    assertError(r.json, 422, 2035, '该手机号已被绑定');
    const en = await api('/api/v3/bind-phone', { token: TOKENS.noPhone, lang: 'en-US', body: { phoneNumber: ERIN_PHONE, passCode: code } });
    assert.equal(en.json.message, 'The phone has been bound to another account');
    // erin unbinds (she has an email) → the same code now binds the number to alice
    const erinCode = await sendCode(ERIN_PHONE, 'CHANNEL_UNBIND_PHONE');
    assert.equal((await api('/api/v3/unbind-phone', { token: TOKENS.other, body: { passCode: erinCode } })).json.statusCode, 200);
    const ok = await api('/api/v3/bind-phone', { token: TOKENS.noPhone, body: { phoneNumber: ERIN_PHONE, passCode: code } });
    assert.equal(ok.json.statusCode, 200);
  });

  it('answers 400 / 2001 for a wrong code or none sent, and 400 / 2300 for an expired one', async () => {
    let r = await api('/api/v3/bind-phone', { token: TOKENS.noPhone, body: { phoneNumber: NEW_PHONE, passCode: '123456' } });
    assertError(r.json, 400, 2001, '验证码不正确');
    const code = await sendCode(NEW_PHONE, 'CHANNEL_BIND_PHONE');
    r = await api('/api/v3/bind-phone', { token: TOKENS.noPhone, lang: 'en-US', body: { phoneNumber: NEW_PHONE, passCode: wrong(code) } });
    assertError(r.json, 400, 2001, 'Wrong code. Try again.');
    // a code sent under another channel does not count
    const unbindCode = await sendCode('13512345679', 'CHANNEL_UNBIND_PHONE');
    r = await api('/api/v3/bind-phone', { token: TOKENS.noPhone, body: { phoneNumber: '13512345679', passCode: unbindCode } });
    assertError(r.json, 400, 2001);
    // expiry through the clock
    await advance(300);
    r = await api('/api/v3/bind-phone', { token: TOKENS.noPhone, lang: 'en-US', body: { phoneNumber: NEW_PHONE, passCode: code } });
    assertError(r.json, 400, 2300, 'Code invalid or expired');
  });

  it('with expiredCodeApiCode 2001 an expired code answers 2001 (Guard reads it as expired); apiCodeAsString sends "2001"', async () => {
    await control('POST', '/config', { expiredCodeApiCode: 2001 });
    const code = await sendCode(NEW_PHONE, 'CHANNEL_BIND_PHONE');
    await advance(300);
    let r = await api('/api/v3/bind-phone', { token: TOKENS.noPhone, body: { phoneNumber: NEW_PHONE, passCode: code } });
    assertError(r.json, 400, 2001, '验证码已失效');
    await control('POST', '/config', { apiCodeAsString: true });
    r = await api('/api/v3/bind-phone', { token: TOKENS.noPhone, body: { phoneNumber: NEW_PHONE, passCode: code } });
    assertError(r.json, 400, '2001');
    const log = (await control('GET', '/requests')).json.requests;
    assert.equal(log.at(-1).apiCode, 2001, 'the log keeps the number');
  });

  it('accepts a code just before it expires', async () => {
    const code = await sendCode(NEW_PHONE, 'CHANNEL_BIND_PHONE');
    await advance(299);
    const r = await api('/api/v3/bind-phone', { token: TOKENS.noPhone, body: { phoneNumber: NEW_PHONE, passCode: code } });
    assert.equal(r.json.statusCode, 200);
  });

  it('invalidates a code after maxCodeAttempts wrong tries', async () => {
    const code = await sendCode(NEW_PHONE, 'CHANNEL_BIND_PHONE');
    for (let i = 0; i < 5; i++) {
      const r = await api('/api/v3/bind-phone', { token: TOKENS.noPhone, body: { phoneNumber: NEW_PHONE, passCode: wrong(code) } });
      assertError(r.json, 400, 2001);
    }
    const r = await api('/api/v3/bind-phone', { token: TOKENS.noPhone, body: { phoneNumber: NEW_PHONE, passCode: code } });
    assertError(r.json, 400, 2300);
  });

  it('still accepts the right code after fewer wrong tries than the cap', async () => {
    await control('POST', '/config', { maxCodeAttempts: 3 });
    const code = await sendCode(NEW_PHONE, 'CHANNEL_BIND_PHONE');
    for (let i = 0; i < 2; i++) {
      await api('/api/v3/bind-phone', { token: TOKENS.noPhone, body: { phoneNumber: NEW_PHONE, passCode: wrong(code) } });
    }
    const r = await api('/api/v3/bind-phone', { token: TOKENS.noPhone, body: { phoneNumber: NEW_PHONE, passCode: code } });
    assert.equal(r.json.statusCode, 200);
  });

  it('validates fields (400) and the number (400 / 2028) before anything else', async () => {
    let r = await api('/api/v3/bind-phone', { token: TOKENS.noPhone, body: { phoneNumber: NEW_PHONE } });
    assertError(r.json, 400, undefined, '参数 passCode 不能为空');
    r = await api('/api/v3/bind-phone', { token: TOKENS.noPhone, lang: 'en-US', body: { passCode: '123456' } });
    assertError(r.json, 400, undefined, 'phoneNumber should not be empty');
    r = await api('/api/v3/bind-phone', { token: TOKENS.noPhone, body: {} });
    assertError(r.json, 400, undefined);
    r = await api('/api/v3/bind-phone', { token: TOKENS.noPhone, body: { phoneNumber: '123', passCode: '123456' } });
    assertError(r.json, 400, 2028);
  });
});

describe('verify-update-phone-request and update-phone', () => {
  /**
   * Codes for bob's change flow: old = his bound number under UNBIND, new under BIND.
   * @param {string} [newPhone]
   */
  async function codesForBob(newPhone = NEW_PHONE) {
    const oldCode = await sendCode(BOB_PHONE, 'CHANNEL_UNBIND_PHONE');
    const newCode = await sendCode(newPhone, 'CHANNEL_BIND_PHONE');
    return { oldCode, newCode };
  }

  /**
   * @param {string} token
   * @param {Record<string, unknown>} payload
   * @param {string} [lang]
   */
  const verify = (token, payload, lang) =>
    api('/api/v3/verify-update-phone-request', { token, lang, body: { verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: payload } });

  /** Bob's change to NEW_PHONE verified with both codes: the answer carries the one-time updatePhoneToken. */
  async function verifiedChangeForBob() {
    const { oldCode, newCode } = await codesForBob();
    return verify(TOKENS.phoneEmail, {
      newPhoneNumber: NEW_PHONE,
      newPhonePassCode: newCode,
      oldPhoneNumber: BOB_PHONE,
      oldPhonePassCode: oldCode,
    });
  }

  /** @param {string} token @param {string} updatePhoneToken @param {string} [lang] */
  const update = (token, updatePhoneToken, lang) => api('/api/v3/update-phone', { token, lang, body: { updatePhoneToken } });

  it('changes the phone with old and new codes, then a one-time token', async () => {
    const { oldCode, newCode } = await codesForBob();
    const v = await verify(TOKENS.phoneEmail, {
      newPhoneNumber: NEW_PHONE,
      newPhonePassCode: newCode,
      newPhoneCountryCode: '+86',
      oldPhoneNumber: BOB_PHONE,
      oldPhonePassCode: oldCode,
      oldPhoneCountryCode: '+86',
    });
    assert.equal(v.json.statusCode, 200, v.text);
    assert.equal(typeof v.json.data.updatePhoneToken, 'string');
    assert.ok(v.json.data.updatePhoneToken.length >= 16);
    assert.equal(v.json.data.tokenExpiresIn, 60);
    // nothing changed yet
    assert.equal((await profile(TOKENS.phoneEmail)).phone, BOB_PHONE);

    const u = await update(TOKENS.phoneEmail, v.json.data.updatePhoneToken);
    assert.equal(u.json.statusCode, 200);
    assert.deepEqual(u.json.data, { success: true });
    const p = await profile(TOKENS.phoneEmail);
    assert.equal(p.phone, NEW_PHONE);
    assert.equal(p.phoneCountryCode, '+86');
    assert.equal(p.phoneVerified, true);

    // the token is one-time
    const again = await update(TOKENS.phoneEmail, v.json.data.updatePhoneToken);
    assertError(again.json, 400, undefined, 'updatePhoneToken 无效或已过期');
    // both codes were consumed
    const reuse = await verify(TOKENS.phoneEmail, {
      newPhoneNumber: BOB_PHONE,
      newPhonePassCode: newCode,
      oldPhoneNumber: NEW_PHONE,
      oldPhonePassCode: oldCode,
    });
    assertError(reuse.json, 400, 2001); // no UNBIND code was ever sent to NEW_PHONE
  });

  it('consumes both codes only on success', async () => {
    const { oldCode, newCode } = await codesForBob();
    // a wrong new code: old code not consumed
    let r = await verify(TOKENS.phoneEmail, {
      newPhoneNumber: NEW_PHONE,
      newPhonePassCode: wrong(newCode),
      oldPhoneNumber: BOB_PHONE,
      oldPhonePassCode: oldCode,
    });
    assertError(r.json, 400, 2001);
    r = await verify(TOKENS.phoneEmail, {
      newPhoneNumber: NEW_PHONE,
      newPhonePassCode: newCode,
      oldPhoneNumber: BOB_PHONE,
      oldPhonePassCode: oldCode,
    });
    assert.equal(r.json.statusCode, 200);
    // now both are used
    r = await verify(TOKENS.phoneEmail, {
      newPhoneNumber: NEW_PHONE,
      newPhonePassCode: newCode,
      oldPhoneNumber: BOB_PHONE,
      oldPhonePassCode: oldCode,
    });
    assertError(r.json, 400, 2300);
  });

  it('answers 400 for a verifyMethod other than PHONE_PASSCODE or a missing payload', async () => {
    let r = await api('/api/v3/verify-update-phone-request', {
      token: TOKENS.phoneEmail,
      body: { verifyMethod: 'EMAIL_PASSCODE', phonePassCodePayload: { newPhoneNumber: NEW_PHONE, newPhonePassCode: '1' } },
    });
    assertError(r.json, 400, undefined);
    r = await api('/api/v3/verify-update-phone-request', { token: TOKENS.phoneEmail, body: { phonePassCodePayload: {} } });
    assertError(r.json, 400, undefined);
    r = await api('/api/v3/verify-update-phone-request', { token: TOKENS.phoneEmail, body: { verifyMethod: 'PHONE_PASSCODE' } });
    assertError(r.json, 400, undefined);
    r = await verify(TOKENS.phoneEmail, { newPhoneNumber: NEW_PHONE });
    assertError(r.json, 400, undefined);
    r = await verify(TOKENS.phoneEmail, { newPhoneNumber: 'abc', newPhonePassCode: '123456' });
    assertError(r.json, 400, 2028);
  });

  it('answers 422 / 1320005 when the user has no phone', async () => {
    const newCode = await sendCode(NEW_PHONE, 'CHANNEL_BIND_PHONE');
    const r = await verify(TOKENS.noPhone, { newPhoneNumber: NEW_PHONE, newPhonePassCode: newCode }, 'en-US');
    assertError(r.json, 422, 1320005, 'current user has no phone number bound');
    const zh = await verify(TOKENS.noPhone, { newPhoneNumber: NEW_PHONE, newPhonePassCode: newCode });
    assert.equal(zh.json.message, '当前用户未绑定手机号');
  });

  it('answers 422 / 2230 when the new number is the bound one', async () => {
    const r = await verify(TOKENS.phoneEmail, {
      newPhoneNumber: BOB_PHONE,
      newPhonePassCode: '123456',
      oldPhoneNumber: BOB_PHONE,
      oldPhonePassCode: '123456',
    });
    assertError(r.json, 422, 2230, '新手机号和旧手机号一样');
    const en = await verify(TOKENS.phoneEmail, { newPhoneNumber: BOB_PHONE, newPhonePassCode: '1' }, 'en-US');
    assertError(en.json, 422, 2230, 'The new phone is the same as the old phone');
    // same national number under another country code is a different phone
    const other = await verify(TOKENS.phoneEmail, {
      newPhoneNumber: '13800138000',
      newPhoneCountryCode: '+852',
      newPhonePassCode: '1',
      oldPhoneNumber: BOB_PHONE,
      oldPhonePassCode: '1',
    });
    assert.notEqual(other.json.apiCode, 2230);
  });

  it('answers 422 / 2035 when the new number belongs to another user, keeping the codes', async () => {
    const oldCode = await sendCode(BOB_PHONE, 'CHANNEL_UNBIND_PHONE');
    const erinCode = await sendCode(ERIN_PHONE, 'CHANNEL_BIND_PHONE');
    let r = await verify(TOKENS.phoneEmail, {
      newPhoneNumber: ERIN_PHONE,
      newPhonePassCode: erinCode,
      oldPhoneNumber: BOB_PHONE,
      oldPhonePassCode: oldCode,
    });
    assertError(r.json, 422, 2035, '该手机号已被绑定');
    const newCode = await sendCode(NEW_PHONE, 'CHANNEL_BIND_PHONE');
    r = await verify(TOKENS.phoneEmail, {
      newPhoneNumber: NEW_PHONE,
      newPhonePassCode: newCode,
      oldPhoneNumber: BOB_PHONE,
      oldPhonePassCode: oldCode,
    });
    assert.equal(r.json.statusCode, 200, 'the old code survived the failed request');
  });

  it('requires the old phone when verifyOldPhone is on: 400 without apiCode', async () => {
    const newCode = await sendCode(NEW_PHONE, 'CHANNEL_BIND_PHONE');
    let r = await verify(TOKENS.phoneEmail, { newPhoneNumber: NEW_PHONE, newPhonePassCode: newCode });
    assertError(r.json, 400, undefined, '修改手机号必须验证原来的手机号。');
    r = await verify(TOKENS.phoneEmail, { newPhoneNumber: NEW_PHONE, newPhonePassCode: newCode, oldPhoneNumber: BOB_PHONE }, 'en-US');
    assertError(r.json, 400, undefined, 'The original phone number must be verified to change it.');
  });

  it('answers 422 / 2038 when the old number is not the bound one', async () => {
    const newCode = await sendCode(NEW_PHONE, 'CHANNEL_BIND_PHONE');
    const oldCode = await sendCode(ERIN_PHONE, 'CHANNEL_UNBIND_PHONE');
    let r = await verify(TOKENS.phoneEmail, {
      newPhoneNumber: NEW_PHONE,
      newPhonePassCode: newCode,
      oldPhoneNumber: ERIN_PHONE,
      oldPhonePassCode: oldCode,
    });
    assertError(r.json, 422, 2038, '旧手机号非用户账号绑定的手机号');
    r = await verify(
      TOKENS.phoneEmail,
      {
        newPhoneNumber: NEW_PHONE,
        newPhonePassCode: newCode,
        oldPhoneNumber: BOB_PHONE,
        oldPhoneCountryCode: '+852',
        oldPhonePassCode: '1',
      },
      'en-US',
    );
    assertError(r.json, 422, 2038, 'The old phone is not the phone bound to the user');
  });

  it('checks the old code under CHANNEL_UNBIND_PHONE and the new one under CHANNEL_BIND_PHONE', async () => {
    const newCode = await sendCode(NEW_PHONE, 'CHANNEL_BIND_PHONE');
    // old code sent under the BIND channel does not count
    const oldUnderBind = await sendCode(BOB_PHONE, 'CHANNEL_BIND_PHONE');
    let r = await verify(TOKENS.phoneEmail, {
      newPhoneNumber: NEW_PHONE,
      newPhonePassCode: newCode,
      oldPhoneNumber: BOB_PHONE,
      oldPhonePassCode: oldUnderBind,
    });
    assertError(r.json, 400, 2001);
    const oldCode = await sendCode(BOB_PHONE, 'CHANNEL_UNBIND_PHONE');
    const newUnderUnbind = await sendCode('13512345679', 'CHANNEL_UNBIND_PHONE');
    r = await verify(TOKENS.phoneEmail, {
      newPhoneNumber: '13512345679',
      newPhonePassCode: newUnderUnbind,
      oldPhoneNumber: BOB_PHONE,
      oldPhonePassCode: oldCode,
    });
    assertError(r.json, 400, 2001);
    // wrong old code → 2001; expired → 2300
    r = await verify(TOKENS.phoneEmail, {
      newPhoneNumber: NEW_PHONE,
      newPhonePassCode: newCode,
      oldPhoneNumber: BOB_PHONE,
      oldPhonePassCode: wrong(oldCode),
    });
    assertError(r.json, 400, 2001);
    await advance(300);
    r = await verify(TOKENS.phoneEmail, {
      newPhoneNumber: NEW_PHONE,
      newPhonePassCode: newCode,
      oldPhoneNumber: BOB_PHONE,
      oldPhonePassCode: oldCode,
    });
    assertError(r.json, 400, 2300);
  });

  it('skips the old phone when verifyOldPhone is off, but checks it if sent', async () => {
    await control('POST', '/config', { verifyOldPhone: false });
    const newCode = await sendCode(NEW_PHONE, 'CHANNEL_BIND_PHONE');
    let r = await verify(TOKENS.phoneEmail, {
      newPhoneNumber: NEW_PHONE,
      newPhonePassCode: newCode,
      oldPhoneNumber: ERIN_PHONE,
      oldPhonePassCode: '1',
    });
    assertError(r.json, 422, 2038);
    r = await verify(TOKENS.phoneEmail, {
      newPhoneNumber: NEW_PHONE,
      newPhonePassCode: newCode,
      oldPhoneNumber: BOB_PHONE,
      oldPhonePassCode: '000000',
    });
    assertError(r.json, 400, 2001);
    r = await verify(TOKENS.phoneEmail, { newPhoneNumber: NEW_PHONE, newPhonePassCode: newCode });
    assert.equal(r.json.statusCode, 200);
    assert.equal((await update(TOKENS.phoneEmail, r.json.data.updatePhoneToken)).json.statusCode, 200);
    assert.equal((await profile(TOKENS.phoneEmail)).phone, NEW_PHONE);
  });

  it('the unsuccessful fault answers update-phone with statusCode 200 and data.success false, and changes nothing', async () => {
    const v = await verifiedChangeForBob();
    await control('POST', '/faults', { path: '/api/v3/update-phone', kind: 'unsuccessful' });
    const u = await update(TOKENS.phoneEmail, v.json.data.updatePhoneToken);
    assert.equal(u.json.statusCode, 200);
    assert.deepEqual(u.json.data, { success: false });
    assert.equal((await profile(TOKENS.phoneEmail)).phone, BOB_PHONE);
    assert.deepEqual((await update(TOKENS.phoneEmail, v.json.data.updatePhoneToken)).json.data, { success: true }, 'the token still works');
  });

  it('expires the update token after updatePhoneTokenTtlSeconds', async () => {
    await control('POST', '/config', { updatePhoneTokenTtlSeconds: 120 });
    const v = await verifiedChangeForBob();
    assert.equal(v.json.data.tokenExpiresIn, 120);
    await advance(120);
    const u = await update(TOKENS.phoneEmail, v.json.data.updatePhoneToken, 'en-US');
    assertError(u.json, 400, undefined, 'updatePhoneToken is invalid or expired');
    assert.equal((await profile(TOKENS.phoneEmail)).phone, BOB_PHONE);
  });

  it("rejects an unknown token, another user's token and a missing one", async () => {
    const v = await verifiedChangeForBob();
    let r = await update(TOKENS.other, v.json.data.updatePhoneToken);
    assertError(r.json, 400, undefined, 'updatePhoneToken 无效或已过期');
    r = await update(TOKENS.phoneEmail, 'not-a-token');
    assertError(r.json, 400, undefined);
    r = await api('/api/v3/update-phone', { token: TOKENS.phoneEmail, body: {} });
    assertError(r.json, 400, undefined);
    // erin's failed attempt did not burn bob's token
    r = await update(TOKENS.phoneEmail, v.json.data.updatePhoneToken);
    assert.equal(r.json.statusCode, 200);
  });

  it('answers 422 / 2035 when the new number was taken meanwhile', async () => {
    await control('POST', '/config', { resendIntervalSeconds: 0 });
    const v = await verifiedChangeForBob();
    const aliceCode = await sendCode(NEW_PHONE, 'CHANNEL_BIND_PHONE');
    assert.equal(
      (await api('/api/v3/bind-phone', { token: TOKENS.noPhone, body: { phoneNumber: NEW_PHONE, passCode: aliceCode } })).json.statusCode,
      200,
    );
    const u = await update(TOKENS.phoneEmail, v.json.data.updatePhoneToken);
    assertError(u.json, 422, 2035);
    assert.equal((await profile(TOKENS.phoneEmail)).phone, BOB_PHONE);
  });
});

describe('unbind-phone', () => {
  it('unbinds for a user with an email', async () => {
    const code = await sendCode(BOB_PHONE, 'CHANNEL_UNBIND_PHONE');
    const r = await api('/api/v3/unbind-phone', { token: TOKENS.phoneEmail, body: { passCode: code } });
    assert.deepEqual(Object.keys(r.json), ['statusCode', 'message', 'requestId']);
    assert.equal(r.json.statusCode, 200);
    const p = await profile(TOKENS.phoneEmail);
    assert.equal(p.phone, null);
    assert.equal(p.phoneCountryCode, null);
    assert.equal(p.phoneVerified, false);
    // the number is free again
    const bindCode = await sendCode(BOB_PHONE, 'CHANNEL_BIND_PHONE');
    assert.equal(
      (await api('/api/v3/bind-phone', { token: TOKENS.noPhone, body: { phoneNumber: BOB_PHONE, passCode: bindCode } })).json.statusCode,
      200,
    );
  });

  it('unbinds for a user whose other login method is a social identity', async () => {
    const code = await sendCode(DAVE_PHONE, 'CHANNEL_UNBIND_PHONE');
    const r = await api('/api/v3/unbind-phone', { token: TOKENS.phoneSocial, body: { passCode: code } });
    assert.equal(r.json.statusCode, 200);
    assert.equal((await profile(TOKENS.phoneSocial)).phone, null);
  });

  it('answers 422 / 2217 when the phone is the last login method, before checking the code', async () => {
    let r = await api('/api/v3/unbind-phone', { token: TOKENS.phoneOnly, body: { passCode: '123456' } });
    assertError(r.json, 422, 2217, '没有配置其他登录方式，不能解绑手机号');
    const code = await sendCode(CAROL_PHONE, 'CHANNEL_UNBIND_PHONE');
    r = await api('/api/v3/unbind-phone', { token: TOKENS.phoneOnly, lang: 'en-US', body: { passCode: code } });
    assertError(r.json, 422, 2217, 'No other login account. Unable to unbind the phone');
    assert.equal((await profile(TOKENS.phoneOnly)).phone, CAROL_PHONE);
  });

  it('answers 422 / 1320005 without a phone', async () => {
    const r = await api('/api/v3/unbind-phone', { token: TOKENS.noPhone, body: { passCode: '123456' } });
    assertError(r.json, 422, 1320005);
  });

  it('checks the code under CHANNEL_UNBIND_PHONE for the bound number: 2001, 2300, single use', async () => {
    let r = await api('/api/v3/unbind-phone', { token: TOKENS.phoneEmail, body: { passCode: '123456' } });
    assertError(r.json, 400, 2001);
    const bindChannel = await sendCode(BOB_PHONE, 'CHANNEL_BIND_PHONE');
    r = await api('/api/v3/unbind-phone', { token: TOKENS.phoneEmail, body: { passCode: bindChannel } });
    assertError(r.json, 400, 2001);
    const code = await sendCode(BOB_PHONE, 'CHANNEL_UNBIND_PHONE');
    r = await api('/api/v3/unbind-phone', { token: TOKENS.phoneEmail, body: { passCode: wrong(code) } });
    assertError(r.json, 400, 2001);
    await advance(301);
    r = await api('/api/v3/unbind-phone', { token: TOKENS.phoneEmail, body: { passCode: code } });
    assertError(r.json, 400, 2300);
    const fresh = await sendCode(BOB_PHONE, 'CHANNEL_UNBIND_PHONE');
    r = await api('/api/v3/unbind-phone', { token: TOKENS.phoneEmail, body: { passCode: fresh } });
    assert.equal(r.json.statusCode, 200);
    r = await api('/api/v3/unbind-phone', { token: TOKENS.phoneEmail, body: { passCode: fresh } });
    assertError(r.json, 422, 1320005);
  });

  it('requires passCode', async () => {
    const r = await api('/api/v3/unbind-phone', { token: TOKENS.phoneEmail, body: {} });
    assertError(r.json, 400, undefined, '参数 passCode 不能为空');
  });
});

describe('CORS', () => {
  const APP = 'http://localhost:5173';
  /** The headers with a production browser precedent (docs/authing-api.md §13), plus accept. */
  const ALLOWED = [
    'accept',
    'authorization',
    'content-type',
    'x-authing-app-id',
    'x-authing-userpool-id',
    'x-authing-lang',
    'x-authing-request-from',
    'x-authing-sdk-version',
    'x-authing-app-tenant-id',
  ];
  /**
   * @param {string} origin
   * @param {string} [path]
   * @param {string} [requestHeaders]
   */
  const preflight = (origin, path = '/api/v3/bind-phone', requestHeaders = 'authorization,content-type,x-authing-lang') =>
    fetch(base + path, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': requestHeaders },
    });
  const allowOrigins = (/** @type {object} */ patch) => control('POST', '/config', patch);

  it('allows no origin by default, loopback ones included (like an empty 安全域 list)', async () => {
    for (const origin of [APP, 'http://127.0.0.1:8000', 'http://[::1]:3000', 'https://app.example.com']) {
      const res = await preflight(origin);
      assert.equal(res.status, 204, origin);
      assert.equal(res.headers.get('access-control-allow-origin'), null, origin);
      assert.equal(res.headers.get('access-control-allow-headers'), null, origin);
      const get = await fetch(`${base}/api/v3/get-profile`, {
        headers: { origin, authorization: TOKENS.noPhone, 'x-authing-app-id': 'a' },
      });
      assert.equal(get.headers.get('access-control-allow-origin'), null, origin);
    }
  });

  it('answers a preflight from a configured origin with 204 and exactly the allowed headers', async () => {
    await allowOrigins({ allowedOrigins: [APP, 'https://app.example.com/'] });
    for (const origin of [APP, 'https://app.example.com']) {
      const res = await preflight(origin);
      assert.equal(res.status, 204, origin);
      assert.equal(res.headers.get('access-control-allow-origin'), origin);
      assert.equal(res.headers.get('access-control-allow-credentials'), 'true');
      assert.equal(res.headers.get('access-control-allow-methods'), 'GET,POST,PUT,DELETE,OPTIONS');
      assert.deepEqual((res.headers.get('access-control-allow-headers') ?? '').split(','), ALLOWED);
      assert.equal(res.headers.get('access-control-max-age'), '600');
      assert.match(res.headers.get('vary') ?? '', /Origin/);
    }
    // the same list when no header is asked for
    const none = await fetch(`${base}/api/v3/get-profile`, {
      method: 'OPTIONS',
      headers: { origin: APP, 'access-control-request-method': 'GET' },
    });
    assert.deepEqual((none.headers.get('access-control-allow-headers') ?? '').split(','), ALLOWED);
  });

  it('never echoes a header outside the list: a preflight asking for one gets no approval for it', async () => {
    await allowOrigins({ allowedOrigins: [APP] });
    for (const extra of ['x-request-id', 'x-authing-device-id', 'x-custom']) {
      const res = await preflight(APP, '/api/v3/get-profile', `authorization,${extra},x-authing-app-id`);
      const allowed = (res.headers.get('access-control-allow-headers') ?? '').split(',');
      assert.ok(!allowed.includes(extra), `${extra} must not be allowed`);
      assert.ok(allowed.includes('authorization') && allowed.includes('x-authing-app-id'));
    }
  });

  it('refuses origins not configured, and look-alikes', async () => {
    await allowOrigins({ allowedOrigins: [APP] });
    for (const origin of [
      'https://evil.example',
      'http://localhost.evil.example:5173',
      'http://localhost:5174',
      'https://localhost:5173',
      'null',
    ]) {
      const res = await preflight(origin);
      assert.equal(res.status, 204);
      assert.equal(res.headers.get('access-control-allow-origin'), null, origin);
      const get = await fetch(`${base}/api/v3/get-profile`, {
        headers: { origin, authorization: TOKENS.noPhone, 'x-authing-app-id': 'a' },
      });
      assert.equal(get.headers.get('access-control-allow-origin'), null);
    }
  });

  it('adds CORS headers to real responses (API and control) for allowed origins', async () => {
    await allowOrigins({ allowedOrigins: [APP] });
    const res = await fetch(`${base}/api/v3/get-profile`, {
      headers: { origin: APP, authorization: TOKENS.noPhone, 'x-authing-app-id': 'a' },
    });
    assert.equal(res.headers.get('access-control-allow-origin'), APP);
    assert.equal(res.headers.get('access-control-allow-credentials'), 'true');
    assert.match(res.headers.get('access-control-expose-headers') ?? '', /x-authing-request-id/);
    assert.match(res.headers.get('vary') ?? '', /Origin/);
    const ctl = await fetch(`${base}/__emulator/outbox`, { headers: { origin: APP } });
    assert.equal(ctl.headers.get('access-control-allow-origin'), APP);
    const ctlPre = await preflight(APP, '/__emulator/reset', 'content-type');
    assert.equal(ctlPre.headers.get('access-control-allow-origin'), APP);
    const v2 = await fetch(`${base}/api/v2/applications/demo-app/public-config`, { headers: { origin: APP } });
    assert.equal(v2.headers.get('access-control-allow-origin'), APP);
  });

  it('allowLoopbackOrigins: true allows any loopback origin; "*" any origin', async () => {
    await allowOrigins({ allowLoopbackOrigins: true });
    for (const origin of [APP, 'http://127.0.0.1:8000', 'http://[::1]:3000', 'http://localhost']) {
      assert.equal((await preflight(origin)).headers.get('access-control-allow-origin'), origin, origin);
    }
    assert.equal((await preflight('https://app.example.com')).headers.get('access-control-allow-origin'), null);
    await allowOrigins({ allowedOrigins: ['*'], allowLoopbackOrigins: false });
    assert.equal((await preflight('https://any.example')).headers.get('access-control-allow-origin'), 'https://any.example');
  });

  it('the origins survive a reset when they were given to startEmulator()', async () => {
    const own = await startEmulator({ port: 0, allowedOrigins: [APP] });
    try {
      await createEmulatorClient(own.url).reset();
      const res = await fetch(`${own.url}/api/v3/get-profile`, {
        method: 'OPTIONS',
        headers: { origin: APP, 'access-control-request-method': 'GET' },
      });
      assert.equal(res.headers.get('access-control-allow-origin'), APP);
    } finally {
      await own.close();
    }
  });
});

describe('faults', () => {
  const sms = () => api('/api/v3/send-sms', { body: { channel: 'CHANNEL_BIND_PHONE', phoneNumber: NEW_PHONE } });
  const outboxCount = async () => (await control('GET', '/outbox')).json.messages.length;
  const lastLog = async () => (await control('GET', '/requests')).json.requests.at(-1);

  it('http500: HTTP 500 with a JSON body, endpoint not run, logged', async () => {
    await control('POST', '/faults', { path: '/api/v3/send-sms', kind: 'http500' });
    const r = await sms();
    assert.equal(r.http, 500);
    assert.deepEqual(r.json, { statusCode: 500, message: 'Internal Server Error' });
    assert.equal(await outboxCount(), 0);
    const log = await lastLog();
    assert.equal(log.statusCode, 500);
    assert.equal(log.fault, 'http500');
    // one time only
    assert.equal((await sms()).json.statusCode, 200);
  });

  it('envelope: HTTP 200 with the given statusCode / apiCode / message (default 500)', async () => {
    await control('POST', '/faults', {
      path: '/api/v3/bind-phone',
      kind: 'envelope',
      statusCode: 429,
      apiCode: 2100,
      message: 'slow down',
    });
    await control('POST', '/faults', { path: '/api/v3/bind-phone', kind: 'envelope' });
    const code = await sendCode(NEW_PHONE, 'CHANNEL_BIND_PHONE');
    const body = { phoneNumber: NEW_PHONE, passCode: code };
    let r = await api('/api/v3/bind-phone', { token: TOKENS.noPhone, body });
    assert.equal(r.http, 200);
    assertError(r.json, 429, 2100, 'slow down');
    r = await api('/api/v3/bind-phone', { token: TOKENS.noPhone, body });
    assertError(r.json, 500, undefined, '服务器内部错误');
    assert.equal((await lastLog()).statusCode, 500);
    // the code was never consumed by the faulted requests
    r = await api('/api/v3/bind-phone', { token: TOKENS.noPhone, body });
    assert.equal(r.json.statusCode, 200);
  });

  it('malformed: HTTP 200 application/json with a truncated body', async () => {
    await control('POST', '/faults', { path: '*', kind: 'malformed' });
    const res = await fetch(`${base}/api/v3/get-profile`, { headers: { authorization: TOKENS.noPhone } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const text = await res.text();
    assert.equal(text, '{"statusCode": 200, "data": ');
    assert.throws(() => JSON.parse(text));
  });

  it('html: HTTP 502 with an HTML page', async () => {
    await control('POST', '/faults', { path: '/api/v3/send-sms', kind: 'html' });
    const res = await fetch(`${base}/api/v3/send-sms`, { method: 'POST', body: '{}' });
    assert.equal(res.status, 502);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(await res.text(), /502 Bad Gateway/);
    assert.equal((await lastLog()).statusCode, 502);
  });

  it('drop: the connection closes without an answer, even a reused keep-alive one; logged with statusCode 0', async () => {
    await control('POST', '/faults', { path: '/api/v3/send-sms', kind: 'drop' });
    await api('/api/v3/get-profile', { token: TOKENS.noPhone }); // leaves a keep-alive connection to reuse
    await control('DELETE', '/requests');
    await assert.rejects(sms(), TypeError);
    assert.equal(await outboxCount(), 0);
    const sends = (await control('GET', '/requests')).json.requests;
    assert.deepEqual(
      sends.map((/** @type {any} */ r) => [r.path, r.statusCode, r.fault]),
      [['/api/v3/send-sms', 0, 'drop']],
      'not retried',
    );
    assert.equal((await sms()).json.statusCode, 200);
  });

  it('apply-drop, apply-empty, apply-delay: the endpoint runs, then its answer is lost, empty or held', async () => {
    await control('POST', '/faults', { path: '/api/v3/send-sms', kind: 'apply-drop' });
    await assert.rejects(sms(), TypeError);
    assert.equal(await outboxCount(), 1, 'sent although the answer was lost');
    assert.deepEqual([(await lastLog()).statusCode, (await lastLog()).fault], [0, 'apply-drop']);

    await control('POST', '/clock', { advanceSeconds: 61 });
    await control('POST', '/faults', { path: '/api/v3/bind-phone', kind: 'apply-empty' });
    const code = await sendCode(NEW_PHONE, 'CHANNEL_BIND_PHONE');
    const res = await fetch(`${base}/api/v3/bind-phone`, {
      method: 'POST',
      headers: { authorization: TOKENS.noPhone, 'x-authing-app-id': 'demo-app', 'content-type': 'application/json' },
      body: JSON.stringify({ phoneNumber: NEW_PHONE, passCode: code }),
    });
    assert.equal(res.status, 200);
    assert.equal(await res.text(), '');
    const users = (await control('GET', '/users')).json.users;
    assert.equal(users.find((/** @type {any} */ u) => u.phone === NEW_PHONE)?.phone, NEW_PHONE, 'bound');

    await control('DELETE', '/outbox');
    await control('POST', '/clock', { advanceSeconds: 61 });
    await control('POST', '/faults', { path: '/api/v3/send-sms', kind: 'apply-delay', delayMs: 300 });
    const pending = sms();
    const deadline = Date.now() + 3000;
    while ((await outboxCount()) === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(await outboxCount(), 1, 'applied before the answer');
    assert.equal((await pending).json.statusCode, 200);
  });

  it('delay: answers normally after delayMs', async () => {
    await control('POST', '/faults', { path: '/api/v3/send-sms', kind: 'delay', delayMs: 150 });
    const t0 = performance.now();
    const r = await sms();
    assert.ok(performance.now() - t0 >= 140);
    assert.equal(r.json.statusCode, 200);
    assert.equal(await outboxCount(), 1);
  });

  it('delay: still runs the endpoint when the client went away', async () => {
    await control('POST', '/faults', { path: '/api/v3/send-sms', kind: 'delay', delayMs: 150 });
    const ac = new AbortController();
    const pending = fetch(`${base}/api/v3/send-sms`, {
      method: 'POST',
      headers: { 'x-authing-app-id': 'demo-app' },
      body: JSON.stringify({ channel: 'CHANNEL_BIND_PHONE', phoneNumber: NEW_PHONE }),
      signal: ac.signal,
    });
    setTimeout(() => ac.abort(), 30);
    await assert.rejects(pending);
    assert.equal(await outboxCount(), 0, 'not yet: still waiting');
    // poll until the delayed endpoint has run (about 120 ms from now)
    const deadline = Date.now() + 3000;
    while ((await outboxCount()) === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(await outboxCount(), 1);
    assert.equal((await lastLog()).fault, 'delay');
  });

  it('delay: a request delayed across a reset does not touch the fresh state', async () => {
    await control('POST', '/faults', { path: '/api/v3/send-sms', kind: 'delay', delayMs: 150 });
    const pending = sms();
    // wait until the request has arrived (it takes the fault at once), then reset
    const deadline = Date.now() + 3000;
    while ((await control('GET', '/faults')).json.faults.length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await control('POST', '/reset');
    const late = await pending;
    assert.equal(late.json.statusCode, 503);
    assert.equal(await outboxCount(), 0, 'no SMS leaked into the fresh state');
    assert.deepEqual((await control('GET', '/requests')).json.requests, []);
    assert.equal((await sms()).json.statusCode, 200, 'no resend limit either');
  });

  it('exception: an unexpected error becomes a 500 envelope and the server keeps serving', async () => {
    await control('POST', '/faults', { path: '/api/v3/get-profile', kind: 'exception' });
    const r = await api('/api/v3/get-profile', { token: TOKENS.noPhone, lang: 'en-US' });
    assert.equal(r.http, 200);
    assertError(r.json, 500, undefined, 'Internal server error');
    assert.equal((await api('/api/v3/get-profile', { token: TOKENS.noPhone })).json.statusCode, 200);
  });

  it('applies `times`, matches by path or "*", ignores preflights, and can be listed and cleared', async () => {
    await control('POST', '/faults', { path: '/api/v3/send-sms', kind: 'envelope', statusCode: 503, times: 2 });
    const listed = await control('GET', '/faults');
    assert.equal(listed.json.faults.length, 1);
    assert.equal(listed.json.faults[0].remaining, 2);
    // another path is not affected, a preflight does not consume it
    assert.equal((await api('/api/v3/get-profile', { token: TOKENS.noPhone })).json.statusCode, 200);
    await fetch(`${base}/api/v3/send-sms`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
    });
    assert.equal((await sms()).json.statusCode, 503);
    assert.equal((await sms()).json.statusCode, 503);
    assert.equal((await sms()).json.statusCode, 200);
    assert.deepEqual((await control('GET', '/faults')).json.faults, []);

    await control('POST', '/faults', { path: '*', kind: 'http500', times: 5 });
    assert.equal((await api('/api/v3/get-profile', { token: TOKENS.noPhone })).http, 500);
    assert.equal((await control('GET', '/health')).status, 200, 'control endpoints are never faulted');
    await control('DELETE', '/faults');
    assert.equal((await api('/api/v3/get-profile', { token: TOKENS.noPhone })).http, 200);
  });

  it('rejects invalid faults with HTTP 400', async () => {
    for (const f of [
      { kind: 'nope' },
      { path: '/elsewhere', kind: 'http500' },
      { kind: 'http500', times: 0 },
      { kind: 'delay', delayMs: -1 },
    ]) {
      const r = await control('POST', '/faults', f);
      assert.equal(r.status, 400, JSON.stringify(f));
      assert.equal(typeof r.json.error, 'string');
    }
  });
});

describe('request log', () => {
  it('logs /api/v3 requests with statusCode, apiCode, lang, appId and auth, never tokens, codes or bodies', async () => {
    await control('DELETE', '/requests');
    const code = await sendCode(NEW_PHONE, 'CHANNEL_BIND_PHONE');
    await api('/api/v3/bind-phone', { token: TOKENS.noPhone, lang: 'en-US', body: { phoneNumber: NEW_PHONE, passCode: wrong(code) } });
    await api('/api/v3/bind-phone', { auth: TOKENS.noPhone, body: { phoneNumber: NEW_PHONE, passCode: code } });
    await api('/api/v3/get-profile?withIdentities=true');
    const { json } = await control('GET', '/requests');
    /** @type {any[]} */
    const reqs = json.requests;
    assert.equal(reqs.length, 4, 'control calls are not logged');
    assert.deepEqual(
      reqs.map((r) => r.seq),
      [...reqs.map((r) => r.seq)].sort((a, b) => a - b),
    );
    assert.deepEqual(
      reqs.map((r) => [r.method, r.path, r.statusCode, r.apiCode, r.authorized, r.authScheme]),
      [
        ['POST', '/api/v3/send-sms', 200, undefined, false, null],
        ['POST', '/api/v3/bind-phone', 400, 2001, true, 'bearer'],
        ['POST', '/api/v3/bind-phone', 200, undefined, true, 'raw'],
        ['GET', '/api/v3/get-profile', 401, 2020, false, null],
      ],
    );
    assert.equal(reqs[1].lang, 'en-US');
    assert.equal(reqs[0].lang, undefined);
    assert.equal(reqs[1].appId, 'demo-app');
    assert.ok(Date.parse(reqs[0].time));
    const dump = JSON.stringify(reqs);
    assert.ok(!dump.includes('demo-token'), 'no access token');
    assert.ok(!dump.includes(code) && !dump.includes(wrong(code)), 'no SMS code');
    assert.ok(!dump.includes(NEW_PHONE) && !dump.includes('passCode'), 'no request body');
    await control('DELETE', '/requests');
    assert.deepEqual((await control('GET', '/requests')).json.requests, []);
  });
});

describe('control API', () => {
  it('health', async () => {
    assert.deepEqual((await control('GET', '/health')).json, { ok: true });
  });

  it('reset restores users, config, codes, outbox, faults, tokens, log and clock', async () => {
    await control('POST', '/config', { codeLength: 8, verifyOldPhone: false });
    const code = await sendCode(NEW_PHONE, 'CHANNEL_BIND_PHONE');
    await api('/api/v3/bind-phone', { token: TOKENS.noPhone, body: { phoneNumber: NEW_PHONE, passCode: code } });
    await control('POST', '/faults', { kind: 'http500', times: 3 });
    await advance(1000);
    const before = Date.now();
    assert.deepEqual((await control('POST', '/reset')).json, { ok: true });

    assert.equal((await control('GET', '/config')).json.codeLength, 6);
    assert.equal((await control('GET', '/config')).json.verifyOldPhone, true);
    assert.deepEqual((await control('GET', '/outbox')).json.messages, []);
    assert.deepEqual((await control('GET', '/faults')).json.faults, []);
    assert.deepEqual((await control('GET', '/requests')).json.requests, []);
    const clock = (await control('GET', '/clock')).json;
    assert.equal(clock.offsetSeconds, 0);
    assert.ok(Math.abs(Date.parse(clock.now) - before) < 5000);
    assert.equal((await profile(TOKENS.noPhone)).phone, null);
    // the old code is gone too: binding now says "wrong", not "used"
    const r = await api('/api/v3/bind-phone', { token: TOKENS.noPhone, body: { phoneNumber: NEW_PHONE, passCode: code } });
    assertError(r.json, 400, 2001);
  });

  it('reset accepts a config', async () => {
    await control('POST', '/reset', { config: { verifyOldPhone: false, codeLength: 4 } });
    const cfg = (await control('GET', '/config')).json;
    assert.equal(cfg.verifyOldPhone, false);
    assert.equal(cfg.codeLength, 4);
  });

  it('config: GET the full config, POST a partial one, 400 on invalid values', async () => {
    const cfg = (await control('GET', '/config')).json;
    assert.deepEqual(cfg, {
      allowedOrigins: [],
      allowLoopbackOrigins: false,
      requireAppOrPoolId: true,
      codeLength: 6,
      codeTtlSeconds: 300,
      resendIntervalSeconds: 60,
      updatePhoneTokenTtlSeconds: 60,
      verifyOldPhone: true,
      maxCodeAttempts: 5,
      codes: null,
      dailySmsLimit: 0,
      internationalSms: false,
      defaultISOType: 'CN',
      phoneRegex: null,
      expiredCodeApiCode: 2300,
      apiCodeAsString: false,
    });
    const updated = (await control('POST', '/config', { maxCodeAttempts: 2 })).json;
    assert.equal(updated.maxCodeAttempts, 2);
    assert.equal(updated.codeLength, 6);
    for (const bad of [
      { codeLength: 2 },
      { verifyOldPhone: 'yes' },
      { allowedOrigins: 'x' },
      { requireAppOrPoolId: 1 },
      { nope: 1 },
      { internationalSms: 'on' },
      { defaultISOType: 'japan' },
      { phoneRegex: '([' },
      { expiredCodeApiCode: 4000 },
      { apiCodeAsString: 1 },
    ]) {
      assert.equal((await control('POST', '/config', bad)).status, 400, JSON.stringify(bad));
    }
    const res = await fetch(`${base}/__emulator/config`, { method: 'POST', body: '{bad' });
    assert.equal(res.status, 400);
  });

  it('users: GET lists them with tokens, POST adds or replaces by userId', async () => {
    const { json } = await control('GET', '/users');
    assert.deepEqual(
      json.users.map((/** @type {any} */ u) => u.userId),
      ['u-no-phone', 'u-phone-email', 'u-phone-only', 'u-phone-social', 'u-other'],
    );
    const bob = json.users.find((/** @type {any} */ u) => u.userId === 'u-phone-email');
    assert.deepEqual(bob.tokens, ['demo-token-phone-email']);
    assert.equal(bob.phone, BOB_PHONE);

    const r = await control('POST', '/users', {
      users: [
        { userId: 'u-new', tokens: ['tok-new'], username: 'frank', phone: '91234567', phoneCountryCode: '+852' },
        { userId: 'u-phone-email', tokens: ['tok-bob-2'], email: 'bob2@example.com' },
      ],
    });
    assert.equal(r.status, 200);
    assert.equal(r.json.users.length, 6);
    const p = await profile('tok-new');
    assert.equal(p.phone, '91234567');
    assert.equal(p.phoneCountryCode, '+852');
    const bob2 = await profile('tok-bob-2');
    assert.equal(bob2.phone, null, 'replaced, not merged');
    assertError((await api('/api/v3/get-profile', { token: TOKENS.phoneEmail })).json, 401, 2020);

    // conflicts and bad input → 400
    assert.equal((await control('POST', '/users', { users: [{ userId: 'u-x', phone: ERIN_PHONE }] })).status, 400);
    assert.equal((await control('POST', '/users', { users: [{ userId: 'u-y', tokens: [TOKENS.other] }] })).status, 400);
    assert.equal((await control('POST', '/users', { users: [{ tokens: [] }] })).status, 400);
    assert.equal((await control('POST', '/users', { users: 'nope' })).status, 400);
  });

  it('clock: POST advances the emulator time', async () => {
    const before = (await control('GET', '/clock')).json;
    const after = (await advance(3600)).json;
    assert.equal(after.offsetSeconds, 3600);
    assert.ok(Date.parse(after.now) - Date.parse(before.now) >= 3600 * 1000);
    assert.equal((await control('POST', '/clock', { advanceSeconds: 'x' })).status, 400);
  });

  it('outbox: filters by phoneNumber and channel, oldest first, DELETE clears', async () => {
    await sendCode(NEW_PHONE, 'CHANNEL_BIND_PHONE');
    await sendCode(BOB_PHONE, 'CHANNEL_UNBIND_PHONE');
    await sendCode(NEW_PHONE, 'CHANNEL_UNBIND_PHONE');
    const all = (await control('GET', '/outbox')).json.messages;
    assert.deepEqual(
      all.map((/** @type {any} */ m) => m.id),
      [1, 2, 3],
    );
    assert.equal((await control('GET', `/outbox?phoneNumber=${NEW_PHONE}`)).json.messages.length, 2);
    assert.equal((await control('GET', '/outbox?channel=CHANNEL_UNBIND_PHONE')).json.messages.length, 2);
    assert.equal((await control('GET', `/outbox?phoneNumber=${NEW_PHONE}&channel=CHANNEL_BIND_PHONE`)).json.messages.length, 1);
    await control('DELETE', '/outbox');
    assert.deepEqual((await control('GET', '/outbox')).json.messages, []);
  });

  it('answers 404 / 405 for unknown control routes and methods', async () => {
    assert.equal((await control('GET', '/nope')).status, 404);
    assert.equal((await control('PUT', '/outbox', {})).status, 405);
  });
});

describe('module API', () => {
  it('startEmulator is reachable as 127.0.0.1 and as localhost', async () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(server.localhostUrl, `http://localhost:${server.port}`);
    for (const url of [server.url, server.localhostUrl]) {
      const res = await fetch(`${url}/__emulator/health`);
      assert.deepEqual(await res.json(), { ok: true }, url);
    }
  });

  it('createEmulator options set the defaults that reset restores', async () => {
    const emu = createEmulator({ codeLength: 8, users: [{ userId: 'solo', tokens: ['t'] }] });
    assert.equal(emu.getConfig().codeLength, 8);
    emu.setConfig({ codeLength: 4 });
    emu.reset();
    assert.equal(emu.getConfig().codeLength, 8);
    assert.deepEqual(
      emu.listUsers().map((u) => u.userId),
      ['solo'],
    );
  });

  it('handle() works as connect-style middleware: other paths go to next()', async () => {
    const emu = createEmulator();
    const srv = http.createServer((req, res) =>
      emu.handle(req, res, () => {
        res.statusCode = 418;
        res.end('next');
      }),
    );
    await new Promise((resolve) => srv.listen(0, '127.0.0.1', () => resolve(undefined)));
    const address = /** @type {import('node:net').AddressInfo} */ (srv.address());
    const url = `http://127.0.0.1:${address.port}`;
    try {
      assert.equal((await fetch(`${url}/index.html`)).status, 418);
      const headers = { 'x-authing-userpool-id': 'demo-pool' };
      const r = await (await fetch(`${url}/api/v3/get-profile`, { headers: { ...headers, authorization: TOKENS.noPhone } })).json();
      assert.equal(r.data.userId, 'u-no-phone');
      const sent = await fetch(`${url}/api/v3/send-sms`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ channel: 'CHANNEL_BIND_PHONE', phoneNumber: NEW_PHONE }),
      });
      assert.equal((await sent.json()).statusCode, 200);
      assert.match(emu.latestCode({ phoneNumber: NEW_PHONE }) ?? '', /^\d{6}$/);
    } finally {
      srv.closeAllConnections();
      await new Promise((resolve) => srv.close(() => resolve(undefined)));
    }
  });
});
