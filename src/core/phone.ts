/** Pure helpers for phone numbers and SMS codes: countries, normalising what people type, checking, masking. */
import { PHONE_METADATA } from './phone-metadata.js';

/**
 * SMS code lengths: a pool's codes are `min`–`max` digits. Without a configured length the `usual`
 * one (Authing's default) sizes the code field and picks the code out of a pasted SMS; nothing
 * submits itself then (src/core/flow/steps.ts).
 */
export const CODE_LENGTH = { min: 4, max: 8, usual: 6 } as const;

export interface PhoneNumber {
  /** National number, digits only, as Authing stores it in `phone`. */
  phoneNumber: string;
  /** Calling code with a plus, as Authing expects in `phoneCountryCode`. */
  phoneCountryCode: string;
}

export interface Country {
  /** ISO 3166-1 alpha-2, e.g. `CN`. */
  iso: string;
  /** Calling code without the plus, e.g. `86`. */
  callingCode: string;
  /** Possible lengths of a national mobile number. */
  lengths: number[];
}

let parsed: Country[] | undefined;

/** Every country with a calling code; within a calling code the main country comes first. */
export function countries(): readonly Country[] {
  if (!parsed) {
    // The table's format: scripts/generate-phone-metadata.mjs.
    let code = 0;
    parsed = PHONE_METADATA.split('|').flatMap((group) => {
      const [, isos, delta, lengths] = /^([A-Z]+)(\d+):(\w+)$/.exec(group)!;
      const callingCode = String((code += Number(delta)));
      return isos!.match(/../g)!.map((iso) => ({ iso, callingCode, lengths: [...lengths!].map((n) => parseInt(n, 36)) }));
    });
  }
  return parsed;
}

export const countryOf = (iso: string): Country | undefined => {
  const upper = iso.trim().toUpperCase();
  return countries().find((c) => c.iso === upper);
};

// Mainland China mobiles are checked precisely: 11 digits, 13x–19x (Guard's rule).
const CN_MOBILE = /^1[3-9]\d{9}$/;
/**
 * +1 (the US, Canada and the rest of the North American plan): area code and exchange never start with
 * 0 or 1. Without it a mainland number typed under +1 ("13800138000") would read as +1 380 013 8000.
 */
const NANP = /^[2-9]\d{2}[2-9]\d{6}$/;

/** Full-width digits (０-９) and plus (＋) to ASCII; drops spaces, dashes, dots and brackets. */
export function toAsciiDigits(value: string): string {
  return value
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\uFF0B/g, '+')
    .replace(/[\s().\-\u2010-\u2015\u00a0\u3000]/g, '');
}

const INTERNATIONAL = /^(\+|00)/;

/** Zero-width characters and bidi marks that copying from a page or a chat app leaves in a number. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * A number as people paste it, down to digits and a leading plus: `tel:+86-139…`, `+86 (0) 139…`
 * (the trunk 0 some write in brackets), invisible marks from copy-paste, full-width digits.
 */
export function cleanPhone(value: string): string {
  return toAsciiDigits(
    value
      .replace(INVISIBLE, '')
      .trim()
      // A link's scheme ("tel:+86-139…"), not a label ("Tel: 138…", which stays refused).
      .replace(/^(tel|callto|sms):(?=[+\d\uff0b\uff10-\uff19])/i, '')
      .replace(/\(\s*0\s*\)/g, ''),
  );
}

/**
 * The country an international number (`+44…`, `0044…`) names; prefers `current` when it shares
 * the calling code (+1 is the US and Canada and more). Undefined for a national number.
 */
export function detectCountry(value: string, current: string): Country | undefined {
  const digits = cleanPhone(value);
  if (!INTERNATIONAL.test(digits)) return undefined;
  const rest = digits.replace(INTERNATIONAL, '');
  const here = countryOf(current);
  if (here && rest.startsWith(here.callingCode)) return here;
  // Calling codes are prefix-free, so at most one length of prefix matches.
  return countries().find((c) => rest.startsWith(c.callingCode));
}

/**
 * Reads a typed, pasted or autofilled number for the selected country: `+86 138-0013-8000`,
 * `0086 13800138000`, full-width digits, a national trunk `0`. Undefined when it cannot be a
 * mobile number of that country (or of the country its international prefix names).
 */
export function parsePhone(value: string, iso: string): PhoneNumber | undefined {
  const digits = cleanPhone(value);
  let country = countryOf(iso);
  let national = digits;
  if (INTERNATIONAL.test(digits)) {
    country = detectCountry(digits, iso);
    if (!country) return undefined;
    national = digits.replace(INTERNATIONAL, '').slice(country.callingCode.length);
  }
  if (!country || !/^\d+$/.test(national)) return undefined;
  const phoneCountryCode = `+${country.callingCode}`;
  const valid = (candidate: string) =>
    country.iso === 'CN'
      ? CN_MOBILE.test(candidate)
      : country.lengths.includes(candidate.length) && (country.callingCode !== '1' || NANP.test(candidate));
  // As typed; else without a national trunk 0 (UK 07911…, "+86 0139…"); else without the country's
  // calling code written without its plus ("86 139…", "8613912340051", "1 415 555 2671" for +1).
  // (Only without a plus: "+1 13800138000" is not a US number.)
  const calling = !INTERNATIONAL.test(digits) && national.startsWith(country.callingCode) ? national.slice(country.callingCode.length) : '';
  const candidates = [national, national.replace(/^0/, ''), calling.replace(/^0/, '')];
  const found = candidates.find((candidate) => candidate && valid(candidate));
  return found ? { phoneNumber: found, phoneCountryCode } : undefined;
}

/**
 * The code in a pasted SMS: "【Authing】您的验证码是 311973，5 分钟内有效" gives 311973. Runs of digits
 * (a space inside a run is kept: "311 973"; any other character ends it) of the code's length, or of
 * 4–8 digits when it is not known, preferring the usual length; a sender's number ("【12306】") or a
 * date ("2026-12-07") is passed over when a better run is there. Undefined when no run fits.
 */
export function codeInText(text: string, length?: number): string | undefined {
  const ascii = toAsciiDigitsOnly(text);
  // The words an SMS puts before its code: a run after them is the code rather than a date or a sender.
  const keyword = CODE_WORDS.exec(ascii);
  const after = keyword ? keyword.index + keyword[0].length : 0;
  const runs = [...ascii.matchAll(/\d+(?: \d+)*/g)].map((match) => ({ digits: match[0].replace(/ /g, ''), at: match.index }));
  const fits = runs.filter(({ digits }) =>
    length ? digits.length === length : digits.length >= CODE_LENGTH.min && digits.length <= CODE_LENGTH.max,
  );
  const preferred = [...fits.filter(({ at }) => at >= after), ...fits];
  return (preferred.find(({ digits }) => digits.length === (length ?? CODE_LENGTH.usual)) ?? preferred[0])?.digits;
}

const CODE_WORDS = /验证码|驗證碼|校验码|動態碼|认证码|認証コード|確認コード|コード|code/i;

/** Full-width digits to ASCII, nothing dropped. */
const toAsciiDigitsOnly = (value: string): string =>
  value.replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[\u3000\u00a0]/g, ' ');

/** Normalises an SMS code (full-width digits, spaces); undefined unless it has the expected length. */
export function parseCode(value: string, length?: number): string | undefined {
  const code = toAsciiDigits(value);
  if (!/^\d+$/.test(code)) return undefined;
  if (length ? code.length !== length : code.length < CODE_LENGTH.min || code.length > CODE_LENGTH.max) return undefined;
  return code;
}

/** Just the number of something that carries one (a request's input): nothing else of it is kept. */
export const numberOf = ({ phoneNumber, phoneCountryCode }: PhoneNumber): PhoneNumber => ({ phoneNumber, phoneCountryCode });

/** `+86 138****8000`: enough for the user to recognise their number, not enough to read it off a screen. */
export function maskPhone({ phoneNumber, phoneCountryCode }: PhoneNumber): string {
  const masked =
    phoneNumber.length >= 7 ? `${phoneNumber.slice(0, 3)}****${phoneNumber.slice(-4)}` : phoneNumber.replace(/\d(?=\d{2})/g, '*');
  return `${phoneCountryCode} ${masked}`;
}

export const samePhone = (a: PhoneNumber | undefined, b: PhoneNumber | undefined): boolean =>
  !!a && !!b && a.phoneNumber === b.phoneNumber && a.phoneCountryCode === b.phoneCountryCode;
