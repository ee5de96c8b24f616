// At home in a settings page: the row layout driven by keyboard, a success banner that can be closed,
// 200 % text in a 320 px column without sideways scrolling, and axe on the row layout, light and dark.
import { expect } from '@open-wc/testing';
import { emulator, holdRequests, USERS } from '../helpers/emulator.js';
import {
  codeInput,
  createWidget,
  focused,
  mount,
  nextEvent,
  part,
  press,
  statusText,
  unmountAll,
  waitIdle,
  waitUntil,
  type Widget,
} from '../helpers/widget.js';
import { sendKeys } from '@web/test-runner-commands';
import { contrast } from '../../src/controllers/brand-contrast-controller.js';
import { AuthingPhoneManager } from '../../src/authing-phone-manager.js';

/** Adds 13800135555 from the row with the keys alone: Add, the number, Enter, the code (which submits itself). */
async function addFromTheRow(el: Widget): Promise<void> {
  part(el, 'add-button').focus();
  await press('Enter');
  await waitUntil(() => focused(el) === el.shadowRoot!.querySelector('[part~="phone-input"]'), 'focus did not go into the form');
  await sendKeys({ type: '13800135555' });
  await press('Enter');
  await waitIdle(el);
  expect(focused(el), 'the code input once a code went').to.equal(codeInput(el));
  const bound = nextEvent(el, 'authing-phone-bound');
  await sendKeys({ type: await emulator.codeFor('13800135555', 'CHANNEL_BIND_PHONE') });
  await bound;
  await waitIdle(el);
}

describe('the row layout', () => {
  beforeEach(() => emulator.reset());
  afterEach(unmountAll);

  it('no phone: one row "Not set · Add"; Add opens the form in place by keyboard, Cancel closes it back to Add', async () => {
    const el = await mount(USERS.noPhone.token, { layout: 'row' });
    expect(part(el, 'title').textContent!.trim()).to.equal('Phone number');
    expect(part(el, 'phone').textContent!.trim()).to.equal('Not set');
    expect(el.shadowRoot!.querySelector('[part~="phone-input"]'), 'no open form in the row').to.equal(null);
    const add = part(el, 'add-button');
    const rowHeight = part(el, 'base').getBoundingClientRect().height;
    expect(rowHeight, 'one row').to.be.below(60);
    add.focus();
    await press('Enter');
    await el.updateComplete;
    await waitUntil(() => focused(el) === el.shadowRoot!.querySelector('[part~="phone-input"]'), 'focus did not go into the form');
    await press('Tab'); // the send button... then to Cancel
    const cancel = part(el, 'cancel-button');
    cancel.focus();
    await press('Enter');
    await el.updateComplete;
    await waitUntil(() => focused(el) === el.shadowRoot!.querySelector('[part~="add-button"]'), 'focus not back on Add');
    expect(part(el, 'phone').textContent!.trim()).to.equal('Not set');
  });

  it('binding from the row ends in the row with the masked number; the banner closes with its button', async () => {
    const el = await mount(USERS.noPhone.token, { layout: 'row' });
    await addFromTheRow(el);
    expect(part(el, 'phone').textContent!.trim()).to.match(/138\*{4}5555/);
    expect(el.shadowRoot!.querySelector('[part~="phone-input"]'), 'closed back to the row').to.equal(null);
    expect(statusText(el)).to.equal('Phone number added.');
    part(el, 'dismiss-button').focus();
    await press('Enter');
    await el.updateComplete;
    expect(statusText(el)).to.equal('');
    expect(focused(el), 'focus goes on to the row, not lost').to.equal(part(el, 'change-button'));
  });

  it('the success banner goes by itself after a while, but not while it holds focus', async () => {
    const saved = AuthingPhoneManager.noticeMs;
    AuthingPhoneManager.noticeMs = 1500;
    try {
      const el = await mount(USERS.noPhone.token, { layout: 'row' });
      await addFromTheRow(el);
      part(el, 'dismiss-button').focus();
      const shownAt = performance.now();
      // Held while focused: still there well after its time.
      await waitUntil(() => performance.now() - shownAt > 2500, '', { interval: 50, timeout: 4000 });
      expect(statusText(el), 'kept while focused').to.equal('Phone number added.');
      part(el, 'change-button').focus();
      await waitUntil(() => statusText(el) === '', 'the banner never went', { timeout: 4000 });
    } finally {
      AuthingPhoneManager.noticeMs = saved;
    }
  });

  it('a bound phone: Change, and Remove as a quiet action; Change opens the flow and Cancel closes back to the row', async () => {
    const el = await mount(USERS.phoneAndEmail.token, { layout: 'row' });
    const remove = part(el, 'unbind-button');
    expect(getComputedStyle(remove).borderTopColor, 'no outline').to.equal('rgba(0, 0, 0, 0)');
    part(el, 'change-button').focus();
    await press('Enter');
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="cancel-button"]'), 'no flow');
    part(el, 'cancel-button').focus();
    await press('Enter');
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="change-button"]'), 'not back in the row');
    expect(part(el, 'phone').textContent!.trim()).to.match(/138\*{4}8000/);
  });

  it('hide-heading: the heading is for screen readers only', async () => {
    const el = await mount(USERS.phoneAndEmail.token, { 'hide-heading': '' });
    const heading = part(el, 'title');
    expect(heading.getBoundingClientRect().width).to.be.at.most(1);
    expect(heading.textContent!.trim()).to.equal('Phone number');
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`axe: the row, its open form and a bound row, ${theme}`, async () => {
      const box = document.createElement('div');
      box.style.cssText = `width: 390px; background: ${theme === 'dark' ? '#111827' : '#fff'}; color: ${theme === 'dark' ? '#e5e7eb' : '#111'}`;
      document.body.append(box);
      try {
        const el = await mount(USERS.noPhone.token, { layout: 'row', theme }, box);
        await expect(el).to.be.accessible();
        part(el, 'add-button').focus();
        await press('Enter');
        await el.updateComplete;
        await expect(el).to.be.accessible();
        const bob = await mount(USERS.phoneAndEmail.token, { layout: 'row', theme }, box);
        await expect(bob).to.be.accessible();
      } finally {
        box.remove();
      }
    });
  }
});

describe('a brand colour too faint for text', () => {
  beforeEach(() => emulator.reset());
  afterEach(() => {
    unmountAll();
    document.documentElement.style.removeProperty('--authing-color-primary');
  });

  const rgbOf = (color: string) =>
    color
      .match(/\d+(\.\d+)?/g)!
      .slice(0, 3)
      .map(Number) as [number, number, number];

  it('WeChat green (2.3:1 on white) as text gets a readable shade; the filled button keeps the colour itself', async () => {
    document.documentElement.style.setProperty('--authing-color-primary', '#07c160');
    const el = await mount(USERS.phoneAndEmail.token);
    part(el, 'change-button').click();
    await el.updateComplete;
    await el.updateComplete;
    const send = rgbOf(getComputedStyle(part(el, 'send-button')).color);
    expect(contrast(send, [255, 255, 255]), "the send button's text").to.be.at.least(4.5);
    expect(contrast([7, 193, 96], [255, 255, 255]), 'the brand colour itself').to.be.below(4.5);
    expect(getComputedStyle(part(el, 'submit-button')).backgroundColor).to.equal('rgb(7, 193, 96)');
  });

  it('a brand colour that reads as it is stays as it is', async () => {
    document.documentElement.style.setProperty('--authing-color-primary', '#1d4ed8');
    const el = await mount(USERS.phoneAndEmail.token);
    part(el, 'change-button').click();
    await el.updateComplete;
    expect(getComputedStyle(part(el, 'send-button')).color).to.equal('rgb(29, 78, 216)');
  });
});

describe('the skeleton', () => {
  beforeEach(() => emulator.reset());
  afterEach(unmountAll);

  for (const layout of ['form', 'row'] as const) {
    it(`${layout}: as tall as the overview that follows it`, async () => {
      const profile = holdRequests('get-profile');
      const el = await createWidget(USERS.phoneAndEmail.token, { layout });
      const loaded = nextEvent(el, 'authing-profile-loaded');
      let loading: number;
      try {
        document.body.append(el);
        await el.updateComplete;
        expect(el.shadowRoot!.querySelector('.apm__skeleton'), 'loading').to.exist;
        loading = el.getBoundingClientRect().height;
      } finally {
        profile.restore();
      }
      await loaded;
      await el.updateComplete;
      expect(el.getBoundingClientRect().height - loading, 'px of jump').to.be.within(-2, 2);
    });
  }
});

describe('the country list', () => {
  // A pool with international SMS: the prefix opens the list.
  beforeEach(async () => {
    await emulator.reset();
    await emulator.configure({ internationalSms: true });
  });
  afterEach(unmountAll);

  it('a "Common" heading over the pinned regions, "All" over the rest; a search shows matches without headings', async () => {
    const el = await mount(USERS.noPhone.token, { lang: 'zh-TW' });
    part(el, 'country-select').click();
    await el.updateComplete;
    const groups = [...el.shadowRoot!.querySelectorAll('[role="listbox"] > [role="group"]')];
    const labelOf = (group: Element) => el.shadowRoot!.getElementById(group.getAttribute('aria-labelledby')!)!.textContent!.trim();
    expect(groups.map(labelOf)).to.deep.equal(['常用', '所有國家和地區']);
    const names = [...groups[0]!.querySelectorAll('[role="option"] > span:first-child')].map((node) => node.textContent);
    expect(names, 'as Taiwan-market products write them').to.deep.equal(['中國大陸', '香港', '澳門', '台灣']);
    await sendKeys({ type: '852' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="group"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[role="option"]')!.textContent).to.contain('+852');
  });
});

describe('200 % text in a 320 px column', () => {
  beforeEach(() => emulator.reset());
  afterEach(unmountAll);

  it('the code row wraps, the code input keeps 8ch, nothing sticks out sideways, before and after a send', async () => {
    const column = document.createElement('div');
    column.style.cssText = 'width: 320px; font-size: 32px';
    document.body.append(column);
    try {
      const el = await mount(USERS.noPhone.token, {}, column);
      const right = column.getBoundingClientRect().right;
      const overflowing = () =>
        [...el.shadowRoot!.querySelectorAll<HTMLElement>('*')]
          .filter((node) => !node.matches('.apm__sr-only, .apm__sr-only *'))
          .filter((node) => node.getBoundingClientRect().right > right + 0.5)
          .map((node) => node.getAttribute('part') ?? node.className ?? node.tagName);
      expect(overflowing(), 'before a send').to.deep.equal([]);
      const code = codeInput(el);
      const eightCh = parseFloat(getComputedStyle(code).fontSize) * 0.5 * 8;
      expect(code.getBoundingClientRect().width, 'at least 8ch').to.be.at.least(eightCh);
      part<HTMLInputElement>(el, 'phone-input').focus();
      await sendKeys({ type: '13800135555' });
      await press('Enter');
      await waitIdle(el);
      expect(overflowing(), 'with the countdown and "sent to"').to.deep.equal([]);
      expect(part(el, 'send-button').getBoundingClientRect().top, 'the send button went under the input').to.be.at.least(
        code.getBoundingClientRect().bottom - 1,
      );
      expect(document.documentElement.scrollWidth, 'no sideways scroll').to.be.at.most(window.innerWidth);
    } finally {
      column.remove();
    }
  });

  it('the row layout too: label, number and actions wrap, nothing sticks out', async () => {
    const column = document.createElement('div');
    column.style.cssText = 'width: 320px; font-size: 32px';
    document.body.append(column);
    try {
      const el = await mount(USERS.phoneAndEmail.token, { layout: 'row' }, column);
      const right = column.getBoundingClientRect().right;
      const out = [...el.shadowRoot!.querySelectorAll<HTMLElement>('*')]
        .filter((node) => !node.matches('.apm__sr-only, .apm__sr-only *'))
        .filter((node) => node.getBoundingClientRect().right > right + 0.5);
      expect(out.map((node) => node.getAttribute('part') ?? node.className)).to.deep.equal([]);
      expect(part(el, 'phone').textContent).to.equal('+86 138****8000');
    } finally {
      column.remove();
    }
  });
});
