import type { ErrorCode } from '../core/errors.js';

/** Every string the widget shows. A catalog missing a key does not compile. */
export interface Messages {
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
  back: string;
  continue: string;
  country: string;
  /** Label of the search field of the country list. */
  countrySearch: string;
  noCountryMatch: string;
  /**
   * Region names that replace the browser's (Intl.DisplayNames), by ISO code: the four common regions
   * as account pages in the language name them. A host may rename any region here.
   */
  regions: Record<string, string>;
  phoneNumber: string;
  newPhoneNumber: string;
  code: string;
  codeHint: (length: number | undefined) => string;
  /** Said after the hint where a complete code is checked at once (WCAG 3.2.2). */
  submitsWhenComplete: string;
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
  /** Step 2 of a change: the first step's code, shown as a line. */
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
  codeSent: (maskedPhone: string) => string;
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

export type Lang = 'zh-CN' | 'zh-TW' | 'en-US' | 'ja-JP';
