import { countries, flagOf } from '../core/phone.js';

export interface CountryOption {
  iso: string;
  label: string;
}

/** By language and allowed list: pages rarely show more than one or two. */
const cache = new Map<string, CountryOption[]>();

/**
 * The country options in the UI language, sorted by name: names from Intl.DisplayNames and flags
 * as emoji, so no tables ship. Built once per language and list of allowed countries.
 */
export function countryOptions(lang: string, allowed: readonly string[] | undefined): CountryOption[] {
  const key = `${lang}|${allowed?.join(',') ?? ''}`;
  let options = cache.get(key);
  if (!options) {
    const names = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames([lang], { type: 'region' }) : undefined;
    options = countries()
      .filter((c) => !allowed || allowed.includes(c.iso))
      .map((c) => ({ iso: c.iso, name: names?.of(c.iso) ?? c.iso, callingCode: c.callingCode }))
      .sort((a, b) => a.name.localeCompare(b.name, lang))
      .map((c) => ({ iso: c.iso, label: `${flagOf(c.iso)} ${c.name} +${c.callingCode}` }));
    cache.set(key, options);
  }
  return options;
}
