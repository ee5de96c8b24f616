// Issue 5, bad input: one table of what people type and paste into the number and code fields. Input
// that cannot be valid gets a clear message on its field, no request and no SMS (the emulator's outbox
// and request log prove it, and no authing-error fires: nothing failed on the server). What people
// paste or autofill in other spellings is read as the number it is: exactly one SMS, to that number.
import { expect } from '@open-wc/testing';
import type { ErrorCode } from '../../../src/core/errors.js';
import { emulator, USERS } from '../../helpers/emulator.js';
import {
  click,
  codeInput,
  errorText,
  mount,
  nextEvent,
  part,
  phoneInput,
  pickCountry,
  press,
  recordEvents,
  type,
  type Widget,
} from '../../helpers/widget.js';
import { idle, messageOf, paste, recordFetches, type TestLang } from './support.js';

type Entry = 'type' | 'paste';

interface Row {
  name: string;
  value: string;
  entry: Entry;
  /** Attributes of the widget for this row (default: the pool's country preselected, every country allowed). */
  attributes?: Record<string, string>;
  /** A country the user picks from the list first (searched by its English name). */
  country?: string;
}

/** Numbers that cannot be a mobile number of the selected (or named) country. */
const REFUSED_NUMBERS: Row[] = [
  { name: 'empty', value: '', entry: 'type' },
  { name: 'only spaces', value: '    ', entry: 'type' },
  { name: 'only punctuation', value: '+-() ..', entry: 'type' },
  { name: 'letters', value: 'abcdefghijk', entry: 'type' },
  { name: 'letters inside digits', value: '138abcd5555', entry: 'type' },
  { name: 'a pasted label', value: 'Tel: 138 0013 5555', entry: 'paste' },
  { name: 'too short', value: '1380013', entry: 'type' },
  { name: 'too long', value: '138001380001', entry: 'type' },
  { name: 'not a mainland mobile prefix', value: '12800138000', entry: 'type' },
  { name: 'full-width digits, too short', value: '１３８００１３', entry: 'paste' },
  { name: '+86 with a digit missing', value: '+86 138 0013 555', entry: 'paste' },
  { name: 'an unknown calling code', value: '+999 1234 5678', entry: 'paste' },
  { name: 'a valid US number with China selected', value: '415 555 2671', entry: 'type' },
  { name: 'a valid Hong Kong number with China selected', value: '9123 4567', entry: 'type' },
  // (A mainland number with Hong Kong selected is refused too, with +86 offered: pool-defaults.test.ts.)
  {
    name: 'a valid Japanese number with Hong Kong selected',
    value: '090 1234 5678',
    entry: 'type',
    country: 'Hong Kong',
  },
  { name: 'a valid US number where only China is allowed', value: '+1 415 555 2671', entry: 'paste', attributes: { countries: 'CN' } },
];

/** Spellings of valid numbers: each is sent once, as the national number and its calling code. */
const ACCEPTED_NUMBERS: Array<Row & { phoneNumber: string; phoneCountryCode: string }> = [
  { name: 'spaces', value: '138 0013 5551', entry: 'type', phoneNumber: '13800135551', phoneCountryCode: '+86' },
  { name: '+86 and dashes', value: '+86 138-0013-5552', entry: 'paste', phoneNumber: '13800135552', phoneCountryCode: '+86' },
  { name: '0086 prefix', value: '0086 13800135553', entry: 'paste', phoneNumber: '13800135553', phoneCountryCode: '+86' },
  { name: 'brackets and dots', value: '(138) 0013.5554', entry: 'type', phoneNumber: '13800135554', phoneCountryCode: '+86' },
  { name: 'full-width digits', value: '１３８００１３５５５５', entry: 'paste', phoneNumber: '13800135555', phoneCountryCode: '+86' },
  { name: 'whitespace around it', value: '   13800135556   ', entry: 'paste', phoneNumber: '13800135556', phoneCountryCode: '+86' },
  { name: 'no-break spaces', value: '138\u00a00013\u00a05557', entry: 'paste', phoneNumber: '13800135557', phoneCountryCode: '+86' },
  { name: 'ideographic spaces', value: '138\u30000013\u30005558', entry: 'paste', phoneNumber: '13800135558', phoneCountryCode: '+86' },
  {
    name: 'a pasted +44 number (picks the UK)',
    value: '+44 7911 123456',
    entry: 'paste',
    phoneNumber: '7911123456',
    phoneCountryCode: '+44',
  },
  {
    name: 'full-width plus and digits (picks Hong Kong)',
    value: '＋８５２ ９１２３ ４５６７',
    entry: 'paste',
    phoneNumber: '91234567',
    phoneCountryCode: '+852',
  },
  {
    name: 'a UK national trunk 0',
    value: '07911 123457',
    entry: 'type',
    country: 'United Kingdom',
    phoneNumber: '7911123457',
    phoneCountryCode: '+44',
  },
];

/** Codes that cannot be an SMS code (4 to 8 digits; the emulator's pool sends 6). */
const REFUSED_CODES: Row[] = [
  { name: 'empty', value: '', entry: 'type' },
  { name: 'only spaces', value: '   ', entry: 'type' },
  { name: 'letters', value: 'abcdef', entry: 'type' },
  { name: 'a letter inside', value: '12a456', entry: 'type' },
  { name: 'too short', value: '123', entry: 'type' },
  { name: 'too short, whitespace around', value: ' 1 2 3 ', entry: 'paste' },
  { name: 'full-width digits, too short', value: '１２３', entry: 'paste' },
];

/** The current number, spelled variously, refused as the new number before any SMS. */
const SAME_NUMBERS: Row[] = [
  { name: 'as stored', value: '13800138000', entry: 'type' },
  { name: 'with +86 and spaces', value: '+86 138 0013 8000', entry: 'paste' },
  { name: 'with 0086 and dashes', value: '0086-138-0013-8000', entry: 'paste' },
];

const langOf = (index: number): TestLang => (index % 2 ? 'zh-CN' : 'en-US');

async function enter(input: HTMLInputElement, row: Row): Promise<void> {
  if (row.entry === 'paste') return paste(input, row.value);
  await type(input, ''); // clears what a previous row left
  if (row.value) await type(input, row.value, { clear: false });
}

/**
 * Checks a refusal: the message for `code` on `input`, focus there, and nothing sent — neither with
 * Enter nor with the Send code button (when the step has one for this field).
 */
async function expectRefused(
  el: Widget,
  input: HTMLInputElement,
  code: ErrorCode,
  lang: TestLang,
  submit: () => Promise<void>,
): Promise<void> {
  const fetches = recordFetches();
  const logged = (await emulator.requests()).length;
  const outbox = (await emulator.outbox()).length;
  const events = recordEvents(el, [
    'authing-error',
    'authing-code-sent',
    'authing-phone-bound',
    'authing-phone-changed',
    'authing-phone-unbound',
  ]);
  try {
    await press('Enter');
    await el.updateComplete;
    expect(errorText(el)).to.equal(messageOf(lang, code));
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    const description = el.shadowRoot!.getElementById(input.getAttribute('aria-describedby')!);
    expect(description?.textContent?.trim(), 'the message under the field describes it').to.equal(messageOf(lang, code));
    expect(el.shadowRoot!.activeElement, 'focus on the field to fix').to.equal(input);
    await submit();
    await el.updateComplete;
    expect(errorText(el)).to.equal(messageOf(lang, code));
    expect(fetches.calls, 'no request from the page').to.deep.equal([]);
    expect((await emulator.requests()).length, 'no request reached the emulator').to.equal(logged);
    expect((await emulator.outbox()).length, 'no SMS').to.equal(outbox);
    expect(
      events.map((e) => e.type),
      'no event: nothing was sent',
    ).to.deep.equal([]);
  } finally {
    fetches.restore();
  }
}

describe('bad input, table-driven', () => {
  // One widget serves a whole table where the rows leave no state behind; it is marked to stay.
  afterEach(() => document.querySelectorAll('authing-phone-manager:not([data-shared])').forEach((el) => el.remove()));

  /** A pool with international SMS: numbers of any country may be typed (a new pool takes +86 alone). */
  async function internationalPool(): Promise<void> {
    await emulator.reset();
    await emulator.configure({ internationalSms: true });
  }

  /**
   * The widget for a row: its own when the row sets attributes or names a country (which would stay
   * selected), else one shared by the table (a refused number leaves nothing behind; each accepted one
   * is another number, so no countdown is in the way).
   */
  let shared: Widget | undefined;
  async function widgetFor(row: Row, lang: TestLang): Promise<Widget> {
    if (row.country) {
      const el = await mount(USERS.noPhone.token, { lang });
      await pickCountry(el, row.country);
      return el;
    }
    if (row.attributes || /^\s*(\+|＋|00)/.test(row.value)) return mount(USERS.noPhone.token, { lang, ...row.attributes });
    shared ??= await mount(USERS.noPhone.token, { 'data-shared': '' });
    shared.lang = lang;
    await shared.updateComplete;
    return shared;
  }
  const dropShared = () => {
    shared?.remove();
    shared = undefined;
  };

  describe('phone numbers that cannot be valid: a message, no request, no SMS', () => {
    before(internationalPool);
    after(dropShared);
    REFUSED_NUMBERS.forEach((row, i) => {
      const lang = langOf(i);
      it(`${row.name}: ${JSON.stringify(row.value)} (${row.entry}, ${lang})`, async () => {
        const el = await widgetFor(row, lang);
        await enter(phoneInput(el), row);
        await expectRefused(el, phoneInput(el), 'PHONE_INVALID', lang, () => click(part(el, 'send-button')));
        expect(await emulator.outbox(), 'the outbox is empty').to.deep.equal([]);
      });
    });

    it('fixing the number clears the message, and the send goes through', async () => {
      const el = await mount(USERS.noPhone.token);
      await enter(phoneInput(el), REFUSED_NUMBERS[6]!);
      await press('Enter');
      await el.updateComplete;
      expect(errorText(el)).to.equal(messageOf('en-US', 'PHONE_INVALID'));
      await type(phoneInput(el), '13800135550');
      expect(errorText(el)).to.equal('', 'editing the field clears its error');
      expect(phoneInput(el).getAttribute('aria-invalid')).to.equal('false');
      const sent = nextEvent(el, 'authing-code-sent');
      await press('Enter');
      expect((await sent).detail).to.include({ phoneNumber: '13800135550' });
    });
  });

  describe('what people paste or autofill: read as the number it is, one SMS to it', () => {
    before(internationalPool);
    after(dropShared);
    ACCEPTED_NUMBERS.forEach((row, i) => {
      const lang = langOf(i);
      it(`${row.name}: ${JSON.stringify(row.value)} → ${row.phoneCountryCode} ${row.phoneNumber} (${row.entry}, ${lang})`, async () => {
        const el = await widgetFor(row, lang);
        await enter(phoneInput(el), row);
        const sent = nextEvent(el, 'authing-code-sent');
        await press('Enter');
        expect((await sent).detail).to.deep.equal({
          purpose: 'bind',
          phoneNumber: row.phoneNumber,
          phoneCountryCode: row.phoneCountryCode,
        });
        await idle(el);
        expect(errorText(el)).to.equal('');
        const sms = await emulator.outbox(row.phoneNumber);
        expect(sms.map((m) => m.phoneCountryCode)).to.deep.equal([row.phoneCountryCode], 'exactly one SMS');
      });
    });
  });

  describe('codes that cannot be an SMS code: a message, no request', () => {
    let el: Widget;
    before(async () => {
      await emulator.reset();
      el = await mount(USERS.noPhone.token, { 'data-shared': '' });
      const sent = nextEvent(el, 'authing-code-sent');
      await type(phoneInput(el), '13800135555');
      await press('Enter');
      await sent;
      await idle(el);
    });
    after(() => el.remove());

    REFUSED_CODES.forEach((row, i) => {
      const lang = langOf(i);
      it(`${row.name}: ${JSON.stringify(row.value)} (${row.entry}, ${lang})`, async () => {
        el.lang = lang;
        await el.updateComplete;
        await enter(codeInput(el), row);
        // The input keeps digits only: nothing left asks for the code; digits that are not a code say so.
        const code = /[\d\uFF10-\uFF19]/.test(row.value) ? 'CODE_INVALID' : 'CODE_REQUIRED';
        await expectRefused(el, codeInput(el), code, lang, () => click(part(el, 'submit-button')));
        expect(phoneInput(el).value, 'the number stays').to.equal('13800135555');
      });
    });

    for (const [name, spell] of [
      ['full-width digits', (code: string) => code.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))],
      ['spaces inside', (code: string) => `${code.slice(0, 3)} ${code.slice(3)}`],
    ] as const) {
      it(`a valid code pasted with ${name} is accepted and binds`, async () => {
        await emulator.reset();
        // The pool's public config says 6 digits: a complete code, however spelled, submits itself.
        const widget = await mount(USERS.noPhone.token);
        const sent = nextEvent(widget, 'authing-code-sent');
        await type(phoneInput(widget), '13800135559');
        await press('Enter');
        await sent;
        await idle(widget);
        const code = await emulator.codeFor('13800135559', 'CHANNEL_BIND_PHONE');
        const bound = nextEvent(widget, 'authing-phone-bound');
        await paste(codeInput(widget), spell(code)); // complete once read: submits itself
        await bound;
        expect((await emulator.user(USERS.noPhone.id)).phone).to.equal('13800135559');
      });
    }
  });

  describe('the current number as the new one: refused before any SMS', () => {
    // The pool does not ask for the current number's code: its public config says so.
    before(async () => {
      await emulator.reset();
      await emulator.configure({ verifyOldPhone: false });
    });
    SAME_NUMBERS.forEach((row, i) => {
      const lang = langOf(i);
      it(`${row.name}: ${JSON.stringify(row.value)} (${row.entry}, ${lang})`, async () => {
        const el = await mount(USERS.phoneAndEmail.token, { lang });
        await click(part(el, 'change-button'));
        await idle(el);
        await enter(phoneInput(el), row);
        await expectRefused(el, phoneInput(el), 'SAME_PHONE', lang, () => click(part(el, 'send-button')));
      });
    });
  });

  describe('codes for the current number: refused without a request', () => {
    before(() => emulator.reset());
    for (const [flow, lang] of [
      ['change', 'en-US'],
      ['unbind', 'zh-CN'],
    ] as const) {
      it(`${flow}: letters in the code (${lang})`, async () => {
        // Two users: the change's code to Bob's number starts a cooldown an unbind of his would share.
        const user = flow === 'change' ? USERS.phoneAndEmail : USERS.phoneAndSocial;
        const el = await mount(user.token, { lang });
        await click(part(el, `${flow === 'change' ? 'change' : 'unbind'}-button`));
        await idle(el);
        await click(part(el, 'send-button')); // a code went to the number: what is typed is checked
        await idle(el);
        await enter(codeInput(el), { name: 'letters', value: 'abc123', entry: 'type' });
        expect(codeInput(el).value, 'digits only').to.equal('123');
        await expectRefused(el, codeInput(el), 'CODE_INVALID', lang, () => click(part(el, 'submit-button')));
      });
    }
  });
});
