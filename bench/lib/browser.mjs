// Headless Chromium through playwright-core, found the way scripts/test.mjs finds it. Nothing is
// downloaded.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

export const PLAYWRIGHT_VERSION = createRequire(import.meta.url)('playwright-core/package.json').version;

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findBrowser() {
  if (process.env.CHROMIUM_BIN && existsSync(process.env.CHROMIUM_BIN)) return process.env.CHROMIUM_BIN;
  return CANDIDATES.find((path) => existsSync(path));
}

/** The same switches as web-test-runner.config.mjs: no sandbox (CI runs as root), no background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export async function launchBrowser() {
  const executablePath = findBrowser();
  if (!executablePath) {
    throw new Error('No Chrome or Chromium found: install one (Debian: `apt-get install chromium`) or set CHROMIUM_BIN to its path.');
  }
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  return { browser, executablePath };
}
