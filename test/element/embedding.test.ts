// What a host may plug in: its own transport (the `client` property) and its own tag or registry
// (`define`), for proxies, test doubles and micro-frontends with two versions on one page.
import { expect } from '@open-wc/testing';
import { createAuthingClient, define, AuthingPhoneManager, type PhoneApi } from '../../src/index.js';
import { emulator, emulatorUrl, USERS } from '../helpers/emulator.js';
import { nextEvent, part, press, type, unmountAll, waitIdle, type Widget } from '../helpers/widget.js';

describe('embedding: a client of the host’s own, and registration under another tag', () => {
  beforeEach(() => emulator.reset());
  afterEach(unmountAll);

  /** A host's proxy: every call goes through it to the emulator, and it sees each one. */
  async function recordingClient(calls: string[]): Promise<PhoneApi> {
    const real = createAuthingClient({ appHost: await emulatorUrl(), appId: 'test-app', accessToken: USERS.noPhone.token });
    return {
      getProfile: (o) => (calls.push('getProfile'), real.getProfile(o)),
      sendSms: (input, o) => (calls.push(`sendSms ${input.phoneNumber}`), real.sendSms(input, o)),
      bindPhone: (input, o) => (calls.push(`bindPhone ${input.phoneNumber}`), real.bindPhone(input, o)),
      verifyUpdatePhoneRequest: (input, o) => real.verifyUpdatePhoneRequest(input, o),
      updatePhone: (token, o) => real.updatePhone(token, o),
      unbindPhone: (code, o) => real.unbindPhone(code, o),
      // The pool's settings (code length, country) through the proxy too.
      getPublicConfig: (o) => real.getPublicConfig!(o),
    };
  }

  it('binds a phone through the `client` property, with no app-host or token on the element', async () => {
    const calls: string[] = [];
    const el = document.createElement('authing-phone-manager');
    el.lang = 'en-US';
    el.client = await recordingClient(calls);
    const loaded = nextEvent(el, 'authing-profile-loaded');
    document.body.append(el);
    await loaded;
    await el.updateComplete;
    await type(part<HTMLInputElement>(el, 'phone-input'), '13800135555');
    await press('Enter');
    await waitIdle(el);
    const bound = nextEvent(el, 'authing-phone-bound');
    await type(part<HTMLInputElement>(el, 'code-input'), await emulator.codeFor('13800135555', 'CHANNEL_BIND_PHONE'));
    expect((await bound).detail).to.deep.equal({ phoneNumber: '13800135555', phoneCountryCode: '+86' });
    expect(calls).to.deep.equal(['getProfile', 'sendSms 13800135555', 'bindPhone 13800135555']);
    expect((await emulator.user(USERS.noPhone.id)).phone).to.equal('13800135555');
  });

  it('a new client is a new connection: the profile loads again through it', async () => {
    const first: string[] = [];
    const second: string[] = [];
    const el = document.createElement('authing-phone-manager');
    el.client = await recordingClient(first);
    let loaded = nextEvent(el, 'authing-profile-loaded');
    document.body.append(el);
    await loaded;
    loaded = nextEvent(el, 'authing-profile-loaded');
    el.client = await recordingClient(second);
    await loaded;
    expect(first).to.deep.equal(['getProfile']);
    expect(second).to.deep.equal(['getProfile']);
  });

  it('define() registers under another tag beside the default one; both work, and a taken name is left alone', async () => {
    const other = define('other-phone-manager');
    expect(customElements.get('other-phone-manager')).to.equal(other);
    expect(customElements.get('authing-phone-manager')).to.equal(AuthingPhoneManager);
    expect(new other()).to.be.instanceOf(AuthingPhoneManager);
    expect(define('other-phone-manager'), 'a second call returns what is there').to.equal(other);
    expect(define(), 'the default tag, already registered').to.equal(AuthingPhoneManager);

    const el = document.createElement('other-phone-manager') as Widget;
    el.setAttribute('app-host', await emulatorUrl());
    el.setAttribute('app-id', 'test-app');
    el.setAttribute('lang', 'en-US');
    el.accessToken = USERS.phoneAndEmail.token;
    const loaded = nextEvent(el, 'authing-profile-loaded');
    document.body.append(el);
    expect((await loaded).detail).to.include({ phoneNumber: USERS.phoneAndEmail.phone, canUnbind: true });
    await el.updateComplete;
    expect(part(el, 'phone').textContent).to.equal('+86 138****8000');
    el.remove();
  });
});
