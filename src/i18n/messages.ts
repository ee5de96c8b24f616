import type { ErrorCode } from '../core/errors.js';

/** Every string the widget shows. A catalog missing a key does not compile. */
export interface Messages {
  /** What stands between two sentences in a row: a space, or nothing (Chinese, Japanese). See sentences(). */
  sentenceSeparator: string;
  loading: string;
  unavailable: string;
  /** Shown while the host has not given an access token yet. */
  signedOut: string;
  retry: string;
  title: string;
  /** Heading of the bind form. */
  bindTitle: string;
  changeTitle: string;
  /** Heading of the remove step, with the masked number. */
  unbindTitle: (maskedPhone: string) => string;
  /** "Step 1 of 2" above a change's heading. */
  stepOf: (step: number, steps: number) => string;
  /** The badge beside the bound number. */
  verified: string;
  currentPhone: string;
  noPhone: string;
  change: string;
  unbind: string;
  cancel: string;
  continue: string;
  country: string;
  /** Label of the search field of the country list. */
  countrySearch: string;
  noCountryMatch: string;
  /** Headings in the country list: the pinned regions, then all. */
  commonRegions: string;
  allRegions: string;
  /**
   * Region names that replace the browser's (Intl.DisplayNames), by ISO code: the four common regions
   * as account pages in the language name them. A host may rename any region here.
   */
  regions: Record<string, string>;
  phoneNumber: string;
  newPhoneNumber: string;
  code: string;
  /**
   * The code's hint before a code was sent, one short instruction. `then` says what a complete code
   * does (WCAG 3.2.2): `submits` (checked at once), `next-step` (a change's first step: both codes are
   * confirmed on the next), `none` (removal: only the button acts). Like every catalog function it uses
   * nothing but its arguments: the CDN's language chunks carry the functions' source alone. Without a
   * known length (no public config) it names no digit count.
   */
  codeHint: (length: number | undefined, then: CodeThen) => string;
  /** The hint once a code went: where it went, replacing codeHint so the line count stays. */
  codeSent: (maskedPhone: string, then: CodeThen) => string;
  /** Placeholders of the number and code inputs. */
  phonePlaceholder: string;
  codePlaceholder: string;
  /** CODE_REQUIRED under a code input: the code's length said. */
  enterCode: (length: number) => string;
  /**
   * A code Authing refused (apiCode 2001 and its kin): Guard reads 2001 as "expired", the V2 list as
   * "wrong", so the words cover both and point to a new code.
   */
  codeRefused: string;
  /** PHONE_INVALID for a number that fits another country (ISO code, its name in the UI language). */
  looksLikeCountry: (iso: string, name: string) => string;
  /** The one-press fix after {@link looksLikeCountry}: "Use +86". */
  useCallingCode: (callingCode: string) => string;
  /** The hint after a letter was typed into a code input. */
  digitsOnly: string;
  /** Step 2 of a change: the line saying the first step's code is entered, beside Edit. */
  currentCodeEntered: string;
  /** Edit's full name for screen readers. */
  codeFor: (maskedPhone: string) => string;
  edit: string;
  /** CODE_NOT_SENT on the current number's code. */
  currentCodeNotSent: string;
  /** The optional link of a change's first step (`offer-recovery`). */
  recovery: string;
  sendCode: string;
  resendIn: (seconds: number) => string;
  bind: string;
  confirmChange: string;
  confirmUnbind: string;
  sending: string;
  working: string;
  /** Step 1 of a change: explains the code to the current number. */
  changeCurrentIntro: (maskedPhone: string) => string;
  changeNewIntro: string;
  /** The remove step: what removing means, and the code it takes. */
  unbindWarning: (maskedPhone: string) => string;
  onlyLoginMethod: string;
  /** The row layout with no phone: the value, and the action that opens the form. */
  notSet: string;
  add: string;
  /** Closes the success banner. */
  dismiss: string;
  bound: string;
  changed: string;
  unbound: string;
  verifyCurrentRequired: string;
  /**
   * Instead of errors.CODE_INVALID / CODE_EXPIRED when a change sent two codes (the current number's
   * and the new one's): Authing does not say which one failed.
   */
  twoCodesInvalid: string;
  twoCodesExpired: string;
  /** After an error that spent a change's codes: said after the error's own message. */
  newCodesNeeded: string;
  /** Appended to server errors so support can find the request. */
  requestId: (id: string) => string;
  errors: Record<ErrorCode, string>;
}

/** What a complete code does on a step. */
export type CodeThen = 'submits' | 'next-step' | 'none';

/**
 * A language the widget ships: the name of a file in src/translations (zh-CN, zh-TW, en-US, ja-JP, and
 * whatever file is added there). resolveLang() maps any BCP 47 tag to one of them.
 */
export type Lang = string;
