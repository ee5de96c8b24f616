/**
 * The countries a new number may have and the one preselected, decided here and nowhere else
 * (docs/authing-api.md §14 "Default country comes from the pool", §15 "The widget's defaults"):
 * the host's setting, else the pool's public config (`internationalSmsConfig.defaultISOType`,
 * `internationalSmsConfig.enabled`), else Authing's own fallback, mainland China. Never the UI language.
 */
import type { PoolSettings } from './api/types.js';
import { countryOf } from './phone.js';

/** Authing's fallback country: Guard's `defaultISOType || 'CN'`, and where a new pool sends SMS. */
export const DEFAULT_COUNTRY = 'CN';

export interface CountryChoice {
  /** ISO code preselected for a new number: always one the user may pick. */
  defaultCountry: string;
  /** ISO codes a new number may have; undefined allows all. */
  allowedCountries?: string[];
  /** The pool's default country, offered (besides the fallback) for a number that fits it. */
  suggestedCountry?: string;
}

/**
 * The host's countries where it named known ones, else mainland China only on a pool without
 * international SMS, else all; the host's default country, else the pool's, else the fallback, moved
 * to the first allowed one when it is not allowed.
 */
export function countryChoice(
  host: { defaultCountry?: string; allowedCountries?: string[] },
  pool: Pick<PoolSettings, 'defaultCountry' | 'internationalSms'>,
): CountryChoice {
  const hostAllowed = host.allowedCountries?.map((iso) => countryOf(iso)?.iso).filter((iso): iso is string => !!iso);
  const allowed = hostAllowed?.length ? hostAllowed : pool.internationalSms === false ? [DEFAULT_COUNTRY] : undefined;
  const preferred = countryOf(host.defaultCountry || pool.defaultCountry || DEFAULT_COUNTRY)?.iso ?? DEFAULT_COUNTRY;
  return {
    allowedCountries: allowed,
    defaultCountry: !allowed || allowed.includes(preferred) ? preferred : allowed[0]!, // never empty: the host's list had a country, or CN
    suggestedCountry: pool.defaultCountry,
  };
}

/** The country of a fresh draft: the one chosen, else the fallback (before any setting is known). */
export const draftCountry = (options: { defaultCountry?: string }): string => options.defaultCountry || DEFAULT_COUNTRY;

/**
 * Countries to offer for a number that is not valid for the one picked, in order: the pool's
 * default, then mainland China, where a new pool sends SMS.
 */
export const countriesToSuggest = (options: { suggestedCountry?: string }): string[] =>
  [options.suggestedCountry, DEFAULT_COUNTRY].filter((iso): iso is string => !!iso);
