// The Authing emulator for a Node test file: started in this process on a free port, driven over real
// HTTP through the package's control client, the same calls as the browser tests' helper (emulator.ts).
import { after } from 'node:test';
import { startEmulator } from '../../emulator/index.js';
import { createEmulatorClient } from '../../emulator/client.js';

const running = await startEmulator({ port: 0 });
after(() => running.close());

/** The emulator's base URL: the client's app host in the tests. */
export const emulatorUrl = async (): Promise<string> => running.url;

export const emulator = createEmulatorClient(running.url);

export { USERS } from './users.js';
