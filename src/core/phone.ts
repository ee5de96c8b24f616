/** Pure helpers for phone numbers and SMS codes: normalising what people type, checking, masking. */

export const DEFAULT_COUNTRY_CODE = '+86';

export interface PhoneNumber {
  /** National number, digits only, as Authing stores it in `phone`. */
  phoneNumber: string;
  /** Calling code with a plus, as Authing expects in `phoneCountryCode`. */
  phoneCountryCode: string;
}

/** Full-width digits (０-９) and plus (＋) to ASCII; drops spaces, dashes, dots and brackets. */
export function toAsciiDigits(value: string): string {
  return value
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\uFF0B/g, '+');
}

/** Normalises a calling code: "86", "+86", "0086" → "+86"; undefined when it cannot be one. */
export function normalizeCountryCode(value: string): string | undefined {
  const digits = toAsciiDigits(value).replace(/[\s()-]/g, '').replace(/^(\+|00)/, '');
  return /^[1-9]\d{0,3}$/.test(digits) ? `+${digits}` : undefined;
}

/**
 * Reads a typed or pasted number against the selected calling code. Accepts spaces, dashes,
 * full-width digits and a leading `+86` / `0086` matching the selected code.
 * Returns undefined when the input cannot be a phone number of that country.
 */
export function parsePhone(value: string, countryCode: string): PhoneNumber | undefined {
  const cc = normalizeCountryCode(countryCode);
  if (!cc) return undefined;
  let digits = toAsciiDigits(value).replace(/[\s().-]/g, '');
  const ccDigits = cc.slice(1);
  if (digits.startsWith('+') || digits.startsWith('00')) {
    const rest = digits.replace(/^(\+|00)/, '');
    if (!rest.startsWith(ccDigits)) return undefined;
    digits = rest.slice(ccDigits.length);
  }
  if (!/^\d+$/.test(digits)) return undefined;
  if (cc === '+86') {
    // Mainland China mobile numbers: 11 digits starting 13–19 (Guard's rule, minus retired ranges).
    return /^1[3-9]\d{9}$/.test(digits) ? { phoneNumber: digits, phoneCountryCode: cc } : undefined;
  }
  // Other countries: E.164 allows at most 15 digits including the calling code.
  digits = digits.replace(/^0+/, '');
  const ok = digits.length >= 4 && digits.length + ccDigits.length <= 15;
  return ok ? { phoneNumber: digits, phoneCountryCode: cc } : undefined;
}

/** Normalises an SMS code (full-width digits, spaces); undefined unless it has the expected length. */
export function parseCode(value: string, length?: number): string | undefined {
  const code = toAsciiDigits(value).replace(/[\s-]/g, '');
  if (!/^\d+$/.test(code)) return undefined;
  if (length ? code.length !== length : code.length < 4 || code.length > 8) return undefined;
  return code;
}

/** `+86 138****8000`: enough for the user to recognise their number, not enough to read it off a screen. */
export function maskPhone({ phoneNumber, phoneCountryCode }: PhoneNumber): string {
  const masked =
    phoneNumber.length >= 7
      ? `${phoneNumber.slice(0, 3)}****${phoneNumber.slice(-4)}`
      : phoneNumber.replace(/\d(?=\d{2})/g, '*');
  return `${phoneCountryCode} ${masked}`;
}

export const samePhone = (a: PhoneNumber | undefined, b: PhoneNumber | undefined): boolean =>
  !!a && !!b && a.phoneNumber === b.phoneNumber && a.phoneCountryCode === b.phoneCountryCode;
