// The three flows end to end: real key presses and clicks in Chromium, the emulator over real HTTP
// from another origin, and the emulator's state checked afterwards.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { catalog, LANGS } from '../../src/localize/index.js';
import { emulator, USERS, wrongCode } from '../helpers/emulator.js';
import {
  button,
  click,
  errorText,
  fieldError,
  focused,
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
  waitForTitle,
  waitIdle,
  waitUntil,
} from '../helpers/widget.js';

const EVENTS = ['authing-code-sent', 'authing-phone-bound', 'authing-phone-changed', 'authing-phone-unbound', 'authing-error'];

describe('bind, change and unbind against the emulator', () => {
  beforeEach(() => emulator.reset());
  afterEach(unmountAll);

  // The three flows in every UI language, set up as a new user sets it up: app-host, the token, app-id.
  for (const lang of LANGS) {
    const t = catalog(lang);
    it(`${lang}: binds a phone: number, Send code, the SMS code, Bind — with the keyboard`, async () => {
      const el = await mount(USERS.noPhone.token, { lang });
      const events = recordEvents(el, EVENTS);
      expect(title(el)).to.equal(t.bindTitle);

      await type(part<HTMLInputElement>(el, 'phone-input'), '138 0013 5555');
      const sent = nextEvent(el, 'authing-code-sent');
      await press('Enter'); // Enter in the number field sends the code
      expect((await sent).detail).to.deep.equal({ purpose: 'bind', phoneNumber: '13800135555', phoneCountryCode: '+86' });
      await waitIdle(el);
      // Said once: by the code input's description, where focus moves; not by the status region too.
      expect(statusText(el)).to.equal('');
      expect(focused(el)).to.equal(part(el, 'code-input'), 'focus moves to the code');
      expect(el.shadowRoot!.getElementById(part(el, 'code-input').getAttribute('aria-describedby')!)!.textContent!.trim()).to.equal(
        t.codeSent('+86 138****5555', 'submits'),
      );

      const code = await emulator.codeFor('13800135555', 'CHANNEL_BIND_PHONE');
      const bound = nextEvent(el, 'authing-phone-bound');
      await type(part<HTMLInputElement>(el, 'code-input'), code);
      expect((await bound).detail).to.deep.equal({ phoneNumber: '13800135555', phoneCountryCode: '+86' });
      await waitIdle(el);

      expect(title(el)).to.equal(t.title);
      expect(part(el, 'phone').textContent).to.equal('+86 138****5555');
      expect(statusText(el)).to.equal(t.bound);
      const user = await emulator.user(USERS.noPhone.id);
      expect([user.phone, user.phoneCountryCode]).to.deep.equal(['13800135555', '+86']);
      expect(events.map((e) => e.type)).to.deep.equal(['authing-code-sent', 'authing-phone-bound']);
    });

    it(`${lang}: changes a phone: code to the current number, new number and its code, then update-phone`, async () => {
      const el = await mount(USERS.phoneAndEmail.token, { lang });
      const events = recordEvents(el, EVENTS);
      expect(part(el, 'phone').textContent).to.equal('+86 138****8000');

      await click(button(el, t.change));
      await waitForTitle(el, t.changeTitle);
      expect(text(el)).to.contain('+86 138****8000');
      expect(focused(el)).to.equal(part(el, 'send-button'), 'focus on the first control of the step');

      await press('Enter'); // the focused Send code button
      await waitUntil(() => events.length === 1, 'no code sent');
      expect(events[0]?.detail).to.deep.equal({ purpose: 'change-current', phoneNumber: '13800138000', phoneCountryCode: '+86' });
      await waitIdle(el);
      expect(focused(el)).to.equal(part(el, 'code-input'));
      await sendTypedCode(el, await emulator.codeFor('13800138000', 'CHANNEL_UNBIND_PHONE'));
      await waitUntil(() => part(el, 'phone-input'), 'no new-number step');
      expect(focused(el)).to.equal(part(el, 'phone-input'));

      await type(part<HTMLInputElement>(el, 'phone-input'), '13912345678');
      await click(part(el, 'send-button'));
      await waitUntil(() => events.length === 2, 'no second code');
      expect(events[1]?.detail).to.deep.equal({ purpose: 'change-new', phoneNumber: '13912345678', phoneCountryCode: '+86' });
      await waitIdle(el);
      const changed = nextEvent(el, 'authing-phone-changed');
      await sendTypedCode(el, await emulator.codeFor('13912345678', 'CHANNEL_BIND_PHONE'));
      expect((await changed).detail).to.deep.equal({
        phoneNumber: '13912345678',
        phoneCountryCode: '+86',
        previousPhoneNumber: '13800138000',
        previousPhoneCountryCode: '+86',
      });
      await waitIdle(el);
      expect(part(el, 'phone').textContent).to.equal('+86 139****5678');
      expect(statusText(el)).to.equal(t.changed);
      expect((await emulator.user(USERS.phoneAndEmail.id)).phone).to.equal('13912345678');

      const calls = (await emulator.requests()).map((r) => `${r.path} ${r.statusCode}`);
      // the app's public config is read once, beside the profile (in either order)
      expect(calls.slice(0, 2).sort()).to.deep.equal(['/api/v2/applications/test-app/public-config 200', '/api/v3/get-profile 200']);
      expect(calls.slice(2)).to.deep.equal([
        '/api/v3/send-sms 200',
        '/api/v3/send-sms 200',
        '/api/v3/verify-update-phone-request 200',
        '/api/v3/update-phone 200',
      ]);
    });

    it(`${lang}: unbinds in one step: the warning, a code to the current number, and the red button, which alone removes it`, async () => {
      const el = await mount(USERS.phoneAndEmail.token, { lang });
      await click(button(el, t.unbind));
      await waitForTitle(el, t.unbindTitle('+86 138****8000'));
      expect(text(el)).to.contain(t.unbindWarning('+86 138****8000'));
      expect(focused(el)).to.equal(part(el, 'title'), 'focus on the step heading, so the warning is read first');
      await press('Tab');
      expect(focused(el)).to.equal(part(el, 'code-input'));
      await press('Tab');
      expect(focused(el)).to.equal(part(el, 'send-button'));
      await press('Enter');
      await waitIdle(el);
      expect(focused(el), 'the code was sent: its input').to.equal(part(el, 'code-input'));
      expect(part(el, 'submit-button').className).to.contain('danger-solid');
      await sendKeys({ type: await emulator.codeFor('13800138000', 'CHANNEL_UNBIND_PHONE') });
      await el.updateComplete;
      expect(
        (await emulator.requests()).some((r) => r.path === '/api/v3/unbind-phone'),
        'a complete code does not remove',
      ).to.equal(false);
      expect(fieldError(el, 'currentCode')).to.equal('');
      const unbound = nextEvent(el, 'authing-phone-unbound');
      await click(button(el, t.confirmUnbind));
      expect((await unbound).detail).to.deep.equal({ previousPhoneNumber: '13800138000', previousPhoneCountryCode: '+86' });
      await waitIdle(el);
      expect(title(el)).to.equal(t.bindTitle);
      expect(statusText(el)).to.equal(t.unbound);
      expect((await emulator.user(USERS.phoneAndEmail.id)).phone ?? null).to.equal(null);
    });
  }

  it('unbinds for a user whose other sign-in method is a social identity', async () => {
    const el = await mount(USERS.phoneAndSocial.token);
    await click(button(el, 'Remove'));
    await click(part(el, 'send-button'));
    await waitIdle(el);
    const unbound = nextEvent(el, 'authing-phone-unbound');
    await type(part<HTMLInputElement>(el, 'code-input'), await emulator.codeFor(USERS.phoneAndSocial.phone, 'CHANNEL_UNBIND_PHONE'));
    await press('Enter');
    await unbound;
  });

  it('offers no unbind when the phone is the only way to sign in, and says so', async () => {
    const el = await mount(USERS.phoneOnly.token);
    expect(text(el)).to.contain('This number is your only way to sign in');
    expect(() => button(el, 'Remove')).to.throw();
    expect(button(el, 'Change')).to.exist;
  });

  it('skips the current-number step when told to, and adds it when the server asks for it', async () => {
    await emulator.configure({ verifyOldPhone: true });
    const el = await mount(USERS.phoneAndEmail.token, { 'skip-old-phone-verification': '' });
    const errors = recordEvents(el, ['authing-error']);
    await click(button(el, 'Change'));
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="phone-input"]'), 'no new-number step');
    await type(part<HTMLInputElement>(el, 'phone-input'), '13911112222');
    await press('Enter');
    await waitIdle(el);
    await sendTypedCode(el, await emulator.codeFor('13911112222', 'CHANNEL_BIND_PHONE'));
    // The pool verifies the old phone after all: the widget adds the step instead of failing.
    await waitUntil(() => statusText(el).includes('also needs a code sent to your current number'), 'step not added');
    expect(errors.map((e) => e.detail.code)).to.deep.equal(['OLD_PHONE_REQUIRED']);
    expect(errorText(el)).to.equal('');
    await click(part(el, 'send-button'));
    await waitIdle(el);
    const changed = nextEvent(el, 'authing-phone-changed');
    await sendTypedCode(el, await emulator.codeFor('13800138000', 'CHANNEL_UNBIND_PHONE'));
    expect((await changed).detail.phoneNumber).to.equal('13911112222');
  });

  it('changes without the current-number step when the pool does not require it', async () => {
    await emulator.configure({ verifyOldPhone: false });
    const el = await mount(USERS.phoneAndEmail.token); // the pool's public config says so
    await click(button(el, 'Change'));
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="phone-input"]'), 'no new-number step');
    await type(part<HTMLInputElement>(el, 'phone-input'), '13933334444');
    await press('Enter');
    await waitIdle(el);
    const changed = nextEvent(el, 'authing-phone-changed');
    await sendTypedCode(el, await emulator.codeFor('13933334444', 'CHANNEL_BIND_PHONE'));
    await changed;
    expect((await emulator.outbox('13800138000')).length).to.equal(0, 'no code went to the old number');
  });

  it('Cancel leaves a flow and Edit, the one way back, keeps what was typed', async () => {
    const el = await mount(USERS.phoneAndEmail.token);
    await click(button(el, 'Change'));
    await click(part(el, 'send-button'));
    await waitIdle(el);
    await sendTypedCode(el, await emulator.codeFor('13800138000', 'CHANNEL_UNBIND_PHONE'));
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="phone-input"]'), 'no new-number step');
    await click(part(el, 'edit-button'));
    expect(part<HTMLInputElement>(el, 'code-input').value).to.match(/^\d{6}$/);
    const codeInput = part<HTMLInputElement>(el, 'code-input');
    expect(focused(el), 'back to fix the code: its input').to.equal(codeInput);
    expect([codeInput.selectionStart, codeInput.selectionEnd], 'its code selected').to.deep.equal([0, 6]);
    await click(button(el, 'Cancel'));
    await waitForTitle(el, 'Phone number');
    expect(part(el, 'phone').textContent).to.equal('+86 138****8000');
  });

  it('a pool with 4-digit codes it cannot read (no app-id): the code does not submit itself, Enter or a click does', async () => {
    await emulator.configure({ codeLength: 4 });
    const el = await mount(USERS.noPhone.token, { 'app-id': null, 'userpool-id': 'test-pool' });
    await type(part<HTMLInputElement>(el, 'phone-input'), '13800135555');
    await press('Enter');
    await waitIdle(el);
    const code = await emulator.codeFor('13800135555', 'CHANNEL_BIND_PHONE');
    expect(code).to.match(/^\d{4}$/);
    await type(part<HTMLInputElement>(el, 'code-input'), code);
    await el.updateComplete;
    expect((await emulator.requests()).some((r) => r.path === '/api/v3/bind-phone')).to.equal(false);
    const bound = nextEvent(el, 'authing-phone-bound');
    await click(part(el, 'submit-button'));
    await bound;
  });

  it('user-pool-id, the kebab-case spelling of userpool-id, is sent as x-authing-userpool-id', async () => {
    const el = await mount(USERS.noPhone.token, { 'app-id': null, 'user-pool-id': 'test-pool' });
    expect(el.userPoolId).to.equal('test-pool');
    await type(part<HTMLInputElement>(el, 'phone-input'), '13800135555');
    await press('Enter');
    await waitIdle(el);
    const sent = (await emulator.requests()).filter((r) => r.path === '/api/v3/send-sms');
    expect(sent.map((r) => [r.statusCode, r.userPoolId])).to.deep.equal([[200, 'test-pool']]);
  });

  it('with code-length set, only a code of that length is sent', async () => {
    await emulator.configure({ codeLength: 4 });
    const el = await mount(USERS.noPhone.token, { 'code-length': '4' });
    await type(part<HTMLInputElement>(el, 'phone-input'), '13800135555');
    await press('Enter');
    await waitIdle(el);
    const bound = nextEvent(el, 'authing-phone-bound');
    await type(part<HTMLInputElement>(el, 'code-input'), await emulator.codeFor('13800135555', 'CHANNEL_BIND_PHONE'));
    await bound; // four digits complete the code: it submits itself
  });

  it('Enter in the number field sends to a corrected number, not the code form', async () => {
    const el = await mount(USERS.noPhone.token);
    await type(part<HTMLInputElement>(el, 'phone-input'), '13800135555');
    await press('Enter');
    await waitIdle(el);
    await type(part<HTMLInputElement>(el, 'phone-input'), '13800136666');
    await press('Enter');
    await waitIdle(el);
    expect(await emulator.outbox('13800136666')).to.have.length(1);
    expect((await emulator.requests()).some((r) => r.path === '/api/v3/bind-phone')).to.equal(false);
  });

  it('follows the lang property, the page language, and tells Authing', async () => {
    document.documentElement.lang = 'zh-Hans-CN';
    try {
      const el = await mount(USERS.phoneAndEmail.token, {});
      el.removeAttribute('lang');
      await el.updateComplete;
      expect(title(el)).to.equal('手机号');
      el.lang = 'en-GB';
      await el.updateComplete;
      expect(title(el)).to.equal('Phone number');
      el.lang = 'zh-CN';
      await el.updateComplete;
      await click(button(el, '更换'));
      await click(part(el, 'send-button'));
      await waitIdle(el);
      const sms = (await emulator.requests()).find((r) => r.path === '/api/v3/send-sms');
      expect(sms?.lang).to.equal('zh-CN');
      expect(part(el, 'hint').textContent!.trim()).to.equal('请输入发送至 +86 138****8000 的验证码，两个验证码将在下一步一起确认。');
    } finally {
      document.documentElement.lang = 'en';
    }
  });
});

describe('a change that sends two codes: Authing does not say which one failed', () => {
  const NEW_PHONE = '13912345678';

  beforeEach(() => emulator.reset());
  afterEach(unmountAll);

  /** Bob's change up to the new number's code, both codes sent; returns that code. */
  async function upToNewCode(el: Parameters<typeof part>[0]): Promise<string> {
    await click(button(el, 'Change'));
    await click(part(el, 'send-button'));
    await waitIdle(el);
    await sendTypedCode(el, await emulator.codeFor(USERS.phoneAndEmail.phone, 'CHANNEL_UNBIND_PHONE'));
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="phone-input"]'), 'no new-number step');
    await type(part<HTMLInputElement>(el, 'phone-input'), NEW_PHONE);
    await press('Enter');
    await waitIdle(el);
    return emulator.codeFor(NEW_PHONE, 'CHANNEL_BIND_PHONE');
  }

  /** The message shown in each language, switched on the spot. */
  async function shownInEveryLanguage(el: Parameters<typeof part>[0]): Promise<Record<string, string>> {
    const shown: Record<string, string> = {};
    for (const lang of LANGS) {
      el.lang = lang;
      await el.updateComplete;
      shown[lang] = errorText(el);
    }
    el.lang = 'en-US';
    await el.updateComplete;
    return shown;
  }

  it('a wrong code: "one of the two codes is wrong", both kept; the right one completes', async () => {
    const el = await mount(USERS.phoneAndEmail.token);
    const code = await upToNewCode(el);
    const failed = nextEvent(el, 'authing-error');
    await sendTypedCode(el, wrongCode(code));
    expect((await failed).detail).to.include({ action: 'change', code: 'CODE_INVALID', apiCode: 2001 });
    await waitIdle(el);
    expect(errorText(el)).to.equal(
      'One of the two codes is incorrect. Check the code for your new number, or edit the one for your current number.',
    );
    expect(await shownInEveryLanguage(el)).to.deep.equal(Object.fromEntries(LANGS.map((lang) => [lang, catalog(lang).twoCodesInvalid])));
    expect(part<HTMLInputElement>(el, 'phone-input').value).to.equal(NEW_PHONE);
    // Which code is wrong is not known: the new code's row and the current code's line are both marked,
    // and the message stands at the code row, not in a banner above the title.
    expect(part(el, 'code-input').getAttribute('aria-invalid')).to.equal('true');
    expect(part(el, 'error-code').getAttribute('role'), 'heard without a focus move').to.equal('alert');
    expect(part(el, 'error').textContent!.trim()).to.equal('');
    expect(part(el, 'current-code').hasAttribute('data-invalid'), 'the current code marked too').to.equal(true);
    expect(part(el, 'current-code').textContent!.replace(/\s+/g, ' ')).to.contain('You’ve entered the code for your current number. Edit');
    // Edit shows the first code again, kept; Continue comes back here with the new code kept too.
    await click(part(el, 'edit-button'));
    expect(part<HTMLInputElement>(el, 'code-input').value, "the current number's code is kept").to.match(/^\d{6}$/);
    await click(part(el, 'submit-button')); // Continue, the first code unchanged: back to step 2, nothing sent
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="phone-input"]'), 'no new-number step');
    expect(part<HTMLInputElement>(el, 'code-input').value, "the new number's code is kept").to.equal(wrongCode(code));
    expect((await emulator.requests()).filter((r) => r.path === '/api/v3/verify-update-phone-request')).to.have.length(1);
    // Fixing the new number's code alone completes the change.
    const changed = nextEvent(el, 'authing-phone-changed');
    await sendTypedCode(el, code);
    expect((await changed).detail.phoneNumber).to.equal(NEW_PHONE);
    expect(errorText(el)).to.equal('');
  });

  it('expired codes: "the codes have expired", back to the first code with the number kept', async () => {
    const el = await mount(USERS.phoneAndEmail.token);
    const code = await upToNewCode(el);
    await emulator.advanceClock(301);
    const failed = nextEvent(el, 'authing-error');
    await sendTypedCode(el, code);
    expect((await failed).detail).to.include({ action: 'change', code: 'CODE_EXPIRED', apiCode: 2300 });
    await waitIdle(el);
    expect(errorText(el)).to.equal('The codes have expired or were already used. Request new ones, starting with your current number.');
    expect(await shownInEveryLanguage(el)).to.deep.equal(Object.fromEntries(LANGS.map((lang) => [lang, catalog(lang).twoCodesExpired])));
    expect(el.shadowRoot!.querySelector('[part~="phone-input"]') === null, 'back at the current number').to.equal(true);
  });

  it('with one code only (the pool skips the current number), the usual one-code messages', async () => {
    await emulator.configure({ verifyOldPhone: false });
    const el = await mount(USERS.phoneAndEmail.token); // the pool's public config says so
    await click(button(el, 'Change'));
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="phone-input"]'), 'no new-number step');
    await type(part<HTMLInputElement>(el, 'phone-input'), NEW_PHONE);
    await press('Enter');
    await waitIdle(el);
    const code = await emulator.codeFor(NEW_PHONE, 'CHANNEL_BIND_PHONE');
    const failed = nextEvent(el, 'authing-error');
    await sendTypedCode(el, wrongCode(code));
    await failed;
    await waitIdle(el);
    expect(errorText(el)).to.equal(catalog('en-US').codeRefused);
  });

  it('a wrong code elsewhere (bind) keeps the one-code message', async () => {
    const el = await mount(USERS.noPhone.token);
    await type(part<HTMLInputElement>(el, 'phone-input'), NEW_PHONE);
    await press('Enter');
    await waitIdle(el);
    const failed = nextEvent(el, 'authing-error');
    await sendTypedCode(el, wrongCode(await emulator.codeFor(NEW_PHONE, 'CHANNEL_BIND_PHONE')));
    await failed;
    await waitIdle(el);
    expect(errorText(el)).to.equal('That code is incorrect or has expired. Check it, or send a new code.');
  });
});

async function sendTypedCode(el: HTMLElement & { shadowRoot: ShadowRoot | null }, code: string): Promise<void> {
  await type(el.shadowRoot!.querySelector<HTMLInputElement>('[part~="code-input"]')!, code);
}
