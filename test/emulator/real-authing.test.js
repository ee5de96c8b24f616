// The emulator's rules that follow the second reading of Authing's sources (docs/authing-api.md §13), over
// real HTTP: token scopes and get-security-info, the V2 public config, the app or pool id, and the
// rate-limit fault (HTTP 429). The send-sms limits (422 / 4004, the daily cap) and CORS are in
// emulator.test.js and emulator-client.test.js.
//
// Run: node --test test/emulator/real-authing.test.js

import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startEmulator, createEmulatorClient, DEFAULT_SCOPE } from '../../emulator/index.js';

const BOB = { token: 'demo-token-phone-email', userId: 'u-phone-email' };
const ALICE = { token: 'demo-token-no-phone', userId: 'u-no-phone' };
const PROFILE = '/api/v3/get-profile?withCustomData=false&withIdentities=true&withDepartmentIds=false';
const PUBLIC_CONFIG = '/api/v2/applications/demo-app/public-config';

/** @type {Awaited<ReturnType<typeof startEmulator>>} */
let server;
/** @type {ReturnType<typeof createEmulatorClient>} */
let emulator;

before(async () => {
  server = await startEmulator({ port: 0 });
  emulator = createEmulatorClient(server.url);
});
after(() => server.close());
beforeEach(() => emulator.reset());

/**
 * @param {string} path
 * @param {{ token?: string, body?: unknown, headers?: Record<string, string>, noId?: boolean }} [options]
 */
async function api(path, { token, body, headers = {}, noId = false } = {}) {
  /** @type {Record<string, string>} */
  const all = noId ? { ...headers } : { 'x-authing-app-id': 'demo-app', ...headers };
  if (token) all.authorization = `Bearer ${token}`;
  if (body !== undefined) all['content-type'] = 'application/json';
  const res = await fetch(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: all,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { http: res.status, headers: res.headers, json: await res.json() };
}

describe('token scopes', () => {
  it('a token seeded without a scope has the default one, and get-profile shows every field', async () => {
    assert.equal(DEFAULT_SCOPE, 'openid profile email phone');
    const { json } = await api(PROFILE, { token: BOB.token });
    assert.equal(json.statusCode, 200);
    assert.deepEqual(
      Object.keys(json.data).filter((k) => /phone|email/i.test(k)),
      ['email', 'emailVerified', 'phone', 'phoneCountryCode', 'phoneVerified'],
    );
  });

  it('without `phone` in the scope the phone fields are absent (not null); the rest stays', async () => {
    const token = await emulator.issueToken(BOB.userId, { scope: 'openid profile email' });
    const { data } = (await api(PROFILE, { token })).json;
    for (const key of ['phone', 'phoneCountryCode', 'phoneVerified']) assert.ok(!(key in data), `${key} must be absent`);
    assert.equal(data.email, 'bob@example.com');
    assert.equal(data.emailVerified, true);
    assert.equal(data.userId, BOB.userId);
    // the user's other token, with the default scope, still sees the phone
    assert.equal((await api(PROFILE, { token: BOB.token })).json.data.phone, '13800138000');
  });

  it('without `email` in the scope the email fields are absent; a user without a phone still gets phone: null', async () => {
    const token = await emulator.issueToken(ALICE.userId, { scope: 'openid profile phone' });
    const { data } = (await api(PROFILE, { token })).json;
    assert.ok(!('email' in data) && !('emailVerified' in data));
    assert.equal(data.phone, null, 'the scope is there: the field is, with null');
    assert.ok('phoneCountryCode' in data);
  });

  it('a scope seeded with the user ({ token, scope }) filters the same way', async () => {
    await emulator.seed([
      { userId: 'ann', email: 'ann@example.com', phone: '13512345678', tokens: [{ token: 'ann-openid', scope: 'openid' }] },
    ]);
    const { data } = (await api(PROFILE, { token: 'ann-openid' })).json;
    assert.deepEqual(
      Object.keys(data).filter((k) => /phone|email/i.test(k)),
      [],
    );
  });
});

describe('GET /api/v3/get-security-info', () => {
  it("answers GetSecurityInfoDto's fields, in its order, whatever the token's scope", async () => {
    const token = await emulator.issueToken(BOB.userId, { scope: 'openid' });
    const { json } = await api('/api/v3/get-security-info', { token });
    assert.equal(json.statusCode, 200);
    assert.deepEqual(Object.keys(json.data), [
      'passwordSecurityLevel',
      'mfaEnrolled',
      'passwordSet',
      'emailBinded',
      'phoneBinded',
      'securityScore',
    ]);
    assert.equal(json.data.phoneBinded, true);
    assert.equal(json.data.emailBinded, true);
    assert.equal(json.data.passwordSet, false);
    assert.equal(json.data.mfaEnrolled, false);
  });

  it('follows the user: no phone, no email, a password', async () => {
    await emulator.seed([{ userId: 'pat', email: null, passwordSet: true, tokens: ['pat-token'] }]);
    const { data } = (await api('/api/v3/get-security-info', { token: 'pat-token' })).json;
    assert.equal(data.phoneBinded, false);
    assert.equal(data.emailBinded, false);
    assert.equal(data.passwordSet, true);
    assert.equal((await api('/api/v3/get-security-info', { token: ALICE.token })).json.data.phoneBinded, false);
  });

  it('needs a token like get-profile (401 / 2020), and is GET only', async () => {
    const none = await api('/api/v3/get-security-info');
    assert.equal(none.json.statusCode, 401);
    assert.equal(none.json.apiCode, 2020);
    assert.equal((await api('/api/v3/get-security-info', { token: BOB.token, body: {} })).json.statusCode, 405);
  });
});

describe('GET /api/v2/applications/{appId}/public-config', () => {
  it('answers the V2 envelope { code: 200, message, data } from the pool config, without a token or an id header', async () => {
    const { http, json, headers } = await api(PUBLIC_CONFIG, { noId: true });
    assert.equal(http, 200);
    assert.equal(headers.get('content-type'), 'application/json; charset=utf-8');
    assert.deepEqual(Object.keys(json), ['code', 'message', 'data']);
    assert.equal(json.code, 200);
    assert.equal(json.data.changePhoneStrategy.verifyOldPhone, true);
    assert.equal(json.data.verifyCodeLength, 6);
    assert.deepEqual(json.data.allowedOrigins, []);
    assert.equal(json.data.requestHostname, new URL(server.url).host);
  });

  it('follows verifyOldPhone, codeLength and a fixed code', async () => {
    await emulator.configure({ verifyOldPhone: false, codeLength: 4, allowedOrigins: ['https://app.example.com'] });
    let { data } = (await api(PUBLIC_CONFIG)).json;
    assert.equal(data.changePhoneStrategy.verifyOldPhone, false);
    assert.equal(data.verifyCodeLength, 4);
    assert.deepEqual(data.allowedOrigins, ['https://app.example.com']);
    await emulator.configure({ codes: '12345678' });
    ({ data } = (await api(PUBLIC_CONFIG)).json);
    assert.equal(data.verifyCodeLength, 8, 'the length of the code every SMS carries');
  });

  it('publishes internationalSmsConfig (off, CN: a new pool) and regexRules from the config', async () => {
    let { data } = (await api(PUBLIC_CONFIG)).json;
    assert.deepEqual(data.internationalSmsConfig, { enabled: false, defaultISOType: 'CN' });
    assert.deepEqual(data.regexRules, []);
    await emulator.configure({ internationalSms: true, defaultISOType: 'JP', phoneRegex: '^1[35]\\d{9}$' });
    ({ data } = (await api(PUBLIC_CONFIG)).json);
    assert.deepEqual(data.internationalSmsConfig, { enabled: true, defaultISOType: 'JP' });
    assert.deepEqual(data.regexRules, [{ key: 'phone', userpoolLevel: '^1[35]\\d{9}$' }]);
  });

  it('any app id gets the one pool; the request is logged with its path; other V2 paths are a V2 404', async () => {
    assert.equal((await api('/api/v2/applications/another%20app/public-config')).json.code, 200);
    const log = await emulator.requests();
    assert.equal(log.at(-1).path, '/api/v2/applications/another%20app/public-config');
    assert.equal(log.at(-1).statusCode, 200);
    const unknown = await api('/api/v2/users/me');
    assert.equal(unknown.json.code, 404);
    assert.equal(unknown.json.statusCode, undefined);
    assert.equal((await api(PUBLIC_CONFIG, { body: {} })).json.code, 405);
  });

  it('takes faults by its exact path; an envelope fault answers in the V2 shape; "*" leaves it alone', async () => {
    await emulator.fault({ path: '*', kind: 'http500' });
    assert.equal((await api(PUBLIC_CONFIG)).json.code, 200, '"*" is for /api/v3 paths');
    await emulator.clearFaults();
    await emulator.fault({ path: PUBLIC_CONFIG, kind: 'envelope', statusCode: 404, message: 'app not found' });
    const refused = await api(PUBLIC_CONFIG);
    assert.deepEqual(refused.json, { code: 404, message: 'app not found' });
    await emulator.fault({ path: PUBLIC_CONFIG, kind: 'http500' });
    assert.equal((await api(PUBLIC_CONFIG)).http, 500);
    assert.equal((await api(PUBLIC_CONFIG)).json.code, 200, 'one use each');
    const log = await emulator.requests();
    assert.deepEqual(
      log.map((r) => r.fault),
      [undefined, 'envelope', 'http500', undefined],
    );
  });
});

describe('app or user pool id', () => {
  it('a /api/v3 request without x-authing-app-id or x-authing-userpool-id: statusCode 400, endpoint not run', async () => {
    const r = await api('/api/v3/send-sms', { noId: true, body: { channel: 'CHANNEL_BIND_PHONE', phoneNumber: '13512345678' } });
    assert.equal(r.http, 200);
    assert.equal(r.json.statusCode, 400);
    assert.equal(r.json.apiCode, undefined);
    assert.equal(r.json.message, '请求头 x-authing-app-id 或 x-authing-userpool-id 不能为空');
    assert.deepEqual(await emulator.outbox(), [], 'no SMS');
    const en = await api(PROFILE, { noId: true, token: BOB.token, headers: { 'x-authing-lang': 'en-US' } });
    assert.equal(en.json.statusCode, 400, 'checked before the token');
    assert.equal(en.json.message, 'x-authing-app-id or x-authing-userpool-id should not be empty');
    assert.equal((await api(PROFILE, { noId: true })).json.statusCode, 400, 'also without a token');
  });

  it('either header is enough', async () => {
    assert.equal((await api(PROFILE, { noId: true, token: BOB.token, headers: { 'x-authing-app-id': 'app-1' } })).json.statusCode, 200);
    assert.equal(
      (await api(PROFILE, { noId: true, token: BOB.token, headers: { 'x-authing-userpool-id': 'pool-1' } })).json.statusCode,
      200,
    );
    const log = await emulator.requests();
    assert.equal(log[0].appId, 'app-1');
    assert.equal(log[1].userPoolId, 'pool-1');
  });

  it('requireAppOrPoolId: false turns the rule off', async () => {
    await emulator.configure({ requireAppOrPoolId: false });
    assert.equal((await api(PROFILE, { noId: true, token: BOB.token })).json.statusCode, 200);
    const own = await startEmulator({ port: 0, requireAppOrPoolId: false });
    try {
      await createEmulatorClient(own.url).reset();
      const res = await fetch(`${own.url}${PROFILE}`, { headers: { authorization: BOB.token } });
      assert.equal((await res.json()).statusCode, 200, 'given to startEmulator(), it survives a reset');
    } finally {
      await own.close();
    }
  });
});

describe('rate-limit fault', () => {
  it('answers HTTP 429 with Retry-After (default 60) and a JSON body; the endpoint does not run', async () => {
    await emulator.fault({ path: '/api/v3/send-sms', kind: 'rate-limit' });
    const r = await api('/api/v3/send-sms', { body: { channel: 'CHANNEL_BIND_PHONE', phoneNumber: '13512345678' } });
    assert.equal(r.http, 429);
    assert.equal(r.headers.get('retry-after'), '60');
    assert.equal(r.json.statusCode, 429);
    assert.deepEqual(await emulator.outbox(), []);
    assert.equal((await emulator.requests()).at(-1).fault, 'rate-limit');
    await emulator.fault({ path: '/api/v3/send-sms', kind: 'rate-limit', retryAfterSeconds: 5 });
    assert.equal((await api('/api/v3/send-sms', { body: {} })).headers.get('retry-after'), '5');
    await assert.rejects(emulator.fault({ kind: 'rate-limit', retryAfterSeconds: -1 }), /retryAfterSeconds/);
  });
});

describe('the bin: --allow-origin', () => {
  it('adds origins to allowedOrigins (repeatable) and says which are allowed', async () => {
    const cli = fileURLToPath(new URL('../../emulator/cli.js', import.meta.url));
    const child = spawn(process.execPath, [
      cli,
      '--port',
      '0',
      '--quiet',
      '--allow-origin',
      'http://localhost:5173',
      '--allow-origin',
      'https://app.example.com',
    ]);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    try {
      const deadline = Date.now() + 5000;
      while (!/CORS origins/.test(output) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      const url = /listening on (\S+)/.exec(output)?.[1];
      assert.ok(url, output);
      assert.deepEqual((await createEmulatorClient(url).config()).allowedOrigins, ['http://localhost:5173', 'https://app.example.com']);
      assert.match(output, /CORS origins: http:\/\/localhost:5173, https:\/\/app\.example\.com, any loopback origin/);
    } finally {
      child.kill('SIGTERM');
    }
  });

  /** Starts the bin; resolves to its URL, what it printed, and a stop function. */
  async function startBin(...args) {
    const cli = fileURLToPath(new URL('../../emulator/cli.js', import.meta.url));
    const child = spawn(process.execPath, [cli, '--port', '0', '--quiet', ...args]);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    const deadline = Date.now() + 5000;
    while (!/CORS origins/.test(output) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    return { url: /listening on (\S+)/.exec(output)?.[1], output, stop: () => child.kill('SIGTERM') };
  }

  /** The origin a preflight from `origin` is allowed, or null. */
  const preflight = async (url, origin) =>
    (
      await fetch(`${url}/api/v3/send-sms`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      })
    ).headers.get('access-control-allow-origin');

  it("allows a dev machine's loopback pages on any port by default (a host's vite dev works first time)", async () => {
    const bin = await startBin();
    try {
      assert.match(bin.output, /CORS origins: any loopback origin/);
      assert.equal(await preflight(bin.url, 'http://localhost:5173'), 'http://localhost:5173');
      assert.equal(await preflight(bin.url, 'http://127.0.0.1:3000'), 'http://127.0.0.1:3000');
      assert.equal(await preflight(bin.url, 'https://app.example.com'), null, 'not another site');
    } finally {
      bin.stop();
    }
  });

  it("--strict-origins allows only the listed origins, like a pool's 安全域", async () => {
    const bin = await startBin('--strict-origins', '--allow-origin', 'http://localhost:5173');
    try {
      assert.match(bin.output, /CORS origins: http:\/\/localhost:5173\n/);
      assert.equal(await preflight(bin.url, 'http://localhost:5173'), 'http://localhost:5173');
      assert.equal(await preflight(bin.url, 'http://localhost:3000'), null);
    } finally {
      bin.stop();
    }
  });
});
