import { countries, countryOf, type Country } from '../core/phone.js';

export interface CountryOption {
  iso: string;
  /** The region's name in the UI language. */
  name: string;
  /** Calling code without the plus. */
  callingCode: string;
  /** The English name, which a search also finds. */
  english: string;
}

/** First in the list, in this order: where most of the widget's users are. */
export const COMMON_REGIONS = ['CN', 'HK', 'MO', 'TW'];

const namers = new Map<string, Intl.DisplayNames | undefined>();
/** Region names in a language, one Intl.DisplayNames per language. */
function namerOf(lang: string): Intl.DisplayNames | undefined {
  if (!namers.has(lang))
    namers.set(lang, typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames([lang], { type: 'region' }) : undefined);
  return namers.get(lang);
}

/**
 * A country as an option: its name from `names` where it has one, else the engine's. The English name
 * only when a search reads it: building an Intl.DisplayNames is the costliest thing a first render
 * would do, and the closed prefix of a common region needs none.
 */
const optionOf = (lang: string, names: Readonly<Record<string, string>>, { iso, callingCode }: Country): CountryOption => ({
  iso,
  name: names[iso] ?? namerOf(lang)?.of(iso) ?? iso,
  callingCode,
  get english() {
    return namerOf('en')?.of(iso) ?? iso;
  },
});

/** One country as an option, without building the list: what the closed prefix needs. */
export function countryOption(lang: string, names: Readonly<Record<string, string>>, iso: string): CountryOption | undefined {
  const country = countryOf(iso);
  return country && optionOf(lang, names, country);
}

/** By language, renamed regions and allowed list: pages rarely show more than one or two. */
const cache = new Map<string, CountryOption[]>();

/**
 * The country options in the UI language: the common regions first, then the rest by name. Names come
 * from `names` where it has one (the catalog's, a host's), else from Intl.DisplayNames, so no table of
 * names ships. No flags: they would come before the name and break type-ahead. Made when the list first
 * opens, never for a first render.
 */
export function countryOptions(
  lang: string,
  names: Readonly<Record<string, string>>,
  allowed: readonly string[] | undefined,
): CountryOption[] {
  const key = `${lang}|${JSON.stringify(names)}|${allowed?.join(',') ?? ''}`;
  let options = cache.get(key);
  if (!options) {
    const rank = (iso: string) => (COMMON_REGIONS.includes(iso) ? COMMON_REGIONS.indexOf(iso) : COMMON_REGIONS.length);
    // One collator for the sort: localeCompare with a locale would build one per comparison.
    const { compare } = new Intl.Collator(lang);
    options = countries()
      .filter((c) => !allowed || allowed.includes(c.iso))
      .map((c) => optionOf(lang, names, c))
      .sort((a, b) => rank(a.iso) - rank(b.iso) || compare(a.name, b.name));
    cache.set(key, options);
  }
  return options;
}

/**
 * The options a search keeps, best first: by calling code when it is digits (`+81`, `81`), else an ISO
 * code (`jp`) first, then names that start with it, then names that contain it; English names count
 * too, after the UI language's.
 */
export function searchCountries(options: readonly CountryOption[], query: string): CountryOption[] {
  const q = query.trim().toLocaleLowerCase();
  if (!q) return [...options];
  const digits = /^\+?\s*(\d+)$/.exec(q)?.[1];
  const score = (c: CountryOption): number => {
    if (digits) return c.callingCode === digits ? 0 : c.callingCode.startsWith(digits) ? 1 : -1;
    const name = c.name.toLocaleLowerCase();
    const english = c.english.toLowerCase();
    if (c.iso.toLowerCase() === q) return 0;
    if (name.startsWith(q)) return 1;
    if (name.includes(q)) return 2;
    return english.startsWith(q) ? 3 : english.includes(q) ? 4 : -1;
  };
  return options
    .map((c) => [c, score(c)] as const)
    .filter(([, s]) => s >= 0)
    .sort((a, b) => a[1] - b[1])
    .map(([c]) => c);
}
