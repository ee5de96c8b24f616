// The Authing client against the emulator over real HTTP: paths, headers, envelope, errors, abort,
// timeout, no retries.
import { beforeEach, describe, it } from 'node:test';
import { expect } from 'chai';
import { createAuthingClient, normalizeAppHost } from '../../src/core/api/client.js';
import { PhoneManagerError } from '../../src/core/errors.js';
import { emulator, emulatorUrl, USERS } from '../helpers/emulator-node.js';

async function rejection(promise: Promise<unknown>): Promise<PhoneManagerError> {
  try {
    await promise;
  } catch (error) {
    return error as PhoneManagerError;
  }
  throw new Error('expected a rejection');
}

describe('Authing client', () => {
  beforeEach(() => emulator.reset());
  const client = async (token: string = USERS.phoneAndEmail.token, extra = {}) =>
    createAuthingClient({ appHost: await emulatorUrl(), accessToken: token, appId: 'app-1', lang: 'en-US', ...extra });

  it('loads the profile with identities', async () => {
    const profile = await (await client()).getProfile();
    expect(profile).to.include({ userId: USERS.phoneAndEmail.id, phone: '13800138000', phoneCountryCode: '+86' });
    expect(profile.identities).to.be.an('array');
    const [logged] = await emulator.requests();
    expect(logged).to.include({ method: 'GET', path: '/api/v3/get-profile', authorized: true, lang: 'en-US', appId: 'app-1' });
  });

  it('runs a whole change through the API', async () => {
    const api = await client();
    await api.sendSms({ channel: 'CHANNEL_UNBIND_PHONE', phoneNumber: '13800138000', phoneCountryCode: '+86' });
    await api.sendSms({ channel: 'CHANNEL_BIND_PHONE', phoneNumber: '13911112222', phoneCountryCode: '+86' });
    const { updatePhoneToken, tokenExpiresIn } = await api.verifyUpdatePhoneRequest({
      newPhoneNumber: '13911112222',
      newPhoneCountryCode: '+86',
      newPhonePassCode: await emulator.codeFor('13911112222', 'CHANNEL_BIND_PHONE'),
      oldPhoneNumber: '13800138000',
      oldPhoneCountryCode: '+86',
      oldPhonePassCode: await emulator.codeFor('13800138000', 'CHANNEL_UNBIND_PHONE'),
    });
    expect(updatePhoneToken).to.be.a('string').and.not.empty;
    expect(tokenExpiresIn).to.equal(60);
    await api.updatePhone(updatePhoneToken);
    expect((await emulator.user(USERS.phoneAndEmail.id)).phone).to.equal('13911112222');
    const reused = await rejection(api.updatePhone(updatePhoneToken));
    expect(reused.code).to.equal('UPDATE_TOKEN_EXPIRED');
  });

  it('maps SAME_PHONE from the server', async () => {
    const api = await client();
    await api.sendSms({ channel: 'CHANNEL_BIND_PHONE', phoneNumber: '13800138000', phoneCountryCode: '+86' });
    const error = await rejection(
      api.verifyUpdatePhoneRequest({
        newPhoneNumber: '13800138000',
        newPhoneCountryCode: '+86',
        newPhonePassCode: await emulator.codeFor('13800138000', 'CHANNEL_BIND_PHONE'),
      }),
    );
    expect(error).to.include({ code: 'SAME_PHONE', apiCode: 2230, statusCode: 422 });
    expect(error.requestId).to.be.a('string');
  });

  it('turns an error envelope (HTTP 200) into a PhoneManagerError', async () => {
    const error = await rejection((await client('nope')).getProfile());
    expect(error).to.be.instanceOf(PhoneManagerError);
    expect(error).to.include({ code: 'UNAUTHORIZED', statusCode: 401, apiCode: 2020 });
    expect(error.message).to.be.a('string').and.not.empty;
  });

  it('tries a read once more after a 5xx or a dropped connection, then gives up', async () => {
    await emulator.fault({ path: '/api/v3/get-profile', kind: 'http500', times: 2 });
    const error = await rejection((await client()).getProfile());
    expect(error).to.include({ code: 'SERVER', statusCode: 500 });
    expect(await emulator.requests()).to.have.length(2);

    await emulator.reset();
    await emulator.fault({ path: '/api/v3/get-profile', kind: 'drop' });
    const profile = await (await client()).getProfile();
    expect(profile.userId).to.equal(USERS.phoneAndEmail.id);
    expect((await emulator.requests()).map((r) => r.path)).to.deep.equal(['/api/v3/get-profile', '/api/v3/get-profile']);

    await emulator.reset();
    await emulator.fault({ path: '/api/v3/get-profile', kind: 'drop', times: 2 });
    expect((await rejection((await client()).getProfile())).code).to.equal('UNREACHABLE');
    expect(await emulator.requests()).to.have.length(2);
  });

  it('never sends a POST twice: one send-sms after a dropped connection or a 5xx', async () => {
    const api = await client();
    const input = { channel: 'CHANNEL_BIND_PHONE', phoneNumber: '13911112222', phoneCountryCode: '+86' } as const;
    await emulator.fault({ path: '/api/v3/send-sms', kind: 'drop' });
    expect((await rejection(api.sendSms(input))).code).to.equal('UNREACHABLE');
    await emulator.fault({ path: '/api/v3/send-sms', kind: 'http500' });
    expect((await rejection(api.sendSms(input))).code).to.equal('SERVER');
    expect((await emulator.requests()).filter((r) => r.path === '/api/v3/send-sms')).to.have.length(2);
  });

  it('does not retry an answer that came: a 4xx, or a 200 it cannot read', async () => {
    await emulator.fault({ path: '/api/v3/get-profile', kind: 'malformed' });
    expect((await rejection((await client()).getProfile())).code).to.equal('BAD_RESPONSE');
    expect((await rejection((await client('nope')).getProfile())).code).to.equal('UNAUTHORIZED');
    expect(await emulator.requests()).to.have.length(2);
  });

  it('reads the public config without the access token', async () => {
    await (
      await client()
    ).getPublicConfig!();
    const [logged] = await emulator.requests();
    expect(logged).to.include({ method: 'GET', path: '/api/v2/applications/app-1/public-config', authorized: false });
  });

  it('times out', async () => {
    await emulator.fault({ path: '/api/v3/get-profile', kind: 'delay', delayMs: 1000 });
    const error = await rejection((await client(undefined, { timeoutMs: 200 })).getProfile());
    expect(error.code).to.equal('TIMEOUT');
  });

  it('waits the default time when the timeout is unset, zero, negative or not a finite number', async () => {
    await emulator.fault({ path: '/api/v3/get-profile', kind: 'delay', delayMs: 100, times: 5 });
    for (const timeoutMs of [undefined, 0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      const profile = await (await client(undefined, { timeoutMs })).getProfile();
      expect(profile.userId, `timeoutMs: ${timeoutMs}`).to.equal(USERS.phoneAndEmail.id);
    }
  });

  it("times out while the caller's signal is live (ofetch ignores its own timeout beside a signal)", async () => {
    await emulator.fault({ path: '/api/v3/send-sms', kind: 'delay', delayMs: 1000 });
    const live = new AbortController();
    const input = { channel: 'CHANNEL_BIND_PHONE', phoneNumber: '13911112222', phoneCountryCode: '+86' } as const;
    const error = await rejection((await client(undefined, { timeoutMs: 200 })).sendSms(input, { signal: live.signal }));
    expect(error.code).to.equal('TIMEOUT');
    expect(live.signal.aborted).to.equal(false);
  });

  it('is abortable, with an AbortError rather than a user-facing error', async () => {
    await emulator.fault({ path: '/api/v3/get-profile', kind: 'delay', delayMs: 1000 });
    const controller = new AbortController();
    const pending = (await client()).getProfile({ signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await rejection(pending);
    expect(error.name).to.equal('AbortError');
  });

  it('sends no request for an aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await rejection((await client()).getProfile({ signal: controller.signal }));
    expect(error.name).to.equal('AbortError');
    expect(await emulator.requests()).to.have.length(0);
  });

  it('accepts https and loopback http app hosts only', () => {
    expect(normalizeAppHost('example.authing.cn')).to.equal('https://example.authing.cn');
    expect(normalizeAppHost('https://example.authing.cn/')).to.equal('https://example.authing.cn');
    expect(normalizeAppHost('http://localhost:8787')).to.equal('http://localhost:8787');
    expect(normalizeAppHost('http://127.0.0.1:8787')).to.equal('http://127.0.0.1:8787');
    expect(normalizeAppHost('https://例子.authing.cn')).to.equal('https://xn--fsqu00a.authing.cn');
    expect(normalizeAppHost('https://[2001:db8::1]:8443')).to.equal('https://[2001:db8::1]:8443');
    const bads = ['http://example.authing.cn', 'ftp://x', 'https://user:pw@x.cn', 'https://x.cn/?a=1', 'http://'];
    // Hosts Chromium's URL parser would accept, percent-encoded, and send a request to.
    bads.push('not a host at all', 'https://exa mple.com', 'https://%20x.com', 'https://ex"ample.com');
    for (const bad of bads) {
      expect(() => normalizeAppHost(bad), bad)
        .to.throw(PhoneManagerError)
        .with.property('code', 'CONFIG');
    }
  });
});
