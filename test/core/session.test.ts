// The headless session against the emulator over real HTTP, with no DOM: each flow driven by intents,
// aborts when the connection changes or the session is disposed, and a client of the host's own.
import { beforeEach, describe, it } from 'node:test';
import { expect } from 'chai';
import { createPhoneSession, type Notification, type PhoneSession } from '../../src/core/session.js';
import { canUnbind } from '../../src/core/index.js';
import type { PhoneApi, PoolSettings } from '../../src/core/api/types.js';
import type { FlowOptions, FlowState } from '../../src/core/flow/phone-flow.js';
import { emulator, emulatorUrl, USERS } from '../helpers/emulator-node.js';

const TOKENS = { noPhone: USERS.noPhone.token, phoneAndEmail: USERS.phoneAndEmail.token };
const appHost = await emulatorUrl();

beforeEach(() => emulator.reset());

/** The code on the phone: the latest SMS to that number on that channel. */
const codeFor = (phoneNumber: string, channel: 'CHANNEL_BIND_PHONE' | 'CHANNEL_UNBIND_PHONE') => emulator.codeFor(phoneNumber, channel);
const phoneOf = async (userId: string) => (await emulator.user(userId)).phone;

/** A session with everything it says recorded. */
function open(token: string, extra: Partial<Parameters<typeof createPhoneSession>[0]> = {}) {
  const notifications: Notification[] = [];
  const session = createPhoneSession({
    // The app id reads the pool's public config, as a new user sets it up: the code length comes from there.
    connection: { appHost: appHost, accessToken: token, appId: 'app-1', lang: 'en-US' },
    ...extra,
  });
  session.notify((n) => notifications.push(n));
  return { session, notifications };
}

/** Resolves once the state passes `test`; fails after `ms`. */
function until(session: PhoneSession, test: (state: FlowState) => boolean, what: string, ms = 3000): Promise<FlowState> {
  if (test(session.state)) return Promise.resolve(session.state);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out waiting for ${what}; step ${session.state.step}, error ${session.state.error?.code}`));
    }, ms);
    const stop = session.subscribe((state) => {
      if (!test(state)) return;
      clearTimeout(timer);
      stop();
      resolve(state);
    });
  });
}

const idle = (session: PhoneSession, what = 'idle') => until(session, (s) => !s.pending, what);

describe('phone session, headless, against the emulator', () => {
  it('binds: profile, code to the new number, a complete code binds', async () => {
    const { session, notifications } = open(TOKENS.noPhone);
    await until(session, (s) => s.step === 'bind', 'the bind form');
    expect(notifications[0]).to.deep.equal({ type: 'profile-loaded', phone: undefined, canUnbind: false });
    session.send({ type: 'edit', field: 'phoneNumber', value: '138 0013 5555' });
    session.send({ type: 'send-code' });
    expect(session.state.pending).to.equal('send-code');
    await idle(session);
    expect(session.state.notice).to.deep.include({ kind: 'code-sent' });
    expect(session.cooldownOf('bind')).to.be.within(59, 60);
    session.send({ type: 'edit', field: 'code', value: await codeFor('13800135555', 'CHANNEL_BIND_PHONE') });
    await until(session, (s) => s.step === 'overview', 'the overview');
    expect(notifications.map((n) => n.type)).to.deep.equal(['profile-loaded', 'code-sent', 'phone-bound']);
    expect(await phoneOf('u-no-phone')).to.equal('13800135555');
    session.dispose();
  });

  it('changes: the current number’s code, the new number’s code, verify and update in one go', async () => {
    const { session, notifications } = open(TOKENS.phoneAndEmail);
    await until(session, (s) => s.step === 'overview', 'the overview');
    session.send({ type: 'start', flow: 'change' });
    expect(session.state.step).to.equal('change-current');
    session.send({ type: 'send-code' });
    await idle(session);
    session.send({ type: 'edit', field: 'currentCode', value: await codeFor('13800138000', 'CHANNEL_UNBIND_PHONE') });
    expect(session.state.step, 'a complete code continues').to.equal('change-new');
    session.send({ type: 'edit', field: 'phoneNumber', value: '13912345678' });
    session.send({ type: 'submit', from: 'phone' }); // Enter in the number field sends its code
    await idle(session);
    session.send({ type: 'edit', field: 'code', value: await codeFor('13912345678', 'CHANNEL_BIND_PHONE') });
    await until(session, (s) => s.notice?.kind === 'changed', 'the change');
    expect(notifications.at(-1)).to.deep.equal({
      type: 'phone-changed',
      phone: { phoneNumber: '13912345678', phoneCountryCode: '+86' },
      previous: { phoneNumber: '13800138000', phoneCountryCode: '+86' },
    });
    expect(await phoneOf('u-phone-email')).to.equal('13912345678');
    session.dispose();
  });

  it('unbinds: a code to the current number, then the submit', async () => {
    const { session, notifications } = open(TOKENS.phoneAndEmail);
    await until(session, (s) => s.step === 'overview', 'the overview');
    session.send({ type: 'start', flow: 'unbind' });
    expect(session.state.step).to.equal('unbind');
    session.send({ type: 'send-code' });
    await idle(session);
    session.send({ type: 'edit', field: 'currentCode', value: await codeFor('13800138000', 'CHANNEL_UNBIND_PHONE') });
    session.send({ type: 'submit' });
    await until(session, (s) => s.step === 'bind', 'the bind form');
    expect(notifications.at(-1)).to.deep.equal({
      type: 'phone-unbound',
      previous: { phoneNumber: '13800138000', phoneCountryCode: '+86' },
    });
    expect(await phoneOf('u-phone-email')).to.equal(null);
    session.dispose();
  });

  it('a failure is an error notification and leaves the input for a retry', async () => {
    const { session, notifications } = open(TOKENS.noPhone);
    await until(session, (s) => s.step === 'bind', 'the bind form');
    session.send({ type: 'edit', field: 'phoneNumber', value: '13700137000' }); // another user's number
    session.send({ type: 'send-code' });
    await idle(session);
    session.send({ type: 'edit', field: 'code', value: await codeFor('13700137000', 'CHANNEL_BIND_PHONE') });
    await idle(session, 'the bind answer');
    const error = notifications.find((n) => n.type === 'error');
    expect(error).to.deep.include({ type: 'error', action: 'bind' });
    expect(session.state.error).to.deep.include({ code: 'PHONE_TAKEN', field: 'phone' });
    expect(session.state.draft.phoneNumber).to.equal('13700137000');
  });

  it('input that cannot be valid sends nothing', async () => {
    let calls = 0;
    const { session } = open(TOKENS.noPhone);
    await until(session, (s) => s.step === 'bind', 'the bind form');
    const counting = session.subscribe((s) => s.pending === 'send-code' && calls++);
    session.send({ type: 'edit', field: 'phoneNumber', value: '123' });
    session.send({ type: 'send-code' });
    expect(session.state.error).to.deep.include({ code: 'PHONE_INVALID', field: 'phone' });
    expect(calls).to.equal(0);
    expect(await emulator.outbox()).to.have.length(0);
    counting();
  });

  it('a new connection aborts the old one: nothing of the first account arrives afterwards', async () => {
    await emulator.fault({ path: '/api/v3/get-profile', kind: 'delay', delayMs: 800, times: 1 });
    const { session, notifications } = open(TOKENS.phoneAndEmail);
    await until(session, (s) => s.pending === 'load-profile', 'the first load');
    session.connect({ appHost: appHost, accessToken: TOKENS.noPhone, userPoolId: 'pool-1' });
    await until(session, (s) => s.step === 'bind', 'the second account');
    await new Promise((resolve) => setTimeout(resolve, 1000)); // the first answer is due by now
    expect(session.state.step).to.equal('bind');
    expect(notifications.filter((n) => n.type === 'profile-loaded')).to.have.length(1);
    session.dispose();
  });

  it('disposed, it stops: a pending request neither changes the state nor notifies', async () => {
    const { session, notifications } = open(TOKENS.noPhone);
    await until(session, (s) => s.step === 'bind', 'the bind form');
    await emulator.fault({ path: '/api/v3/send-sms', kind: 'delay', delayMs: 300, times: 1 });
    session.send({ type: 'edit', field: 'phoneNumber', value: '13800135555' });
    session.send({ type: 'send-code' });
    const seen = session.state;
    session.dispose();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(session.state).to.equal(seen);
    expect(notifications.map((n) => n.type)).to.deep.equal(['profile-loaded']);
    session.send({ type: 'cancel' });
    expect(session.state).to.equal(seen);
  });

  it('without credentials it waits quietly, then connects', async () => {
    const session = createPhoneSession();
    expect(session.state.step).to.equal('signed-out');
    expect(session.state.pending).to.equal(undefined);
    session.connect({ appHost: appHost, accessToken: TOKENS.noPhone, userPoolId: 'pool-1' });
    await until(session, (s) => s.step === 'bind', 'the bind form');
    session.dispose();
  });

  it('a plain-http app host is a CONFIG error at once', async () => {
    const { session, notifications } = open(TOKENS.noPhone, { connection: { appHost: 'http://example.com', accessToken: 'x' } });
    await until(session, (s) => s.step === 'unavailable', 'the error');
    expect(notifications).to.have.length(1);
    expect(notifications[0]).to.deep.include({ type: 'error', action: 'load-profile' });
    expect((notifications[0] as { error: { code: string } }).error.code).to.equal('CONFIG');
  });

  it('cooldowns are deadlines: the clock it is given decides', async () => {
    let now = Date.now();
    const { session } = open(TOKENS.noPhone, { now: () => now });
    await until(session, (s) => s.step === 'bind', 'the bind form');
    session.send({ type: 'edit', field: 'phoneNumber', value: '13800135555' });
    session.send({ type: 'send-code' });
    await idle(session);
    expect(session.cooldownOf('bind')).to.equal(60);
    session.send({ type: 'send-code' });
    expect(session.state.pending, 'no resend within the minute').to.equal(undefined);
    now += 60_000;
    expect(session.cooldownOf('bind')).to.equal(0);
    session.dispose();
  });
});

describe('phone session with a client of its own', () => {
  it('runs every request through it, and what it throws becomes a typed error', async () => {
    const calls: string[] = [];
    const client: PhoneApi = {
      getProfile: async () => (calls.push('getProfile'), { userId: 'u-1', phone: null, email: 'a@example.com' }),
      sendSms: async (input) => void calls.push(`sendSms ${input.channel} ${input.phoneCountryCode}${input.phoneNumber}`),
      bindPhone: async () => {
        calls.push('bindPhone');
        throw new Error('proxy down');
      },
      verifyUpdatePhoneRequest: async () => ({ updatePhoneToken: 't' }),
      updatePhone: async () => undefined,
      unbindPhone: async () => undefined,
    };
    const notifications: Notification[] = [];
    const session = createPhoneSession({ connection: { client } });
    session.notify((n) => notifications.push(n));
    await until(session, (s) => s.step === 'bind', 'the bind form');
    session.send({ type: 'edit', field: 'phoneNumber', value: '+44 7911 123456' });
    session.send({ type: 'send-code' });
    await idle(session);
    session.send({ type: 'edit', field: 'code', value: '123456' });
    expect(calls, 'no public config, so no known code length: the code waits for the button').to.have.length(2);
    session.send({ type: 'submit' });
    await idle(session, 'the bind answer');
    expect(calls).to.deep.equal(['getProfile', 'sendSms CHANNEL_BIND_PHONE +447911123456', 'bindPhone']);
    const error = notifications.find((n) => n.type === 'error') as { action: string; error: { code: string; message: string } };
    expect(error.action).to.equal('bind');
    expect(error.error).to.include({ code: 'SERVER', message: 'proxy down' });
    expect(session.state.draft.code, 'kept for a retry').to.equal('123456');
  });
});

describe('phone session: what the pool and the token say', () => {
  /** A client whose answers the test decides; every call recorded. */
  function fakeClient(answers: Partial<PhoneApi> & { profile?: Record<string, unknown> }, calls: string[] = []): PhoneApi {
    return {
      getProfile: async () => (calls.push('getProfile'), { userId: 'u-1', ...(answers.profile ?? { phone: null, email: null }) }) as never,
      sendSms: async () => void calls.push('sendSms'),
      bindPhone: async () => undefined,
      verifyUpdatePhoneRequest: async () => ({ updatePhoneToken: 't' }),
      updatePhone: async () => undefined,
      unbindPhone: async () => undefined,
      ...answers,
    };
  }
  const settled = (session: PhoneSession) => until(session, (s) => s.step !== 'loading' && !s.pending, 'the profile');

  it('follows the pool’s public config (old-phone step, code length) unless the host set them', async () => {
    const client = fakeClient({
      profile: { phone: '13800138000', phoneCountryCode: '+86', email: 'a@b.c' },
      getPublicConfig: async () => ({ verifyOldPhone: false, codeLength: 4 }),
    });
    const session = createPhoneSession({ connection: { client } });
    await settled(session);
    expect(session.state.options).to.deep.include({ verifyCurrent: false, codeLength: 4 });
    session.send({ type: 'start', flow: 'change' });
    expect(session.state.step, 'no current-number step').to.equal('change-new');
    session.send({ type: 'cancel' });
    session.configure({ verifyCurrent: true, codeLength: 6 });
    expect(session.state.options, 'the host wins').to.deep.include({ verifyCurrent: true, codeLength: 6 });
    session.configure({});
    expect(session.state.options, 'unset again: the pool').to.deep.include({ verifyCurrent: false, codeLength: 4 });
    session.dispose();
  });

  it('takes the default country from the pool, never a guess: defaultISOType, else CN; no international SMS, mainland only', async () => {
    const countryWith = async (pool: PoolSettings, host: Partial<FlowOptions> = {}) => {
      const session = createPhoneSession({ connection: { client: fakeClient({ getPublicConfig: async () => pool }) }, flow: host });
      await settled(session);
      const { draft, options } = session.state;
      session.dispose();
      return { country: draft.country, allowed: options.allowedCountries };
    };
    expect(await countryWith({})).to.deep.equal({ country: 'CN', allowed: undefined });
    expect(await countryWith({ internationalSms: true, defaultCountry: 'JP' })).to.deep.equal({ country: 'JP', allowed: undefined });
    expect(await countryWith({ internationalSms: false })).to.deep.equal({ country: 'CN', allowed: ['CN'] });
    expect(await countryWith({ internationalSms: false }, { allowedCountries: ['HK', 'CN'] }), 'the host’s countries win').to.deep.equal({
      country: 'CN',
      allowed: ['HK', 'CN'],
    });
    expect(
      await countryWith({ internationalSms: true, defaultCountry: 'JP' }, { defaultCountry: 'TW' }),
      'the host’s default wins',
    ).to.deep.equal({
      country: 'TW',
      allowed: undefined,
    });
  });

  it('signed out is a step of its own: no connection yet, or the connection taken away, shows nothing of the account', async () => {
    const session = createPhoneSession();
    expect([session.state.step, session.state.pending]).to.deep.equal(['signed-out', undefined]);
    const client = fakeClient({ profile: { phone: '13800138000', phoneCountryCode: '+86', email: 'a@b.c' } });
    void session.connect({ client });
    expect(session.state.step, 'connecting').to.equal('loading');
    await settled(session);
    expect([session.state.step, canUnbind(session.state)]).to.deep.equal(['overview', true]);
    await session.connect(undefined);
    expect(session.state.step).to.equal('signed-out');
    expect(session.state.account, 'nothing of the account').to.deep.equal({ hasOtherLoginMethod: false });
    session.dispose();
  });

  it('tells subscribers of a change only: an intent that changes nothing notifies no one', async () => {
    const session = createPhoneSession({ connection: { client: fakeClient({ profile: { phone: '13800138000', email: 'a@b.c' } }) } });
    await settled(session);
    const heard: FlowState[] = [];
    session.subscribe((state) => heard.push(state));
    const before = session.state;
    session.send({ type: 'submit' }); // the overview has no form
    session.send({ type: 'back' });
    session.send({ type: 'send-code' });
    expect(heard, 'nothing changed').to.have.length(0);
    expect(session.state).to.equal(before);
    session.send({ type: 'start', flow: 'change' });
    expect(
      heard.map((s) => s.step),
      'a change is heard once',
    ).to.deep.equal(['change-current']);
    session.send({ type: 'start', flow: 'change' }); // already started
    expect(heard).to.have.length(1);
    session.dispose();
  });

  it('an app host without an app or pool id is the host’s mistake: CONFIG, said in the console, no request', async () => {
    const logged: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
    try {
      const notifications: Notification[] = [];
      const session = createPhoneSession({ connection: { appHost, accessToken: TOKENS.noPhone } });
      session.notify((n) => notifications.push(n));
      await until(session, (s) => s.step === 'unavailable', 'the error');
      expect((notifications[0] as { error: { code: string } }).error.code).to.equal('CONFIG');
      expect(logged.join('\n')).to.match(/app-id .*userpool-id/);
      expect(logged.join('\n')).not.to.include(TOKENS.noPhone);
      expect(await emulator.requests(), 'nothing was asked').to.have.length(0);
    } finally {
      console.error = original;
    }
  });

  it('a public config that fails, or a client without one, leaves the defaults, silently', async () => {
    for (const getPublicConfig of [async () => Promise.reject(new Error('CORS')), undefined]) {
      const notifications: Notification[] = [];
      const session = createPhoneSession({ connection: { client: fakeClient({ getPublicConfig }) } });
      session.notify((n) => notifications.push(n));
      await settled(session);
      expect(session.state.options).to.deep.include({ verifyCurrent: true, codeLength: undefined });
      expect(notifications.map((n) => n.type)).to.deep.equal(['profile-loaded']);
      session.dispose();
    }
  });

  it('reads the public config once per connection, not on each reload', async () => {
    const calls: string[] = [];
    const client = fakeClient({ getPublicConfig: async () => (calls.push('getPublicConfig'), {}) }, calls);
    const session = createPhoneSession({ connection: { client } });
    await settled(session);
    session.reload();
    await settled(session);
    expect(calls.sort()).to.deep.equal(['getProfile', 'getProfile', 'getPublicConfig']);
    session.dispose();
  });

  it('a profile without the phone field (a token without the phone scope) asks the security info: bound means PHONE_SCOPE_MISSING, never bind', async () => {
    const calls: string[] = [];
    const hidden = fakeClient(
      { profile: { email: null }, getSecurityInfo: async () => (calls.push('getSecurityInfo'), { phoneBinded: true, emailBinded: false }) },
      calls,
    );
    const notifications: Notification[] = [];
    const logged: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
    const session = createPhoneSession({ connection: { client: hidden } });
    session.notify((n) => notifications.push(n));
    try {
      await settled(session);
    } finally {
      console.error = original;
    }
    expect(session.state.step).to.equal('unavailable');
    expect(session.state.error?.code).to.equal('PHONE_SCOPE_MISSING');
    expect(logged.join(), 'the developer is told why').to.match(/PHONE_SCOPE_MISSING: .*`phone` scope/);
    expect(notifications[0]).to.deep.include({ type: 'error', action: 'load-profile' });
    expect(calls).to.deep.equal(['getProfile', 'getSecurityInfo']);
    session.dispose();

    const none = createPhoneSession({
      connection: {
        client: fakeClient({ profile: { email: null }, getSecurityInfo: async () => ({ phoneBinded: false, emailBinded: false }) }),
      },
    });
    await settled(none);
    expect(none.state.step, 'nothing bound: bind').to.equal('bind');
    none.dispose();
  });

  it('a profile without the email field counts a bound email as another way to sign in', async () => {
    const client = fakeClient({
      profile: { phone: '13800138000', phoneCountryCode: '+86' },
      getSecurityInfo: async () => ({ phoneBinded: true, emailBinded: true }),
    });
    const session = createPhoneSession({ connection: { client } });
    await settled(session);
    expect(session.state.step).to.equal('overview');
    expect(session.state.account.hasOtherLoginMethod).to.equal(true);
    session.dispose();
  });

  it('a profile with both fields (null or not) asks nothing more', async () => {
    const calls: string[] = [];
    const client = fakeClient(
      { getSecurityInfo: async () => (calls.push('getSecurityInfo'), { phoneBinded: true, emailBinded: true }) },
      calls,
    );
    const session = createPhoneSession({ connection: { client } });
    await settled(session);
    expect(calls).to.deep.equal(['getProfile']);
    session.dispose();
  });

  it('cooldowns survive in the storage it is given: a new session (a reload) counts down, and stores no code or token', async () => {
    const stored = new Map<string, string>();
    const storage = {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => void stored.set(key, value),
    };
    const first = createPhoneSession({ connection: { client: fakeClient({}) }, storage });
    await settled(first);
    first.send({ type: 'edit', field: 'phoneNumber', value: '13800135555' });
    first.send({ type: 'send-code' });
    await idle(first);
    first.dispose();
    // One deadline, under a hash of the channel and number: the number itself is not stored.
    expect([...stored.values()].join()).to.match(/^\{"c[0-9a-z]+":\d+\}$/);
    expect([...stored.values()].join()).to.not.contain('13800135555');

    const calls: string[] = [];
    const second = createPhoneSession({ connection: { client: fakeClient({}, calls) }, storage });
    await settled(second);
    second.send({ type: 'edit', field: 'phoneNumber', value: '13800135555' });
    expect(second.cooldownOf('bind')).to.be.within(59, 60);
    second.send({ type: 'send-code' });
    expect(calls, 'nothing sent within the minute').to.deep.equal(['getProfile']);
    second.dispose();
  });

  it('writes the storage when a cooldown starts, not on every keystroke', async () => {
    const writes: string[] = [];
    const storage = { getItem: () => null, setItem: (_key: string, value: string) => void writes.push(value) };
    const session = createPhoneSession({ connection: { client: fakeClient({}) }, storage });
    await settled(session);
    for (const value of ['1', '138', '13800135555']) session.send({ type: 'edit', field: 'phoneNumber', value });
    expect(writes, 'typing a number starts no cooldown').to.deep.equal([]);
    session.send({ type: 'send-code' });
    await idle(session);
    expect(writes).to.have.length(1);
    for (const value of ['2', '24', '2468']) session.send({ type: 'edit', field: 'code', value });
    expect(writes, 'typing a code changes no cooldown').to.have.length(1);
    session.dispose();
  });
});
