// The emulator as a product, over real HTTP: the control client (emulator/client.js), the options a host's
// tests need (fixed codes, daily cap, tokens with scopes, strictPort) and the test helpers
// (emulator/testing.js).

import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator, createEmulatorClient, EmulatorControlError } from '../../emulator/index.js';
import { startAuthingEmulator, connectAuthingEmulator } from '../../emulator/testing.js';

const NEW_PHONE = '13512345678';

/** @type {Awaited<ReturnType<typeof startEmulator>>} */
let server;
/** @type {ReturnType<typeof createEmulatorClient>} */
let emulator;

before(async () => {
  server = await startEmulator({ port: 0 });
  emulator = createEmulatorClient(`${server.url}/`);
});
after(() => server.close());
beforeEach(() => emulator.reset());

/**
 * @param {string} url
 * @param {string} path
 * @param {{ token?: string, body?: unknown, lang?: string }} [options]
 */
async function api(url, path, { token, body, lang } = {}) {
  /** @type {Record<string, string>} */
  const headers = { 'x-authing-app-id': 'demo-app' };
  if (lang) headers['x-authing-lang'] = lang;
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { headers: res.headers, json: await res.json() };
}

/** @param {string} url @param {string} phoneNumber @param {string} [channel] */
const sendSms = (url, phoneNumber, channel = 'CHANNEL_BIND_PHONE') => api(url, '/api/v3/send-sms', { body: { channel, phoneNumber } });

describe('control client', () => {
  it('url drops the trailing slash; health answers true', async () => {
    assert.equal(emulator.url, server.url);
    assert.equal(await emulator.health(), true);
  });

  it('outbox and codeFor take a number and a channel, or a filter; codeFor rejects when nothing was sent', async () => {
    await sendSms(server.url, NEW_PHONE);
    await sendSms(server.url, NEW_PHONE, 'CHANNEL_UNBIND_PHONE');
    await sendSms(server.url, '13800138000', 'CHANNEL_UNBIND_PHONE');
    assert.equal((await emulator.outbox()).length, 3);
    assert.equal((await emulator.outbox(NEW_PHONE)).length, 2);
    assert.equal((await emulator.outbox({ channel: 'CHANNEL_UNBIND_PHONE' })).length, 2);
    const [unbind] = await emulator.outbox(NEW_PHONE, 'CHANNEL_UNBIND_PHONE');
    assert.equal(await emulator.codeFor(NEW_PHONE, 'CHANNEL_UNBIND_PHONE'), unbind.code);
    assert.equal(await emulator.codeFor({ phoneNumber: NEW_PHONE, channel: 'CHANNEL_UNBIND_PHONE', phoneCountryCode: '+86' }), unbind.code);
    await assert.rejects(emulator.codeFor('13900139000'), (error) => error instanceof EmulatorControlError && error.status === 404);
    await emulator.clearOutbox();
    assert.deepEqual(await emulator.outbox(), []);
  });

  it('seed adds users and changes existing ones, keeping the fields not given; user() rejects an unknown id', async () => {
    const users = await emulator.seed([
      { userId: 'u-phone-email', email: 'bob@new.example' },
      { userId: 'u-new', tokens: ['tok-new'], phone: NEW_PHONE },
    ]);
    assert.equal(users.length, 6);
    const bob = await emulator.user('u-phone-email');
    assert.equal(bob.email, 'bob@new.example');
    assert.equal(bob.phone, '13800138000', 'kept');
    assert.deepEqual(bob.tokens, ['demo-token-phone-email'], 'kept');
    const profile = await api(server.url, '/api/v3/get-profile', { token: 'tok-new' });
    assert.equal(profile.json.data.phone, NEW_PHONE);
    await assert.rejects(emulator.user('nobody'), (error) => error instanceof EmulatorControlError && error.status === 404);
  });

  it("refused control requests reject with EmulatorControlError, the HTTP status and the emulator's reason", async () => {
    await assert.rejects(emulator.configure({ codeLength: 2 }), (error) => {
      assert.ok(error instanceof EmulatorControlError);
      assert.equal(error.status, 400);
      assert.match(error.message, /codeLength must be an integer from 4 to 10/);
      return true;
    });
    await assert.rejects(emulator.seed([{ userId: 'u-x', phone: '13700137000' }]), /bound to both/);
    await assert.rejects(emulator.fault({ kind: /** @type {any} */ ('nope') }), /kind must be one of/);
  });

  it("an answer that is not the emulator's JSON rejects with its status", async () => {
    const other = http.createServer((req, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad Gateway</h1>'));
    await new Promise((resolve) => other.listen(0, '127.0.0.1', () => resolve(undefined)));
    const { port } = /** @type {import('node:net').AddressInfo} */ (other.address());
    try {
      await assert.rejects(
        createEmulatorClient(`http://127.0.0.1:${port}`).health(),
        (error) => error instanceof EmulatorControlError && error.status === 502,
      );
    } finally {
      other.close();
    }
  });

  it('configure, config, reset(config) and reset()', async () => {
    const config = await emulator.configure({ verifyOldPhone: false, codeLength: 4 });
    assert.equal(config.verifyOldPhone, false);
    assert.equal((await emulator.config()).codeLength, 4);
    await emulator.reset({ resendIntervalSeconds: 0 });
    assert.deepEqual([(await emulator.config()).codeLength, (await emulator.config()).resendIntervalSeconds], [6, 0]);
    await emulator.reset();
    assert.equal((await emulator.config()).resendIntervalSeconds, 60);
  });

  it('fault, faults, clearFaults; requests, clearRequests; clock and advanceClock', async () => {
    const fault = await emulator.fault({ path: '/api/v3/get-profile', kind: 'envelope', statusCode: 503, times: 2 });
    assert.equal(fault.remaining, 2);
    assert.equal((await api(server.url, '/api/v3/get-profile', { token: 'demo-token-no-phone' })).json.statusCode, 503);
    assert.equal((await emulator.faults())[0].remaining, 1);
    await emulator.clearFaults();
    assert.equal((await api(server.url, '/api/v3/get-profile', { token: 'demo-token-no-phone' })).json.statusCode, 200);
    assert.deepEqual(
      (await emulator.requests()).map((r) => [r.path, r.statusCode, r.fault]),
      [
        ['/api/v3/get-profile', 503, 'envelope'],
        ['/api/v3/get-profile', 200, undefined],
      ],
    );
    await emulator.clearRequests();
    assert.deepEqual(await emulator.requests(), []);
    const before = await emulator.clock();
    const after = await emulator.advanceClock(120);
    assert.equal(after.offsetSeconds, before.offsetSeconds + 120);
  });
});

describe('tokens and scopes', () => {
  it('issueToken gives an existing user one more token (random unless given), with a scope when given', async () => {
    const random = await emulator.issueToken('u-no-phone');
    assert.match(random, /^emulator-token-[\w-]{24}$/);
    const scoped = await emulator.issueToken('u-no-phone', { token: 'alice-scoped', scope: 'openid profile phone' });
    assert.equal(scoped, 'alice-scoped');
    for (const token of [random, scoped, 'demo-token-no-phone']) {
      assert.equal((await api(server.url, '/api/v3/get-profile', { token })).json.data.userId, 'u-no-phone', token);
    }
    const alice = await emulator.user('u-no-phone');
    assert.deepEqual(alice.tokens, ['demo-token-no-phone', random, 'alice-scoped']);
    assert.deepEqual(alice.tokenScopes, { 'alice-scoped': 'openid profile phone' });
    await assert.rejects(emulator.issueToken('nobody'), /no user nobody/);
    await assert.rejects(emulator.issueToken('u-no-phone', { token: 'demo-token-other' }), /used by both u-other and u-no-phone/);
    await emulator.reset();
    assert.equal((await api(server.url, '/api/v3/get-profile', { token: random })).json.statusCode, 401, 'reset forgets issued tokens');
  });

  it('users may be seeded with { token, scope } tokens', async () => {
    await emulator.seed([{ userId: 'u-scoped', tokens: ['plain', { token: 'with-scope', scope: 'openid email' }] }]);
    const user = await emulator.user('u-scoped');
    assert.deepEqual(user.tokens, ['plain', 'with-scope']);
    assert.deepEqual(user.tokenScopes, { 'with-scope': 'openid email' });
    assert.equal((await api(server.url, '/api/v3/get-profile', { token: 'with-scope' })).json.data.userId, 'u-scoped');
    await assert.rejects(emulator.seed([{ userId: 'u-bad', tokens: [/** @type {any} */ ({ scope: 'openid' })] }]), /each token must be/);
  });
});

describe('codes option', () => {
  it('codes: a fixed code for every SMS, set over HTTP; null brings random codes back', async () => {
    await emulator.configure({ codes: '000000' });
    await sendSms(server.url, NEW_PHONE);
    await sendSms(server.url, '13800138000', 'CHANNEL_UNBIND_PHONE');
    assert.deepEqual(
      (await emulator.outbox()).map((m) => m.code),
      ['000000', '000000'],
    );
    assert.match((await emulator.outbox())[0].text, /您的验证码是 000000，/);
    const bound = await api(server.url, '/api/v3/bind-phone', {
      token: 'demo-token-no-phone',
      body: { phoneNumber: NEW_PHONE, passCode: '000000' },
    });
    assert.equal(bound.json.statusCode, 200, 'the fixed code is checked and consumed like any other');
    assert.equal((await emulator.config()).codes, '000000');
    await emulator.configure({ codes: null, resendIntervalSeconds: 0 });
    const codes = new Set();
    for (let i = 0; i < 5; i++) {
      await sendSms(server.url, '13900139000');
      codes.add(await emulator.codeFor('13900139000'));
    }
    assert.ok(codes.size > 1, `random codes again: ${[...codes]}`);
    await assert.rejects(emulator.configure({ codes: '12ab56' }), (error) => error instanceof EmulatorControlError && error.status === 400);
    await assert.rejects(emulator.configure({ codes: '123' }), /codes must be null, a string of 4 to 10 digits/);
  });

  it('codes: a function picks the code per SMS (in-process); null from it means random', async () => {
    const own = await startEmulator({
      codes: ({ phoneNumber, channel }) => (phoneNumber === NEW_PHONE ? (channel === 'CHANNEL_BIND_PHONE' ? '1111' : '2222') : null),
    });
    try {
      const client = createEmulatorClient(own.url);
      await sendSms(own.url, NEW_PHONE);
      await sendSms(own.url, NEW_PHONE, 'CHANNEL_UNBIND_PHONE');
      await sendSms(own.url, '13800138000');
      assert.equal(await client.codeFor(NEW_PHONE, 'CHANNEL_BIND_PHONE'), '1111');
      assert.equal(await client.codeFor(NEW_PHONE, 'CHANNEL_UNBIND_PHONE'), '2222');
      assert.match(await client.codeFor('13800138000'), /^\d{6}$/);
      assert.equal('codes' in (await client.config()), false, 'a function does not travel as JSON');
      await client.reset();
      await sendSms(own.url, NEW_PHONE);
      assert.equal(await client.codeFor(NEW_PHONE), '1111', 'reset keeps the options given at start');
    } finally {
      await own.close();
    }
  });

  it('a codes function that returns no valid code gives a statusCode 500 envelope', async () => {
    const own = await startEmulator({ codes: () => /** @type {any} */ ('12') });
    const realError = console.error;
    console.error = () => undefined; // the emulator reports the unexpected error
    try {
      const sent = await sendSms(own.url, NEW_PHONE);
      assert.equal(sent.json.statusCode, 500);
      assert.deepEqual(await createEmulatorClient(own.url).outbox(), []);
    } finally {
      console.error = realError;
      await own.close();
    }
  });
});

describe('dailySmsLimit', () => {
  it('is off by default', async () => {
    await emulator.configure({ resendIntervalSeconds: 0 });
    for (let i = 0; i < 12; i++) assert.equal((await sendSms(server.url, NEW_PHONE)).json.statusCode, 200);
  });

  it('caps the SMS to one number per day (all channels) until midnight UTC+8: statusCode 422, no apiCode, no Retry-After', async () => {
    await emulator.configure({ dailySmsLimit: 2, resendIntervalSeconds: 0 });
    assert.equal((await sendSms(server.url, NEW_PHONE)).json.statusCode, 200);
    assert.equal((await sendSms(server.url, NEW_PHONE, 'CHANNEL_UNBIND_PHONE')).json.statusCode, 200);
    const refused = await sendSms(server.url, NEW_PHONE);
    assert.equal(refused.json.statusCode, 422);
    assert.equal(refused.json.apiCode, undefined);
    assert.equal(refused.json.message, '手机号每天发送的验证次数超过上限');
    assert.equal(refused.headers.get('retry-after'), null);
    const en = await api(server.url, '/api/v3/send-sms', {
      body: { channel: 'CHANNEL_BIND_PHONE', phoneNumber: NEW_PHONE },
      lang: 'en-US',
    });
    assert.equal(en.json.message, 'This phone number has reached its daily limit of verification codes');
    assert.equal((await sendSms(server.url, '13900139000')).json.statusCode, 200, 'another number is not capped');
    assert.equal((await emulator.outbox(NEW_PHONE)).length, 2, 'the refused send sent nothing');
    const { now } = await emulator.clock();
    const chinaMidnight = Math.floor((Date.parse(now) + 8 * 3600e3) / 86400e3 + 1) * 86400e3 - 8 * 3600e3;
    const untilMidnight = (chinaMidnight - Date.parse(now)) / 1000;
    await emulator.advanceClock(untilMidnight - 5);
    assert.equal((await sendSms(server.url, NEW_PHONE)).json.statusCode, 422, 'still the same day (UTC+8)');
    await emulator.advanceClock(6);
    assert.equal((await sendSms(server.url, NEW_PHONE)).json.statusCode, 200, 'a new day');
  });

  it('the resend interval is checked first', async () => {
    await emulator.configure({ dailySmsLimit: 1 });
    await sendSms(server.url, NEW_PHONE);
    const refused = await sendSms(server.url, NEW_PHONE);
    assert.equal(refused.json.apiCode, 4004);
    assert.equal(refused.json.message, '该手机号 1 分钟内已发送过验证码，请稍后再试');
  });
});

describe('startEmulator', () => {
  it('a port that is taken: an error by default, a free port with strictPort: false', async () => {
    await assert.rejects(startEmulator({ port: server.port }), (error) => /** @type {any} */ (error).code === 'EADDRINUSE');
    const other = await startEmulator({ port: server.port, strictPort: false });
    try {
      assert.notEqual(other.port, server.port);
      assert.equal(await createEmulatorClient(other.url).health(), true);
    } finally {
      await other.close();
    }
  });
});

describe('the bin (emulator/cli.js)', () => {
  const cli = fileURLToPath(new URL('../../emulator/cli.js', import.meta.url));

  /**
   * Starts the bin with --port 0 and a config file; resolves to its URL and a stop function.
   * @param {unknown} config
   */
  async function startBin(config) {
    const dir = await mkdtemp(join(tmpdir(), 'emulator-cli-'));
    const file = join(dir, 'config.json');
    await writeFile(file, JSON.stringify(config));
    const child = spawn(process.execPath, [cli, '--port', '0', '--config', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const url = await new Promise((resolve, reject) => {
      const read = (/** @type {Buffer} */ chunk) => {
        output += chunk;
        const found = /listening on (http:\/\/\S+)/.exec(output);
        if (found) resolve(found[1]);
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.on('exit', (code) => reject(new Error(`exited (${code}): ${output}`)));
    });
    const stop = async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    };
    return { url: /** @type {string} */ (url), output: () => output, stop };
  }

  it('--config takes a JSON array of users: they replace the seed users', async () => {
    const bin = await startBin([{ userId: 'ann', tokens: [{ token: 'ann-token', scope: 'openid' }], email: 'ann@example.com' }]);
    try {
      assert.equal((await api(bin.url, '/api/v3/get-profile', { token: 'ann-token' })).json.data.userId, 'ann');
      assert.equal((await api(bin.url, '/api/v3/get-profile', { token: 'demo-token-no-phone' })).json.statusCode, 401);
      assert.match(bin.output(), /ann-token\s+ann \(no phone\)/, 'prints the tokens');
    } finally {
      await bin.stop();
    }
  });

  it('--config takes an object of options; it prints each SMS with its code', async () => {
    const bin = await startBin({ codes: '975310', dailySmsLimit: 1 });
    try {
      assert.equal((await sendSms(bin.url, NEW_PHONE)).json.statusCode, 200);
      assert.equal((await sendSms(bin.url, NEW_PHONE, 'CHANNEL_UNBIND_PHONE')).json.statusCode, 422, 'the daily cap of the config');
      assert.equal(await createEmulatorClient(bin.url).codeFor(NEW_PHONE), '975310');
      const printed = /SMS {2}\+86 13512345678 \[CHANNEL_BIND_PHONE\] {2}code 975310/;
      for (let waited = 0; !printed.test(bin.output()) && waited < 3000; waited += 50)
        await new Promise((resolve) => setTimeout(resolve, 50));
      assert.match(bin.output(), printed);
    } finally {
      await bin.stop();
    }
  });
});

describe('authing-phone-manager/testing', () => {
  /** @type {Awaited<ReturnType<typeof startAuthingEmulator>>} */
  let authing;
  before(async () => {
    authing = await startAuthingEmulator();
  });
  after(() => authing.close());

  it('signIn(): a new user with an email and no phone; signIn(userId): an existing user; signIn(user): that user', async () => {
    const fresh = await authing.signIn();
    const profile = (await api(authing.url, '/api/v3/get-profile', { token: fresh })).json.data;
    assert.match(profile.userId, /^test-user-[0-9a-f]{12}$/);
    assert.equal(profile.email, `${profile.userId}@example.test`);
    assert.equal(profile.phone, null);

    const bob = await authing.signIn('u-phone-email', { scope: 'openid phone' });
    assert.equal((await api(authing.url, '/api/v3/get-profile', { token: bob })).json.data.phone, '13800138000');
    assert.equal((await authing.client.user('u-phone-email')).tokenScopes[bob], 'openid phone');

    const given = await authing.signIn({ userId: 'u-only-phone', phone: '13511112222', email: null });
    const only = (await api(authing.url, '/api/v3/get-profile', { token: given })).json.data;
    assert.deepEqual([only.userId, only.phone, only.email], ['u-only-phone', '13511112222', null]);
    await assert.rejects(authing.signIn('nobody'), /no user nobody/);
  });

  it('phone().readCode() waits for the next SMS and reads the code from its text', async () => {
    await authing.client.reset({ codes: '424242' });
    const phone = authing.phone(NEW_PHONE);
    assert.equal(authing.phone(NEW_PHONE), phone, 'one phone per number');
    const reading = phone.readCode({ timeout: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await sendSms(authing.url, NEW_PHONE);
    assert.equal(await reading, '424242');
    await assert.rejects(phone.readCode({ timeout: 300 }), /no new SMS to \+86 13512345678 within 300 ms/, 'that one was read');
    await authing.client.reset({ resendIntervalSeconds: 0 });
    await sendSms(authing.url, NEW_PHONE);
    await sendSms(authing.url, NEW_PHONE, 'CHANNEL_UNBIND_PHONE');
    const newest = await authing.client.codeFor(NEW_PHONE, 'CHANNEL_UNBIND_PHONE');
    assert.equal(await phone.readCode(), newest, 'after a reset, ids start again: still unread, and the newest counts');
    assert.equal((await phone.messages()).length, 2);
  });

  it('connectAuthingEmulator() drives a running emulator and leaves it running on close()', async () => {
    const connected = connectAuthingEmulator(`${authing.url}/`);
    assert.equal(connected.url, authing.url);
    const token = await connected.signIn('u-no-phone');
    await connected.close();
    assert.equal((await api(authing.url, '/api/v3/get-profile', { token })).json.data.userId, 'u-no-phone');
  });
});
