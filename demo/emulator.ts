// Where the demo pages find the Authing emulator, and the control client they drive it with (the
// package's emulator/client.js: plain ESM, so the page imports it as it is).
import { createEmulatorClient, type EmulatorClient } from '../emulator/client.js';

const FALLBACK_EMULATOR_URL = 'http://127.0.0.1:8787';

/**
 * The emulator's base URL: `?emulator=<url>` wins; else the dev server's /demo-config.json
 * (vite.config.ts); else the emulator's default address.
 */
export async function findEmulator(): Promise<string> {
  const fromQuery = new URLSearchParams(location.search).get('emulator');
  if (fromQuery) return fromQuery.replace(/\/+$/, '');
  try {
    const response = await fetch('/demo-config.json', { cache: 'no-store' });
    if (response.ok) {
      const config = (await response.json()) as { emulatorUrl?: unknown };
      if (typeof config.emulatorUrl === 'string' && config.emulatorUrl) return config.emulatorUrl;
    }
  } catch {
    // not served by the dev server: fall back
  }
  return FALLBACK_EMULATOR_URL;
}

/** The control client of the emulator findEmulator() finds. */
export async function connectEmulator(): Promise<EmulatorClient> {
  return createEmulatorClient(await findEmulator());
}
