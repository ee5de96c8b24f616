/**
 * What the user typed: the draft's edits, and the checks a number or a code passes before anything
 * is sent (a number of an allowed country that the pool's rule accepts; a code sent in this flow).
 */
import type { ErrorCode } from '../errors.js';
import { countriesToSuggest } from '../default-country.js';
import { countryOf, detectCountry, parseCode, parsePhone, samePhone, type PhoneNumber } from '../phone.js';
import { toNewNumber } from './steps.js';
import type { CodePurpose, Draft, Field, FlowError, FlowOptions, FlowState, Transition } from './types.js';

/** Nothing typed, the country the settings preselect. */
export const emptyDraft = (country: string): Draft => ({ country, phoneNumber: '', code: '', currentCode: '' });

export function edit(state: FlowState, field: keyof Draft, value: string): FlowState {
  const draft = { ...state.draft, [field]: value };
  // A pasted or autofilled +44… picks its country, when it is one the user may pick.
  if (field === 'phoneNumber') {
    const named = detectCountry(value, draft.country)?.iso;
    if (named && (!state.options.allowedCountries || state.options.allowedCountries.includes(named))) draft.country = named;
  }
  const touched: Field = field === 'country' || field === 'phoneNumber' ? 'phone' : field;
  // An error about this field goes once it is edited; so does "one of the two codes" with either code.
  const aboutIt = state.error?.field === touched || (!!state.error?.eitherOfTwoCodes && touched !== 'phone');
  const error = aboutIt ? undefined : state.error;
  // A verified change is for the number it was issued for: another number needs new codes.
  const verified = touched === 'phone' ? undefined : state.verified;
  return { ...state, draft, error, verified };
}

/** The number a code for `purpose` goes to, from the profile or the draft; undefined if not valid. */
export function targetOf(state: FlowState, purpose: CodePurpose): PhoneNumber | undefined {
  return toNewNumber(purpose) ? newPhoneOf(state) : state.account.phone;
}

/** The typed new number, if it is a valid mobile number of an allowed country. */
export const newPhoneOf = ({ draft, options }: FlowState): PhoneNumber | undefined => phoneIn(draft.phoneNumber, draft.country, options);

/**
 * `value` as a mobile number of `iso` (or of the country its +prefix names) that the host's countries
 * allow and the pool's phone rule accepts; undefined otherwise.
 */
function phoneIn(value: string, iso: string, options: FlowOptions): PhoneNumber | undefined {
  const phone = parsePhone(value, iso);
  if (!phone) return undefined;
  const allowed = options.allowedCountries;
  if (allowed && !allowed.some((a) => `+${countryOf(a)?.callingCode}` === phone.phoneCountryCode)) return undefined;
  return matchesPoolRule(phone.phoneNumber, options.phonePattern) ? phone : undefined;
}

/** Guard checks a number against the pool's `regexRules` phone rule when the pool sets one; so do we. */
function matchesPoolRule(national: string, pattern: string | undefined): boolean {
  if (!pattern) return true;
  try {
    return new RegExp(pattern).test(national);
  } catch {
    return true; // a rule the browser cannot read checks nothing here; the server still checks
  }
}

/**
 * A number that is not valid for the chosen country but is for mainland China (where a new pool sends
 * SMS) or the pool's default country: the country the UI should offer instead.
 */
function countryThatFits({ draft, options }: FlowState): string | undefined {
  const candidates = countriesToSuggest(options).filter((iso) => iso !== draft.country);
  return candidates.find((iso) => phoneIn(draft.phoneNumber, iso, options)?.phoneCountryCode === `+${countryOf(iso)?.callingCode}`);
}

/** PHONE_INVALID at the number field, with the country the number fits when there is one. */
export function invalidPhone(state: FlowState): Transition {
  const error: FlowError = { code: 'PHONE_INVALID', field: 'phone' };
  const fits = countryThatFits(state);
  if (fits) error.suggestedCountry = fits;
  return { state: { ...state, error, notice: undefined } };
}

/** The draft refused before any request: `code` at `field`. */
export const invalid = (state: FlowState, code: ErrorCode, field?: Field): Transition => ({
  state: { ...state, error: { code, field }, notice: undefined },
});

/**
 * Checks a code field before anything is sent: typed at all, of the right length, and sent in this
 * flow to the number it is for (never a code for a number that got no SMS here). The error of the
 * first check that fails, or undefined and the code.
 */
export function checkCode(
  state: FlowState,
  field: 'code' | 'currentCode',
  purpose: CodePurpose,
): { error?: Transition; passCode?: string } {
  const value = state.draft[field];
  // First the SMS: a code typed for a number that got none in this flow cannot be right.
  if (!samePhone(state.sentTo[purpose], targetOf(state, purpose))) return { error: invalid(state, 'CODE_NOT_SENT', field) };
  if (!value.trim()) return { error: invalid(state, 'CODE_REQUIRED', field) };
  const passCode = parseCode(value, state.options.codeLength);
  if (!passCode) return { error: invalid(state, 'CODE_INVALID', field) };
  return { passCode };
}

/** The pair of codes a two-code change sends, to recognise the pair Authing refused. */
export const pairOf = (draft: Draft) => `${draft.currentCode}:${draft.code}`;

/** The typed new number, or the error that says what is wrong with it (nothing typed, or not a number). */
export function checkNewPhone(state: FlowState): { error?: Transition; phone?: PhoneNumber } {
  if (!state.draft.phoneNumber.trim()) return { error: invalid(state, 'PHONE_REQUIRED', 'phone') };
  const phone = newPhoneOf(state);
  return phone ? { phone } : { error: invalidPhone(state) };
}

/** The number a change step is changing to, when one is typed and valid. */
export const changeTarget = (state: FlowState): PhoneNumber | undefined =>
  state.step === 'change-current' || state.step === 'change-new' ? newPhoneOf(state) : undefined;

/** For a change to ask for both codes again: none typed, none sent, the new number kept. */
export const newCodes = (state: FlowState) => ({ draft: { ...state.draft, code: '', currentCode: '' }, sentTo: {} });
