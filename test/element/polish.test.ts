// Issue 4's polish: countries, languages, theming, layout, keyboard-only flows and axe in every state.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { catalog, DEFAULT_LANG, LANGS, resolveLang } from '../../src/localize/index.js';
import { ERROR_CODES } from '../../src/core/errors.js';
import { emulator, emulatorUrl, holdRequests, USERS } from '../helpers/emulator.js';
import {
  button,
  click,
  codeInput,
  errorText,
  focused,
  mount,
  nextEvent,
  part,
  phoneInput,
  pickCountry,
  press,
  statusText,
  title,
  type,
  unmountAll,
  waitIdle,
  waitUntil,
  type Widget,
} from '../helpers/widget.js';

const prefix = (el: Widget) => part<HTMLButtonElement>(el, 'country-select');
/** What a screen reader says for the country prefix: its label, then the selected country's name and code. */
const countryName = (el: Widget) =>
  prefix(el)
    .getAttribute('aria-labelledby')!
    .split(' ')
    .map((id) => el.shadowRoot!.getElementById(id)!.textContent!.trim())
    .join(' ');
const panel = (el: Widget) => el.shadowRoot!.querySelector('[part~="country-panel"]');
const search = (el: Widget) => part<HTMLInputElement>(el, 'country-search');
const options = (el: Widget) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')];
const activeOption = (el: Widget) => el.shadowRoot!.getElementById(search(el).getAttribute('aria-activedescendant') ?? '');

/** Presses Tab until `target` has focus (at most `max` times): what a keyboard user does. */
async function tabTo(el: Widget, target: () => Element | null, max = 12): Promise<void> {
  for (let i = 0; i < max && focused(el) !== target(); i++) await press('Tab');
  expect(focused(el), 'reached by Tab').to.equal(target());
}

describe('countries and numbers', () => {
  // A pool with international SMS: the country list is offered (a new pool offers +86 alone).
  beforeEach(async () => {
    await emulator.reset();
    await emulator.configure({ internationalSms: true });
  });
  afterEach(unmountAll);

  it('preselects the pool’s country (CN by default), never the UI language’s region, lists the common regions first by their names on Chinese pages, and honours default-country and countries', async () => {
    let el = await mount(USERS.noPhone.token, { lang: 'zh-CN' });
    expect(prefix(el).textContent!.replace(/\s+/g, ' ').trim()).to.equal('CN +86');
    expect(countryName(el)).to.equal('国家或地区 中国大陆 CN +86');
    expect(panel(el), 'options are rendered only while open').to.equal(null);
    await click(prefix(el));
    await el.updateComplete;
    expect(prefix(el).getAttribute('aria-expanded')).to.equal('true');
    expect(
      options(el)
        .slice(0, 4)
        .map((o) => o.firstElementChild!.textContent),
    ).to.deep.equal(['中国大陆', '中国香港', '中国澳门', '中国台湾']);
    await waitUntil(() => options(el).length > 200, 'every country, a screenful at once and the rest in the next frames');
    expect(
      options(el).every((o) => !/\p{Regional_Indicator}/u.test(o.textContent!)),
      'no flags before names',
    ).to.equal(true);
    for (const lang of LANGS.filter((lang) => lang !== DEFAULT_LANG)) {
      el.remove();
      el = await mount(USERS.noPhone.token, { lang });
      expect(prefix(el).textContent!.replace(/\s+/g, ' ').trim(), `${lang}: the language says nothing of the number`).to.equal('CN +86');
    }
    el.remove();
    el = await mount(USERS.noPhone.token, { 'default-country': 'hk', countries: 'CN, HK,MO TW' });
    expect(countryName(el)).to.equal('Country or region Hong Kong HK +852');
    el.messages = { regions: { HK: 'Hong Kong SAR' } };
    await click(prefix(el));
    await el.updateComplete;
    expect(options(el).map((o) => o.firstElementChild!.textContent)).to.deep.equal(['China', 'Hong Kong SAR', 'Macau', 'Taiwan']);
    expect(activeOption(el)?.getAttribute('aria-selected'), 'opens on the selected country').to.equal('true');
  });

  it('the country combobox: "Japan" and Enter picks +81, "+852" typed on the prefix, "81" with arrows; Escape closes', async () => {
    const el = await mount(USERS.noPhone.token);
    (document.activeElement as HTMLElement | null)?.blur();
    await tabTo(el, () => prefix(el));
    await press('Enter');
    await el.updateComplete;
    expect(focused(el)).to.equal(search(el));
    expect(search(el).getAttribute('role')).to.equal('combobox');
    expect(search(el).getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ type: 'Japan' });
    await el.updateComplete;
    expect(activeOption(el)?.textContent).to.match(/^\s*Japan\s*\+81\s*$/);
    await press('Enter');
    await el.updateComplete;
    expect(panel(el)).to.equal(null);
    expect(prefix(el).textContent!.replace(/\s+/g, ' ').trim()).to.equal('JP +81');
    expect(countryName(el)).to.equal('Country or region Japan JP +81');
    expect(focused(el), 'on to the number').to.equal(phoneInput(el));

    // Typing on the closed prefix opens the list searching for what was typed.
    prefix(el).focus();
    await sendKeys({ type: '+852' });
    await el.updateComplete;
    expect(search(el).value).to.equal('+852');
    expect(activeOption(el)?.id).to.equal('country-HK');
    await press('Enter');
    await el.updateComplete;
    expect(prefix(el).textContent!.replace(/\s+/g, ' ').trim()).to.equal('HK +852');

    // A calling code without the plus, then the arrows.
    await click(prefix(el));
    await el.updateComplete;
    await sendKeys({ type: '81' });
    await el.updateComplete;
    expect(activeOption(el)?.id).to.equal('country-JP');
    // "8" matches many calling codes (+86 first): the arrows move through them.
    await press('Backspace');
    await el.updateComplete;
    const top = activeOption(el)?.id;
    expect(top).to.equal('country-CN');
    await press('ArrowDown');
    await el.updateComplete;
    const below = activeOption(el)?.id;
    expect(below, 'ArrowDown moves to the next match').to.match(/^country-/);
    expect(below).not.to.equal(top);
    await press('ArrowUp');
    await el.updateComplete;
    expect(activeOption(el)?.id, 'ArrowUp moves back').to.equal(top);
    // Escape closes without picking, back on the prefix.
    await press('Escape');
    await el.updateComplete;
    expect(panel(el)).to.equal(null);
    expect(prefix(el).textContent!.replace(/\s+/g, ' ').trim()).to.equal('HK +852');
    expect(focused(el)).to.equal(prefix(el));

    await type(phoneInput(el), '9123 4567');
    const sent = nextEvent(el, 'authing-code-sent');
    await press('Enter');
    expect((await sent).detail).to.include({ phoneNumber: '91234567', phoneCountryCode: '+852' });
    const [sms] = await emulator.outbox('91234567');
    expect(sms?.phoneCountryCode).to.equal('+852');
  });

  it('an ISO code or a name in the UI language finds a country; nothing found says so; a click picks', async () => {
    const el = await mount(USERS.noPhone.token, { lang: 'zh-CN' });
    await click(prefix(el));
    await el.updateComplete;
    await sendKeys({ type: 'gb' });
    await el.updateComplete;
    expect(activeOption(el)?.id).to.equal('country-GB');
    await search(el).select();
    await sendKeys({ type: '日本' });
    await el.updateComplete;
    expect(activeOption(el)?.id).to.equal('country-JP');
    await search(el).select();
    await sendKeys({ type: 'zzzz' });
    await el.updateComplete;
    expect(options(el)).to.have.length(0);
    expect(panel(el)!.textContent).to.contain('没有匹配的国家或地区。');
    await search(el).select();
    await sendKeys({ type: '853' });
    await el.updateComplete;
    await click(options(el)[0]!);
    await el.updateComplete;
    expect(prefix(el).textContent!.replace(/\s+/g, ' ').trim()).to.equal('MO +853');
    expect(panel(el)).to.equal(null);
  });

  it('a pasted international number picks its country', async () => {
    const el = await mount(USERS.noPhone.token);
    await type(phoneInput(el), '+44 7911 123456');
    await el.updateComplete;
    expect(prefix(el).textContent!.replace(/\s+/g, ' ').trim()).to.equal('GB +44');
    await press('Enter');
    await waitIdle(el);
    expect(part(el, 'code-input').nextElementSibling, 'the send button attached').to.equal(part(el, 'send-button'));
    expect(el.shadowRoot!.getElementById('code-message')!.textContent!.trim()).to.equal(
      'Enter the code sent to +44 791****3456. We’ll check it as soon as it’s complete.',
    );
  });

  it('refuses a number of another country than the one selected, and countries outside the list', async () => {
    let el = await mount(USERS.noPhone.token);
    await pickCountry(el, 'Hong Kong');
    await type(phoneInput(el), '13800138000');
    await press('Enter');
    await el.updateComplete;
    expect(errorText(el), 'the fix offered (pool-defaults.test.ts presses it)').to.equal(
      'Enter a valid mobile number. This looks like a mainland China number. Use +86',
    );
    el.remove();
    el = await mount(USERS.noPhone.token, { countries: 'CN' });
    await type(phoneInput(el), '+1 415 555 2671');
    await press('Enter');
    await el.updateComplete;
    expect(errorText(el)).to.equal('Enter a valid mobile number.');
    expect(await emulator.outbox()).to.have.length(0);
  });
});

describe('languages', () => {
  beforeEach(() => emulator.reset());
  afterEach(unmountAll);

  it('every catalog has every key of en-US, and every error code a message', () => {
    const keys = (o: object) => Object.keys(o).sort();
    const reference = catalog('en-US');
    for (const lang of LANGS) {
      const messages = catalog(lang);
      expect(keys(messages), lang).to.deep.equal(keys(reference));
      expect(keys(messages.errors), `${lang} errors`).to.deep.equal([...ERROR_CODES].sort());
      for (const [key, value] of Object.entries(messages)) {
        const text = typeof value === 'function' ? value(3 as never) : value;
        if (key !== 'errors' && key !== 'sentenceSeparator') expect(String(text), `${lang}.${key}`).not.to.equal('');
      }
      for (const code of ERROR_CODES) expect(messages.errors[code], `${lang}.errors.${code}`).to.be.a('string').and.not.empty;
    }
  });

  it('maps language tags the way Guard does', () => {
    expect(resolveLang('zh-HK')).to.equal('zh-TW');
    expect(resolveLang('zh-Hant-TW')).to.equal('zh-TW');
    expect(resolveLang('zh-MO')).to.equal('zh-TW');
    expect(resolveLang('zh-Hans-SG')).to.equal('zh-CN');
    expect(resolveLang('zh')).to.equal('zh-CN');
    expect(resolveLang('ja')).to.equal('ja-JP');
    expect(resolveLang('en-GB')).to.equal('en-US');
    expect(resolveLang('fr-FR')).to.equal(undefined);
  });

  for (const [lang, heading] of [
    ['zh-CN', '手机号'],
    ['zh-TW', '手機號碼'],
    ['ja-JP', '電話番号'],
    ['en-US', 'Phone number'],
  ] as const) {
    it(`speaks ${lang}, and sends it as x-authing-lang`, async () => {
      const el = await mount(USERS.phoneAndEmail.token, { lang });
      expect(title(el)).to.equal(heading);
      const [request] = await emulator.requests();
      expect(request?.lang).to.equal(lang);
      await expect(el).to.be.accessible();
    });
  }

  it('takes the language of the nearest ancestor with lang, across shadow roots', async () => {
    const outer = document.createElement('div');
    outer.lang = 'ja';
    const shadowHost = document.createElement('div');
    outer.append(shadowHost);
    document.body.append(outer);
    const root = shadowHost.attachShadow({ mode: 'open' });
    const el = document.createElement('authing-phone-manager');
    el.setAttribute('app-host', await emulatorUrl());
    el.setAttribute('app-id', 'test-app');
    el.accessToken = USERS.phoneAndEmail.token;
    const loaded = nextEvent(el, 'authing-profile-loaded');
    root.append(el);
    await loaded;
    await el.updateComplete;
    expect(title(el)).to.equal('電話番号');
    outer.remove();
  });

  it('a messages override replaces any string, errors included', async () => {
    const el = await mount(USERS.noPhone.token);
    el.messages = { bindTitle: 'Add your mobile', errors: { PHONE_INVALID: 'That does not look like a mobile number.' } };
    await el.updateComplete;
    expect(title(el)).to.equal('Add your mobile');
    await type(phoneInput(el), '1');
    await press('Enter');
    await el.updateComplete;
    expect(errorText(el)).to.equal('That does not look like a mobile number.');
    expect(button(el, 'Send code')).to.exist; // the rest stays as it was
  });
});

describe('theming and layout', () => {
  beforeEach(() => emulator.reset());
  afterEach(() => {
    unmountAll();
    document.querySelectorAll('[data-narrow]').forEach((node) => node.remove());
    document.documentElement.style.removeProperty('--authing-color-primary');
    document.documentElement.removeAttribute('dir');
  });

  it('dark theme on a dark page: no box of its own, a remove button that reads as destructive; a brand colour set once at :root', async () => {
    const page = document.createElement('div');
    page.style.cssText = 'background: #0f172a; color: #e5e7eb';
    document.body.append(page);
    try {
      const el = await mount(USERS.phoneAndEmail.token, { theme: 'dark' }, page);
      const base = getComputedStyle(part(el, 'base'));
      expect([base.backgroundColor, base.paddingTop], 'transparent and unpadded, as the light theme').to.deep.equal([
        'rgba(0, 0, 0, 0)',
        '0px',
      ]);
      await expect(el).to.be.accessible();
      await click(part(el, 'unbind-button'));
      await el.updateComplete;
      const remove = getComputedStyle(part(el, 'submit-button'));
      expect([remove.backgroundColor, remove.color], 'a red, not a pastel pink, with white text').to.deep.equal([
        'rgb(220, 38, 38)',
        'rgb(255, 255, 255)',
      ]);
      await click(part(el, 'cancel-button'));
      document.documentElement.style.setProperty('--authing-color-primary', 'rgb(0, 128, 0)');
      el.theme = 'light';
      await el.updateComplete;
      expect(el.getAttribute('theme'), 'the attribute stays as the page wrote it').to.equal('dark');
      const byProperty = await mount(USERS.phoneAndEmail.token);
      byProperty.theme = 'dark';
      await byProperty.updateComplete;
      expect(byProperty.hasAttribute('theme'), 'not reflected: a server-rendered page keeps its markup').to.equal(false);
      expect(byProperty.hasAttribute('layout'), 'no default layout written on upgrade').to.equal(false);
      await click(part(el, 'change-button'));
      await el.updateComplete;
      expect(getComputedStyle(part(el, 'send-button')).color).to.equal('rgb(0, 128, 0)');
      expect(getComputedStyle(part(el, 'base')).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    } finally {
      page.remove();
    }
  });

  // The widget lays itself out by its container's width (container queries), so a 280 px container is a
  // 280 px screen to it; in every engine alike (MiniBrowser's window cannot be narrower than 447 px).
  it('holds in 280 px and in a right-to-left page', async () => {
    document.documentElement.setAttribute('dir', 'rtl');
    const narrow = document.createElement('div');
    narrow.dataset.narrow = '';
    narrow.style.width = '280px';
    document.body.append(narrow);
    const el = await mount(USERS.noPhone.token, {}, narrow);
    el.style.display = 'block';
    const base = part(el, 'base');
    expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
    const box = narrow.getBoundingClientRect();
    expect(box.width).to.equal(280);
    for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>('input, button')) {
      const rect = node.getBoundingClientRect();
      expect(rect.left, node.outerHTML.slice(0, 40)).to.be.at.least(box.left - 1);
      expect(rect.right, node.outerHTML.slice(0, 40)).to.be.at.most(box.right + 1);
      expect(rect.height, 'target size').to.be.at.least(24);
    }
    expect(getComputedStyle(phoneInput(el)).direction).to.equal('ltr');
    await expect(el).to.be.accessible();
  });
});

describe('keyboard only, with axe at every step', () => {
  beforeEach(() => emulator.reset());
  afterEach(unmountAll);

  it('binds with Tab, typing and Enter', async () => {
    const el = await mount(USERS.noPhone.token);
    await expect(el).to.be.accessible();
    (document.activeElement as HTMLElement | null)?.blur();
    await tabTo(el, () => phoneInput(el));
    await sendKeys({ type: '13800135555' });
    await tabTo(el, () => part(el, 'send-button'));
    await press('Enter');
    await waitIdle(el);
    expect(focused(el)).to.equal(codeInput(el));
    await expect(el).to.be.accessible();
    const bound = nextEvent(el, 'authing-phone-bound');
    await sendKeys({ type: await emulator.codeFor('13800135555', 'CHANNEL_BIND_PHONE') });
    await bound;
    await waitIdle(el);
    await expect(el).to.be.accessible();
  });

  it('changes with Tab, typing and Enter', async () => {
    const el = await mount(USERS.phoneAndEmail.token);
    (document.activeElement as HTMLElement | null)?.blur();
    await tabTo(el, () => part(el, 'change-button'));
    await press('Enter');
    await el.updateComplete;
    expect(focused(el)).to.equal(part(el, 'send-button'));
    await expect(el).to.be.accessible();
    await press('Enter');
    await waitIdle(el);
    await sendKeys({ type: await emulator.codeFor('13800138000', 'CHANNEL_UNBIND_PHONE') });
    await waitUntil(() => focused(el) === el.shadowRoot!.querySelector('[part~="phone-input"]'), 'focus not on the new number');
    await expect(el).to.be.accessible();
    await sendKeys({ type: '13912345678' });
    await press('Enter');
    await waitIdle(el);
    expect(focused(el)).to.equal(codeInput(el));
    const changed = nextEvent(el, 'authing-phone-changed');
    await sendKeys({ type: await emulator.codeFor('13912345678', 'CHANNEL_BIND_PHONE') });
    await changed;
    await waitIdle(el);
    expect(statusText(el)).to.equal('Phone number changed.');
  });

  it('unbinds with Tab and Enter, and shows a loading state that passes axe', async () => {
    const profile = holdRequests('get-profile');
    const el = document.createElement('authing-phone-manager');
    el.setAttribute('app-host', await emulatorUrl());
    el.setAttribute('app-id', 'test-app');
    el.setAttribute('lang', 'en-US');
    el.accessToken = USERS.phoneAndEmail.token;
    const loaded = nextEvent(el, 'authing-profile-loaded');
    try {
      document.body.append(el);
      await el.updateComplete;
      expect(el.shadowRoot!.textContent).to.contain('Loading your phone number…');
      await expect(el).to.be.accessible();
    } finally {
      profile.restore();
    }
    await loaded;
    await el.updateComplete;
    (document.activeElement as HTMLElement | null)?.blur();
    await tabTo(el, () => part(el, 'unbind-button'));
    await press('Enter');
    await el.updateComplete;
    expect(focused(el)).to.equal(part(el, 'title'));
    await expect(el).to.be.accessible();
    await tabTo(el, () => part(el, 'send-button'));
    await press('Enter');
    await waitIdle(el);
    expect(focused(el)).to.equal(codeInput(el));
    await sendKeys({ type: await emulator.codeFor('13800138000', 'CHANNEL_UNBIND_PHONE') });
    const unbound = nextEvent(el, 'authing-phone-unbound');
    await press('Enter'); // the code alone does not remove: Enter, as the red button
    await unbound;
    await waitIdle(el);
    expect(title(el)).to.equal('Add a phone number');
    await expect(el).to.be.accessible();
  });

  it('puts statuses in a polite live region and errors in an assertive one', async () => {
    const el = await mount(USERS.noPhone.token);
    expect(part(el, 'status').getAttribute('role')).to.equal('status');
    expect(part(el, 'error').getAttribute('role')).to.equal('alert');
    await type(phoneInput(el), '13800135555');
    await press('Enter');
    await waitIdle(el);
    // The countdown ticks in the button, outside both live regions.
    expect(part(el, 'send-button').closest('[role="status"], [role="alert"], [aria-live]')).to.equal(null);
  });
});
