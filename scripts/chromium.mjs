// The system's Chrome or Chromium for the scripts, the bench and the example app's test (playwright-core
// drives it; nothing is downloaded), and the switches it runs with. web-test-runner.config.mjs uses the
// same switches.
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** CHROMIUM_BIN when it exists, else the first of the usual Debian/Ubuntu paths that does (or undefined). */
export function findChromium() {
  if (process.env.CHROMIUM_BIN && existsSync(process.env.CHROMIUM_BIN)) return process.env.CHROMIUM_BIN;
  return CANDIDATES.find((path) => existsSync(path));
}

/** No sandbox (CI runs as root), no GPU, no background traffic (there is no internet in CI). */
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
