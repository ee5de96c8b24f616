// Every catalog at once, for tests and tools. The element does not import this module: it reads
// the registry (registry.ts), which carries zh-CN and loads the others when a widget needs them.
import { importTranslation } from './load.js';
import type { Lang, Messages } from '../i18n/messages.js';
import { DEFAULT_LANG, LANGS } from './registry.js';
import zhCN from '../translations/zh-CN.js';

export type { Lang, Messages } from '../i18n/messages.js';
export { DEFAULT_LANG, LANGS, resolveLang } from './registry.js';

export const CATALOGS: Readonly<Record<Lang, Messages>> = Object.fromEntries(
  await Promise.all(LANGS.map(async (lang) => [lang, lang === DEFAULT_LANG ? zhCN : await importTranslation(lang)] as const)),
);

/** One language's catalog; a language with no file is a mistake in the test, said at once. */
export function catalog(lang: Lang): Messages {
  const messages = CATALOGS[lang];
  if (!messages) throw new Error(`No catalog for ${lang}: src/translations has ${LANGS.join(', ')}`);
  return messages;
}
