#!/usr/bin/env node
// Smoke test of the demo, done the way a person would: pick a user, type a number, press "Send code",
// read the code from the demo's phone panel (never from the emulator directly), type it, submit, and
// watch the event log. Covers bind (alice), change and unbind (bob), carol's refused unbind, the theme
// and brand-colour controls, one fault (HTTP 500 on reload()).
//
//   node demo/smoke.mjs                      starts the dev server (vite.config.ts) itself, then stops it
//   node demo/smoke.mjs http://127.0.0.1:5173  uses a running `npm start`
//   node demo/smoke.mjs --screenshot [file]  also saves a 1280x800 screenshot (default demo/screenshot.png)
//   node demo/smoke.mjs --engine webkit      in WebKit (MiniBrowser through WebKitWebDriver, on its own
//                                            virtual display) instead of Chromium (the default)
//   CHROMIUM_BIN=/path/to/chromium           default /usr/bin/chromium; HEADED=1 to watch (Chromium)
//
// It resets the emulator first. Exit code 0 when every step passed. In WebKit the "Auto" colour scheme
// is not checked (WebDriver cannot emulate the system's), and console problems are collected from the
// page after it loaded.
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { createEmulatorClient } from '../emulator/client.js';
import { CHROMIUM_ARGS } from '../scripts/chromium.mjs';
import { openWebKit } from '../scripts/webkit-page.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const STEP_TIMEOUT_MS = 10_000;

// ------------------------------------------------------------------------------------------------
// Arguments

const args = process.argv.slice(2);
let baseUrl;
let screenshotPath;
let engine = 'chromium';
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--engine' || arg.startsWith('--engine=')) {
    engine = arg.includes('=') ? arg.slice('--engine='.length) : (args[++i] ?? '');
    if (!['chromium', 'webkit'].includes(engine)) {
      console.error(`--engine ${engine}: chromium or webkit`);
      process.exit(2);
    }
  } else if (arg === '--screenshot') {
    screenshotPath =
      args[i + 1] && !args[i + 1].startsWith('-') && !/^https?:/.test(args[i + 1])
        ? path.resolve(args[++i])
        : path.join(HERE, 'screenshot.png');
  } else if (arg === '-h' || arg === '--help') {
    console.log('Usage: node demo/smoke.mjs [url] [--screenshot [file]] [--engine chromium|webkit]');
    process.exit(0);
  } else if (/^https?:\/\//.test(arg)) {
    baseUrl = arg.replace(/\/+$/, '');
  } else {
    console.error(`Unknown argument: ${arg}`);
    process.exit(2);
  }
}

// ------------------------------------------------------------------------------------------------
// Helpers

const log = (text) => console.log(text);
const ok = (text) => console.log(`  \u2713 ${text}`);
const notChecked = (text) => console.log(`  - ${text}`);

/** Runs a named step; a failure names the step. */
async function step(name, fn) {
  log(`\n${name}`);
  try {
    await fn();
  } catch (error) {
    error.message = `${name}: ${error.message}`;
    throw error;
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

// ------------------------------------------------------------------------------------------------
// Page actions (playwright locators pierce the widget's open shadow root)

/** @param {import('playwright-core').Page} page */
function demo(page) {
  const widget = page.locator('authing-phone-manager');
  const part = (name) => widget.locator(`[part~="${name}"]`);
  const logEntries = (type) =>
    page.locator('#log .log__entry').filter({ has: page.locator('.log__type', { hasText: new RegExp(`^${type}$`) }) });
  const smsFor = (phoneNumber) => page.locator('#sms-list .sms').filter({ hasText: `To +86 ${phoneNumber}` });

  return {
    widget,
    part,
    logEntries,

    async pickUser(label) {
      const radio = page.getByLabel(label, { exact: true });
      const before = await logEntries('authing-profile-loaded').count();
      if (await radio.isChecked()) {
        await waitForCount(logEntries('authing-profile-loaded'), 1); // already signed in as this user
      } else {
        await radio.check();
        await waitForCount(logEntries('authing-profile-loaded'), before + 1);
      }
      return JSON.parse(await logEntries('authing-profile-loaded').first().locator('.log__detail').textContent());
    },

    /** Presses "Send code" and returns the code read from the phone panel's newest message to that number. */
    async sendCodeAndRead(phoneNumber) {
      const messages = smsFor(phoneNumber);
      const before = await messages.count();
      const sent = await logEntries('authing-code-sent').count();
      await part('send-button').click();
      await waitForCount(logEntries('authing-code-sent'), sent + 1);
      await waitForCount(messages, before + 1);
      const code = (await messages.first().locator('.sms__code').textContent())?.trim() ?? '';
      assert(/^\d{4,10}$/.test(code), `the phone panel shows no code for ${phoneNumber} (got "${code}")`);
      return code;
    },

    /**
     * Types the code and submits it: a full code submits itself (the widget's code input does that), so
     * the submit button is pressed only when that did not happen. `done()` tells when the step is over.
     * Returns how it was submitted.
     */
    async enterCode(code, done) {
      const errors = await logEntries('authing-error').count();
      const failed = async () => {
        if ((await logEntries('authing-error').count()) <= errors) return false;
        const detail = await logEntries('authing-error').first().locator('.log__detail').textContent();
        throw new Error(`authing-error: ${detail}`);
      };
      const until = async (timeout) => {
        const deadline = Date.now() + timeout;
        for (;;) {
          if (await done()) return true;
          await failed();
          if (Date.now() > deadline) return false;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      };
      await part('code-input').fill(code);
      if (await until(1500)) return 'submitted itself';
      const submit = part('submit-button');
      if ((await submit.count()) && (await submit.getAttribute('aria-disabled')) !== 'true')
        await submit.click({ timeout: 2000 }).catch(() => undefined);
      if (await until(STEP_TIMEOUT_MS)) return 'submit button';
      throw new Error('the code was not accepted in time');
    },

    /** Types the code, submits, and waits for `eventType` in the log. Returns its detail and how it went. */
    async submitCode(code, eventType) {
      const before = await logEntries(eventType).count();
      const how = await this.enterCode(code, async () => (await logEntries(eventType).count()) > before);
      return { how, detail: JSON.parse(await logEntries(eventType).first().locator('.log__detail').textContent()) };
    },
  };
}

/** @param {import('playwright-core').Locator} locator */
async function waitForCount(locator, atLeast, timeout = STEP_TIMEOUT_MS) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const count = await locator.count();
    if (count >= atLeast) return count;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${atLeast} × ${locator}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// ------------------------------------------------------------------------------------------------
// Run

let server;
let browser;
let page;
let navigations = 0;
let failed = false;
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
    assert(baseUrl, 'the dev server has no local URL');
    log(`Started the dev server at ${baseUrl}`);
  }

  let emulatorUrl;
  await step(`Dev server ${baseUrl}`, async () => {
    const page = await fetch(`${baseUrl}/`);
    assert(page.ok && (await page.text()).includes('<authing-phone-manager'), `GET / did not serve the demo (HTTP ${page.status})`);
    ok('/ serves the demo page');
    const config = await (await fetch(`${baseUrl}/demo-config.json`)).json();
    emulatorUrl = config.emulatorUrl;
    assert(await createEmulatorClient(emulatorUrl).health(), 'the emulator is not healthy');
    ok(`the emulator answers at ${emulatorUrl}`);
  });

  const consoleProblems = [];
  const consoleProblem = (type, text) => {
    if (type === 'pageerror') return consoleProblems.push(`page error: ${text}`);
    if (type !== 'warning' && type !== 'error') return undefined;
    if (text.includes('Lit is in dev mode')) return undefined;
    // The fault step makes one request fail on purpose.
    if (/Failed to load resource|ERR_EMPTY_RESPONSE|ERR_INVALID_HTTP_RESPONSE/.test(text)) return undefined;
    return consoleProblems.push(`console.${type}: ${text}`);
  };
  if (engine === 'webkit') {
    browser = await openWebKit({ width: 1280, height: 800 });
    page = browser.page;
  } else {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: !process.env.HEADED });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    page = await context.newPage();
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations++;
    });
    page.on('pageerror', (error) => consoleProblem('pageerror', error.message));
    page.on('console', (message) => consoleProblem(message.type(), message.text()));
  }
  log(`Browser: ${engine === 'webkit' ? 'WebKit (MiniBrowser)' : 'Chromium'}`);

  const ui = demo(page);

  await step('Load the page', async () => {
    await page.goto(`${baseUrl}/`);
    await page.getByRole('button', { name: 'Reset emulator' }).click();
    await page.locator('#reset-status', { hasText: 'Emulator reset' }).waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.getByLabel('English').check();
    ok('reset the emulator, widget language en-US');
  });

  await step('Bind: alice (no phone) adds 13800135555', async () => {
    const profile = await ui.pickUser('No phone (alice, email)');
    assert(profile.phoneNumber === undefined, `alice should have no phone: ${JSON.stringify(profile)}`);
    await ui.part('phone-input').fill('13800135555');
    const code = await ui.sendCodeAndRead('13800135555');
    ok(`sent a code; the phone panel shows ${code}`);
    if (screenshotPath) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: screenshotPath });
      ok(`screenshot saved to ${path.relative(process.cwd(), screenshotPath)}`);
    }
    const { how, detail: bound } = await ui.submitCode(code, 'authing-phone-bound');
    assert(bound.phoneNumber === '13800135555', `wrong bound number: ${JSON.stringify(bound)}`);
    ok(`typed the code (${how}): authing-phone-bound ${JSON.stringify(bound)}`);
  });

  await step('Change: bob 13800138000 → 13800136666', async () => {
    const profile = await ui.pickUser('Phone and email (bob)');
    assert(profile.phoneNumber === '13800138000' && profile.canUnbind === true, `unexpected profile ${JSON.stringify(profile)}`);
    await ui.part('change-button').click();
    const current = await ui.sendCodeAndRead('13800138000');
    ok(`code to the current number: ${current}`);
    const how = await ui.enterCode(current, async () => (await ui.part('phone-input').count()) > 0);
    ok(`typed it (${how}): on to the new number`);
    await ui.part('phone-input').fill('13800136666');
    const fresh = await ui.sendCodeAndRead('13800136666');
    ok(`code to the new number: ${fresh}`);
    const { how: how2, detail: changed } = await ui.submitCode(fresh, 'authing-phone-changed');
    assert(changed.phoneNumber === '13800136666' && changed.previousPhoneNumber === '13800138000', `unexpected ${JSON.stringify(changed)}`);
    ok(`typed it (${how2}): authing-phone-changed ${JSON.stringify(changed)}`);
  });

  await step('Unbind: bob removes 13800136666', async () => {
    await ui.part('phone').waitFor();
    await ui.part('unbind-button').click();
    await ui.part('submit-button').click(); // "Continue" after the warning
    const code = await ui.sendCodeAndRead('13800136666');
    ok(`code to the bound number: ${code}`);
    const { how, detail: unbound } = await ui.submitCode(code, 'authing-phone-unbound');
    assert(unbound.previousPhoneNumber === '13800136666', `unexpected ${JSON.stringify(unbound)}`);
    ok(`typed it (${how}): authing-phone-unbound ${JSON.stringify(unbound)}`);
  });

  await step("Carol (phone only) can't unbind", async () => {
    const profile = await ui.pickUser("Phone only (carol) — can't unbind");
    assert(profile.canUnbind === false, `carol should not be able to unbind: ${JSON.stringify(profile)}`);
    assert((await ui.part('unbind-button').count()) === 0, 'the widget offers Remove to carol');
    ok('canUnbind false, no Remove button');
  });

  await step('Theme and brand colour', async () => {
    const root = () =>
      page.evaluate(() => ({
        theme: document.documentElement.dataset.theme,
        background: getComputedStyle(document.documentElement).backgroundColor,
      }));
    const shown = () =>
      ui.widget.evaluate((el) => ({
        theme: el.getAttribute('theme'),
        primary: getComputedStyle(el).getPropertyValue('--authing-color-primary').trim(),
        surface: getComputedStyle(el.shadowRoot.querySelector('[part~="base"]')).backgroundColor,
        changeButton: getComputedStyle(el.shadowRoot.querySelector('[part~="change-button"]')).color,
      }));
    const expectShown = async (expected, what) => {
      const actual = await shown();
      for (const [key, value] of Object.entries(expected)) assert(actual[key] === value, `${what}: ${key} is ${actual[key]}, not ${value}`);
    };
    const LIGHT_PAGE = 'rgb(243, 244, 246)';
    const DARK_PAGE = 'rgb(3, 7, 18)';

    await page.getByLabel('Dark', { exact: true }).check();
    await expectShown({ theme: 'dark', primary: '', surface: 'rgb(17, 24, 39)', changeButton: 'rgb(147, 197, 253)' }, 'dark');
    assert((await root()).background === DARK_PAGE, 'the page did not turn dark');
    ok('Dark: theme="dark" on the widget, dark surface and primary, and a dark page');

    await page.getByLabel('Violet').check();
    await expectShown({ primary: '#c4b5fd', changeButton: 'rgb(196, 181, 253)' }, 'violet, dark');
    await page.getByLabel('Light', { exact: true }).check();
    await expectShown({ theme: 'light', primary: '#6d28d9', changeButton: 'rgb(109, 40, 217)' }, 'violet, light');
    assert((await root()).background === LIGHT_PAGE, 'the page did not turn light');
    ok('Violet: --authing-color-primary is the swatch tone of the theme in effect');

    if (page.canEmulateMedia === false) {
      notChecked('Auto: not checked here (WebDriver cannot emulate the system colour scheme)');
    } else {
      await page.getByLabel('Auto', { exact: true }).check();
      await page.emulateMedia({ colorScheme: 'dark' });
      await expectShown({ theme: 'auto', primary: '#c4b5fd', surface: 'rgb(17, 24, 39)' }, 'auto, system dark');
      assert((await root()).background === DARK_PAGE, 'auto: the page did not follow the dark system');
      await page.emulateMedia({ colorScheme: 'light' });
      await expectShown({ primary: '#6d28d9', surface: 'rgba(0, 0, 0, 0)' }, 'auto, system light');
      assert((await root()).background === LIGHT_PAGE, 'auto: the page did not follow the light system');
      ok('Auto: widget and page follow the system colour scheme');
    }

    await page.getByLabel('Custom brand colour').fill('#0891b2');
    await expectShown({ primary: '#0891b2', changeButton: 'rgb(8, 145, 178)' }, 'custom colour');
    ok('A custom colour applies to the widget');

    await page.getByLabel('Default blue').check();
    await page.getByLabel('Light', { exact: true }).check();
    if (page.canEmulateMedia !== false) await page.emulateMedia({ colorScheme: null });
    await expectShown({ theme: 'light', primary: '', changeButton: 'rgb(29, 78, 216)' }, 'back to default');
    ok('back to Light and the default colours');
  });

  await step('Fault: HTTP 500 on the next request', async () => {
    await page.getByLabel('On the next request to the emulator').selectOption('http500');
    await page.getByRole('button', { name: 'Arm' }).click();
    await page.locator('#fault-status', { hasText: 'Armed:' }).waitFor();
    const errors = await ui.logEntries('authing-error').count();
    const loaded = await ui.logEntries('authing-profile-loaded').count();
    await page.getByRole('button', { name: 'Reload widget' }).click();
    await waitForCount(ui.logEntries('authing-error'), errors + 1);
    assert((await ui.logEntries('authing-profile-loaded').count()) === loaded, 'the profile loaded despite the fault');
    const detail = JSON.parse(await ui.logEntries('authing-error').first().locator('.log__detail').textContent());
    assert(detail.statusCode === 500 && detail.action === 'load-profile', `unexpected error ${JSON.stringify(detail)}`);
    ok(`authing-error ${JSON.stringify(detail)}`);
    await page.locator('#fault-status', { hasText: 'used' }).waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.getByRole('button', { name: 'Reload widget' }).click();
    await waitForCount(ui.logEntries('authing-profile-loaded'), loaded + 1);
    ok('the fault was used once; the next reload() loads the profile');
  });

  await step('No token on the page', async () => {
    const html = await page.content();
    const shadow = await page.locator('authing-phone-manager').evaluate((el) => el.shadowRoot?.innerHTML ?? '');
    assert(!/demo-token-/.test(html + shadow), 'an access token is printed on the page');
    ok('no access token in the DOM (light or shadow)');
  });

  await step('Console', async () => {
    if (page.consoleProblems) for (const { type, text } of await page.consoleProblems()) consoleProblem(type, text);
    assert(consoleProblems.length === 0, `\n    ${consoleProblems.join('\n    ')}`);
    ok('no page errors, no warnings besides "Lit is in dev mode"');
  });

  log('\nSmoke test passed.');
} catch (error) {
  failed = true;
  console.error(`\nSmoke test FAILED: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
  if (page) {
    // What the widget and the log showed when it failed.
    const failurePng = path.join(os.tmpdir(), 'authing-demo-smoke-failure.png');
    await page.screenshot({ path: failurePng, fullPage: true }).then(
      () => console.error(`Page at the failure: ${failurePng}`),
      () => undefined,
    );
    const widgetText = await page
      .locator('authing-phone-manager')
      .evaluate((el) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim())
      .catch(() => '?');
    const logText = await page
      .locator('#log')
      .innerText()
      .catch(() => '?');
    if (navigations > 1)
      console.error(`The page reloaded ${navigations - 1} time(s) during the run: Vite does that when a source file changes.`);
    console.error(`Widget: ${widgetText}\nEvent log (newest first):\n${logText}`);
  }
} finally {
  await browser?.close().catch(() => undefined);
  await server?.close().catch(() => undefined);
}
process.exit(failed ? 1 : 0);
