// Drives the emulator with Authing's official Node SDK (authing-node-sdk): proves that our wire format
// is what Authing's own client sends and expects. SMS codes are read through the control client.
//
// By default it starts an emulator in this process. With AUTHING_EMULATOR_URL set (e.g.
// http://127.0.0.1:8787) it runs against that one instead: test/package/package.test.js points it at the
// emulator of an installed tarball.

import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { AuthenticationClient } from 'authing-node-sdk';
import { startEmulator, createEmulatorClient } from '../../emulator/index.js';

/** @type {Awaited<ReturnType<typeof startEmulator>> | undefined} */
let server;
/** The emulator spelled with "localhost", which the SDK keeps as plain http. */
let appHost = '';
/** @type {ReturnType<typeof createEmulatorClient>} */
let emulator;

before(async () => {
  const external = process.env.AUTHING_EMULATOR_URL;
  if (!external) server = await startEmulator({ port: 0 });
  const url = external ?? /** @type {NonNullable<typeof server>} */ (server).url;
  appHost = url.replace(/\/\/(127\.0\.0\.1|\[::1\])(?=[:/]|$)/, '//localhost').replace(/\/+$/, '');
  emulator = createEmulatorClient(url);
});
after(async () => {
  await server?.close();
});
beforeEach(async () => {
  await emulator.reset();
});

/**
 * An SDK client for one user. appHost uses "localhost", which the SDK keeps as plain http.
 * @param {string} [accessToken]
 */
function client(accessToken) {
  const c = new AuthenticationClient({
    appId: 'demo-app',
    appHost,
    // the phone endpoints never use the secret; the constructor only insists on having one
    appSecret: 'unused-secret',
    timeout: 5000,
  });
  if (accessToken) c.setAccessToken(accessToken);
  return c;
}

const NEW_PHONE = '13512345678';

describe('authing-node-sdk against the emulator', () => {
  it('getProfile returns the envelope with the UserDto and identities', async () => {
    const res = await client('demo-token-phone-social').getProfile({ withIdentities: true });
    assert.equal(res.statusCode, 200);
    assert.equal(res.message, '操作成功');
    assert.equal(res.data.userId, 'u-phone-social');
    assert.equal(res.data.phone, '13600136000');
    assert.equal(res.data.phoneCountryCode, '+86');
    assert.equal(res.data.identities?.[0]?.provider, 'wechat');
    const noIdentities = await client('demo-token-phone-social').getProfile({});
    assert.equal(noIdentities.data.identities, undefined);
    // the SDK sends the raw token and x-authing-app-id
    const log = await emulator.requests();
    assert.equal(log.at(-1).authScheme, 'raw');
    assert.equal(log.at(-1).appId, 'demo-app');
    assert.equal(log.at(-1).authorized, true);
  });

  it('bind flow: sendSms → bindPhone → getProfile', async () => {
    const alice = client('demo-token-no-phone');
    const sent = await alice.sendSms({
      channel: /** @type {any} */ ('CHANNEL_BIND_PHONE'),
      phoneNumber: NEW_PHONE,
      phoneCountryCode: '+86',
    });
    assert.equal(sent.statusCode, 200);
    const passCode = await emulator.codeFor(NEW_PHONE, 'CHANNEL_BIND_PHONE');
    const bound = await alice.bindPhone({ phoneNumber: NEW_PHONE, passCode, phoneCountryCode: '+86' });
    assert.equal(bound.statusCode, 200, bound.message);
    const p = await alice.getProfile({ withIdentities: true });
    assert.equal(p.data.phone, NEW_PHONE);
    assert.equal(p.data.phoneVerified, true);
  });

  it('sendSms works without an access token (as Authing documents)', async () => {
    const sent = await client().sendSms({ channel: /** @type {any} */ ('CHANNEL_UNBIND_PHONE'), phoneNumber: '13800138000' });
    assert.equal(sent.statusCode, 200);
    assert.match(await emulator.codeFor('13800138000', 'CHANNEL_UNBIND_PHONE'), /^\d{6}$/);
  });

  it('change flow: two sendSms → verifyUpdatePhoneRequest → updatePhone', async () => {
    const bob = client('demo-token-phone-email');
    await bob.sendSms({ channel: /** @type {any} */ ('CHANNEL_UNBIND_PHONE'), phoneNumber: '13800138000', phoneCountryCode: '+86' });
    await bob.sendSms({ channel: /** @type {any} */ ('CHANNEL_BIND_PHONE'), phoneNumber: NEW_PHONE, phoneCountryCode: '+86' });
    const verified = await bob.verifyUpdatePhoneRequest({
      verifyMethod: /** @type {any} */ ('PHONE_PASSCODE'),
      phonePassCodePayload: {
        newPhoneNumber: NEW_PHONE,
        newPhonePassCode: await emulator.codeFor(NEW_PHONE, 'CHANNEL_BIND_PHONE'),
        newPhoneCountryCode: '+86',
        oldPhoneNumber: '13800138000',
        oldPhonePassCode: await emulator.codeFor('13800138000', 'CHANNEL_UNBIND_PHONE'),
        oldPhoneCountryCode: '+86',
      },
    });
    assert.equal(verified.statusCode, 200, verified.message);
    assert.equal(verified.data.tokenExpiresIn, 60);
    const updated = await bob.updatePhone({ updatePhoneToken: verified.data.updatePhoneToken });
    assert.equal(updated.statusCode, 200);
    assert.equal(updated.data.success, true);
    assert.equal((await bob.getProfile({})).data.phone, NEW_PHONE);
    // the token is one-time: the SDK hands back the error envelope, it does not throw
    const again = await bob.updatePhone({ updatePhoneToken: verified.data.updatePhoneToken });
    assert.equal(again.statusCode, 400);
    assert.equal(again.message, 'updatePhoneToken 无效或已过期');
  });

  it('unbind flow: sendSms → unbindPhone', async () => {
    const dave = client('demo-token-phone-social');
    await dave.sendSms({ channel: /** @type {any} */ ('CHANNEL_UNBIND_PHONE'), phoneNumber: '13600136000' });
    const res = await dave.unbindPhone({ passCode: await emulator.codeFor('13600136000', 'CHANNEL_UNBIND_PHONE') });
    assert.equal(res.statusCode, 200, res.message);
    const p = await dave.getProfile({});
    assert.equal(p.data.phone, null);
    assert.equal(p.data.phoneVerified, false);
  });

  it('returns error envelopes as values (no throw) for statusCode ≠ 200', async () => {
    const anonymous = await client().getProfile({});
    assert.equal(anonymous.statusCode, 401);
    assert.equal(/** @type {any} */ (anonymous).apiCode, 2020);
    assert.equal(anonymous.message, '尚未登录，无权限访问此请求');

    const carol = client('demo-token-phone-only');
    const lastMethod = await carol.unbindPhone({ passCode: '123456' });
    assert.equal(lastMethod.statusCode, 422);
    assert.equal(/** @type {any} */ (lastMethod).apiCode, 2217);

    const alice = client('demo-token-no-phone');
    const wrongCode = await alice.bindPhone({ phoneNumber: NEW_PHONE, passCode: '000000' });
    assert.equal(wrongCode.statusCode, 400);
    assert.equal(/** @type {any} */ (wrongCode).apiCode, 2001);

    const taken = await alice.sendSms({ channel: /** @type {any} */ ('CHANNEL_BIND_PHONE'), phoneNumber: '13700137000' });
    assert.equal(taken.statusCode, 200);
    const takenBind = await alice.bindPhone({
      phoneNumber: '13700137000',
      passCode: await emulator.codeFor('13700137000', 'CHANNEL_BIND_PHONE'),
    });
    assert.equal(takenBind.statusCode, 422);
    assert.equal(/** @type {any} */ (takenBind).apiCode, 2035);

    const tooSoon = await alice.sendSms({ channel: /** @type {any} */ ('CHANNEL_BIND_PHONE'), phoneNumber: '13700137000' });
    assert.equal(tooSoon.statusCode, 422);
    assert.equal(/** @type {any} */ (tooSoon).apiCode, 4004);

    const badPhone = await alice.sendSms({ channel: /** @type {any} */ ('CHANNEL_BIND_PHONE'), phoneNumber: '123' });
    assert.equal(badPhone.statusCode, 400);
    assert.equal(/** @type {any} */ (badPhone).apiCode, 2028);

    const bob = client('demo-token-phone-email');
    const sameAsOld = await bob.verifyUpdatePhoneRequest({
      verifyMethod: /** @type {any} */ ('PHONE_PASSCODE'),
      phonePassCodePayload: { newPhoneNumber: '13800138000', newPhonePassCode: '1' },
    });
    assert.equal(sameAsOld.statusCode, 422);
    assert.equal(/** @type {any} */ (sameAsOld).apiCode, 2230);

    const noOld = await bob.verifyUpdatePhoneRequest({
      verifyMethod: /** @type {any} */ ('PHONE_PASSCODE'),
      phonePassCodePayload: { newPhoneNumber: NEW_PHONE, newPhonePassCode: '1' },
    });
    assert.equal(noOld.statusCode, 400);
    assert.equal(/** @type {any} */ (noOld).apiCode, undefined);
    assert.equal(noOld.message, '修改手机号必须验证原来的手机号。');
  });

  it('throws only when the transport fails (HTTP 500 or dropped connection), as axios does', async () => {
    const alice = client('demo-token-no-phone');
    await emulator.fault({ path: '/api/v3/get-profile', kind: 'http500' });
    await assert.rejects(alice.getProfile({}), (/** @type {any} */ err) => {
      assert.equal(err.response?.status, 500);
      return true;
    });
    await emulator.fault({ path: '/api/v3/send-sms', kind: 'drop' });
    await assert.rejects(
      alice.sendSms({ channel: /** @type {any} */ ('CHANNEL_BIND_PHONE'), phoneNumber: NEW_PHONE }),
      (/** @type {any} */ err) => {
        assert.equal(err.response, undefined, 'no HTTP response at all');
        return true;
      },
    );
    const sends = (await emulator.requests()).filter((/** @type {any} */ r) => r.path === '/api/v3/send-sms');
    assert.equal(sends.length, 1, 'axios did not retry');
    assert.equal((await alice.getProfile({})).statusCode, 200);
  });
});
