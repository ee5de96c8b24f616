// `vite build`: the npm build, ES modules in dist/ with lit, @lit/*, ofetch and react left to the user's
// bundler. Not minified: the user's bundler minifies, and readable code is easier to debug.
import type { Plugin, UserConfig } from 'vite';
import { langs, projectFile } from './languages.ts';
import { minifyTemplates } from './minify-templates.ts';

/** Packages the npm build leaves to the user's bundler, so one copy of each serves the whole page. */
const EXTERNAL = [/^lit($|\/)/, /^@lit\//, /^ofetch($|\/)/, /^react($|\/)/];
/** A chunk named after a catalog (src/translations/<lang>.ts). */
const LANG_CHUNK = /^[a-z]{2,3}(-[A-Z][a-z]{3})?-[A-Z]{2}$/;
const ENTRY = 'authing-phone-manager:translation-entry:';

/**
 * `authing-phone-manager/translations/<lang>`, for each file of src/translations: registers the
 * catalog up front (no wait, no request) and exports it. The catalog file itself stays plain data, the
 * same module the widget imports on demand.
 */
function translationEntries(): Plugin {
  return {
    name: 'authing-phone-manager:translation-entries',
    // Vite's lib mode makes an entry an absolute path: the language is what follows the prefix.
    resolveId: (source) => (source.includes(ENTRY) ? `\0${ENTRY}${source.slice(source.indexOf(ENTRY) + ENTRY.length)}` : null),
    load(id) {
      if (!id.startsWith(`\0${ENTRY}`)) return null;
      const lang = id.slice(ENTRY.length + 1);
      return [
        `import catalog from ${JSON.stringify(projectFile(`src/translations/${lang}.ts`))};`,
        `import { registerTranslation } from ${JSON.stringify(projectFile('src/localize/registry.ts'))};`,
        `registerTranslation(${JSON.stringify(lang)}, catalog);`,
        'export default catalog;',
      ].join('\n');
    },
  };
}

/**
 * dist/index.js (no side effects), dist/define.js (registers the element), dist/react.js (the React
 * wrapper), dist/core.js (the headless session, no Lit), dist/messages.js (the words, for a UI of one's
 * own), dist/translations/<lang>.js (a language registered up front).
 */
export function npmBuild(): UserConfig {
  return {
    plugins: [minifyTemplates(), translationEntries()],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      sourcemap: false,
      lib: {
        entry: {
          index: projectFile('src/index.ts'),
          define: projectFile('src/define.ts'),
          react: projectFile('src/react.ts'),
          core: projectFile('src/core/index.ts'),
          messages: projectFile('src/messages.ts'),
          ...Object.fromEntries(langs().map((lang) => [`translations/${lang}`, `${ENTRY}${lang}`])),
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
