// `npm start`: the React 18 page's dev server.
import { fileURLToPath } from 'node:url';
import { createServer, type Plugin, type ViteDevServer } from 'vite';

/** Set in the React 18 dev server this config starts, so it does not start another one. */
const REACT18_CHILD = 'AUTHING_PHONE_MANAGER_REACT18_SERVER';

/**
 * Under `npm start`, the React 18 page runs React 18: the demo's React 19 page and src/react.ts share
 * one module graph, which can hold one React only. So the first request for /frameworks/react18.html
 * starts a second dev server (demo/frameworks/vite.react18.config.mjs: same pages, its own emulator,
 * every react import resolved to React 18) and redirects there. It stops with this one.
 */
export function react18Plugin(): Plugin {
  let child: Promise<ViteDevServer> | undefined;
  const start = () =>
    (child ??= (async () => {
      process.env[REACT18_CHILD] = '1';
      const server = await createServer({
        configFile: fileURLToPath(new URL('../demo/frameworks/vite.react18.config.mjs', import.meta.url)),
        server: { port: 5174, strictPort: false },
        logLevel: 'warn',
      });
      await server.listen();
      return server;
    })());
  return {
    name: 'authing-phone-manager:demo-react18',
    apply: () => !process.env[REACT18_CHILD],
    configureServer(server) {
      server.middlewares.use('/frameworks/react18.html', (req, res, next) => {
        if (req.method !== 'GET' && req.method !== 'HEAD') return next();
        start().then(
          (react18) => {
            res.statusCode = 302;
            res.setHeader('Location', new URL('/frameworks/react18.html', react18.resolvedUrls?.local[0]).href);
            res.end();
          },
          (error: unknown) => {
            server.config.logger.error(`React 18 dev server failed: ${error instanceof Error ? error.message : String(error)}`);
            next(); // the page still opens, on React 19, and says so
          },
        );
      });
    },
    async closeServer() {
      const running = child;
      child = undefined;
      if (running) await (await running).close();
    },
  };
}
