// Issue 25: server-rendered pages. The README's Next.js and Nuxt recipes, rendered on the server the way
// those frameworks do (React's renderToString with the React wrapper; Vue's server renderer) and hydrated
// in Chromium against the emulator:
// - no token reaches the server's HTML, nor the DOM after hydration;
// - the page hydrates without a warning or an error in the console;
// - the widget then works with the token it got in the browser (it loads the user's profile).
// Runs against the build in dist/ (scripts/test.mjs builds first); Chromium as in scripts/chromium.mjs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { createElement } from 'react';
import { renderToString as renderReact } from 'react-dom/server';
import { createSSRApp } from 'vue';
import { renderToString as renderVue } from 'vue/server-renderer';
import { startAuthingEmulator } from 'authing-phone-manager/testing';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';
import * as ReactPage from './fixtures/ssr/react-account.js';
import * as VuePage from './fixtures/ssr/vue-account.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (name) => fileURLToPath(new URL(`./fixtures/ssr/${name}`, import.meta.url));
const APP_ID = 'ssr-app';
const TIMEOUT = 15000;

/** The browser bundle of a page, as a framework's dev build makes it (development: hydration warnings on). */
async function bundle(entry) {
  const result = await build({
    entryPoints: [fixture(entry)],
    absWorkingDir: root,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    alias: { vue: 'vue/dist/vue.esm-bundler.js' }, // with the template compiler
    define: {
      'process.env.NODE_ENV': '"development"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'true',
    },
  });
  return result.outputFiles[0].text;
}

/** A server for one page: the server-rendered HTML at `/`, its bundle at `/client.js`. */
async function servePage() {
  const page = { html: '', script: '' };
  const server = http.createServer((req, res) => {
    if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page.html);
    else if (req.url === '/client.js') res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(page.script);
    else res.writeHead(req.url === '/favicon.ico' ? 204 : 404).end(); // no favicon: no 404 in the console
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    page,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve(undefined)))),
  };
}

const document = (body, props) => `<!doctype html>
<html lang="en-US"><head><meta charset="utf-8"><title>Account</title></head>
<body><div id="root">${body}</div>
<script>globalThis.__PAGE_PROPS__ = ${JSON.stringify(props)};</script>
<script type="module" src="/client.js"></script></body></html>`;

describe('server-side rendering (the README recipes)', () => {
  let authing, site, browser, token;

  before(async () => {
    site = await servePage();
    authing = await startAuthingEmulator({ allowedOrigins: [site.url] });
    token = await authing.signIn({ email: 'ann@example.com', phone: '13800137777', phoneCountryCode: '+86' });
    browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
  });

  after(async () => {
    await browser?.close();
    await site?.close();
    await authing?.close();
  });

  /** Loads the page signed in (the token in the app's own storage), and what the console said on the way. */
  async function hydrate() {
    const context = await browser.newContext({ locale: 'en-US' });
    context.setDefaultTimeout(TIMEOUT);
    await context.addInitScript((value) => sessionStorage.setItem('example-app.token', value), token);
    const page = await context.newPage();
    const console = [];
    page.on('console', (message) => ['warning', 'error'].includes(message.type()) && console.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => console.push(`page error: ${error.message}`));
    const profiles = (await authing.client.requests()).length;
    await page.goto(site.url);
    // The widget shows the signed-in user's number: the token arrived, as a property, in the browser.
    await page.locator('authing-phone-manager').getByText('+86 138****7777').waitFor();
    const loaded = (await authing.client.requests()).slice(profiles).filter((r) => r.path === '/api/v3/get-profile');
    assert.deepEqual(
      loaded.map((r) => [r.statusCode, r.authorized, r.origin]),
      [[200, true, site.url]],
    );
    const dom = await page.content();
    const base = await page.locator('authing-phone-manager').evaluate((el) => [el.hasAttribute('theme'), el.theme]);
    await context.close();
    return { console, dom, base };
  }

  it('Next.js (app router): the React wrapper renders no token, and the page hydrates without a warning', async () => {
    // Even if the server had the token at hand, the wrapper keeps it out of the markup.
    const props = { appHost: authing.url, appId: APP_ID };
    const withToken = renderReact(createElement(ReactPage.PhoneSettings, { ...props, accessToken: token }));
    assert.ok(!withToken.includes(token), withToken);
    const html = renderReact(createElement(ReactPage.AccountPage, props));
    assert.match(html, /<authing-phone-manager><\/authing-phone-manager>/);
    site.page.html = document(html, props);
    site.page.script = await bundle('react-client.js');
    assert.ok(!site.page.html.includes(token));

    const { console, dom, base } = await hydrate();
    assert.deepEqual(console, []);
    assert.ok(!dom.includes(token), 'no token in the DOM after hydration');
    assert.deepEqual(base, [false, 'dark'], 'theme set, not reflected');
  });

  it('Nuxt: attributes in the markup, the token set once mounted; the page hydrates without a warning', async () => {
    const props = { appHost: authing.url, appId: APP_ID };
    const app = createSSRApp(VuePage.AccountPage, props);
    app.config.compilerOptions.isCustomElement = VuePage.isCustomElement;
    const html = await renderVue(app);
    assert.match(html, /<authing-phone-manager app-host="[^"]+" app-id="ssr-app" theme="dark"><\/authing-phone-manager>/);
    site.page.html = document(html, props);
    site.page.script = await bundle('vue-client.js');
    assert.ok(!site.page.html.includes(token));

    const { console, dom } = await hydrate();
    assert.deepEqual(console, []);
    assert.ok(!dom.includes(token), 'no token in the DOM after hydration');
  });

  it('the check sees a leak: Vue renders a token bound with .prop into the HTML (why the recipe sets it once mounted)', async () => {
    const app = createSSRApp({
      setup: () => ({ token }),
      template: '<authing-phone-manager .accessToken="token"></authing-phone-manager>',
    });
    app.config.compilerOptions.isCustomElement = VuePage.isCustomElement;
    assert.ok((await renderVue(app)).includes(token));
  });
});
