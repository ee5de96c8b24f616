// How the redesigned form behaves around its fields: a layout that holds still, errors where they belong,
// focus that is never lost, a code input that takes digits only, and the optional recovery link.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { catalog, LANGS } from '../../src/localize/index.js';
import { emulator, holdRequests, USERS, wrongCode } from '../helpers/emulator.js';
import {
  button,
  click,
  codeInput,
  createWidget,
  errorText,
  fieldError,
  focused,
  mount,
  nextEvent,
  part,
  press,
  text,
  title,
  type,
  unmountAll,
  waitIdle,
  waitUntil,
  type Widget,
} from '../helpers/widget.js';
import { withPageClockAhead } from './hardening/support.js';

const box = (node: Element) => {
  const { x, y, width, height } = node.getBoundingClientRect();
  return { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) };
};
/** The line under the code input: its hint, or its error. */
const codeMessage = (el: Widget) => el.shadowRoot!.getElementById(codeInput(el).getAttribute('aria-describedby')!)!.textContent!.trim();
const en = catalog('en-US');

describe('a layout that holds still', () => {
  beforeEach(() => emulator.reset());
  afterEach(unmountAll);

  for (const lang of LANGS) {
    it(`${lang}: the send button and the code input keep their boxes when the countdown starts, ticks and ends`, async () => {
      const el = await mount(USERS.phoneAndEmail.token, { lang });
      await click(part(el, 'change-button'));
      await el.updateComplete;
      const send = () => part(el, 'send-button');
      const submit = () => part(el, 'submit-button');
      const before = { send: box(send()), code: box(codeInput(el)), submit: box(submit()) };
      await click(send());
      await waitUntil(() => /\d/.test(send().textContent!), 'no countdown');
      await waitIdle(el);
      expect(box(send()), 'countdown').to.deep.equal(before.send);
      expect(box(codeInput(el)), 'code input, with the countdown').to.deep.equal(before.code);
      expect(box(submit()), 'the submit button, with "sent to" in the hint').to.deep.equal(before.submit);
      const first = send().textContent;
      await waitUntil(() => send().textContent !== first, 'the countdown never ticked', { timeout: 2500 });
      expect(box(send()), 'after a tick').to.deep.equal(before.send);
      // The end of the countdown, without waiting a minute: the widget's clock runs on Date.now().
      await withPageClockAhead(61_000, () => waitUntil(() => !/\d/.test(send().textContent!), 'countdown never ended', { timeout: 3000 }));
      expect(send().textContent!.trim()).to.equal(catalog(lang).sendCode);
      expect(box(send()), 'after the countdown').to.deep.equal(before.send);
      expect(box(codeInput(el))).to.deep.equal(before.code);
      expect(box(submit())).to.deep.equal(before.submit);
    });
  }

  it('a busy submit button keeps its width and shows a spinner; the code row is as wide as the number field', async () => {
    const el = await mount(USERS.noPhone.token);
    await type(part<HTMLInputElement>(el, 'phone-input'), '13800135555');
    await press('Enter');
    await waitIdle(el);
    const submit = part(el, 'submit-button');
    const width = box(submit).width;
    const row = el.shadowRoot!.querySelector('.apm__code-row')!;
    expect(box(row).width, 'as wide as the number field').to.equal(box(el.shadowRoot!.querySelector('.apm__tel')!).width);
    const rowRight = row.getBoundingClientRect().right;
    expect(part(el, 'send-button').getBoundingClientRect().right, 'the send button at its end').to.be.within(rowRight - 2, rowRight);
    const bind = holdRequests('bind-phone');
    try {
      await type(codeInput(el), await emulator.codeFor('13800135555', 'CHANNEL_BIND_PHONE'));
      await waitUntil(() => submit.querySelector('.apm__spinner'), 'no spinner');
      expect(box(submit).width).to.equal(width);
      expect(submit.textContent!.trim(), 'heard while busy').to.equal(en.working);
    } finally {
      bind.restore();
    }
    await waitIdle(el);
  });

  it('the widget keeps its own width in a wide container', async () => {
    const wide = document.createElement('div');
    wide.style.width = '1200px';
    document.body.append(wide);
    try {
      const el = await mount(USERS.noPhone.token, {}, wide);
      expect(box(el).width).to.equal(Math.round(28 * parseFloat(getComputedStyle(document.documentElement).fontSize)));
    } finally {
      wide.remove();
    }
  });
});

describe('errors where they belong', () => {
  beforeEach(() => emulator.reset());
  afterEach(unmountAll);

  it('an error about a field stands under it and describes it; an error about none is the alert at the top', async () => {
    const el = await mount(USERS.noPhone.token);
    await type(part<HTMLInputElement>(el, 'phone-input'), '12345');
    await press('Enter');
    await el.updateComplete;
    const phone = part(el, 'phone-input');
    expect(fieldError(el, 'phone')).to.equal(en.errors.PHONE_INVALID);
    const describedBy = phone.getAttribute('aria-describedby')!;
    expect(el.shadowRoot!.getElementById(describedBy)!.textContent!.trim()).to.equal(en.errors.PHONE_INVALID);
    expect(part(el, 'error').textContent!.trim(), 'the alert says nothing').to.equal('');
    expect(part(el, 'error').getBoundingClientRect().height).to.equal(0);
    // The code input's description is its hint, once: not inside its label too.
    const code = codeInput(el);
    expect(el.shadowRoot!.querySelector('label[for="code"]')!.textContent!.trim()).to.equal(en.code);
    expect(el.shadowRoot!.getElementById(code.getAttribute('aria-describedby')!)!.textContent).to.contain(en.codeHint(6, 'submits'));

    await emulator.fault({ path: '/api/v3/send-sms', kind: 'http500' });
    await type(part<HTMLInputElement>(el, 'phone-input'), '13800135555');
    const failed = nextEvent(el, 'authing-error');
    await press('Enter');
    await failed;
    await waitIdle(el);
    expect(fieldError(el, 'phone'), 'not about the number').to.equal('');
    expect(part(el, 'error').textContent!.trim(), 'the top alert is only for a profile that did not load').to.equal('');
    // The failed send stands at the code row, under the button that caused it, and is heard there.
    expect(fieldError(el, 'code')).to.contain(en.errors.SERVER);
    const message = part(el, 'error-code');
    expect(message.getAttribute('role'), 'announced where focus stays').to.equal('alert');
    const gap = message.getBoundingClientRect().top - part(el, 'send-button').getBoundingClientRect().bottom;
    expect(gap, 'right under the send button').to.be.within(0, 12);
    expect(codeInput(el).getAttribute('aria-describedby')).to.equal(message.id);
  });

  it('the status and alert regions stay in the accessibility tree while empty; success is a visible confirmation at the top', async () => {
    const el = await mount(USERS.noPhone.token);
    for (const name of ['status', 'error']) expect(getComputedStyle(part(el, name)).display, name).not.to.equal('none');
    await type(part<HTMLInputElement>(el, 'phone-input'), '13800135555');
    await press('Enter');
    await waitIdle(el);
    const bound = nextEvent(el, 'authing-phone-bound');
    await type(codeInput(el), await emulator.codeFor('13800135555', 'CHANNEL_BIND_PHONE'));
    await bound;
    await waitIdle(el);
    const status = part(el, 'status');
    expect(status.textContent!.trim()).to.equal(en.bound);
    expect(status.getBoundingClientRect().height, 'visible').to.be.greaterThan(20);
    expect(status.getBoundingClientRect().bottom).to.be.at.most(part(el, 'title').getBoundingClientRect().top);
    expect(part(el, 'badge').textContent!.trim()).to.equal(en.verified);
  });
});

describe('focus is never lost', () => {
  beforeEach(() => emulator.reset());
  afterEach(unmountAll);

  it('after Try again, focus goes to the step that loads', async () => {
    await emulator.fault({ path: '/api/v3/get-profile', kind: 'http500', times: 2 });
    const el = await createWidget(USERS.phoneAndEmail.token);
    const failed = nextEvent(el, 'authing-error');
    document.body.append(el);
    await failed;
    await waitIdle(el);
    const retry = part(el, 'retry-button');
    await click(retry);
    await waitUntil(() => title(el) === en.title && !!el.shadowRoot!.querySelector('[part~="change-button"]'), `no overview: ${text(el)}`);
    await waitUntil(() => focused(el) !== null, 'focus fell to the page');
    expect(focused(el)).to.equal(part(el, 'change-button'));
  });

  it('after an error that reloads the profile, focus stays in the widget', async () => {
    const el = await mount(USERS.noPhone.token);
    await type(part<HTMLInputElement>(el, 'phone-input'), '13800135555');
    await press('Enter');
    await waitIdle(el);
    const code = await emulator.codeFor('13800135555', 'CHANNEL_BIND_PHONE');
    await emulator.seed([{ userId: USERS.noPhone.id, phone: '13700137999', phoneCountryCode: '+86' }]);
    const failed = nextEvent(el, 'authing-error');
    await type(codeInput(el), code);
    expect((await failed).detail.code).to.equal('ALREADY_BOUND');
    await waitUntil(() => !!el.shadowRoot!.querySelector('[part~="change-button"]'), 'no overview');
    await waitUntil(() => focused(el) !== null, 'focus fell to the page');
    expect(errorText(el)).to.equal(en.errors.ALREADY_BOUND);
  });
});

describe('the code input', () => {
  beforeEach(() => emulator.reset());
  afterEach(unmountAll);

  it('takes digits only, with a hint for a letter; after a wrong code, typing replaces it', async () => {
    const el = await mount(USERS.noPhone.token);
    await type(part<HTMLInputElement>(el, 'phone-input'), '13800135555');
    await press('Enter');
    await waitIdle(el);
    await sendKeys({ type: '12a' });
    await el.updateComplete;
    expect(codeInput(el).value).to.equal('12');
    expect(codeMessage(el)).to.equal(en.digitsOnly);
    await sendKeys({ type: '3' });
    await el.updateComplete;
    expect(codeMessage(el)).to.contain('as soon as it’s complete');
    const code = await emulator.codeFor('13800135555', 'CHANNEL_BIND_PHONE');
    const wrong = wrongCode(code);
    const failed = nextEvent(el, 'authing-error');
    await type(codeInput(el), wrong);
    await failed;
    await waitIdle(el);
    expect(fieldError(el, 'code'), 'Authing refused it: incorrect or expired').to.equal(en.codeRefused);
    expect(focused(el)).to.equal(codeInput(el));
    const input = codeInput(el);
    expect([input.selectionStart, input.selectionEnd], 'the wrong code is selected').to.deep.equal([0, 6]);
    const bound = nextEvent(el, 'authing-phone-bound');
    await sendKeys({ type: code }); // replaces the selection
    await bound;
  });

  it('a whole SMS text put into it (as a paste inserts it) is cut to the code, and submits it', async () => {
    const el = await mount(USERS.noPhone.token);
    await type(part<HTMLInputElement>(el, 'phone-input'), '13800135555');
    await press('Enter');
    await waitIdle(el);
    const code = await emulator.codeFor('13800135555', 'CHANNEL_BIND_PHONE');
    const bound = nextEvent(el, 'authing-phone-bound');
    const input = codeInput(el);
    input.focus();
    // What a paste does to an input (the widget has no paste handler: it reads the input event).
    // A real paste needs clipboard access the test drivers do not all grant.
    input.value = `Your code is ${code}. It expires in 5 minutes.`;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
    expect((await bound).detail.phoneNumber).to.equal('13800135555');
  });
});

describe('"Can’t get a code on this number?"', () => {
  beforeEach(() => emulator.reset());
  afterEach(unmountAll);

  it('only with offer-recovery, on the first step of a change: it fires authing-recovery-requested and sends nothing', async () => {
    let el = await mount(USERS.phoneAndEmail.token);
    await click(part(el, 'change-button'));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="recovery-button"]')).to.equal(null);
    el.remove();
    el = await mount(USERS.phoneAndEmail.token, { 'offer-recovery': '' });
    await click(part(el, 'change-button'));
    await el.updateComplete;
    const before = (await emulator.requests()).length;
    const asked = nextEvent(document.body, 'authing-recovery-requested');
    await click(button(el, en.recovery));
    const event = await asked;
    expect(event.composed).to.equal(true);
    expect(event.detail).to.deep.equal({ phoneCountryCode: '+86' });
    expect((await emulator.requests()).length).to.equal(before);
    // Not on the second step.
    await click(part(el, 'send-button'));
    await waitIdle(el);
    await type(codeInput(el), await emulator.codeFor(USERS.phoneAndEmail.phone, 'CHANNEL_UNBIND_PHONE'));
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="phone-input"]'), 'no second step');
    expect(el.shadowRoot!.querySelector('[part~="recovery-button"]')).to.equal(null);
  });
});
