// How the npm build and the sources load a catalog: a dynamic import of its file in src/translations,
// which the app's bundler turns into a chunk of its own. The files are found by Vite's import.meta.glob
// (in tests, build/import-glob.mjs expands it the same way): a language is a file, listed nowhere else.
// The CDN build puts load-cdn.ts in this module's place (build/cdn.ts).
import type { Lang, Messages } from '../i18n/messages.js';

// zh-CN is in every build (registry.ts imports it): a dynamic import of it would split nothing, and
// bundlers warn about it.
const FILES = import.meta.glob<{ default: Messages }>(['../translations/*.ts', '!../translations/zh-CN.ts']);

/** The languages loaded on demand: every file in src/translations but zh-CN. */
export const LAZY_LANGS: Lang[] = Object.keys(FILES).map((path) => path.slice(path.lastIndexOf('/') + 1, -'.ts'.length));

export const importTranslation = (lang: Lang): Promise<Messages> => FILES[`../translations/${lang}.ts`]!().then((m) => m.default);
