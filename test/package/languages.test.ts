// Issue 14: the CDN files carry zh-CN and load every other language from a chunk beside them, the first
// time a widget shows it. In a page under a strict CSP with Trusted Types (as the security tests use),
// each language shows from the widget's first words on (never zh-CN for a moment), only its own chunk
// is requested, and a chunk that cannot load leaves the widget in zh-CN, working.
// The files come from `npm run build` (npm test builds first).
import { expect } from '@open-wc/testing';
import { catalog, DEFAULT_LANG, LANGS, type Lang } from '../../src/localize/index.js';
import { emulator, emulatorUrl, USERS } from '../helpers/emulator.js';
import { nextEvent, title, type Widget } from '../helpers/widget.js';
import { until } from './frameworks/drive.js';

interface PageWindow extends Window {
  __violations: unknown[];
  __errors: string[];
}

const CHUNK = /\/authing-phone-manager\.([a-z]{2}-[A-Z]{2})\.[\w-]+\.js$/;

async function openPage(page: string): Promise<{ frame: HTMLIFrameElement; win: PageWindow & typeof globalThis }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'position:fixed;left:0;top:0;width:780px;height:580px;border:0;background:#fff;z-index:1';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `/test/element/hardening/csp/${page}?policy=tt`;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as PageWindow & typeof globalThis;
  await until(
    () => win.customElements.get('authing-phone-manager'),
    () => `${page}: the element was not defined (errors: ${win.__errors.join('; ')})`,
  );
  return { frame, win };
}

/** Mounts a widget in the page and records its shadow root's text after every change, from the first. */
async function mountIn(win: PageWindow & typeof globalThis, lang: string): Promise<{ el: Widget; texts: string[] }> {
  const el = win.document.createElement('authing-phone-manager') as Widget;
  el.setAttribute('app-host', await emulatorUrl());
  el.setAttribute('app-id', 'test-app');
  el.setAttribute('lang', lang);
  el.accessToken = USERS.phoneAndEmail.token;
  const loaded = nextEvent(el, 'authing-profile-loaded');
  win.document.body.append(el);
  const texts: string[] = [];
  new win.MutationObserver(() => texts.push(el.shadowRoot!.textContent ?? '')).observe(el.shadowRoot!, {
    childList: true,
    subtree: true,
    characterData: true,
  });
  await loaded;
  await el.updateComplete;
  return { el, texts };
}

/** The language chunks the page requested, by language. */
const chunksRequested = (win: Window): string[] =>
  win.performance
    .getEntriesByType('resource')
    .map((entry) => CHUNK.exec(new URL(entry.name).pathname)?.[1])
    .filter((lang): lang is string => !!lang);

/** The strings a widget shows while it loads or once it has: either says which language it speaks. */
const speaks = (text: string, lang: Lang) => text.includes(catalog(lang).loading) || text.includes(catalog(lang).title);

describe('languages of the CDN files, under CSP and Trusted Types', () => {
  let frame: HTMLIFrameElement | undefined;
  beforeEach(() => emulator.reset());
  afterEach(() => frame?.remove());

  it('the build lists a chunk for each language but zh-CN, each in sri.json', async () => {
    const hashes = (await (await fetch('/dist/cdn/sri.json')).json()) as Record<string, string>;
    const chunks = Object.keys(hashes)
      .map((file) => CHUNK.exec(`/${file}`)?.[1])
      .filter(Boolean)
      .sort();
    expect(chunks).to.deep.equal(LANGS.filter((lang) => lang !== DEFAULT_LANG).sort());
  });

  for (const [page, file] of [
    ['cdn.html', 'classic file'],
    ['cdn-module.html', 'ES module file'],
  ] as const) {
    for (const lang of LANGS) {
      const loads = lang === 'zh-CN' ? 'no chunk (zh-CN is inside)' : `its chunk and no other`;
      it(`${file}, lang=${lang}: ${lang} from the first words on, and ${loads}`, async () => {
        const opened = await openPage(page);
        frame = opened.frame;
        const { el, texts } = await mountIn(opened.win, lang);
        expect(title(el)).to.equal(catalog(lang).title);
        const shown = texts.filter((text) => text.trim());
        expect(shown.length, 'the widget showed something').to.be.greaterThan(0);
        expect(
          shown.filter((text) => !speaks(text, lang)),
          `every text the widget showed is ${lang}`,
        ).to.deep.equal([]);
        expect(chunksRequested(opened.win)).to.deep.equal(lang === 'zh-CN' ? [] : [lang]);
        expect(opened.win.__violations, 'no CSP or Trusted Types violation').to.deep.equal([]);
        expect(opened.win.__errors).to.deep.equal([]);
      });
    }
  }

  it('classic file: a widget switched to another language keeps its words until that one has loaded, then shows it', async () => {
    const opened = await openPage('cdn.html');
    frame = opened.frame;
    const { el, texts } = await mountIn(opened.win, 'en-US');
    texts.length = 0;
    el.lang = 'ja-JP';
    await el.updateComplete;
    expect(title(el)).to.equal(catalog('ja-JP').title);
    expect(
      texts.filter((text) => !speaks(text, 'en-US') && !speaks(text, 'ja-JP')),
      'English, then Japanese, nothing else',
    ).to.deep.equal([]);
    expect(chunksRequested(opened.win)).to.deep.equal(['en-US', 'ja-JP']);
    expect(opened.win.__violations).to.deep.equal([]);
  });

  it('a chunk that cannot load: the widget shows zh-CN, the default, and works; nothing is thrown', async () => {
    const opened = await openPage('cdn-lost-chunks.html');
    frame = opened.frame;
    const { el, texts } = await mountIn(opened.win, 'en-US');
    expect(title(el)).to.equal(catalog('zh-CN').title);
    expect(el.shadowRoot!.querySelector('[part~="phone"]')?.textContent, 'the number').to.contain('8000');
    expect(texts.filter((text) => text.trim() && !speaks(text, 'zh-CN'))).to.deep.equal([]);
    expect(chunksRequested(opened.win), 'it asked for the en-US chunk').to.deep.equal(['en-US']);
    expect(opened.win.__errors).to.deep.equal([]);
    expect(opened.win.__violations).to.deep.equal([]);
  });
});
