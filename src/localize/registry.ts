// The catalogs the widget can show right now, and how the others arrive. zh-CN is in every build (most
// of the widget's users are in mainland China); another language is loaded the first time a widget is
// to show it, unless the app registered it up front (authing-phone-manager/translations/<lang>).
import zhCN from '../translations/zh-CN.js';
import { importTranslation, LAZY_LANGS } from './load.js';
import type { Lang, Messages } from '../i18n/messages.js';

/** The language every build carries, and the one shown when another cannot load. */
export const DEFAULT_LANG: Lang = 'zh-CN';

/** Every language shipped: one per file in src/translations. */
export const LANGS: readonly Lang[] = [DEFAULT_LANG, ...LAZY_LANGS];

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
    loading = (LANGS.includes(lang) ? importTranslation(lang) : Promise.reject(new Error(`no ${lang} catalog`))).then(
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

/** A tag with its likely script and region filled in (zh-HK: zh-Hant-HK), or undefined when it is no tag. */
function likely(tag: string): Intl.Locale | undefined {
  try {
    return new Intl.Locale(tag.trim().replace(/_/g, '-')).maximize();
  } catch {
    return undefined;
  }
}

const resolved = new Map<string, Lang | undefined>();

/**
 * Maps a BCP 47 tag to a shipped language the way Authing Guard does, from the languages' names alone
 * (CLDR's likely subtags, through Intl.Locale): the same language, script and region first, then the
 * same script (zh-HK, zh-MO and zh-Hant are Traditional Chinese: zh-TW; zh-SG is Simplified: zh-CN),
 * then the same language (en-GB: en-US). The language's own likely region wins a tie (en: en-US).
 */
export function resolveLang(tag: string | null | undefined): Lang | undefined {
  if (!tag?.trim()) return undefined;
  if (resolved.has(tag)) return resolved.get(tag);
  const wanted = likely(tag);
  const candidates = wanted
    ? LANGS.map((lang) => ({ lang, locale: likely(lang)! })).filter(({ locale }) => locale.language === wanted.language)
    : [];
  const home = wanted && likely(wanted.language);
  const rank = ({ locale }: { locale: Intl.Locale }) =>
    (locale.script === wanted!.script ? 4 : 0) + (locale.region === wanted!.region ? 2 : 0) + (locale.region === home?.region ? 1 : 0);
  const best = candidates.sort((a, b) => rank(b) - rank(a))[0]?.lang;
  resolved.set(tag, best);
  return best;
}
