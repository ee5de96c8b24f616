import { enUS } from './en-US.js';
import { jaJP } from './ja-JP.js';
import type { Lang, Messages } from './messages.js';
import { zhCN } from './zh-CN.js';
import { zhTW } from './zh-TW.js';

export type { Lang, Messages } from './messages.js';

export const CATALOGS: Record<Lang, Messages> = { 'zh-CN': zhCN, 'zh-TW': zhTW, 'en-US': enUS, 'ja-JP': jaJP };
export const LANGS = Object.keys(CATALOGS) as Lang[];

/**
 * Maps a BCP 47 tag to a shipped language the way Authing Guard does: Traditional Chinese
 * (zh-TW, zh-HK, zh-MO, zh-Hant) to zh-TW, other Chinese to zh-CN, en to en-US, ja to ja-JP.
 */
export function resolveLang(tag: string | null | undefined): Lang | undefined {
  const lower = tag?.trim().toLowerCase();
  if (!lower) return undefined;
  if (/^zh(-|_|$)/.test(lower)) return /(^|[-_])(tw|hk|mo|hant)($|[-_])/.test(lower) ? 'zh-TW' : 'zh-CN';
  if (/^en(-|_|$)/.test(lower)) return 'en-US';
  if (/^ja(-|_|$)/.test(lower)) return 'ja-JP';
  return undefined;
}
