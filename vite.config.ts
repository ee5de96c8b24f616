// Vite config for the whole project.
//
//   npm start (vite)   the demo in demo/, with an Authing emulator on its own port (see emulatorPlugin below)
//   vite build         the npm build: ES modules in dist/, lit, @lit/* and react left to the user's bundler
//   vite build --mode cdn   the two single-file CDN builds in dist/cdn/, everything inside
//
// Type declarations come from tsc (tsconfig.build.json) and the manifest from the CEM analyzer: see
// package.json's build script.
//
// TypeScript: Vite 8 (Oxc) reads tsconfig.json by itself, so `experimentalDecorators` and
// `useDefineForClassFields: false` apply to src/ without anything here.
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { build as esbuild } from 'esbuild';
import ts from 'typescript';
import { createServer, defineConfig, type Plugin, type UserConfig, type ViteDevServer } from 'vite';
import { startEmulator, type RunningEmulator } from './emulator/index.js';

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
function cdnFilesPlugin(): Plugin {
  let built: Promise<string> | undefined;
  return {
    name: 'authing-phone-manager:demo-cdn-files',
    apply: 'serve',
    configureServer(server) {
      const outDir = fileURLToPath(new URL('./node_modules/.cache/demo-cdn', import.meta.url));
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
  const vite = fileURLToPath(new URL('./node_modules/vite/bin/vite.js', import.meta.url));
  const env = { ...process.env };
  delete env.NODE_ENV;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [vite, 'build', '--mode', 'cdn', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
      { env, cwd: fileURLToPath(new URL('.', import.meta.url)) },
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

export default defineConfig(({ command, mode }): UserConfig | Promise<UserConfig> => {
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
      plugins: [emulatorPlugin(), cdnFilesPlugin(), react18Plugin()],
    };
  }

  return mode === 'cdn' ? cdnBuild() : npmBuild();
});

/** Set in the React 18 dev server this config starts, so it does not start another one. */
const REACT18_CHILD = 'AUTHING_PHONE_MANAGER_REACT18_SERVER';

/**
 * Under `npm start`, the React 18 page runs React 18: the demo's React 19 page and src/react.ts share
 * one module graph, which can hold one React only. So the first request for /frameworks/react18.html
 * starts a second dev server (demo/frameworks/vite.react18.config.mjs: same pages, its own emulator,
 * every react import resolved to React 18) and redirects there. It stops with this one.
 */
function react18Plugin(): Plugin {
  let child: Promise<ViteDevServer> | undefined;
  const start = () =>
    (child ??= (async () => {
      process.env[REACT18_CHILD] = '1';
      const server = await createServer({
        configFile: fileURLToPath(new URL('./demo/frameworks/vite.react18.config.mjs', import.meta.url)),
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

/**
 * Collapses the whitespace and comments inside the css`…` templates of src/: the minifier leaves
 * template text alone. Only the static parts change, never a `${…}` expression, and html`…` templates
 * are not touched (there, whitespace can be content). Assumes no quoted CSS string holds whitespace or
 * `{};,:` next to a space (none does).
 */
function minifyCssTemplates(): Plugin {
  const minify = (text: string) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/ ?([{};,]) ?/g, '$1')
      .replace(/: /g, ':')
      .replace(/;}/g, '}');
  return {
    name: 'authing-phone-manager:minify-css-templates',
    enforce: 'pre',
    transform: {
      filter: { id: /\/src\/.*\.ts$/ },
      handler(code) {
        if (!code.includes('css`')) return null;
        const out = code.replace(
          /\bcss`([^`]*)`/g,
          (_, body: string) =>
            `css\`${body
              .split(/(\$\{[^}]*\})/)
              .map((part, i) => (i % 2 ? part : minify(part)))
              .join('')
              .trim()}\``,
        );
        return { code: out, map: null };
      },
    },
  };
}

/**
 * Collapses each run of whitespace that holds a line break, in the static text of the html`…` templates
 * of src/, to one space: the indentation of the source. One space renders as the run did (no template
 * sits in a `pre` or `white-space: pre` box); `${…}` expressions are not touched. A run right beside a
 * block element's tag (div, p, section, form, ul, li: none is made inline by the styles) goes entirely:
 * a space at the start or end of a line, or between blocks, never renders, and every instance would
 * carry it as a text node. The templates are found by TypeScript's parser, not a regular expression,
 * since they nest.
 */
const BLOCK_TAG_END = /<\/?(div|p|section|form|ul|li)\b[^<>]*>$/;
const BLOCK_TAG_START = /^<\/?(div|p|section|form|ul|li)\b/;

function minifyHtmlTemplates(): Plugin {
  return {
    name: 'authing-phone-manager:minify-html-templates',
    enforce: 'pre',
    transform: {
      filter: { id: /\/src\/.*\.ts$/ },
      handler(code, id) {
        if (!code.includes('html`')) return null;
        const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
        const edits: Array<{ start: number; end: number; text: string }> = [];
        const visit = (node: ts.Node): void => {
          if (ts.isTaggedTemplateExpression(node) && node.tag.getText(source) === 'html') {
            const template = node.template;
            const parts = ts.isNoSubstitutionTemplateLiteral(template)
              ? [template]
              : [template.head, ...template.templateSpans.map((span) => span.literal)];
            // The template's text so far, an expression standing as `${}`: a tag may open in an earlier part.
            let before = '';
            for (const part of parts) {
              // Inside the delimiters: ` or } before, ` or ${ after.
              const start = part.getStart(source) + 1;
              const end = part.getEnd() - (ts.isTemplateHead(part) || ts.isTemplateMiddle(part) ? 2 : 1);
              const original = code.slice(start, end);
              const text = original.replace(/\s*\n\s*/g, (run: string, at: number) =>
                BLOCK_TAG_END.test(before + original.slice(0, at)) || BLOCK_TAG_START.test(original.slice(at + run.length)) ? '' : ' ',
              );
              if (text !== original) edits.push({ start, end, text });
              before += `${original}\${}`;
            }
          }
          ts.forEachChild(node, visit);
        };
        visit(source);
        let out = code;
        for (const { start, end, text } of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, start) + text + out.slice(end);
        return { code: out, map: null };
      },
    },
  };
}

/** The CDN build's files: the two CDN files and the language chunks beside them. */
const CDN_FILE = /^authing-phone-manager(\.iife|\.[a-z]{2}-[A-Z]{2}\.[\w-]+)?\.js$/;

/** Packages the npm build leaves to the user's bundler (lit, @lit/task, ofetch, react), so one copy of each serves the whole page. */
const EXTERNAL = [/^lit($|\/)/, /^@lit\//, /^ofetch($|\/)/, /^react($|\/)/];
const entry = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * dist/index.js (no side effects), dist/define.js (registers the element), dist/react.js (the React
 * wrapper), dist/core.js (the headless session, no Lit). Not minified: the user's bundler minifies, and readable code is easier to debug.
 */
function npmBuild(): UserConfig {
  return {
    plugins: [minifyCssTemplates(), minifyHtmlTemplates()],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      sourcemap: false,
      lib: {
        entry: {
          index: entry('./src/index.ts'),
          define: entry('./src/define.ts'),
          react: entry('./src/react.ts'),
          core: entry('./src/core/index.ts'),
          ...Object.fromEntries(LAZY_LANGS.map((lang) => [`translations/${lang}`, entry(`./src/translations/${lang}.ts`)])),
        },
        formats: ['es'],
      },
      rolldownOptions: {
        external: EXTERNAL,
        // A catalog's chunk keeps its language in its name (authing-phone-manager.en-US-[hash].js), and so
        // does the chunk an app's bundler makes of it.
        output: {
          chunkFileNames: (chunk) => `chunks/authing-phone-manager${LANG_CHUNK.test(chunk.name) ? `.${chunk.name}` : ''}-[hash].js`,
        },
      },
    },
  };
}

/** The languages outside the CDN files (zh-CN, src/i18n/registry.ts's default, is inside). */
const LAZY_LANGS = ['en-US', 'zh-TW', 'ja-JP'] as const;
/** A chunk named after a catalog (src/i18n/<lang>.ts). */
const LANG_CHUNK = /^[a-z]{2}-[A-Z]{2}$/;

interface TranslationChunk {
  lang: string;
  fileName: string;
  code: string;
}

/**
 * Each language but the default as a standalone ES module: `authing-phone-manager.<lang>.<hash>.js`,
 * whose default export is the catalog's values in the order of zh-CN's keys (src/i18n/load-cdn.ts
 * puts the keys back). The hash (of its bytes) in the name means a CDN file, pinned by its own SRI
 * hash, only ever asks for the chunks built with it.
 */
async function translationChunks(): Promise<TranslationChunk[]> {
  const esm = { format: 'esm', target: 'es2022', legalComments: 'none', write: false } as const;
  // module scripts are always UTF-8; \uXXXX escapes would triple CJK text
  const charset = 'utf8';
  return Promise.all(
    LAZY_LANGS.map(async (lang) => {
      const name = lang.replace('-', '').replace(/^../, (prefix) => prefix.toLowerCase()); // en-US -> enUS
      const catalogs = await esbuild({
        ...esm,
        charset,
        bundle: true,
        stdin: {
          contents: `export { zhCN } from './zh-CN.ts'; export { ${name} as catalog } from './${lang}.ts';`,
          resolveDir: entry('./src/i18n'),
          loader: 'ts',
        },
      });
      const { zhCN, catalog } = (await import(
        `data:text/javascript;base64,${Buffer.from(catalogs.outputFiles[0].text).toString('base64')}`
      )) as {
        zhCN: object;
        catalog: object;
      };
      const values: string[] = [];
      const walk = (shape: object, of: Record<string, unknown>) => {
        for (const [key, value] of Object.entries(shape)) {
          const own = of[key];
          if (typeof value === 'object') walk(value as object, own as Record<string, unknown>);
          else values.push(typeof own === 'function' ? String(own) : JSON.stringify(own)); // catalogs' functions use nothing but their arguments
        }
      };
      walk(zhCN, catalog as Record<string, unknown>);
      const chunk = await esbuild({
        ...esm,
        charset,
        minify: true,
        stdin: { contents: `export default [${values.join(',')}];`, loader: 'js' },
      });
      const code = chunk.outputFiles[0].text;
      const hash = createHash('sha384').update(code).digest('base64url').slice(0, 10);
      return { lang, fileName: `authing-phone-manager.${lang}.${hash}.js`, code };
    }),
  );
}

/** Puts src/i18n/load-cdn.ts in place of load.ts, and writes the chunks beside the CDN files. */
function cdnTranslations(chunks: TranslationChunk[]): Plugin {
  return {
    name: 'authing-phone-manager:cdn-translations',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './load.js' && importer?.endsWith('/src/i18n/registry.ts')) return entry('./src/i18n/load-cdn.ts');
      return null;
    },
    generateBundle(options) {
      if (options.format !== 'es') return; // once: both CDN files share them
      for (const chunk of chunks) this.emitFile({ type: 'asset', fileName: chunk.fileName, source: chunk.code });
    },
  };
}

/**
 * dist/cdn/authing-phone-manager.js (an ES module) and dist/cdn/authing-phone-manager.iife.js (a classic
 * script, global `AuthingPhoneManager`): one file each, lit inside, registering the
 * element. Both export what `authing-phone-manager/define` exports.
 */
async function cdnBuild(): Promise<UserConfig> {
  const chunks = await translationChunks();
  return {
    plugins: [minifyCssTemplates(), minifyHtmlTemplates(), cdnTranslations(chunks)],
    define: { __TRANSLATION_CHUNKS__: JSON.stringify(Object.fromEntries(chunks.map((chunk) => [chunk.lang, chunk.fileName]))) },
    build: {
      outDir: 'dist/cdn',
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      lib: {
        entry: entry('./src/define.ts'),
        name: 'AuthingPhoneManager',
        formats: ['es', 'iife'],
        fileName: (format) => (format === 'es' ? 'authing-phone-manager.js' : `authing-phone-manager.${format}.js`),
      },
      rolldownOptions: {
        // Vite keeps a library's ES output unminified (for the user's bundler); this one goes to browsers as is.
        output: { minify: true },
        // load-cdn.ts reads import.meta.url only in the ES module file; the classic one has document.currentScript.
        onLog: (level, log, handler) => (log.code === 'EMPTY_IMPORT_META' ? undefined : handler(level, log)),
      },
    },
  };
}
