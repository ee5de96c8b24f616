#!/usr/bin/env node
// Runs the Authing emulator alone (the package's bin; `npm run emulator` in this repo):
//   npx authing-phone-manager-emulator [--port 8787] [--host 127.0.0.1] [--allow-origin <origin>]... [--strict-origins] [--config file.json] [--quiet]
// On a dev machine any loopback page origin may call it (a host app's `vite dev` on whatever port works
// first time); --strict-origins (or "allowLoopbackOrigins": false in the config) allows only the listed
// origins, like a pool's 安全域.
// The port also comes from EMULATOR_PORT, the host from EMULATOR_HOST.

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startEmulator } from './index.js';

const USAGE = `Usage: authing-phone-manager-emulator [options]

Options:
  --port <n>       port to listen on (env EMULATOR_PORT, default 8787; 0 = any free port)
  --host <host>    address to listen on (env EMULATOR_HOST, default 127.0.0.1; loopback also gets [::1])
  --allow-origin <origin>
                   a page origin CORS allows, e.g. https://app.example.com (repeatable; added to
                   allowedOrigins)
  --strict-origins only the --allow-origin / allowedOrigins origins, like Authing's 安全域 (by
                   default any http(s) origin on localhost, 127.0.0.1 or [::1] is allowed too)
  --config <file>  JSON file with emulator options (codes, codeLength, verifyOldPhone, internationalSms, allowedOrigins,
                   users, ...), or a JSON array of users
  --quiet          do not print requests and SMS
  -h, --help       show this help`;

/** @param {string} text */
function fail(text) {
  console.error(`authing-emulator: ${text}\n\n${USAGE}`);
  process.exit(2);
}

/** @type {ReturnType<typeof parseArgs>['values']} */
let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      config: { type: 'string' },
      'allow-origin': { type: 'string', multiple: true },
      'strict-origins': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
  throw err;
}

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

/** @type {Record<string, unknown>} */
let fileOptions = {};
if (values.config) {
  try {
    const parsed = JSON.parse(readFileSync(String(values.config), 'utf8'));
    fileOptions = Array.isArray(parsed) ? { users: parsed } : parsed;
  } catch (err) {
    fail(`cannot read --config ${values.config}: ${err instanceof Error ? err.message : err}`);
  }
}
const { port: filePort, host: fileHost, ...emulatorOptions } = fileOptions;

// precedence: --port, EMULATOR_PORT, "port" in the --config file, 8787 (same for the host)
const portText = String(values.port ?? process.env.EMULATOR_PORT ?? filePort ?? '8787');
const port = Number(portText);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`invalid port: ${portText}`);
const host = String(values.host ?? process.env.EMULATOR_HOST ?? fileHost ?? '127.0.0.1');

const quiet = Boolean(values.quiet);
const extraOrigins = /** @type {string[] | undefined} */ (values['allow-origin']) ?? [];
if (extraOrigins.length) {
  const fromFile = emulatorOptions.allowedOrigins;
  emulatorOptions.allowedOrigins = [...(Array.isArray(fromFile) ? fromFile : []), ...extraOrigins];
}

// A dev machine's pages (any port of localhost) unless told otherwise: the first run just works.
if (values['strict-origins']) emulatorOptions.allowLoopbackOrigins = false;
else emulatorOptions.allowLoopbackOrigins ??= true;

try {
  const server = await startEmulator({
    ...emulatorOptions,
    port,
    host,
    onSms: quiet ? undefined : (sms) => console.log(`  SMS  ${sms.phoneCountryCode} ${sms.phoneNumber} [${sms.channel}]  code ${sms.code}`),
    onRequest: quiet
      ? undefined
      : (r) =>
          console.log(
            `  ${r.method.padEnd(4)} ${r.path}  -> ${r.statusCode}${r.apiCode !== undefined ? `/${r.apiCode}` : ''}` +
              `${r.fault ? ` (fault: ${r.fault})` : ''}${r.authorized ? '' : ' (no user)'}`,
          ),
  });
  console.log(`Authing emulator listening on ${server.url}`);
  if (server.localhostUrl !== server.url) console.log(`  also reachable as ${server.localhostUrl}`);
  console.log('  access tokens:');
  for (const user of server.emulator.listUsers()) {
    const phone = user.phone ? `${user.phoneCountryCode} ${user.phone}` : 'no phone';
    console.log(`    ${user.tokens.join(', ').padEnd(26)} ${user.userId} (${phone})`);
  }
  console.log(`  control API: ${server.url}/__emulator/health, /outbox, /users, /config, /faults, /clock, /requests, /reset`);
  const { allowedOrigins, allowLoopbackOrigins } = server.emulator.getConfig();
  if (allowedOrigins.length || allowLoopbackOrigins) {
    console.log(`  CORS origins: ${[...allowedOrigins, ...(allowLoopbackOrigins ? ['any loopback origin'] : [])].join(', ')}`);
  } else {
    console.log('  CORS origins: none. Browser pages need --allow-origin <their origin> (e.g. https://app.example.com)');
  }

  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (err) {
  const code = /** @type {{ code?: string }} */ (err).code;
  if (code === 'EADDRINUSE') fail(`port ${port} is already in use (try --port 0 or EMULATOR_PORT)`);
  console.error('authing-emulator: failed to start:', err);
  process.exit(1);
}
