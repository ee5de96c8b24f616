// axe-core on the widget in each state a user meets, light and dark, in a 320 px container.
import { expect } from '@open-wc/testing';
import { catalog } from '../../src/localize/index.js';
import { emulator, holdRequests, USERS, wrongCode } from '../helpers/emulator.js';
import {
  click,
  createWidget,
  errorText,
  mount,
  nextEvent,
  part,
  press,
  type,
  unmountAll,
  waitForError,
  waitIdle,
  type Widget,
  waitUntil,
} from '../helpers/widget.js';

for (const theme of ['light', 'dark'] as const) {
  describe(`accessibility (axe), ${theme}, 320 px`, () => {
    let box: HTMLDivElement;
    beforeEach(async () => {
      await emulator.reset();
      box = document.createElement('div');
      // The widget has no background of its own (a dark one is for a dark page), so the page's is checked.
      box.style.cssText = theme === 'dark' ? 'width: 320px; background: #0f172a; color: #e5e7eb' : 'width: 320px; background: #fff';
      document.body.append(box);
    });
    afterEach(() => {
      unmountAll();
      box.remove();
    });

    const open = (token: string, attributes: Record<string, string | null> = {}) => mount(token, { theme, ...attributes }, box);
    const accessible = (el: Widget) => expect(el).to.be.accessible();

    it('loading', async () => {
      // The profile is held on the page while axe checks the skeleton.
      const profile = holdRequests('get-profile');
      try {
        const el = await createWidget(USERS.noPhone.token, { theme });
        const loaded = nextEvent(el, 'authing-profile-loaded');
        box.append(el);
        await el.updateComplete;
        expect(part(el, 'base').getAttribute('aria-busy'), 'the loading skeleton is what axe checks').to.equal('true');
        await accessible(el);
        profile.release();
        await loaded;
      } finally {
        profile.restore();
      }
    });

    it('the bind form and a field error', async () => {
      const el = await open(USERS.noPhone.token); // a new pool: +86 alone, said rather than offered
      await accessible(el);
      await click(part(el, 'submit-button'));
      await waitForError(el);
      await accessible(el);
    });

    it('the country list', async () => {
      // A pool with international SMS offers the country list.
      await emulator.configure({ internationalSms: true });
      const el = await open(USERS.noPhone.token);
      // Opened from the keyboard: a click on the prefix does not always open it in WebKit.
      part(el, 'country-select').focus();
      await press('Enter');
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="country-panel"]'), 'the country list did not open');
      await accessible(el);
      await press('Escape');
    });

    it('a code sent, and the confirmation', async () => {
      const el = await open(USERS.noPhone.token);
      await type(part<HTMLInputElement>(el, 'phone-input'), '13800135555');
      await press('Enter');
      await waitIdle(el);
      await accessible(el);
      const bound = nextEvent(el, 'authing-phone-bound');
      await type(part<HTMLInputElement>(el, 'code-input'), await emulator.codeFor('13800135555', 'CHANNEL_BIND_PHONE'));
      await bound;
      await waitIdle(el);
      await accessible(el);
    });

    it('the overview, and both change steps with the two-codes alert', async () => {
      const el = await open(USERS.phoneAndEmail.token, { lang: 'zh-CN', 'offer-recovery': '' });
      await accessible(el);
      await click(part(el, 'change-button'));
      await el.updateComplete;
      await accessible(el);
      await click(part(el, 'send-button'));
      await waitIdle(el);
      await type(part<HTMLInputElement>(el, 'code-input'), await emulator.codeFor(USERS.phoneAndEmail.phone, 'CHANNEL_UNBIND_PHONE'));
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="phone-input"]'), 'no second step');
      await accessible(el);
      await type(part<HTMLInputElement>(el, 'phone-input'), '13912345678');
      await press('Enter');
      await waitIdle(el);
      const code = await emulator.codeFor('13912345678', 'CHANNEL_BIND_PHONE');
      await type(part<HTMLInputElement>(el, 'code-input'), wrongCode(code));
      await waitForError(el);
      await waitIdle(el);
      expect(errorText(el), 'the two-codes alert is what axe checks').to.equal(catalog('zh-CN').twoCodesInvalid);
      await accessible(el);
    });

    it('the unbind step, and the only-login-method overview', async () => {
      const el = await open(USERS.phoneAndEmail.token, { lang: 'zh-CN' });
      await click(part(el, 'unbind-button'));
      await el.updateComplete;
      await accessible(el);
      const only = await open(USERS.phoneOnly.token);
      await accessible(only);
    });

    it('a profile that could not load, with Try again', async () => {
      await emulator.fault({ path: '/api/v3/get-profile', kind: 'http500', times: 2 });
      const el = await createWidget(USERS.phoneAndEmail.token, { theme });
      const failed = nextEvent(el, 'authing-error');
      box.append(el);
      await failed;
      await waitIdle(el);
      expect(part(el, 'retry-button'), 'the unavailable step is what axe checks').to.exist;
      await accessible(el);
    });
  });
}
