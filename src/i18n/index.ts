// Every catalog at once, for tests and tools. The element does not import this module: it reads
// the registry (registry.ts), which carries zh-CN and loads the others when a widget needs them.
import { enUS } from './en-US.js';
import { jaJP } from './ja-JP.js';
import type { Lang, Messages } from './messages.js';
import { zhCN } from './zh-CN.js';
import { zhTW } from './zh-TW.js';

export type { Lang, Messages } from './messages.js';
export { DEFAULT_LANG, resolveLang } from './registry.js';

export const CATALOGS: Record<Lang, Messages> = { 'zh-CN': zhCN, 'zh-TW': zhTW, 'en-US': enUS, 'ja-JP': jaJP };
export const LANGS = Object.keys(CATALOGS) as Lang[];
