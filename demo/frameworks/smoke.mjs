#!/usr/bin/env node
// Smoke test of the framework demo pages, as a person would use them: open the page, type a number,
// press Enter, read the code from the page's SMS list, type it, and see the framework's event list
// show authing-phone-bound. Starts the dev servers itself:
//
//   vite.config.ts (what `npm start` runs)            cdn-classic.html, cdn-module.html, react19.html, vue.html,
//                                                     angular.html, react18.html (on React 19)
//   demo/frameworks/vite.react18.config.mjs           react18.html on React 18
//
//   node demo/frameworks/smoke.mjs      CHROMIUM_BIN=/path/to/chromium (default /usr/bin/chromium), HEADED=1 to watch
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { createEmulatorClient } from '../../emulator/client.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
/** Console lines that are no problem. */
const HARMLESS = [
  /Lit is in dev mode/,
  /Angular is running in development mode/,
  /Download the React DevTools/,
  /\[vite\] connect/,
  /You are running a development build of Vue/,
];

async function start(configFile) {
  const server = await createServer({
    configFile: path.join(ROOT, configFile),
    logLevel: 'warn',
    server: { port: 5180, strictPort: false },
  });
  await server.listen();
  const url = server.resolvedUrls.local[0].replace(/\/+$/, '');
  const { emulatorUrl } = await (await fetch(`${url}/demo-config.json`)).json();
  return { server, url, emulatorUrl };
}

async function check(browser, { url, emulatorUrl }, page, expectReact) {
  const name = `${url}/frameworks/${page}`;
  await createEmulatorClient(emulatorUrl).reset();
  const tab = await browser.newPage();
  const problems = [];
  tab.on(
    'console',
    (m) =>
      (m.type() === 'error' || m.type() === 'warning') &&
      !HARMLESS.some((re) => re.test(m.text())) &&
      problems.push(`${m.type()}: ${m.text()}`),
  );
  tab.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  try {
    await tab.goto(name);
    const widget = tab.locator('authing-phone-manager');
    await widget.locator('[part~="phone-input"]').fill('13800135555', { timeout: 15000 });
    await widget.locator('[part~="phone-input"]').press('Enter');
    const code = (await tab.locator('#inbox .code').first().textContent({ timeout: 10000 })).trim();
    await widget.locator('[part~="code-input"]').pressSequentially(code);
    await tab
      .locator('.events li', { hasText: 'authing-phone-bound {"phoneNumber":"13800135555","phoneCountryCode":"+86"}' })
      .waitFor({ timeout: 10000 });
    if (expectReact) {
      const shown = await tab.locator('#react-version').textContent();
      if (!shown.startsWith(`React ${expectReact}.`)) throw new Error(`expected React ${expectReact}, the page says "${shown}"`);
    }
    if (problems.length) throw new Error(`console:\n    ${problems.join('\n    ')}`);
    console.log(`  \u2713 ${name}${expectReact ? ` (React ${expectReact})` : ''}: bound, event shown by the framework`);
    return true;
  } catch (error) {
    console.log(`  \u2717 ${name}: ${error.message}${problems.length ? `\n    ${problems.join('\n    ')}` : ''}`);
    return false;
  } finally {
    await tab.close();
  }
}

const servers = [];
let browser;
let ok = true;
try {
  const demo = await start('vite.config.ts');
  servers.push(demo.server);
  const react18 = await start('demo/frameworks/vite.react18.config.mjs');
  servers.push(react18.server);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: !process.env.HEADED });
  for (const [server, page, react] of [
    [demo, 'cdn-classic.html', undefined],
    [demo, 'cdn-module.html', undefined],
    [demo, 'react19.html', undefined],
    [demo, 'vue.html', undefined],
    [demo, 'angular.html', undefined],
    [demo, 'react18.html', 19],
    [react18, 'react18.html', 18],
  ]) {
    ok = (await check(browser, server, page, react)) && ok;
  }
} catch (error) {
  console.error(error);
  ok = false;
} finally {
  await browser?.close();
  for (const server of servers) await server.close();
}
console.log(ok ? 'All framework demos work.' : 'Some framework demos failed.');
process.exit(ok ? 0 : 1);
