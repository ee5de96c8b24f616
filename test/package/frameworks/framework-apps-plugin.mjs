// A @web/test-runner plugin for the framework proofs (test/package/frameworks/*.test.ts).
//
// Each proof mounts a small app (test/package/frameworks/<name>/app.ts or app.tsx) written the way an app
// of that framework is written, and the test imports it as `./<name>/app.js`. The browser cannot
// load those apps module by module (React ships CommonJS; Vue's template compiler build expects a
// bundler's `process.env.NODE_ENV` and feature flags), so this plugin bundles each app with esbuild,
// in memory, when the test page asks for it — as the app's own bundler would:
//
// - `react`, `react-dom` and `scheduler` are resolved from the app's folder, for every importer. So
//   test/package/frameworks/react18/app.tsx gets the React 18 installed in test/package/frameworks/react18/node_modules
//   (an npm workspace), and so does src/react.ts inside that bundle: one React per app, like a
//   bundler's dedupe.
// - `vue` is the build with the template compiler (vue/dist/vue.esm-bundler.js), as Vue's docs say
//   for in-DOM / string templates.
// - Modules of src/ stay out of the bundle, as imports of /src/*.ts that the test server serves, so
//   the page has one copy of the element (the one the test helpers import too). The exception is
//   src/react.ts, which must be bundled with the app's React.
// - JSX and decorators follow tsconfig.json (`jsx: react-jsx`, `experimentalDecorators`).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// esbuild is what @web/dev-server-esbuild runs; take that copy rather than rely on hoisting.
const require = createRequire(import.meta.url);
const esbuild = createRequire(require.resolve('@web/dev-server-esbuild'))('esbuild');

const APP = /^\/test\/package\/frameworks\/([\w-]+)\/app\.js$/;
const DEDUPED = /^(react|react-dom|scheduler)(\/.*)?$/;

/** @param {{ rootDir?: string }} [options] */
export function frameworkAppsPlugin({ rootDir = process.cwd() } = {}) {
  const srcDir = path.join(rootDir, 'src');
  const keepInBundle = new Set([path.join(srcDir, 'react.ts')]);

  /** The app source behind `/test/package/frameworks/<name>/app.js`, if there is one. */
  const appSource = (urlPath) => {
    if (!APP.test(urlPath)) return undefined;
    const base = path.join(rootDir, urlPath.slice(1, -'.js'.length));
    return ['.tsx', '.ts'].map((ext) => base + ext).find((file) => existsSync(file));
  };

  /** @param {string} entry */
  async function bundle(entry) {
    const appDir = path.dirname(entry);
    const result = await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      sourcemap: 'inline',
      tsconfig: path.join(rootDir, 'tsconfig.json'),
      logLevel: 'silent',
      define: {
        'process.env.NODE_ENV': '"development"',
        __VUE_OPTIONS_API__: 'true',
        __VUE_PROD_DEVTOOLS__: 'false',
        __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
      },
      plugins: [
        {
          name: 'framework-apps',
          setup(build) {
            build.onResolve({ filter: DEDUPED }, (args) =>
              args.pluginData?.deduped
                ? undefined
                : build.resolve(args.path, { kind: args.kind, resolveDir: appDir, pluginData: { deduped: true } }),
            );
            build.onResolve({ filter: /^vue$/ }, (args) =>
              build.resolve('vue/dist/vue.esm-bundler.js', { kind: args.kind, resolveDir: args.resolveDir }),
            );
            build.onResolve({ filter: /^\./ }, (args) => {
              let file = path.resolve(args.resolveDir, args.path);
              if (!file.startsWith(srcDir + path.sep)) return undefined;
              if (file.endsWith('.js') && existsSync(file.slice(0, -3) + '.ts')) file = file.slice(0, -3) + '.ts';
              if (keepInBundle.has(file)) return undefined;
              return { path: '/' + path.relative(rootDir, file).split(path.sep).join('/'), external: true };
            });
          },
        },
      ],
    });
    return result.outputFiles[0].text;
  }

  return {
    name: 'framework-apps',
    resolveImport({ source, context }) {
      // Keep `./<name>/app.js` as it is (the file is app.tsx or app.ts): served below.
      if (!source.startsWith('.') || !source.endsWith('/app.js')) return undefined;
      const url = new URL(source, new URL(context.path, 'http://localhost')).pathname;
      return appSource(url) ? source : undefined;
    },
    async serve(context) {
      const entry = appSource(context.path);
      if (!entry) return undefined;
      return { body: await bundle(entry), type: 'js', transformCache: false };
    },
  };
}
