// Issue 22, points 5–7: input as people give it: pasted numbers and SMS texts, and IME composition.
import { expect } from '@open-wc/testing';
import { emulator, USERS } from '../../helpers/emulator.js';
import { codeInput, errorText, mount, nextEvent, phoneInput, press } from '../../helpers/widget.js';
import { idle, paste } from './support.js';

const SETUP = { lang: 'zh-CN' } as const;
const sentTo = async () => (await emulator.outbox()).map((sms: { phoneNumber: string }) => sms.phoneNumber);

describe('input as people give it', () => {
  beforeEach(() => emulator.reset());
  afterEach(async () => {
    document.querySelectorAll('authing-phone-manager').forEach((el) => el.remove());
    await emulator.reset();
  });

  for (const pasted of ['tel:+86-139-1234-0051', '+86 (0) 139 1234 0051', '8613912340051', '\u202a+86\u200b 139 1234 0051\u202c']) {
    it(`a number pasted as ${JSON.stringify(pasted)} gets its code`, async () => {
      const el = await mount(USERS.noPhone.token, SETUP);
      const sent = nextEvent(el, 'authing-code-sent');
      await paste(phoneInput(el), pasted);
      await press('Enter');
      await sent;
      expect(await sentTo()).to.deep.equal(['13912340051']);
    });
  }

  it('a pasted SMS gives its code, not the sender’s number: 【12306】… binds with 311973-like code', async () => {
    const el = await mount(USERS.noPhone.token, SETUP);
    const sent = nextEvent(el, 'authing-code-sent');
    await paste(phoneInput(el), '13912340051');
    await press('Enter');
    await sent;
    await idle(el);
    const code = await emulator.codeFor('13912340051', 'CHANNEL_BIND_PHONE');
    const bound = nextEvent(el, 'authing-phone-bound');
    await paste(codeInput(el), `【12306】您的验证码是 ${code}，5 分钟内有效`);
    await bound;
    expect((await emulator.user(USERS.noPhone.id)).phone).to.equal('13912340051');
  });

  it('IME composition: input is ignored while composing and read at compositionend; Enter mid-composition submits nothing', async () => {
    const el = await mount(USERS.noPhone.token, SETUP);
    const input = phoneInput(el);
    input.focus();
    input.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, composed: true, data: '' }));
    input.value = '１３９１２３４';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, isComposing: true, data: '１３９１２３４' }));
    // Enter while the candidate list is open: the form is submitted by the browser, the widget sends nothing.
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    await el.updateComplete;
    expect(input.value, 'the composition is not overwritten').to.equal('１３９１２３４');
    expect(errorText(el), 'no "invalid number" for half a composition').to.equal('');
    input.value = '１３９１２３４００５１';
    input.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, composed: true, data: '１３９１２３４００５１' }));
    await el.updateComplete;
    const sent = nextEvent(el, 'authing-code-sent');
    await press('Enter');
    await sent;
    const requests = (await emulator.requests()).map((r: { path: string }) => r.path);
    expect(requests.filter((p: string) => p === '/api/v3/send-sms')).to.have.length(1);
    expect(await sentTo()).to.deep.equal(['13912340051']);
  });
});
