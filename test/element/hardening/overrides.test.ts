// Issue 22, point 9: words or data of the wrong shape never break the render or leave it on Loading.
import { expect } from '@open-wc/testing';
import { catalog } from '../../../src/localize/index.js';
import { emulator, USERS } from '../../helpers/emulator.js';
import { click, mount, part, title, type Widget } from '../../helpers/widget.js';
import { until, watchUncaught } from './support.js';

describe('message overrides of the wrong type', () => {
  beforeEach(() => emulator.reset());
  afterEach(() => document.querySelectorAll('authing-phone-manager').forEach((el) => el.remove()));

  it('a string where a function is expected is used as the string; a throwing or wrong-typed override leaves the catalog’s words', async () => {
    const uncaught = watchUncaught();
    const el: Widget = await mount(USERS.phoneAndEmail.token, { lang: 'en-US' });
    el.messages = {
      unbindTitle: 'Remove this number',
      title: () => {
        throw new Error('host bug');
      },
      change: 42,
      errors: 'not a record',
      regions: null,
    } as never;
    await el.updateComplete;
    expect(title(el)).to.equal(catalog('en-US').title);
    expect(part(el, 'change-button').textContent!.trim()).to.equal(catalog('en-US').change);
    await click(part(el, 'unbind-button'));
    await until(() => title(el) === 'Remove this number', `title: ${title(el)}`);
    uncaught.stop();
    expect(uncaught.seen).to.deep.equal([]);
  });

  it('overrides given as a string instead of an object are ignored: the widget loads', async () => {
    const el: Widget = await mount(USERS.noPhone.token, { lang: 'en-US' });
    el.messages = 'hello' as never;
    await el.updateComplete;
    expect(part(el, 'phone-input')).to.exist;
  });

  it('a custom client’s profile with a number where a string belongs: “could not read the answer” and Try again, not Loading forever', async () => {
    const uncaught = watchUncaught();
    const el = document.createElement('authing-phone-manager') as Widget;
    el.setAttribute('lang', 'en-US');
    let profile: Record<string, unknown> = { userId: 'u-1', phone: 13800138000, email: 'a@b.c' };
    el.client = {
      getProfile: async () => profile as never,
      sendSms: async () => undefined,
      bindPhone: async () => undefined,
      verifyUpdatePhoneRequest: async () => ({ updatePhoneToken: 't' }),
      updatePhone: async () => undefined,
      unbindPhone: async () => undefined,
    };
    document.body.append(el);
    await until(() => el.shadowRoot?.querySelector('[part~="retry-button"]'), 'no Try again');
    expect(el.shadowRoot!.textContent).to.contain(catalog('en-US').errors.BAD_RESPONSE);
    profile = { userId: 'u-1', phone: '13800138000', phoneCountryCode: '+86', email: 'a@b.c' };
    await click(part(el, 'retry-button'));
    await until(() => el.shadowRoot!.querySelector('[part~="change-button"]'), 'the overview after Try again');
    uncaught.stop();
  });
});
