// `vite build --mode cdn`: dist/cdn/authing-phone-manager.js (an ES module) and
// dist/cdn/authing-phone-manager.iife.js (a classic script, global `AuthingPhoneManager`): one file each,
// lit inside, registering the element, with zh-CN inside and every other language in a chunk beside them.
import { createHash } from 'node:crypto';
import { build as esbuild } from 'esbuild';
import type { Plugin, UserConfig } from 'vite';
import { DEFAULT_LANG, lazyLangs, projectFile, TRANSLATIONS_DIR } from './languages.ts';
import { minifyTemplates } from './minify-templates.ts';

/** The CDN build's files: the two CDN files and the language chunks beside them. */
export const CDN_FILE = /^authing-phone-manager(\.iife|\.[a-z]{2}-[A-Z]{2}\.[\w-]+)?\.js$/;

interface TranslationChunk {
  lang: string;
  fileName: string;
  code: string;
}

/**
 * Each file of src/translations but zh-CN as a standalone ES module, `authing-phone-manager.<lang>.<hash>.js`,
 * whose default export is the catalog's values in the order of zh-CN's keys (src/localize/load-cdn.ts puts
 * the keys back). Measured against a plain `export default { …catalog }` (esbuild, minified, gzip -9):
 * en-US 1,985 B, ja-JP 2,321 B, zh-TW 2,090 B with the keys; 1,413, 1,628 and 1,435 B without, so the
 * keys would put every chunk over its 1,700 B budget (scripts/size.mjs). The hash (of its bytes) in the
 * name means a CDN file, pinned by its own SRI hash, only ever asks for the chunks built with it.
 */
async function translationChunks(): Promise<TranslationChunk[]> {
  // module scripts are always UTF-8; \uXXXX escapes would triple CJK text
  const esm = { format: 'esm', target: 'es2022', legalComments: 'none', charset: 'utf8', write: false } as const;
  return Promise.all(
    lazyLangs().map(async (lang) => {
      const catalogs = await esbuild({
        ...esm,
        bundle: true,
        stdin: {
          contents: `export { default as zhCN } from './${DEFAULT_LANG}.ts'; export { default as catalog } from './${lang}.ts';`,
          resolveDir: TRANSLATIONS_DIR,
          loader: 'ts',
        },
      });
      const { zhCN, catalog } = (await import(
        `data:text/javascript;base64,${Buffer.from(catalogs.outputFiles[0].text).toString('base64')}`
      )) as { zhCN: object; catalog: object };
      const values: string[] = [];
      const walk = (shape: object, of: Record<string, unknown>) => {
        for (const [key, value] of Object.entries(shape)) {
          const own = of[key];
          if (typeof value === 'object') walk(value as object, own as Record<string, unknown>);
          else values.push(typeof own === 'function' ? String(own) : JSON.stringify(own)); // catalogs' functions use nothing but their arguments
        }
      };
      walk(zhCN, catalog as Record<string, unknown>);
      const chunk = await esbuild({ ...esm, minify: true, stdin: { contents: `export default [${values.join(',')}];`, loader: 'js' } });
      const code = chunk.outputFiles[0].text;
      const hash = createHash('sha384').update(code).digest('base64url').slice(0, 10);
      return { lang, fileName: `authing-phone-manager.${lang}.${hash}.js`, code };
    }),
  );
}

/** Puts src/localize/load-cdn.ts in place of load.ts, and writes the chunks beside the CDN files. */
function cdnTranslations(chunks: TranslationChunk[]): Plugin {
  return {
    name: 'authing-phone-manager:cdn-translations',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './load.js' && importer?.endsWith('/src/localize/registry.ts')) return projectFile('src/localize/load-cdn.ts');
      return null;
    },
    generateBundle(options) {
      if (options.format !== 'es') return; // once: both CDN files share them
      for (const chunk of chunks) this.emitFile({ type: 'asset', fileName: chunk.fileName, source: chunk.code });
    },
  };
}

/** Both CDN files export what `authing-phone-manager/define` exports. */
export async function cdnBuild(): Promise<UserConfig> {
  const chunks = await translationChunks();
  return {
    plugins: [minifyTemplates(), cdnTranslations(chunks)],
    define: { __TRANSLATION_CHUNKS__: JSON.stringify(Object.fromEntries(chunks.map((chunk) => [chunk.lang, chunk.fileName]))) },
    build: {
      outDir: 'dist/cdn',
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      lib: {
        entry: projectFile('src/define.ts'),
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
