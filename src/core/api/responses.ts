/**
 * Pure readers of the shapes Authing is known to send (docs/authing-api.md §14): each takes what came
 * over the wire and gives what the widget uses, or throws BAD_RESPONSE. No fetch here, so every shape
 * is testable on its own and the transport can change without touching them.
 */
import { PhoneManagerError } from '../errors.js';
import { CODE_LENGTH, countryOf } from '../phone.js';
import type { AuthingIdentity, AuthingProfile, PoolSettings, SecurityInfo, VerifyUpdatePhoneResult } from './types.js';

/**
 * An envelope's `apiCode`: a number, or a numeric string ("2011", as the V2 error doc's example shows).
 * Anything else is no apiCode.
 */
export function apiCodeOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (typeof value === 'string' && /^\d{1,9}$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

/** The pool settings the widget uses, from the app's public config; anything else in it is ignored. */
export function poolSettingsOf(config: unknown): PoolSettings {
  const data = (config ?? {}) as {
    changePhoneStrategy?: { verifyOldPhone?: unknown };
    verifyCodeLength?: unknown;
    internationalSmsConfig?: { enabled?: unknown; defaultISOType?: unknown } | null;
    regexRules?: unknown;
  };
  const settings: PoolSettings = {};
  if (typeof data.changePhoneStrategy?.verifyOldPhone === 'boolean') settings.verifyOldPhone = data.changePhoneStrategy.verifyOldPhone;
  const length =
    typeof data.verifyCodeLength === 'string' || typeof data.verifyCodeLength === 'number' ? Number(data.verifyCodeLength) : NaN;
  if (Number.isInteger(length) && length >= CODE_LENGTH.min && length <= CODE_LENGTH.max) settings.codeLength = length;
  const international = data.internationalSmsConfig;
  if (international && typeof international === 'object') {
    if (typeof international.enabled === 'boolean') settings.internationalSms = international.enabled;
    if (typeof international.defaultISOType === 'string') {
      const iso = countryOf(international.defaultISOType)?.iso;
      if (iso) settings.defaultCountry = iso;
    }
  }
  const phoneRule = phoneRuleOf(data.regexRules);
  if (phoneRule) settings.phonePattern = phoneRule;
  return settings;
}

/**
 * The pool's phone rule from `regexRules` (Guard: `regexRules.find(key === 'phone').userpoolLevel`,
 * `renderContext.tsx`): the regex source, when it is one a browser can compile.
 */
function phoneRuleOf(rules: unknown): string | undefined {
  if (!Array.isArray(rules)) return undefined;
  const rule = rules.find(
    (r): r is { key: string; userpoolLevel?: unknown } => !!r && typeof r === 'object' && (r as { key?: unknown }).key === 'phone',
  );
  const source = typeof rule?.userpoolLevel === 'string' ? rule.userpoolLevel.trim() : '';
  if (!source) return undefined;
  try {
    new RegExp(source);
    return source;
  } catch {
    return undefined; // a rule the browser cannot read checks nothing; the server still checks
  }
}

/**
 * The profile in get-profile's answer. `phone` must be a string (or null/absent): anything else is an
 * answer we cannot read, not a number to show. `identities` is an array in the DTO, but the docs'
 * example shows one object: both count.
 */
export function profileOf(data: unknown): AuthingProfile {
  const profile = data as (Omit<AuthingProfile, 'identities'> & { identities?: unknown }) | null;
  if (!profile || typeof profile !== 'object' || typeof profile.userId !== 'string') {
    throw new PhoneManagerError('BAD_RESPONSE', 'The profile in Authing’s answer is missing');
  }
  for (const field of ['phone', 'phoneCountryCode'] as const) {
    const value: unknown = profile[field];
    if (value !== undefined && value !== null && typeof value !== 'string') {
      throw new PhoneManagerError('BAD_RESPONSE', `The profile’s ${field} is a ${typeof value}, not a string`);
    }
  }
  if (!('identities' in profile)) return profile as AuthingProfile;
  return { ...profile, identities: identitiesOf(profile.identities) };
}

/** Identities as a list: an array as it is, one object as a list of one, anything else none. */
export function identitiesOf(value: unknown): AuthingIdentity[] | null {
  if (Array.isArray(value)) return value.filter((i): i is AuthingIdentity => !!i && typeof i === 'object');
  if (value && typeof value === 'object') return Object.keys(value).length ? [value as AuthingIdentity] : [];
  return null;
}

/**
 * update-phone's `data`: since node-sdk 3d211ce (2024-08) an `IsSuccessRespDto`, `{ success }`.
 * `success: false` is a failure even in an envelope with statusCode 200; no data says nothing against it.
 */
export function updatePhoneResult(data: unknown): void {
  if (data && typeof data === 'object' && (data as { success?: unknown }).success === false) {
    throw new PhoneManagerError('SERVER', 'Authing answered update-phone with success: false');
  }
}

/** verify-update-phone-request's answer: it must carry the one-time `updatePhoneToken`. */
export function verifyUpdatePhoneResult(data: unknown): VerifyUpdatePhoneResult {
  const result = data as Partial<VerifyUpdatePhoneResult> | null | undefined;
  if (!result || typeof result.updatePhoneToken !== 'string' || !result.updatePhoneToken) {
    throw new PhoneManagerError('BAD_RESPONSE', 'Authing’s answer has no updatePhoneToken');
  }
  return result as VerifyUpdatePhoneResult;
}

/** get-security-info's answer: what is bound, as two booleans. */
export function securityInfoOf(data: unknown): SecurityInfo {
  if (!data || typeof data !== 'object') throw new PhoneManagerError('BAD_RESPONSE', 'The security info in Authing’s answer is missing');
  const info = data as Partial<Record<keyof SecurityInfo, unknown>>;
  return { phoneBinded: !!info.phoneBinded, emailBinded: !!info.emailBinded };
}
