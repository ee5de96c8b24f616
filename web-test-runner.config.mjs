// Browser tests: headless Chromium from Debian (nothing is downloaded), talking over real HTTP to
// an Authing emulator on its own port, i.e. from another origin, as the widget talks to Authing.
import { readFile } from 'node:fs/promises';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { startEmulator } from './emulator/index.js';
import { frameworkAppsPlugin } from './test/frameworks/framework-apps-plugin.mjs';

const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
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

/** Starts the emulator with the test server and tells the browser where it is. */
function emulatorPlugin() {
  let running;
  return {
    name: 'authing-emulator',
    async serverStart() {
      running = await startEmulator({ port: 0, host: '127.0.0.1' });
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
 * Serves the security pages under /test/hardening/csp/ with a Content-Security-Policy response
 * header (a header, not a meta tag: it covers everything, including Trusted Types and reporting).
 * `?policy=csp` (default): default-src 'self'; script-src 'self'; style-src 'self'; connect-src the emulator.
 * `?policy=tt`: the same, plus Trusted Types enforced with only Lit's `lit-html` policy allowed.
 */
function cspPagesPlugin() {
  return {
    name: 'csp-pages',
    transform(context) {
      if (!/^\/test\/hardening\/csp\/[\w-]+\.html$/.test(context.path)) return undefined;
      const strict = `default-src 'self'; script-src 'self'; style-src 'self'; connect-src ${emulatorOrigin}`;
      const policy = context.URL.searchParams.get('policy') === 'tt' ? `${strict}; require-trusted-types-for 'script'; trusted-types lit-html` : strict;
      return { headers: { 'content-security-policy': policy }, transformCache: false };
    },
  };
}

/**
 * Serves the CDN files byte for byte, as a CDN does: the plugins' transforms (esbuild re-prints every
 * .js file it serves) would change them, and with them their SRI hashes. A middleware that answers
 * without calling next() runs before those transforms.
 */
async function cdnFilesAsBuilt(context, next) {
  const match = /^\/dist\/cdn\/(authing-phone-manager(?:\.iife)?\.js)$/.exec(context.path);
  if (!match) return next();
  try {
    context.body = await readFile(new URL(`./dist/cdn/${match[1]}`, import.meta.url));
  } catch {
    context.status = 404;
    return undefined;
  }
  context.type = 'text/javascript';
  context.set('cache-control', 'no-store');
  return undefined;
}

export default {
  // test/core/ runs in Node (scripts/test.mjs).
  files: process.env.WTR_FILES ? process.env.WTR_FILES.split(',') : ['test/**/*.test.ts', '!test/core/**'],
  nodeResolve: true,
  middleware: [cdnFilesAsBuilt],
  // The emulator's state is shared, so test files run one after another.
  concurrency: 1,
  browsers: [playwrightLauncher({ product: 'chromium', launchOptions: { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS } })],
  plugins: [
    // First: bundles test/frameworks/<name>/app.ts(x) for the React, Vue and Angular proofs (see the file).
    frameworkAppsPlugin(),
    // tsconfig must be passed, or esbuild ignores experimentalDecorators and Lit throws at import.
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    emulatorPlugin(),
    cspPagesPlugin(),
  ],
  testFramework: { config: { timeout: 10000 } },
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
};
