// The catalogs the widget can show right now, and how the others arrive. zh-CN is in every build (most
// of the widget's users are in mainland China); another language is loaded the first time a widget is
// to show it, unless the app registered it up front (authing-phone-manager/translations/<lang>).
import { importTranslation } from './load.js';
import type { Lang, Messages } from './messages.js';
import { zhCN } from './zh-CN.js';

/** The language every build carries, and the one shown when another cannot load. */
export const DEFAULT_LANG: Lang = 'zh-CN';

const registered = new Map<Lang, Messages>([[DEFAULT_LANG, zhCN]]);
/** One request per language, shared by every widget that waits for it. */
const pending = new Map<Lang, Promise<boolean>>();

/** Makes `lang` available at once, with no request (what a translations/<lang> module does). */
export function registerTranslation(lang: Lang, messages: Messages): void {
  registered.set(lang, messages);
}

export const translationOf = (lang: Lang): Messages | undefined => registered.get(lang);

/** Resolves true once `lang` is registered, false when it could not load (a later call tries again). */
export function loadTranslation(lang: Lang): Promise<boolean> {
  if (registered.has(lang)) return Promise.resolve(true);
  let loading = pending.get(lang);
  if (!loading) {
    loading = importTranslation(lang).then(
      (messages) => {
        registered.set(lang, messages);
        return true;
      },
      () => {
        pending.delete(lang);
        return false;
      },
    );
    pending.set(lang, loading);
  }
  return loading;
}

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
