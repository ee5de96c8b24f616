// The Authing emulator of the test run (web-test-runner.config.mjs starts it), driven from the test page
// over real HTTP through the package's control client (emulator/client.js).
import { executeServerCommand } from '@web/test-runner-commands';
import { createEmulatorClient } from '../../emulator/client.js';
import { COOLDOWN_STORAGE_KEY } from '../../src/core/session.js';

export type { FaultKind } from '../../emulator/client.js';

const { url } = await executeServerCommand<{ url: string }, void>('emulator-url');

/** The emulator's base URL: the widget's app-host in the tests. */
export const emulatorUrl = async (): Promise<string> => url;

export const emulator = createEmulatorClient(url);

// Each test resets the emulator, whose resend minute starts afresh: so does the page's memory of it (the
// widget keeps cooldowns in sessionStorage across reloads, which would otherwise span tests).
// Also at once: an engine that keeps one tab for every test file keeps its sessionStorage too.
const forgetCooldowns = () => sessionStorage.removeItem(COOLDOWN_STORAGE_KEY);
forgetCooldowns();
beforeEach(forgetCooldowns);
// A reset in a `before` hook runs ahead of that beforeEach: the page forgets the old minute with it.
const resetEmulator = emulator.reset;
emulator.reset = async (...args: Parameters<typeof resetEmulator>) => {
  forgetCooldowns();
  return resetEmulator(...args);
};

export { USERS } from './users.js';

/** A code of the same length that is not `code`: what a user mistypes. */
export const wrongCode = (code: string): string => (code === '000000' ? '111111' : '000000');
