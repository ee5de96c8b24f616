// Headless Chromium through playwright-core, found and switched by scripts/chromium.mjs. Nothing is
// downloaded.
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';

export const PLAYWRIGHT_VERSION = createRequire(import.meta.url)('playwright-core/package.json').version;

export async function launchBrowser() {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error('No Chrome or Chromium found: install one (Debian: `apt-get install chromium`) or set CHROMIUM_BIN to its path.');
  }
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  return { browser, executablePath };
}
