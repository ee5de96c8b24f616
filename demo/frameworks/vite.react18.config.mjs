// `npx vite --config demo/frameworks/vite.react18.config.mjs`: the demo server of vite.config.ts
// (same root demo/, same Authing emulator), with every `react` and `react-dom` import, the
// wrapper's in src/react.ts included, resolved to the React 18 that npm installs in
// test/package/frameworks/react18 (an npm workspace). Open /frameworks/react18.html.
//
// `npm start` starts this server itself the first time its React 18 link is opened, and redirects
// there: its own React 19 page and src/react.ts share one module graph, and src/react.ts can only have
// one React.
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vite';
import demoConfig from '../../vite.config.ts';

const react18 = fileURLToPath(new URL('../../test/package/frameworks/react18/node_modules/', import.meta.url));

export default defineConfig((env) =>
  mergeConfig(typeof demoConfig === 'function' ? demoConfig(env) : demoConfig, {
    resolve: { alias: [{ find: /^(react|react-dom)(\/.*)?$/, replacement: `${react18}$1$2` }] },
    // Its own optimizer cache, so React 18 and the React 19 of `npm start` never mix.
    cacheDir: fileURLToPath(new URL('../../node_modules/.vite-react18', import.meta.url)),
  }),
);
