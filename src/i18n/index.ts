import { enUS } from './en-US.js';
import type { Lang, Messages } from './messages.js';
import { zhCN } from './zh-CN.js';

export type { Lang, Messages } from './messages.js';

export const CATALOGS: Record<Lang, Messages> = { 'zh-CN': zhCN, 'en-US': enUS };
export const LANGS = Object.keys(CATALOGS) as Lang[];

/** Maps any BCP 47 tag to a shipped language the way Authing Guard does; unknown → en-US. */
export function resolveLang(tag: string | null | undefined): Lang | undefined {
  if (!tag) return undefined;
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('en')) return 'en-US';
  return undefined;
}
