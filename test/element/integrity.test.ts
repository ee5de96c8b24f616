// Nothing is sent for a code that cannot be right: a code for a number that got no SMS in this flow, or no
// code at all. The message says what to do, at the field it is about, in the user's language.
import { expect } from '@open-wc/testing';
import { catalog } from '../../src/localize/index.js';
import { emulator, USERS } from '../helpers/emulator.js';
import { button, click, fieldError, focused, mount, part, press, type, unmountAll, waitIdle } from '../helpers/widget.js';

describe('the change flow only goes on with codes that were sent', () => {
  beforeEach(() => emulator.reset());
  afterEach(unmountAll);

  const requestsAfter = async (count: number) => (await emulator.requests()).slice(count).map((r) => r.path);

  it('a code typed before any went to the current number does not continue, and says to send one first', async () => {
    const el = await mount(USERS.phoneAndEmail.token);
    await click(button(el, 'Change'));
    const before = (await emulator.requests()).length;
    await type(part<HTMLInputElement>(el, 'code-input'), '123456'); // complete: it would submit itself
    await waitIdle(el);
    expect(fieldError(el, 'currentCode')).to.equal(catalog('en-US').currentCodeNotSent);
    expect(part(el, 'error').textContent!.trim(), 'at the field, not in the alert').to.equal('');
    expect(el.shadowRoot!.querySelector('[part~="phone-input"]'), 'still on the first step').to.equal(null);
    expect(part(el, 'code-input').getAttribute('aria-invalid')).to.equal('true');
    expect(focused(el)).to.equal(part(el, 'code-input'));
    await click(part(el, 'submit-button'));
    await waitIdle(el);
    expect(await requestsAfter(before), 'nothing sent').to.deep.equal([]);
  });

  it('the new number’s code must have gone to the number typed now; Continue with no code asks for it', async () => {
    const el = await mount(USERS.phoneAndEmail.token, { lang: 'zh-CN' });
    await click(part(el, 'change-button'));
    await click(part(el, 'submit-button'));
    await waitIdle(el);
    expect(fieldError(el, 'currentCode'), 'nothing sent yet: send first').to.equal(catalog('zh-CN').currentCodeNotSent);
    await click(part(el, 'send-button'));
    await waitIdle(el);
    await click(part(el, 'submit-button'));
    await waitIdle(el);
    expect(fieldError(el, 'currentCode'), 'sent, nothing typed: type it').to.equal(catalog('zh-CN').enterCode(6));
    await type(part<HTMLInputElement>(el, 'code-input'), await emulator.codeFor(USERS.phoneAndEmail.phone, 'CHANNEL_UNBIND_PHONE'));
    await waitIdle(el);
    await type(part<HTMLInputElement>(el, 'phone-input'), '13912345678');
    await press('Enter'); // sends to 13912345678
    await waitIdle(el);
    await type(part<HTMLInputElement>(el, 'phone-input'), '13912345679'); // another number, no code sent to it
    const before = (await emulator.requests()).length;
    await type(part<HTMLInputElement>(el, 'code-input'), await emulator.codeFor('13912345678', 'CHANNEL_BIND_PHONE'));
    await waitIdle(el);
    expect(fieldError(el, 'code')).to.equal(catalog('zh-CN').errors.CODE_NOT_SENT);
    expect(await requestsAfter(before), 'no verify-update-phone-request').to.deep.equal([]);
    expect((await emulator.user(USERS.phoneAndEmail.id)).phone).to.equal(USERS.phoneAndEmail.phone);
  });

  it('binding with an empty number says to enter it, and sends nothing', async () => {
    const el = await mount(USERS.noPhone.token);
    const before = (await emulator.requests()).length;
    await click(part(el, 'submit-button'));
    await waitIdle(el);
    expect(fieldError(el, 'phone')).to.equal(catalog('en-US').errors.PHONE_REQUIRED);
    expect(fieldError(el, 'code'), 'only the field that is wrong is marked').to.equal('');
    expect(part(el, 'code-input').getAttribute('aria-invalid')).to.equal('false');
    expect(part(el, 'phone-input').getAttribute('aria-invalid')).to.equal('true');
    expect(await requestsAfter(before)).to.deep.equal([]);
  });
});
