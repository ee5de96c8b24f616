// Issue 21: the pool decides. Every widget here is set up as a new user sets it up (app-host, the token,
// app-id; a pool id where the test is about an unreadable config); what differs between tests is the
// pool, configured in the emulator and read by the widget from its public config.
import { expect } from '@open-wc/testing';
import { catalog, LANGS, type Lang } from '../../src/localize/index.js';
import { emulator, USERS } from '../helpers/emulator.js';
import {
  click,
  codeInput,
  errorText,
  fieldError,
  focused,
  mount,
  nextEvent,
  part,
  phoneInput,
  press,
  recordEvents,
  type,
  unmountAll,
  waitIdle,
  waitUntil,
  type Widget,
} from '../helpers/widget.js';
import { waitSendable, withPageClockAhead } from './hardening/support.js';

const prefix = (el: Widget) => part(el, 'country-select');
/** The calling code the prefix shows (a fixed prefix also names the country for screen readers). */
const callingCode = (el: Widget) => /\+\d+/.exec(prefix(el).textContent!)?.[0];
const hint = (el: Widget) => el.shadowRoot!.querySelector('#code-message')!.textContent!.replace(/\s+/g, ' ').trim();
const busy = (el: Widget) => part(el, 'base').getAttribute('aria-busy') === 'true';
const paths = async () => (await emulator.requests()).map((r) => r.path);
/** Sentences in a row, as the language joins them (Chinese and Japanese without a space). */
const joined = (lang: Lang, ...sentences: string[]) => sentences.join(catalog(lang).sentenceSeparator);

/** Types a number, presses Enter (which sends the code) and waits for the send. */
async function sendTo(el: Widget, number: string): Promise<void> {
  await type(phoneInput(el), number);
  const sent = nextEvent(el, 'authing-code-sent');
  await press('Enter');
  await sent;
  await waitIdle(el);
}

describe('the pool decides: defaults from its public config, never from a guess', () => {
  beforeEach(() => emulator.reset());
  afterEach(unmountAll);

  for (const lang of LANGS) {
    it(`${lang}: a mainland number binds with only app-host, the token and app-id`, async () => {
      const el = await mount(USERS.noPhone.token, { lang });
      expect(callingCode(el), 'the pool’s country, not the language’s region').to.equal('+86');
      await sendTo(el, '13800135555');
      const bound = nextEvent(el, 'authing-phone-bound');
      await type(codeInput(el), await emulator.codeFor('13800135555', 'CHANNEL_BIND_PHONE'));
      expect((await bound).detail).to.deep.equal({ phoneNumber: '13800135555', phoneCountryCode: '+86' });
      const user = await emulator.user(USERS.noPhone.id);
      expect([user.phone, user.phoneCountryCode]).to.deep.equal(['13800135555', '+86']);
    });
  }

  it('international SMS off (a new pool): +86 alone, no list to open, and a pasted +44 is refused at the field', async () => {
    const el = await mount(USERS.noPhone.token);
    expect(prefix(el).tagName, 'said, not a button').to.equal('SPAN');
    expect(prefix(el).textContent!.replace(/\s+/g, ' ').trim()).to.equal('China +86');
    await click(prefix(el));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="country-panel"]'), 'no list').to.equal(null);
    await type(phoneInput(el), '+44 7911 123456');
    await el.updateComplete;
    expect(callingCode(el), 'the prefix stays').to.equal('+86');
    await press('Enter');
    await el.updateComplete;
    expect(fieldError(el, 'phone')).to.equal(catalog('en-US').errors.PHONE_INVALID);
    expect(await paths(), 'no send-sms').not.to.include('/api/v3/send-sms');
  });

  it('a host’s countries still win over a pool without international SMS', async () => {
    const el = await mount(USERS.noPhone.token, { countries: 'CN,HK' });
    await click(prefix(el));
    await el.updateComplete;
    const names = [...el.shadowRoot!.querySelectorAll('[role="option"]')].map((o) => o.id);
    expect(names).to.deep.equal(['country-CN', 'country-HK']);
  });

  it('international SMS on with defaultISOType JP: +81 preselected in every language, and a Japanese number goes', async () => {
    await emulator.configure({ internationalSms: true, defaultISOType: 'JP' });
    for (const lang of LANGS) {
      const el = await mount(USERS.noPhone.token, { lang });
      expect(prefix(el).textContent!.replace(/\s+/g, ' ').trim(), lang).to.equal('JP +81');
      el.remove();
    }
    const el = await mount(USERS.noPhone.token);
    await sendTo(el, '090-1234-5678');
    const [sms] = await emulator.outbox('9012345678');
    expect([sms?.phoneCountryCode, sms?.phoneNumber]).to.deep.equal(['+81', '9012345678']);
  });

  for (const lang of LANGS) {
    it(`${lang}: a mainland number under another country is offered +86, one press fixes it`, async () => {
      await emulator.configure({ internationalSms: true, defaultISOType: 'US' });
      const el = await mount(USERS.noPhone.token, { lang });
      expect(prefix(el).textContent!.replace(/\s+/g, ' ').trim()).to.equal('US +1');
      const t = catalog(lang);
      await type(phoneInput(el), '13800135555');
      await press('Enter');
      await el.updateComplete;
      expect(fieldError(el, 'phone')).to.equal(joined(lang, t.errors.PHONE_INVALID, t.looksLikeCountry('CN', ''), t.useCallingCode('+86')));
      expect(await paths(), 'nothing sent').not.to.include('/api/v3/send-sms');
      await click(part(el, 'suggest-button'));
      await el.updateComplete;
      expect(prefix(el).textContent!.replace(/\s+/g, ' ').trim()).to.equal('CN +86');
      expect(errorText(el)).to.equal('');
      expect(focused(el), 'back on the number').to.equal(phoneInput(el));
      const sent = nextEvent(el, 'authing-code-sent');
      await press('Enter');
      expect((await sent).detail).to.include({ phoneNumber: '13800135555', phoneCountryCode: '+86' });
    });
  }

  it('the pool’s phone rule (regexRules): a number our table takes is refused with the same message, nothing sent', async () => {
    await emulator.configure({ phoneRegex: '^1[35]\\d{9}$' });
    const el = await mount(USERS.noPhone.token);
    await type(phoneInput(el), '18912345678');
    await press('Enter');
    await el.updateComplete;
    expect(fieldError(el, 'phone')).to.equal('Enter a valid mobile number.');
    expect(await paths()).not.to.include('/api/v3/send-sms');
    await sendTo(el, '13512345678');
    expect(await emulator.outbox('13512345678')).to.have.length(1);
  });

  it('a pool of 4-digit codes: the hint says 4 digits and a complete code submits itself', async () => {
    await emulator.configure({ codeLength: 4 });
    const el = await mount(USERS.noPhone.token);
    const en = catalog('en-US');
    expect(hint(el)).to.equal(en.codeHint(4, 'submits')).and.to.contain('4-digit');
    await sendTo(el, '13800135555');
    expect(hint(el)).to.equal(en.codeSent('+86 138****5555', 'submits'));
    const code = await emulator.codeFor('13800135555', 'CHANNEL_BIND_PHONE');
    expect(code).to.match(/^\d{4}$/);
    const bound = nextEvent(el, 'authing-phone-bound');
    await type(codeInput(el), code);
    await bound;
  });

  it('an unknown code length (a pool id, no public config): no digit count in the hint, and the button submits', async () => {
    const el = await mount(USERS.noPhone.token, { 'app-id': null, 'userpool-id': 'test-pool' });
    expect(hint(el)).to.equal('Enter the code from the text message.');
    await sendTo(el, '13800135555');
    expect(hint(el)).to.equal('Enter the code sent to +86 138****5555.');
    await type(codeInput(el), await emulator.codeFor('13800135555', 'CHANNEL_BIND_PHONE'));
    await el.updateComplete;
    expect(busy(el), 'a complete-looking code waits').to.equal(false);
    const bound = nextEvent(el, 'authing-phone-bound');
    await click(part(el, 'submit-button'));
    await bound;
    expect((await paths()).filter((p) => p === '/api/v3/bind-phone')).to.have.length(1);
  });

  it('apiCode 2001 for an expired code, even as a string: "incorrect or has expired", and a new code is offered at once', async () => {
    await emulator.configure({ expiredCodeApiCode: 2001, apiCodeAsString: true });
    const el = await mount(USERS.noPhone.token);
    await sendTo(el, '13800135555');
    const old = await emulator.codeFor('13800135555', 'CHANNEL_BIND_PHONE');
    // Five minutes later (the code's lifetime), on the server's clock and the page's.
    await emulator.advanceClock(301);
    await withPageClockAhead(301_000, async () => {
      const failed = nextEvent(el, 'authing-error');
      await type(codeInput(el), old);
      expect((await failed).detail).to.include({ action: 'bind', code: 'CODE_INVALID', apiCode: 2001 });
      await waitIdle(el);
      expect(fieldError(el, 'code')).to.equal('That code is incorrect or has expired. Check it, or send a new code.');
      await waitSendable(el);
      const sent = nextEvent(el, 'authing-code-sent');
      await click(part(el, 'send-button'));
      await sent;
      await waitIdle(el);
      expect(await emulator.outbox('13800135555')).to.have.length(2);
      const bound = nextEvent(el, 'authing-phone-bound');
      await type(codeInput(el), await emulator.codeFor('13800135555', 'CHANNEL_BIND_PHONE'));
      await bound;
    });
  });

  it('update-phone answering data.success false is a failure: nothing changes, Confirm retries the same verification', async () => {
    await emulator.configure({ verifyOldPhone: false });
    const el = await mount(USERS.phoneAndEmail.token);
    const events = recordEvents(el, ['authing-error', 'authing-phone-changed']);
    await click(part(el, 'change-button'));
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="phone-input"]'), 'no new-number step');
    await sendTo(el, '13912345678');
    await emulator.fault({ path: '/api/v3/update-phone', kind: 'unsuccessful' });
    const failed = nextEvent(el, 'authing-error');
    await type(codeInput(el), await emulator.codeFor('13912345678', 'CHANNEL_BIND_PHONE'));
    expect((await failed).detail).to.include({ action: 'change', code: 'SERVER' });
    await waitIdle(el);
    expect(errorText(el)).to.equal(catalog('en-US').errors.SERVER);
    expect((await emulator.user(USERS.phoneAndEmail.id)).phone, 'not changed').to.equal('13800138000');
    expect(events.map((e) => e.type)).to.deep.equal(['authing-error']);
    const changed = nextEvent(el, 'authing-phone-changed');
    await click(part(el, 'submit-button'));
    expect((await changed).detail.phoneNumber).to.equal('13912345678');
    expect(
      (await paths()).filter((p) => p === '/api/v3/verify-update-phone-request'),
      'verified once',
    ).to.have.length(1);
  });
});
