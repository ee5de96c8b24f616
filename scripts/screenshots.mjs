#!/usr/bin/env node
// Retakes the README's screenshots from the demo, against the bundled Authing emulator:
//
//   docs/screenshots/light-en-US.png   overview: the masked number, Change and Remove
//   docs/screenshots/dark-en-US.png    change, second step: the new number and the code just sent
//   docs/screenshots/light-zh-CN.png   bind: a code sent to the new number
//   docs/screenshots/dark-zh-CN.png    change: a wrong code, the error said in Chinese
//   docs/screenshots/phone-light-zh-CN.png   390 px wide: the country list open, searching "852"
//   docs/screenshots/phone-dark-en-US.png    390 px wide: removing the number, its code sent
//   docs/screenshots/row-light-en-US.png     layout="row", 390 px: one settings row, the number and Change · Remove
//   docs/screenshots/row-dark-zh-CN.png      layout="row", 390 px: no phone yet, 未绑定 · 绑定
//   docs/screenshots/row-open-light-zh-CN.png   layout="row", 390 px: 绑定 pressed, the form open in place, a code sent
//   docs/screenshots/row-dark-en-US.png      layout="row", 390 px: Change pressed, its first step
//   demo/screenshot.png                the demo page at 1280 x 800 (bind, a code in the phone panel)
//
//   docs/screenshots/webkit-light-en-US.png   the overview in WebKit, with --engine webkit (only that one)
//
//   node scripts/screenshots.mjs                         starts the dev server (vite.config.ts) itself
//   node scripts/screenshots.mjs http://127.0.0.1:5173   uses a running `npm start`
//   node scripts/screenshots.mjs --engine webkit         MiniBrowser through WebKitWebDriver (its own
//                                                        virtual display, GDK_SCALE=2 for 2x pictures)
//   CHROMIUM_BIN=/path/to/chromium                       default /usr/bin/chromium
//
// It resets the emulator before each picture. CJK text needs a CJK font (Debian: fonts-wqy-microhei)
// and the flags an emoji font (fonts-noto-color-emoji).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createEmulatorClient } from '../emulator/client.js';
import { openWebKit } from './webkit-page.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join(ROOT, 'docs', 'screenshots');
const DEMO_PNG = path.join(ROOT, 'demo', 'screenshot.png');
const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
/** Page around the widget's frame in the cropped pictures, in CSS pixels. */
const MARGIN = 14;
const TIMEOUT_MS = 10_000;

const BOB = { label: 'Phone and email (bob)', phone: '13800138000' };
const ALICE = { label: 'No phone (alice, email)' };
const NEW_PHONE = '13912345678';

const args = process.argv.slice(2);
const engineArg = args.findIndex((arg) => arg === '--engine' || arg.startsWith('--engine='));
const engine = engineArg < 0 ? 'chromium' : args[engineArg].includes('=') ? args[engineArg].split('=')[1] : args[engineArg + 1];
if (!['chromium', 'webkit'].includes(engine)) {
  console.error(`--engine ${engine}: chromium or webkit`);
  process.exit(2);
}
let baseUrl = args.find((arg) => /^https?:\/\//.test(arg))?.replace(/\/+$/, '');
let server;
let browser;
/** WebKit's open browsers (one per picture), closed at the end even when a picture failed. */
const webkitPages = new Set();
try {
  if (!baseUrl) {
    const { createServer } = await import('vite');
    server = await createServer({
      configFile: path.join(ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      server: { host: '127.0.0.1', port: 5173, strictPort: false },
    });
    await server.listen();
    baseUrl = server.resolvedUrls?.local[0]?.replace(/\/+$/, '');
    if (!baseUrl) throw new Error('the dev server has no local URL');
  }
  const { emulatorUrl } = await (await fetch(`${baseUrl}/demo-config.json`)).json();
  const emulator = createEmulatorClient(emulatorUrl);

  if (engine === 'chromium') browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  await mkdir(OUT_DIR, { recursive: true });

  const shots =
    engine === 'webkit'
      ? [{ file: 'webkit-light-en-US.png', theme: 'Light', lang: 'English', state: overview }]
      : [
          { file: 'light-en-US.png', theme: 'Light', lang: 'English', state: overview },
          { file: 'dark-en-US.png', theme: 'Dark', lang: 'English', state: changeCodeSent },
          { file: 'light-zh-CN.png', theme: 'Light', lang: '简体中文', state: bindCodeSent },
          { file: 'dark-zh-CN.png', theme: 'Dark', lang: '简体中文', state: changeWrongCode },
          { file: 'phone-light-zh-CN.png', theme: 'Light', lang: '简体中文', state: countrySearch, width: 390 },
          { file: 'phone-dark-en-US.png', theme: 'Dark', lang: 'English', state: unbindCodeSent, width: 390 },
          { file: 'row-light-en-US.png', theme: 'Light', lang: 'English', state: overview, width: 390, layout: 'row' },
          { file: 'row-dark-zh-CN.png', theme: 'Dark', lang: '简体中文', state: noPhoneRow, width: 390, layout: 'row' },
          { file: 'row-open-light-zh-CN.png', theme: 'Light', lang: '简体中文', state: rowBindCodeSent, width: 390, layout: 'row' },
          { file: 'row-dark-en-US.png', theme: 'Dark', lang: 'English', state: rowChange, width: 390, layout: 'row' },
        ];
  for (const shot of shots) {
    const page = await openDemo({ deviceScaleFactor: 2, width: shot.width });
    await page.getByLabel(shot.theme, { exact: true }).check();
    await page.getByLabel(shot.lang, { exact: true }).check();
    if (shot.layout)
      await page.evaluate((layout) => document.querySelector('authing-phone-manager').setAttribute('layout', layout), shot.layout);
    await shot.state(page);
    await settle(page);
    const frame = await page.locator('.widget-frame').boundingBox();
    // The open country list floats below the frame: the picture takes it in.
    const open = part(page, 'country-panel');
    const panel = (await open.count()) ? await open.boundingBox() : null;
    const bottom = Math.max(frame.y + frame.height, panel ? panel.y + panel.height : 0);
    // Boxes are in the viewport; a picture of the whole page takes page coordinates (the page may have scrolled).
    const scrollY = await page.evaluate(() => window.scrollY);
    const clip = {
      x: frame.x - MARGIN,
      y: frame.y + scrollY - MARGIN,
      width: frame.width + 2 * MARGIN,
      height: bottom - frame.y + 2 * MARGIN,
    };
    const file = path.join(OUT_DIR, shot.file);
    await page.screenshot({ path: file, clip, fullPage: true });
    console.log(`  ${path.relative(ROOT, file)}`);
    await page.close();
  }
  // The demo page's picture is Chromium's.
  if (engine === 'chromium') {
    const page = await openDemo({ deviceScaleFactor: 1 });
    await page.getByLabel('English', { exact: true }).check();
    await bindCodeSent(page);
    await page.locator('#sms-list .sms').first().waitFor({ timeout: TIMEOUT_MS });
    await settle(page);
    // The first 800 px hold all three panels; the rest is more controls and log, and 20 % more bytes.
    await page.evaluate(() => window.scrollTo(0, 0)); // focus on the code input may have scrolled it
    await page.screenshot({ path: DEMO_PNG });
    console.log(`  ${path.relative(ROOT, DEMO_PNG)}`);
  }

  // ----------------------------------------------------------------------------------------------

  /** The demo at 1280 px wide (or `width`), emulator reset. */
  async function openDemo({ deviceScaleFactor, width = 1280 }) {
    let page;
    if (engine === 'webkit') {
      // One MiniBrowser per picture; closing the page ends it. Its colour scheme is light.
      const webkit = await openWebKit({ width: 1280, height: 800, deviceScaleFactor });
      webkitPages.add(webkit);
      page = Object.assign(webkit.page, {
        close: async () => {
          webkitPages.delete(webkit);
          await webkit.close();
        },
      });
    } else {
      const context = await browser.newContext({
        viewport: { width, height: 800 },
        deviceScaleFactor,
        locale: 'en-US',
        colorScheme: 'light',
      });
      page = await context.newPage();
      page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    }
    await page.goto(`${baseUrl}/`);
    await page.getByRole('button', { name: 'Reset emulator' }).click();
    await page.locator('#reset-status', { hasText: 'Emulator reset' }).waitFor({ timeout: TIMEOUT_MS });
    return page;
  }

  function part(page, name) {
    return page.locator(`authing-phone-manager [part~="${name}"]`);
  }

  async function signIn(page, user) {
    await page.getByLabel(user.label, { exact: true }).check();
    await page.locator('authing-phone-manager :is([part~="phone"], [part~="phone-input"])').first().waitFor({ timeout: TIMEOUT_MS });
  }

  /** Presses Send code and waits for the widget to say where the code went (the code's hint). */
  async function sendCode(page) {
    await part(page, 'send-button').click();
    await page.waitForFunction(
      () => /\*{4}/.test(document.querySelector('authing-phone-manager').shadowRoot.querySelector('.apm__code-row + *').textContent),
      null,
      { timeout: TIMEOUT_MS },
    );
  }

  async function noPhoneRow(page) {
    await signIn(page, ALICE);
  }

  async function rowBindCodeSent(page) {
    await signIn(page, ALICE);
    await part(page, 'add-button').click();
    await part(page, 'phone-input').fill(NEW_PHONE);
    await sendCode(page);
  }

  async function rowChange(page) {
    await signIn(page, BOB);
    await part(page, 'change-button').click();
    await part(page, 'code-input').waitFor({ timeout: TIMEOUT_MS });
  }

  async function overview(page) {
    await signIn(page, BOB);
  }

  async function bindCodeSent(page) {
    await signIn(page, ALICE);
    await part(page, 'phone-input').fill(NEW_PHONE);
    await sendCode(page);
  }

  async function changeCodeSent(page) {
    await signIn(page, BOB);
    await part(page, 'change-button').click();
    await sendCode(page);
    await part(page, 'code-input').fill(await emulator.codeFor(BOB.phone)); // a full code submits itself
    await part(page, 'phone-input').waitFor({ timeout: TIMEOUT_MS });
    await part(page, 'phone-input').fill(NEW_PHONE);
    await sendCode(page);
    return emulator.codeFor(NEW_PHONE);
  }

  async function countrySearch(page) {
    // A pool with international SMS (a new pool sends to mainland numbers only, and offers no list).
    await emulator.configure({ internationalSms: true });
    await signIn(page, ALICE);
    await page.evaluate(() => document.querySelector('authing-phone-manager').reload());
    await page.locator('authing-phone-manager button[part~="country-select"]').waitFor({ timeout: TIMEOUT_MS });
    await part(page, 'country-select').click();
    await part(page, 'country-search').pressSequentially('852');
  }

  async function unbindCodeSent(page) {
    await signIn(page, BOB);
    await part(page, 'unbind-button').click();
    await sendCode(page);
  }

  async function changeWrongCode(page) {
    const code = await changeCodeSent(page);
    await part(page, 'code-input').fill(code === '000000' ? '111111' : '000000');
    await part(page, 'field-error').filter({ hasText: /\S/ }).waitFor({ timeout: TIMEOUT_MS });
  }

  /** Fonts loaded, nothing busy, no caret blinking in the picture. */
  async function settle(page) {
    await page.evaluate(() => document.fonts.ready.then(() => true));
    await page.waitForFunction(
      () =>
        document.querySelector('authing-phone-manager').shadowRoot.querySelector('[part~="base"]').getAttribute('aria-busy') === 'false',
    );
    await page.addStyleTag({ content: '* { caret-color: transparent !important; }' });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }
} catch (error) {
  console.error(`Screenshots failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
  process.exitCode = 1;
} finally {
  await browser?.close().catch(() => undefined);
  for (const webkit of webkitPages) await webkit.close().catch(() => undefined);
  await server?.close().catch(() => undefined);
}
