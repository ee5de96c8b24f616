// Error codes the hardening matrix (test/element/hardening/) does not drive: Authing's apiCode 2028, the real
// resend limit, and a profile changed elsewhere (OLD_PHONE_MISMATCH, ALREADY_BOUND, NO_PHONE), plus an
// expired updatePhoneToken when the pool skips the current number. Transport faults, session expiry,
// wrong, expired and taken codes and numbers, bad input and the security cases live in test/element/hardening/.
import { COOLDOWN_STORAGE_KEY } from '../../src/core/session.js';
import { expect } from '@open-wc/testing';
import { emulator, holdRequests, USERS } from '../helpers/emulator.js';
import {
  button,
  click,
  codeInput,
  errorText,
  mount,
  nextEvent,
  part,
  phoneInput,
  press,
  type,
  unmountAll,
  waitForTitle,
  waitIdle,
  waitUntil,
  type Widget,
} from '../helpers/widget.js';

async function sendBindCode(el: Widget, phone: string): Promise<string> {
  await type(phoneInput(el), phone);
  await press('Enter');
  await waitIdle(el);
  return emulator.codeFor(phone, 'CHANNEL_BIND_PHONE');
}

describe('errors, each with its message, event and a working retry', () => {
  beforeEach(() => emulator.reset());
  afterEach(unmountAll);

  it('PHONE_INVALID from the server (apiCode 2028) is mapped too', async () => {
    const el = await mount(USERS.noPhone.token);
    await emulator.fault({ path: '/api/v3/send-sms', kind: 'envelope', statusCode: 400, apiCode: 2028, message: '请输入正确的手机号码' });
    const error = nextEvent(el, 'authing-error');
    await type(phoneInput(el), '13800135555');
    await press('Enter');
    expect((await error).detail).to.include({ action: 'send-code', code: 'PHONE_INVALID', statusCode: 400, apiCode: 2028 });
  });

  it('a server failure shows its request id for support, after the message as the language joins sentences', async () => {
    for (const [lang, before] of [
      ['en-US', 'try again. Request ID: '],
      ['zh-CN', '请稍后重试。请求 ID：'],
    ] as const) {
      const el = await mount(USERS.noPhone.token, { lang });
      await emulator.fault({ path: '/api/v3/send-sms', kind: 'envelope', statusCode: 500 });
      const error = nextEvent(el, 'authing-error');
      await type(phoneInput(el), '13800135555');
      await press('Enter');
      const { requestId } = (await error).detail;
      await waitIdle(el);
      expect(requestId, 'the envelope carries one').to.be.a('string').and.not.empty;
      expect(errorText(el), lang).to.contain(`${before}${requestId}`);
      el.remove();
      await emulator.reset();
    }
  });

  it('RATE_LIMITED: a second send within the minute, from where the widget did not know of the first, shows the message and a countdown', async () => {
    const first = await mount(USERS.noPhone.token);
    await sendBindCode(first, '13800135555');
    first.remove();
    // Another tab or device sent the first code: this page has no cooldown stored for it.
    sessionStorage.removeItem(COOLDOWN_STORAGE_KEY);
    const el = await mount(USERS.noPhone.token);
    const error = nextEvent(el, 'authing-error');
    await type(phoneInput(el), '13800135555');
    await press('Enter');
    expect((await error).detail).to.include({ action: 'send-code', code: 'RATE_LIMITED' });
    await waitIdle(el);
    expect(errorText(el)).to.contain('Too many codes requested.');
    expect(part(el, 'send-button').textContent!.trim()).to.match(/^Resend in (59|60)s$/);
    expect(await emulator.outbox('13800135555')).to.have.length(1);
  });

  it('a widget mounted again within the minute (a reload) still counts down, and sends nothing', async () => {
    const first = await mount(USERS.noPhone.token);
    await sendBindCode(first, '13800135555');
    first.remove();
    const requests = (await emulator.requests()).length;
    // A pool id: the log then holds the widget's V3 requests only (no public config).
    const el = await mount(USERS.noPhone.token, { 'app-id': null, 'userpool-id': 'test-pool' });
    await type(phoneInput(el), '13800135555');
    await el.updateComplete;
    expect(part(el, 'send-button').textContent!.trim()).to.match(/^Resend in (5\d|60)s$/);
    await press('Enter');
    await click(part(el, 'send-button'));
    await waitIdle(el);
    expect(errorText(el)).to.equal('');
    // the profile, but no send-sms
    expect((await emulator.requests()).slice(requests).map((r) => r.path)).to.deep.equal(['/api/v3/get-profile']);
    expect(await emulator.outbox('13800135555')).to.have.length(1);
    expect(JSON.stringify({ ...sessionStorage }), 'the storage holds no code').not.to.contain(
      (await emulator.outbox('13800135555'))[0]?.code,
    );
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

  it('UPDATE_TOKEN_EXPIRED: the widget asks for new codes and the change then completes', async () => {
    await emulator.configure({ verifyOldPhone: false });
    const el = await mount(USERS.phoneAndEmail.token);
    await click(button(el, 'Change'));
    await type(phoneInput(el), '13977778888');
    await press('Enter');
    await waitIdle(el);
    // update-phone is held on the page while the emulator's clock passes the token's 60 s life.
    const updatePhone = holdRequests('update-phone');
    const error = nextEvent(el, 'authing-error');
    try {
      await type(codeInput(el), await emulator.codeFor('13977778888', 'CHANNEL_BIND_PHONE'));
      await waitUntil(() => updatePhone.held() === 1, 'no update-phone after the verify');
      await emulator.advanceClock(61);
    } finally {
      updatePhone.restore();
    }
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
    await click(part(el, 'send-button'));
    await waitIdle(el);
    const code = await emulator.codeFor('13800138000', 'CHANNEL_UNBIND_PHONE');
    await emulator.seed([{ userId: USERS.phoneAndEmail.id, phone: null, phoneCountryCode: null }]);
    const error = nextEvent(el, 'authing-error');
    await type(codeInput(el), code);
    await press('Enter');
    expect((await error).detail).to.include({ action: 'unbind', code: 'NO_PHONE' });
    await waitForTitle(el, 'Add a phone number');
    expect(errorText(el)).to.contain('Your phone number was removed elsewhere');
  });
});
