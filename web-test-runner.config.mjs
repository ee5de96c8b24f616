// Browser tests in one engine per run: Chromium (default), Firefox ESR or WebKit (MiniBrowser), chosen by
// WTR_ENGINE=chromium|firefox|webkit; all three from Debian's packages (see scripts/engines.mjs; nothing
// is downloaded). `npm test` runs every engine it has, one after another. The tests talk over real HTTP
// to an Authing emulator on its own port, i.e. from another origin, as the widget talks to Authing.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import puppeteer from 'puppeteer-core';
import { expandImportGlob } from './build/import-glob.mjs';
import { startEmulator } from './emulator/index.js';
import {
  acceptChords,
  ENGINE_NAMES,
  findEngine,
  installHint,
  keyActions,
  startWebKitDriver,
  webkitCapabilities,
} from './scripts/engines.mjs';
import { frameworkAppsPlugin } from './test/package/frameworks/framework-apps-plugin.mjs';

const ENGINE = process.env.WTR_ENGINE || 'chromium';
if (!ENGINE_NAMES.includes(ENGINE)) throw new Error(`WTR_ENGINE=${ENGINE}: expected one of ${ENGINE_NAMES.join(', ')}`);
const found = findEngine(ENGINE);
if (!found.ok) throw new Error(installHint(ENGINE));

const CHROMIUM_ARGS = [
  '--no-sandbox', // CI runs as root
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking', // no internet here: keep Chromium from reaching for Google
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** The viewport every engine gets: Playwright's and puppeteer's default. */
const VIEWPORT = { width: 800, height: 600 };

/**
 * WebKit: MiniBrowser through WebKitWebDriver, which this launcher starts (on a free port, with its own
 * virtual display) and stops. Keys go as one action sequence with a keyDown/keyUp pair per key: the
 * stock launcher's keys() presses all down, then all up, and WebKitWebDriver drops a key pressed again
 * while down (13800135555 arrived as 1380135).
 */
class WebKitLauncher extends WebdriverLauncher {
  constructor(paths) {
    super({ capabilities: webkitCapabilities(paths.browser), logLevel: 'error' });
    this.paths = paths;
  }

  async initialize(config, testFiles) {
    await super.initialize(config, testFiles);
    this.name = 'WebKit';
  }

  async createDriverManager() {
    this.webkit = await startWebKitDriver(this.paths);
    Object.assign(this.options, { hostname: this.webkit.hostname, port: this.webkit.port, path: this.webkit.path });
    const manager = await super.createDriverManager();
    // The window's size is what WebDriver sets; make its viewport the other engines' (MiniBrowser's window
    // cannot be narrower than 447 px).
    const rect = await this.driver.getWindowRect();
    const [innerWidth, innerHeight] = await this.driver.execute(() => [window.innerWidth, window.innerHeight]);
    await this.driver.setWindowRect(0, 0, VIEWPORT.width + rect.width - innerWidth, VIEWPORT.height + rect.height - innerHeight);
    return manager;
  }

  async stop() {
    await super.stop();
    await this.webkit?.stop();
    this.webkit = undefined;
  }

  sendKeys(_sessionId, keys) {
    return this.driver.performActions(keyActions(keys));
  }
}

function launcher() {
  if (ENGINE === 'firefox') {
    return chromeLauncher({
      puppeteer,
      launchOptions: { browser: 'firefox', executablePath: found.paths.browser, headless: true },
      // puppeteer rejects Playwright's chords (Control+a) that the tests press.
      createPage: async ({ context }) => {
        const page = await context.newPage();
        acceptChords(page.keyboard);
        return page;
      },
    });
  }
  if (ENGINE === 'webkit') return new WebKitLauncher(found.paths);
  return playwrightLauncher({
    product: 'chromium',
    launchOptions: { executablePath: found.paths.browser, headless: true, args: CHROMIUM_ARGS },
  });
}

/**
 * Starts the emulator with the test server and tells the browser where it is. The test pages' origin (the
 * test server's) is the one origin its CORS allows, as a pool's 安全域 would list the app's.
 */
function emulatorPlugin() {
  let running;
  return {
    name: 'authing-emulator',
    async serverStart({ config }) {
      const pages = `${config.protocol ?? 'http:'}//${config.hostname ?? 'localhost'}:${config.port}`;
      running = await startEmulator({ port: 0, host: '127.0.0.1', allowedOrigins: [pages] });
      emulatorOrigin = new URL(running.url).origin;
    },
    async serverStop() {
      await running?.close();
    },
    executeCommand({ command }) {
      if (command === 'emulator-url') return { url: running.url };
      return undefined;
    },
  };
}

/** The emulator's origin once it runs: the only `connect-src` of the CSP pages below. */
let emulatorOrigin = '';

/**
 * Serves the security pages under /test/element/hardening/csp/ with a Content-Security-Policy response
 * header (a header, not a meta tag: it covers everything, including Trusted Types and reporting).
 * `?policy=csp` (default): default-src 'self'; script-src 'self'; style-src 'self'; connect-src the emulator.
 * `?policy=tt`: the same, plus Trusted Types enforced with only Lit's `lit-html` policy allowed.
 */
function cspPagesPlugin() {
  return {
    name: 'csp-pages',
    transform(context) {
      if (!/^\/test\/element\/hardening\/csp\/[\w-]+\.html$/.test(context.path)) return undefined;
      const strict = `default-src 'self'; script-src 'self'; style-src 'self'; connect-src ${emulatorOrigin}`;
      const policy =
        context.URL.searchParams.get('policy') === 'tt' ? `${strict}; require-trusted-types-for 'script'; trusted-types lit-html` : strict;
      return { headers: { 'content-security-policy': policy }, transformCache: false };
    },
  };
}

/**
 * Serves the CDN files and their language chunks byte for byte, as a CDN does: the plugins' transforms
 * (esbuild re-prints every .js file it serves) would change them, and with them their SRI hashes. A
 * middleware that answers without calling next() runs before those transforms. Under
 * /dist/cdn-lost-chunks/ the two CDN files are served and their chunks are not (404): a CDN that lost them.
 */
async function cdnFilesAsBuilt(context, next) {
  const match = /^\/dist\/(cdn|cdn-lost-chunks)\/(authing-phone-manager(?:\.iife|\.[a-z]{2}-[A-Z]{2}\.[\w-]+)?\.js)$/.exec(context.path);
  if (!match) return next();
  const [, folder, file] = match;
  try {
    if (folder === 'cdn-lost-chunks' && !/^authing-phone-manager(\.iife)?\.js$/.test(file)) throw new Error('lost');
    context.body = await readFile(new URL(`./dist/cdn/${file}`, import.meta.url));
  } catch {
    context.status = 404;
    return undefined;
  }
  context.type = 'text/javascript';
  context.set('cache-control', 'no-store');
  return undefined;
}

/** import.meta.glob in src/, expanded as Vite does (src/localize/load.ts finds the languages with it). */
function importGlobPlugin() {
  return {
    name: 'import-meta-glob',
    transform(context) {
      if (!context.path.startsWith('/src/') || typeof context.body !== 'string' || !context.body.includes('import.meta.glob'))
        return undefined;
      return { body: expandImportGlob(context.body, fileURLToPath(new URL(`.${context.path}`, import.meta.url))) };
    },
  };
}

export default {
  // test/core/ runs in Node (scripts/test.mjs).
  files: process.env.WTR_FILES ? process.env.WTR_FILES.split(',') : ['test/**/*.test.ts', '!test/core/**'],
  nodeResolve: true,
  middleware: [cdnFilesAsBuilt],
  // The emulator's state is shared, so test files run one after another, in one browser.
  concurrency: 1,
  concurrentBrowsers: 1,
  browsers: [launcher()],
  plugins: [
    // First: bundles test/package/frameworks/<name>/app.ts(x) for the React, Vue and Angular proofs (see the file).
    frameworkAppsPlugin(),
    // tsconfig must be passed, or esbuild ignores experimentalDecorators and Lit throws at import.
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    importGlobPlugin(),
    emulatorPlugin(),
    cspPagesPlugin(),
  ],
  testFramework: { config: { timeout: 10000 } },
  // A file's limit (120 s by default) is for a file that hangs: the fault matrix takes 30 s alone, and
  // several times that on a loaded machine. A test that hangs still fails at its own 10 s.
  testsFinishTimeout: 600_000,
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
};
