// Issue 22, point 8: resend cooldowns never trap the user and are the page's, not one widget's.
import { expect } from '@open-wc/testing';
import { emulator, USERS } from '../../helpers/emulator.js';
import { COOLDOWN_STORAGE_KEY } from '../../../src/core/session.js';
import { resendKey } from '../../../src/core/flow/phone-flow.js';
import { mount, nextEvent, part, phoneInput, press, type, type Widget } from '../../helpers/widget.js';
import { idle, until } from './support.js';

const SETUP = { lang: 'zh-CN' } as const;
const NEW_PHONE = '13800135555';
const sendButton = (el: Widget) => part(el, 'send-button');
/** The seconds the send button counts down from, or 0 when it shows none. */
const secondsShown = (el: Widget) => Number(/\d+/.exec(sendButton(el).textContent ?? '')?.[0] ?? 0);
const sends = async () => (await emulator.requests()).filter((r) => r.path === '/api/v3/send-sms').length;
const KEY = resendKey('bind', { phoneNumber: NEW_PHONE, phoneCountryCode: '+86' });

describe('resend cooldowns', () => {
  beforeEach(async () => {
    await emulator.reset();
    sessionStorage.removeItem(COOLDOWN_STORAGE_KEY);
  });
  afterEach(async () => {
    document.querySelectorAll('authing-phone-manager').forEach((el) => el.remove());
    sessionStorage.removeItem(COOLDOWN_STORAGE_KEY);
    await emulator.reset();
  });

  it('two widgets on a page share one store: a code sent by one counts down in the other; no number is stored', async () => {
    const first = await mount(USERS.noPhone.token, SETUP);
    const second = await mount(USERS.noPhone.token, SETUP);
    const sent = nextEvent(first, 'authing-code-sent');
    await type(phoneInput(first), NEW_PHONE);
    await press('Enter');
    await sent;
    await type(phoneInput(second), NEW_PHONE);
    await until(() => sendButton(second).getAttribute('aria-disabled') === 'true', 'the second widget may send at once');
    expect(secondsShown(second)).to.be.within(55, 60);
    await press('Enter');
    await idle(second);
    expect(await sends(), 'one SMS only').to.equal(1);
    expect(sessionStorage.getItem(COOLDOWN_STORAGE_KEY)).to.not.contain('5555');
  });

  it('a deadline stored an hour ahead (a clock set back) counts down from at most 60 s', async () => {
    sessionStorage.setItem(COOLDOWN_STORAGE_KEY, JSON.stringify({ [KEY]: Date.now() + 3_600_000 }));
    const el = await mount(USERS.noPhone.token, SETUP);
    await type(phoneInput(el), NEW_PHONE);
    await el.updateComplete;
    expect(sendButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(secondsShown(el)).to.be.within(1, 60);
  });

  it('a cooldown another frame of the tab wrote (a storage event) reaches the widget', async () => {
    const el = await mount(USERS.noPhone.token, SETUP);
    await type(phoneInput(el), NEW_PHONE);
    await el.updateComplete;
    expect(sendButton(el).getAttribute('aria-disabled')).to.equal('false');
    sessionStorage.setItem(COOLDOWN_STORAGE_KEY, JSON.stringify({ [KEY]: Date.now() + 45_000 }));
    window.dispatchEvent(new StorageEvent('storage', { key: COOLDOWN_STORAGE_KEY, storageArea: sessionStorage }));
    await until(() => sendButton(el).getAttribute('aria-disabled') === 'true', 'the other frame’s cooldown was not heard');
    expect(secondsShown(el)).to.be.within(40, 45);
  });
});
