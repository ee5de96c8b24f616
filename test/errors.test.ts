// Every error code the emulator can produce, through the widget: the message the user sees, the
// authing-error event, the form left usable and the emulator's state unchanged, then a retry.
import { expect, waitUntil } from '@open-wc/testing';
import { emulator, USERS } from './helpers/emulator.js';
import {
  button,
  click,
  errorText,
  mount,
  nextEvent,
  part,
  press,
  recordEvents,
  statusText,
  text,
  title,
  type,
  unmountAll,
  waitForError,
  waitForTitle,
  waitIdle,
  type Widget,
} from './helpers/widget.js';

const codeInput = (el: Widget) => part<HTMLInputElement>(el, 'code-input');
const phoneInput = (el: Widget) => part<HTMLInputElement>(el, 'phone-input');

async function sendBindCode(el: Widget, phone: string): Promise<string> {
  await type(phoneInput(el), phone);
  await press('Enter');
  await waitIdle(el);
  return emulator.codeFor(phone, 'CHANNEL_BIND_PHONE');
}

describe('errors, each with its message, event and a working retry', () => {
  beforeEach(() => emulator.reset());
  afterEach(unmountAll);

  it('PHONE_INVALID: an impossible number gets a message and sends no SMS', async () => {
    const el = await mount(USERS.noPhone.token);
    const errors = recordEvents(el, ['authing-error']);
    await type(phoneInput(el), '12345');
    await press('Enter');
    await el.updateComplete;
    expect(errorText(el)).to.equal('Enter a valid mobile phone number.');
    expect(phoneInput(el).getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal(phoneInput(el));
    expect(await emulator.outbox()).to.have.length(0);
    expect(errors).to.have.length(0, 'no request, so no authing-error');
    // Fixing the number clears the error and the send goes through.
    await type(phoneInput(el), '13800135555');
    expect(errorText(el)).to.equal('');
    await press('Enter');
    await waitIdle(el);
    expect(await emulator.outbox('13800135555')).to.have.length(1);
  });

  it('PHONE_INVALID from the server (apiCode 2028) is mapped too', async () => {
    const el = await mount(USERS.noPhone.token);
    await emulator.fault({ path: '/api/v3/send-sms', kind: 'envelope', statusCode: 400, apiCode: 2028, message: '请输入正确的手机号码' });
    const error = nextEvent(el, 'authing-error');
    await type(phoneInput(el), '13800135555');
    await press('Enter');
    expect((await error).detail).to.include({ action: 'send-code', code: 'PHONE_INVALID', statusCode: 400, apiCode: 2028 });
  });

  it('CODE_INVALID: a wrong code keeps the form, and the right code then binds', async () => {
    const el = await mount(USERS.noPhone.token);
    const code = await sendBindCode(el, '13800135555');
    const wrong = code === '000000' ? '111111' : '000000';
    const error = nextEvent(el, 'authing-error');
    await type(codeInput(el), wrong);
    expect((await error).detail).to.include({ action: 'bind', code: 'CODE_INVALID', apiCode: 2001 });
    await waitIdle(el);
    expect(errorText(el)).to.contain('That code is not right.');
    expect(phoneInput(el).value).to.equal('13800135555', 'the number stays');
    expect((await emulator.user(USERS.noPhone.id)).phone ?? null).to.equal(null);
    const bound = nextEvent(el, 'authing-phone-bound');
    await type(codeInput(el), code);
    await bound;
  });

  it('a code that is not 4–8 digits is refused without a request', async () => {
    const el = await mount(USERS.noPhone.token);
    await sendBindCode(el, '13800135555');
    const before = (await emulator.requests()).length;
    await type(codeInput(el), '12a');
    await press('Enter');
    await el.updateComplete;
    expect(errorText(el)).to.contain('That code is not right.');
    expect(codeInput(el).getAttribute('aria-invalid')).to.equal('true');
    expect((await emulator.requests()).length).to.equal(before);
  });

  it('CODE_EXPIRED: an expired code asks for a new one, and the new one works', async () => {
    const el = await mount(USERS.noPhone.token);
    const code = await sendBindCode(el, '13800135555');
    await emulator.advanceClock(301);
    const error = nextEvent(el, 'authing-error');
    await type(codeInput(el), code);
    expect((await error).detail).to.include({ code: 'CODE_EXPIRED', apiCode: 2300 });
    await waitIdle(el);
    expect(errorText(el)).to.contain('expired');
    // The resend countdown ran out with the emulator's clock moved, so mirror that in the page.
    const realNow = Date.now;
    Date.now = () => realNow() + 61_000;
    try {
      await waitUntil(() => part(el, 'send-button').getAttribute('aria-disabled') === 'false', 'countdown never ended', { timeout: 3000 });
      await click(part(el, 'send-button'));
      await waitIdle(el);
    } finally {
      Date.now = realNow;
    }
    const bound = nextEvent(el, 'authing-phone-bound');
    await type(codeInput(el), await emulator.codeFor('13800135555', 'CHANNEL_BIND_PHONE'));
    await bound;
  });

  it('PHONE_TAKEN: a number another user owns', async () => {
    const el = await mount(USERS.noPhone.token);
    const code = await sendBindCode(el, USERS.other.phone);
    const error = nextEvent(el, 'authing-error');
    await type(codeInput(el), code);
    expect((await error).detail).to.include({ action: 'bind', code: 'PHONE_TAKEN', apiCode: 2035 });
    await waitIdle(el);
    expect(errorText(el)).to.equal('This phone number is already linked to another account.');
    expect(phoneInput(el).getAttribute('aria-invalid')).to.equal('true');
    expect((await emulator.user(USERS.other.id)).phone).to.equal(USERS.other.phone);
  });

  it('SAME_PHONE: the current number as the new one is refused before any SMS', async () => {
    const el = await mount(USERS.phoneAndEmail.token, { 'skip-old-phone-verification': '' });
    await click(button(el, 'Change'));
    await type(phoneInput(el), '+86 138-0013-8000');
    await press('Enter');
    await el.updateComplete;
    expect(errorText(el)).to.equal('That is your current number. Enter a different one.');
    expect(await emulator.outbox()).to.have.length(0);
  });

  it('RATE_LIMITED: a second send within the minute shows the message and a countdown', async () => {
    const first = await mount(USERS.noPhone.token);
    await sendBindCode(first, '13800135555');
    first.remove();
    const el = await mount(USERS.noPhone.token); // a fresh widget does not know about the first send
    const error = nextEvent(el, 'authing-error');
    await type(phoneInput(el), '13800135555');
    await press('Enter');
    expect((await error).detail).to.include({ action: 'send-code', code: 'RATE_LIMITED', statusCode: 429 });
    await waitIdle(el);
    expect(errorText(el)).to.contain('Too many codes requested.');
    expect(part(el, 'send-button').textContent!.trim()).to.match(/^Resend in (59|60) s$/);
    expect(await emulator.outbox('13800135555')).to.have.length(1);
  });

  it('UNAUTHORIZED: a bad token fails the load; a new access-token resumes without a reload', async () => {
    const el = document.createElement('authing-phone-manager');
    el.setAttribute('app-host', (await import('./helpers/emulator.js').then((m) => m.emulatorUrl())));
    el.setAttribute('lang', 'en-US');
    el.setAttribute('access-token', 'expired-token');
    const error = nextEvent(el, 'authing-error');
    document.body.append(el);
    expect((await error).detail).to.include({ action: 'load-profile', code: 'UNAUTHORIZED', statusCode: 401, apiCode: 2020 });
    await waitIdle(el);
    expect(errorText(el)).to.equal('Your session has expired. Please sign in again.');
    const loaded = nextEvent(el, 'authing-profile-loaded');
    el.accessToken = USERS.phoneAndEmail.token;
    expect((await loaded).detail).to.deep.equal({ phoneNumber: '13800138000', phoneCountryCode: '+86', canUnbind: true });
    await waitIdle(el);
    expect(errorText(el)).to.equal('');
    expect(part(el, 'phone').textContent).to.equal('+86 138****8000');
  });

  it('UNAUTHORIZED mid-flow: the typed number survives a token refresh', async () => {
    const el = await mount(USERS.noPhone.token);
    const code = await sendBindCode(el, '13800135555');
    await emulator.seed([{ userId: USERS.noPhone.id, tokens: ['fresh-token'] }]);
    const error = nextEvent(el, 'authing-error');
    await type(codeInput(el), code);
    expect((await error).detail.code).to.equal('UNAUTHORIZED');
    await waitIdle(el);
    el.accessToken = 'fresh-token';
    await nextEvent(el, 'authing-profile-loaded');
    await waitIdle(el);
    expect(phoneInput(el).value).to.equal('13800135555');
    expect(codeInput(el).value).to.equal(code);
    const bound = nextEvent(el, 'authing-phone-bound');
    await click(part(el, 'submit-button'));
    await bound;
  });

  it('OLD_PHONE_MISMATCH: the number changed elsewhere; the widget reloads the profile', async () => {
    const el = await mount(USERS.phoneAndEmail.token);
    await emulator.seed([{ userId: USERS.phoneAndEmail.id, phone: '13812349876', phoneCountryCode: '+86' }]);
    await click(button(el, 'Change'));
    await click(part(el, 'send-button'));
    await waitIdle(el);
    await type(codeInput(el), await emulator.codeFor('13800138000', 'CHANNEL_UNBIND_PHONE'));
    await type(phoneInput(el), '13955556666');
    await press('Enter');
    await waitIdle(el);
    const error = nextEvent(el, 'authing-error');
    await type(codeInput(el), await emulator.codeFor('13955556666', 'CHANNEL_BIND_PHONE'));
    expect((await error).detail).to.include({ action: 'change', code: 'OLD_PHONE_MISMATCH', apiCode: 2038 });
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="phone"]')?.textContent === '+86 138****9876', 'profile not reloaded');
    expect(errorText(el)).to.contain('changed elsewhere');
  });

  it('LAST_LOGIN_METHOD: the server refuses the unbind; the widget stops offering it', async () => {
    const el = await mount(USERS.phoneAndEmail.token);
    await click(button(el, 'Remove'));
    await click(button(el, 'Continue'));
    await emulator.seed([{ userId: USERS.phoneAndEmail.id, email: null, identities: [] }]);
    await click(part(el, 'send-button'));
    await waitIdle(el);
    const error = nextEvent(el, 'authing-error');
    await type(codeInput(el), await emulator.codeFor('13800138000', 'CHANNEL_UNBIND_PHONE'));
    expect((await error).detail).to.include({ action: 'unbind', code: 'LAST_LOGIN_METHOD', apiCode: 2217 });
    await waitIdle(el);
    expect(title(el)).to.equal('Phone number');
    expect(() => button(el, 'Remove')).to.throw();
    expect((await emulator.user(USERS.phoneAndEmail.id)).phone).to.equal('13800138000');
  });

  it('UPDATE_TOKEN_EXPIRED: the widget asks for new codes and the change then completes', async () => {
    await emulator.configure({ verifyOldPhone: false });
    const el = await mount(USERS.phoneAndEmail.token, { 'skip-old-phone-verification': '' });
    await click(button(el, 'Change'));
    await type(phoneInput(el), '13977778888');
    await press('Enter');
    await waitIdle(el);
    // update-phone is held for a second while the emulator's clock passes the token's 60 s life.
    await emulator.fault({ path: '/api/v3/update-phone', kind: 'delay', delayMs: 1000 });
    const error = nextEvent(el, 'authing-error');
    await type(codeInput(el), await emulator.codeFor('13977778888', 'CHANNEL_BIND_PHONE'));
    await waitUntil(async () => (await emulator.requests()).some((r) => r.path === '/api/v3/verify-update-phone-request'), 'no verify');
    await emulator.advanceClock(61);
    expect((await error).detail).to.include({ action: 'change', code: 'UPDATE_TOKEN_EXPIRED' });
    await waitIdle(el);
    expect(errorText(el)).to.contain('Request new codes');
    expect(phoneInput(el).value).to.equal('13977778888');
    expect(codeInput(el).value).to.equal('');
    expect((await emulator.user(USERS.phoneAndEmail.id)).phone).to.equal('13800138000');
    // Retry: a new code (the clock moved past the resend limit too) and the change goes through.
    const realNow = Date.now;
    Date.now = () => realNow() + 61_000;
    try {
      await waitUntil(() => part(el, 'send-button').getAttribute('aria-disabled') === 'false', 'countdown never ended', { timeout: 3000 });
      await click(part(el, 'send-button'));
      await waitIdle(el);
    } finally {
      Date.now = realNow;
    }
    const changed = nextEvent(el, 'authing-phone-changed');
    await type(codeInput(el), await emulator.codeFor('13977778888', 'CHANNEL_BIND_PHONE'));
    await changed;
  });

  it('ALREADY_BOUND: a phone bound elsewhere meanwhile; the widget shows it', async () => {
    const el = await mount(USERS.noPhone.token);
    const code = await sendBindCode(el, '13800135555');
    await emulator.seed([{ userId: USERS.noPhone.id, phone: '13800139999', phoneCountryCode: '+86' }]);
    const error = nextEvent(el, 'authing-error');
    await type(codeInput(el), code);
    expect((await error).detail).to.include({ code: 'ALREADY_BOUND' });
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="phone"]')?.textContent === '+86 138****9999', 'profile not reloaded');
  });

  it('NO_PHONE: the phone was removed elsewhere; the widget shows the bind form', async () => {
    const el = await mount(USERS.phoneAndEmail.token);
    await click(button(el, 'Remove'));
    await click(button(el, 'Continue'));
    await click(part(el, 'send-button'));
    await waitIdle(el);
    const code = await emulator.codeFor('13800138000', 'CHANNEL_UNBIND_PHONE');
    await emulator.seed([{ userId: USERS.phoneAndEmail.id, phone: null, phoneCountryCode: null }]);
    const error = nextEvent(el, 'authing-error');
    await type(codeInput(el), code);
    expect((await error).detail).to.include({ action: 'unbind', code: 'NO_PHONE' });
    await waitForTitle(el, 'Add a phone number');
    expect(errorText(el)).to.contain('No phone number is linked');
  });

  for (const [kind, code] of [
    ['http500', 'SERVER'],
    ['html', 'SERVER'],
    ['envelope', 'SERVER'],
    ['malformed', 'BAD_RESPONSE'],
    ['drop', 'NETWORK'],
  ] as const) {
    it(`${code} from a ${kind} fault on send-sms: message, one request, and the retry works`, async () => {
      const el = await mount(USERS.noPhone.token);
      await emulator.fault({ path: '/api/v3/send-sms', kind });
      const errors = recordEvents(el, ['authing-error']);
      await type(phoneInput(el), '13800135555');
      await press('Enter');
      await waitForError(el);
      await waitIdle(el);
      expect(errors.map((e) => e.detail.code)).to.deep.equal([code]);
      expect(errors[0].detail.action).to.equal('send-code');
      expect(await emulator.outbox()).to.have.length(0);
      expect((await emulator.requests()).filter((r) => r.path === '/api/v3/send-sms')).to.have.length(1, 'never retried behind the user');
      expect(phoneInput(el).value).to.equal('13800135555');
      await click(part(el, 'send-button'));
      await waitIdle(el);
      expect(statusText(el)).to.equal('Code sent to +86 138****5555.');
      expect(errorText(el)).to.equal('');
    });
  }

  it('TIMEOUT: a slow answer past the timeout attribute', async () => {
    const el = await mount(USERS.noPhone.token, { timeout: '300' });
    await emulator.fault({ path: '/api/v3/send-sms', kind: 'delay', delayMs: 1500 });
    const error = nextEvent(el, 'authing-error');
    await type(phoneInput(el), '13800135555');
    await press('Enter');
    expect((await error).detail).to.include({ action: 'send-code', code: 'TIMEOUT' });
    await waitIdle(el);
    expect(errorText(el)).to.equal('The server took too long to answer. Please try again.');
  });

  it('a failed profile load offers Try again, which works', async () => {
    await emulator.fault({ path: '/api/v3/get-profile', kind: 'http500' });
    const el = document.createElement('authing-phone-manager');
    el.setAttribute('app-host', await (await import('./helpers/emulator.js')).emulatorUrl());
    el.setAttribute('access-token', USERS.phoneAndEmail.token);
    el.setAttribute('lang', 'en-US');
    const error = nextEvent(el, 'authing-error');
    document.body.append(el);
    expect((await error).detail).to.include({ action: 'load-profile', code: 'SERVER', statusCode: 500 });
    await el.updateComplete;
    expect(text(el)).to.contain('Your phone settings could not be loaded.');
    const loaded = nextEvent(el, 'authing-profile-loaded');
    await click(button(el, 'Try again'));
    await loaded;
  });

  it('CONFIG: an http app-host that is not localhost is refused and the token is never sent', async () => {
    const el = document.createElement('authing-phone-manager');
    el.setAttribute('app-host', 'http://example.authing.cn');
    el.setAttribute('access-token', USERS.phoneAndEmail.token);
    el.setAttribute('lang', 'zh-CN');
    const error = nextEvent(el, 'authing-error');
    document.body.append(el);
    expect((await error).detail).to.include({ action: 'load-profile', code: 'CONFIG' });
    await el.updateComplete;
    expect(errorText(el)).to.equal('手机号设置组件配置有误，请联系网站管理员。');
    expect(performance.getEntriesByType('resource').some((r) => r.name.includes('example.authing.cn'))).to.equal(false);
  });

  it('shows errors in Chinese, and unknown server text as inert text', async () => {
    const el = await mount(USERS.noPhone.token, { lang: 'zh-CN' });
    await emulator.fault({ path: '/api/v3/send-sms', kind: 'envelope', statusCode: 400, message: '<img src=x onerror="window.pwned=1">未知错误' });
    await type(phoneInput(el), '13800135555');
    await press('Enter');
    await waitForError(el);
    expect(errorText(el)).to.contain('<img src=x onerror="window.pwned=1">未知错误');
    expect(part(el, 'error').querySelector('img')).to.equal(null);
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
  });
});
