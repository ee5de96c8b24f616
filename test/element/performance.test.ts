// Issue 24's costs: no country names on a first render, an open list that renders a screenful first and
// scrolls its active option into view.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { emulator, USERS } from '../helpers/emulator.js';
import { click, mount, part, press, unmountAll, type Widget, waitUntil } from '../helpers/widget.js';

const prefix = (el: Widget) => part<HTMLButtonElement>(el, 'country-select');
const options = (el: Widget) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')];
const list = (el: Widget) => el.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!;
const activeOption = (el: Widget) =>
  el.shadowRoot!.getElementById(part<HTMLInputElement>(el, 'country-search').getAttribute('aria-activedescendant') ?? '');

/** The option is within the list's visible box. */
function inView(el: Widget, option: HTMLElement | null): boolean {
  if (!option) return false;
  const box = list(el).getBoundingClientRect();
  const rect = option.getBoundingClientRect();
  return rect.top >= box.top - 1 && rect.bottom <= box.bottom + 1;
}

describe('what a first render and the country list cost', () => {
  // A pool with international SMS: the prefix opens the country list.
  beforeEach(async () => {
    await emulator.reset();
    await emulator.configure({ internationalSms: true });
  });
  afterEach(unmountAll);

  // First in this file, whose page no other file shares: no list has been opened in it yet.
  it('a first render names no country with Intl.DisplayNames; the list does when it first opens', async () => {
    const made: string[] = [];
    const Real = Intl.DisplayNames;
    // Counts the engine's region namers the widget makes (the namespace's members are writable at run time).
    const intl = Intl as { DisplayNames: typeof Intl.DisplayNames };
    intl.DisplayNames = class extends Real {
      constructor(locales: Intl.LocalesArgument, options: Intl.DisplayNamesOptions) {
        super(locales, options);
        made.push(String(locales));
      }
    };
    try {
      const overview = await mount(USERS.phoneAndEmail.token, { lang: 'zh-CN' });
      expect(part(overview, 'change-button')).to.exist;
      const el = await mount(USERS.noPhone.token, { lang: 'zh-CN' });
      expect(prefix(el).textContent!.replace(/\s+/g, ' ').trim()).to.equal('CN +86');
      expect(made, 'made by the overview and the bind form').to.deep.equal([]);
      await click(prefix(el));
      await el.updateComplete;
      expect(options(el)[4]?.firstElementChild?.textContent, 'a name from the engine').to.be.a('string').and.not.equal('');
      expect(made).to.include('zh-CN');
    } finally {
      intl.DisplayNames = Real;
    }
  });

  it('the open list shows a screenful at once and the rest over the next frames; the active option scrolls into view', async () => {
    const el = await mount(USERS.noPhone.token);
    // What the render that opens the list shows (a mutation observer runs right after it, before any frame).
    let first = 0;
    const observer = new MutationObserver(() => {
      if (!first && el.shadowRoot!.querySelector('[role="listbox"]')) first = options(el).length;
    });
    observer.observe(el.shadowRoot!, { childList: true, subtree: true });
    await click(prefix(el));
    await el.updateComplete;
    observer.disconnect();
    expect(first, 'rendered with the list').to.be.within(10, 60);
    expect(inView(el, activeOption(el))).to.equal(true);
    await waitUntil(() => options(el).length > 200, 'then every country');
    expect(list(el).scrollTop, 'the first option, at the top').to.equal(0);
    // A country near the end of the list: picked, then the list opens again on it, in view.
    await sendKeys({ type: 'Zimbabwe' });
    await press('Enter');
    await el.updateComplete;
    expect(prefix(el).textContent!.replace(/\s+/g, ' ').trim()).to.equal('ZW +263');
    await click(prefix(el));
    await el.updateComplete;
    expect(activeOption(el)?.id).to.equal('country-ZW');
    expect(options(el).indexOf(activeOption(el)!), 'far down the list').to.be.greaterThan(200);
    expect(list(el).scrollTop).to.be.greaterThan(0);
    expect(inView(el, activeOption(el)), 'the selected option in view on opening').to.equal(true);
  });
});
