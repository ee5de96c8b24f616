// The Authing emulator of the test run (web-test-runner.config.mjs starts it), driven from the test page
// over real HTTP through the package's control client (emulator/client.js).
import { executeServerCommand } from '@web/test-runner-commands';
import { createEmulatorClient } from '../../emulator/client.js';

export type { FaultKind } from '../../emulator/client.js';

const { url } = await executeServerCommand<{ url: string }, void>('emulator-url');

/** The emulator's base URL: the widget's app-host in the tests. */
export const emulatorUrl = async (): Promise<string> => url;

export const emulator = createEmulatorClient(url);

/** Seeded users (see emulator/README.md). */
export const USERS = {
  noPhone: { id: 'u-no-phone', token: 'demo-token-no-phone' },
  phoneAndEmail: { id: 'u-phone-email', token: 'demo-token-phone-email', phone: '13800138000' },
  phoneOnly: { id: 'u-phone-only', token: 'demo-token-phone-only', phone: '13900139000' },
  phoneAndSocial: { id: 'u-phone-social', token: 'demo-token-phone-social', phone: '13600136000' },
  other: { id: 'u-other', token: 'demo-token-other', phone: '13700137000' },
} as const;
