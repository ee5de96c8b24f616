// Vite config for the whole project.
//
//   npm start (vite)   the demo in demo/, with an Authing emulator on its own port (see emulatorPlugin below)
//   vite build         the library builds (not written yet: see the `build` branch at the end)
//
// TypeScript: Vite 8 (Oxc) reads tsconfig.json by itself, so `experimentalDecorators` and
// `useDefineForClassFields: false` apply to src/ without anything here.
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig, type ViteDevServer } from 'vite';
// emulator/ is plain JS (JSDoc types, no .d.ts), so TypeScript would see `any`: type the part used here.
// @ts-ignore TS7016 no declaration file for the emulator
import { startEmulator as startEmulatorUntyped } from './emulator/index.js';

interface RunningEmulator {
  /** e.g. `http://127.0.0.1:8787` */
  url: string;
  port: number;
  close(): Promise<void>;
}
const startEmulator: (options: { port: number; host: string }) => Promise<RunningEmulator> = startEmulatorUntyped;

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
 * - It starts once the dev server listens (so on a restart the old emulator has already let go of the
 *   port) and stops in the `closeServer` hook (close and restart).
 * - The page learns its URL from `GET /demo-config.json` (see {@link DemoConfig}).
 * - emulator/ is a dependency of this config, so Vite restarts (fresh emulator state) when it changes.
 */
function emulatorPlugin(): Plugin {
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
      if (current) await current.then((emulator) => emulator.close(), () => undefined);
    },
  };
}

async function startOnPreferredPort(server: ViteDevServer): Promise<RunningEmulator> {
  const fromEnv = process.env.EMULATOR_PORT;
  const port = fromEnv === undefined || fromEnv === '' ? DEFAULT_EMULATOR_PORT : Number(fromEnv);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid EMULATOR_PORT: ${fromEnv}`);
  try {
    return await startEmulator({ port, host: '127.0.0.1' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0) throw error;
    server.config.logger.warn(`  Port ${port} is taken; the Authing emulator uses a free port instead.`);
    return startEmulator({ port: 0, host: '127.0.0.1' });
  }
}

export default defineConfig(({ command, mode }): UserConfig => {
  if (command === 'serve') {
    // The demo: demo/index.html is served at "/". It imports ../src directly (Vite allows files up to
    // the project root), so edits to the element reload the page.
    return {
      root: fileURLToPath(new URL('./demo', import.meta.url)), // absolute: works from any cwd
      clearScreen: false,
      server: {
        host: '127.0.0.1',
        port: 5173,
        strictPort: false,
      },
      plugins: [emulatorPlugin()],
    };
  }

  // command === 'build': the library builds go here. package.json runs `vite build` (mode
  // 'production': the npm build) and `vite build --mode cdn` (mode 'cdn'); branch on `mode`.
  // Not implemented yet.
  void mode;
  return {
    build: {},
  };
});
