// `npm start`: the demo's dev server plugins: an Authing emulator beside it, the CDN files built from
// src/, and the React 18 page's own server (react18.ts).
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Plugin, ViteDevServer } from 'vite';
import { startEmulator, type RunningEmulator } from '../emulator/index.js';
import { CDN_FILE } from './cdn.ts';

/** What the page reads from `/demo-config.json`. */
export interface DemoConfig {
  /** Base URL of the emulator, e.g. `http://127.0.0.1:8787`: the widget's `app-host`. */
  emulatorUrl: string;
}

const DEFAULT_EMULATOR_PORT = 8787;
const DEMO_CONFIG_PATH = '/demo-config.json';

/**
 * Starts the Authing emulator next to the dev server, on a port of its own, so the widget's calls are
 * cross-origin as they are against real Authing.
 *
 * - Port: `EMULATOR_PORT` (default 8787); when that port is taken, any free port.
 * - CORS: it allows the dev server's own origin (both `127.0.0.1` and `localhost` spellings of its port), as
 *   a pool's 安全域 lists the app's origin; no other origin.
 * - It starts once the dev server listens (so on a restart the old emulator has already let go of the
 *   port) and stops in the `closeServer` hook (close and restart).
 * - The page learns its URL from `GET /demo-config.json` (see {@link DemoConfig}).
 * - emulator/ is a dependency of this config, so Vite restarts (fresh emulator state) when it changes.
 */
export function emulatorPlugin(): Plugin {
  let running: Promise<RunningEmulator> | undefined;

  const start = (server: ViteDevServer): Promise<RunningEmulator> => {
    running ??= startOnPreferredPort(server).then((emulator) => {
      server.config.logger.info(`  \u279c  Authing emulator: ${emulator.url}  (SMS codes show in the demo's phone panel)`);
      return emulator;
    });
    running.catch((error: unknown) => {
      server.config.logger.error(`Authing emulator failed to start: ${error instanceof Error ? error.message : String(error)}`);
    });
    return running;
  };

  return {
    name: 'authing-phone-manager:demo-emulator',
    apply: 'serve',
    configureServer(server) {
      if (server.httpServer) server.httpServer.once('listening', () => void start(server));
      else void start(server); // middleware mode: no listening event to wait for

      server.middlewares.use(DEMO_CONFIG_PATH, (req, res, next) => {
        if (req.method !== 'GET' && req.method !== 'HEAD') return next();
        start(server).then(
          (emulator) => {
            const body: DemoConfig = { emulatorUrl: emulator.url };
            res.setHeader('Content-Type', 'application/json; charset=utf-8');
            res.setHeader('Cache-Control', 'no-store');
            res.end(JSON.stringify(body));
          },
          (error: unknown) => {
            res.statusCode = 503;
            res.setHeader('Content-Type', 'application/json; charset=utf-8');
            res.end(JSON.stringify({ error: `emulator not running: ${error instanceof Error ? error.message : String(error)}` }));
          },
        );
      });
    },
    async closeServer() {
      const current = running;
      running = undefined;
      if (current)
        await current.then(
          (emulator) => emulator.close(),
          () => undefined,
        );
    },
  };
}

/**
 * Serves the two CDN files at `/cdn/` for demo/frameworks/cdn-*.html, built from src/ (`vite build --mode
 * cdn`, into Vite's cache folder so dist/ is left alone) on the first request after the server starts.
 */
export function cdnFilesPlugin(): Plugin {
  let built: Promise<string> | undefined;
  return {
    name: 'authing-phone-manager:demo-cdn-files',
    apply: 'serve',
    configureServer(server) {
      const outDir = fileURLToPath(new URL('../node_modules/.cache/demo-cdn', import.meta.url));
      server.middlewares.use('/cdn', (req, res, next) => {
        const name = (req.url ?? '').replace(/^\//, '').split('?')[0];
        if (!CDN_FILE.test(name)) return next();
        // In a child process: this one runs the dev server with NODE_ENV=development, which would
        // bundle lit's development build into the file.
        built ??= runCdnBuild(outDir).then(() => outDir);
        built
          .then((dir) => readFile(`${dir}/${name}`))
          .then(
            (code) => {
              res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
              res.end(code);
            },
            (error: unknown) => {
              built = undefined; // the next request tries again
              next(error);
            },
          );
      });
    },
  };
}

function runCdnBuild(outDir: string): Promise<void> {
  const vite = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));
  const env = { ...process.env };
  delete env.NODE_ENV;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [vite, 'build', '--mode', 'cdn', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
      { env, cwd: fileURLToPath(new URL('..', import.meta.url)) },
      (error, _stdout, stderr) => (error ? reject(new Error(`CDN build failed: ${stderr || error.message}`)) : resolve()),
    );
  });
}

/** The origins the demo pages load from: the dev server's address, spelled with 127.0.0.1 and localhost. */
function pageOrigins(server: ViteDevServer): string[] {
  const address = server.httpServer?.address();
  if (!address || typeof address !== 'object') return [];
  const scheme = server.config.server.https ? 'https' : 'http';
  return [`${scheme}://127.0.0.1:${address.port}`, `${scheme}://localhost:${address.port}`];
}

async function startOnPreferredPort(server: ViteDevServer): Promise<RunningEmulator> {
  const fromEnv = process.env.EMULATOR_PORT;
  const port = fromEnv === undefined || fromEnv === '' ? DEFAULT_EMULATOR_PORT : Number(fromEnv);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid EMULATOR_PORT: ${fromEnv}`);
  const emulator = await startEmulator({ port, host: '127.0.0.1', strictPort: false, allowedOrigins: pageOrigins(server) });
  if (port !== 0 && emulator.port !== port)
    server.config.logger.warn(`  Port ${port} is taken; the Authing emulator uses a free port instead.`);
  return emulator;
}
