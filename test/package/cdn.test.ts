// Issue 3: the two CDN files in real pages, as a host page loads them from a CDN: the classic file from
// a plain <script src> (no modules, no bundler) and the ES module file imported by URL. Each page binds a
// phone against the emulator with real key presses and receives `authing-phone-bound` through its own
// listener. Also: the CDN files and the npm copy on one page throw nothing.
// The files come from `npm run build` (npm test builds first).
import { expect } from '@open-wc/testing';
import { emulator, emulatorUrl, USERS } from '../helpers/emulator.js';
import { catalog } from '../../src/localize/index.js';
import type { Widget } from '../helpers/widget.js';
import { appState, bindPhone, BOUND, boundShown, until, widgetIn } from './frameworks/drive.js';

const CHUNK = /^authing-phone-manager\.[a-z]{2}-[A-Z]{2}\.[\w-]+\.js$/;

interface PageWindow extends Window {
  start?: (appHost: string, accessToken: string) => void;
  __errors: string[];
  copies?: Record<string, unknown>;
}

/** Opens a page of test/package/cdn/ in an iframe at the top left, so real clicks land where its nodes are. */
async function openPage(name: string): Promise<{ frame: HTMLIFrameElement; win: PageWindow; body: HTMLElement }> {
  for (const file of ['/dist/cdn/authing-phone-manager.iife.js', '/dist/cdn/authing-phone-manager.js']) {
    expect((await fetch(file, { method: 'HEAD' })).ok, `${file} exists (npm run build)`).to.equal(true);
  }
  const frame = document.createElement('iframe');
  frame.style.cssText = 'position:fixed;left:0;top:0;width:780px;height:580px;border:0;background:#fff;z-index:1';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `/test/package/cdn/${name}`;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as unknown as PageWindow;
  return { frame, win, body: frame.contentDocument!.body };
}

describe('CDN files in plain pages', () => {
  let frame: HTMLIFrameElement | undefined;
  beforeEach(() => emulator.reset());
  afterEach(() => frame?.remove());

  for (const [page, what] of [
    ['classic.html', 'the classic file from a plain <script src>, no modules'],
    ['module.html', 'the ES module file imported by URL'],
  ] as const) {
    it(`${what}: binds a phone and the page's listener receives authing-phone-bound`, async () => {
      const opened = await openPage(page);
      frame = opened.frame;
      const { win, body } = opened;
      const start = await until(
        () => win.start,
        () => `${page} defined no start()`,
      );
      start(await emulatorUrl(), USERS.noPhone.token);

      const el = await widgetIn(body);
      expect(el.constructor, 'registered by the CDN file in the page').to.equal(win.customElements.get('authing-phone-manager'));
      expect(el.getAttributeNames().filter((name) => /token/i.test(name))).to.deep.equal([], 'the token went in as a property');
      await bindPhone(el);
      const state = await boundShown(body);
      expect(state.bound).to.deep.equal(BOUND);
      expect(state.events).to.deep.equal(['authing-profile-loaded', 'authing-code-sent', 'authing-phone-bound']);
      if (page === 'classic.html') expect((appState(body) as unknown as { global: string }).global, 'the global').to.equal('object');
      else expect((appState(body) as unknown as { boundIsTyped: boolean }).boundIsTyped, 'the event is the exported class').to.equal(true);
      expect((await emulator.user(USERS.noPhone.id)).phone).to.equal(BOUND.phoneNumber);
      expect(win.__errors).to.deep.equal([]);
    });
  }

  it('the classic file, the module file and the npm build on one page: nothing throws, the first registration wins', async () => {
    const opened = await openPage('both.html');
    frame = opened.frame;
    const copies = await until(
      () => opened.win.copies,
      () => `the page never finished loading its copies (errors: ${opened.win.__errors.join('; ')})`,
    );
    expect(opened.win.__errors).to.deep.equal([]);
    expect(copies.registered).to.equal(copies.classic, 'the classic file, loaded first, registered the tag');
    expect(copies.module).to.not.equal(copies.classic, 'the module file carries its own copy');
    expect(copies.npm).to.not.equal(copies.classic, 'and so does the npm build');
    expect(copies.npmIndexIsNpm, 'the npm entries share one class').to.equal(true);

    // The registered copy still works on that page.
    const el = opened.frame.contentDocument!.createElement('authing-phone-manager');
    el.setAttribute('app-host', await emulatorUrl());
    el.setAttribute('app-id', 'test-app');
    el.setAttribute('lang', 'en-US');
    (el as unknown as { accessToken: string }).accessToken = USERS.phoneAndEmail.token;
    opened.body.append(el);
    const widget = await widgetIn(opened.body);
    expect(widget.shadowRoot!.querySelector('[part~="phone"]')?.textContent).to.contain('8000');
    expect(opened.win.__errors).to.deep.equal([]);
  });

  it('the SRI hashes the build prints let browsers load the CDN files, and a wrong one blocks them', async () => {
    const hashes = (await (await fetch('/dist/cdn/sri.json')).json()) as Record<string, string>;
    const opened = await openPage('module.html'); // any same-origin page with nothing registered by <script src>
    frame = opened.frame;
    const load = (file: string, integrity: string, type?: string) =>
      new Promise<string>((resolve) => {
        const script = opened.frame.contentDocument!.createElement('script');
        if (type) script.type = type;
        script.crossOrigin = 'anonymous';
        script.integrity = integrity;
        script.onload = () => resolve('loaded');
        script.onerror = () => resolve('blocked');
        script.src = `/dist/cdn/${file}?${integrity.slice(7, 15)}`; // a fresh URL, not a cached answer
        opened.frame.contentDocument!.head.append(script);
      });
    expect(Object.keys(hashes).filter((file) => !CHUNK.test(file))).to.deep.equal([
      'authing-phone-manager.iife.js',
      'authing-phone-manager.js',
    ]);
    expect(await load('authing-phone-manager.iife.js', 'sha384-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).to.equal(
      'blocked',
    );
    expect(await load('authing-phone-manager.iife.js', hashes['authing-phone-manager.iife.js']!)).to.equal('loaded');
    expect(await load('authing-phone-manager.js', hashes['authing-phone-manager.js']!, 'module')).to.equal('loaded');
  });

  // Issue 14. Engines that ignore an import map's `integrity` load any chunk: there the test is skipped,
  // and says so. Which engines check it is decided apart from the widget: a module imported straight
  // from a page whose import map gives it a wrong hash must fail to load.
  it("an import map's integrity pins the language chunks: a chunk with the wrong hash is refused and the widget shows zh-CN", async function () {
    const hashes = (await (await fetch('/dist/cdn/sri.json')).json()) as Record<string, string>;
    const chunk = Object.keys(hashes).find((file) => file.startsWith('authing-phone-manager.en-US.'))!;
    const chunkUrl = new URL(`/dist/cdn/${chunk}`, location.href).href;
    const WRONG = 'sha384-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

    /** A page whose import map pins `url` to `integrity`, with `scripts` after it. */
    const pageWith = async (url: string, integrity: string, scripts = '') => {
      frame?.remove();
      frame = document.createElement('iframe');
      const loaded = new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));
      const map = JSON.stringify({ integrity: { [url]: integrity } });
      frame.srcdoc = `<!doctype html><html lang="en"><head><script type="importmap">${map}</script>${scripts}</head><body></body></html>`;
      document.body.append(frame);
      await loaded;
      return frame.contentWindow! as Window & typeof globalThis;
    };

    const probeUrl = `${chunkUrl}?probe`;
    const probe = await pageWith(probeUrl, WRONG);
    const imported = await (probe.Function('url', 'return import(url)') as (url: string) => Promise<unknown>)(probeUrl).then(
      () => true,
      () => false,
    );
    if (imported) this.skip(); // this engine does not check import-map integrity

    /** A page with an import map pinning the chunk to `integrity`, then the classic file; the widget's title. */
    const titleWith = async (integrity: string) => {
      const page = await pageWith(
        chunkUrl,
        integrity,
        `<script src="/dist/cdn/authing-phone-manager.iife.js?${integrity.slice(7, 15)}"></script>`,
      );
      const doc = page.document;
      const el = doc.createElement('authing-phone-manager') as Widget;
      el.setAttribute('app-host', await emulatorUrl());
      el.setAttribute('app-id', 'test-app');
      el.setAttribute('lang', 'en-US');
      el.accessToken = USERS.phoneAndEmail.token;
      doc.body.append(el);
      await until(
        () => el.shadowRoot?.querySelector('[part~="phone"]'),
        () => 'the profile never showed',
      );
      await el.updateComplete;
      return el.shadowRoot!.querySelector('[part~="title"]')?.textContent?.trim();
    };

    expect(await titleWith(WRONG), 'the chunk with the wrong hash was refused: zh-CN').to.equal(catalog('zh-CN').title);
    expect(await titleWith(hashes[chunk]!), 'the right hash: en-US').to.equal(catalog('en-US').title);
  });
});
