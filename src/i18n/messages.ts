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
  unbindTitle: string;
  currentPhone: string;
  noPhone: string;
  change: string;
  unbind: string;
  cancel: string;
  back: string;
  continue: string;
  country: string;
  phoneNumber: string;
  newPhoneNumber: string;
  code: string;
  codeHint: (length: number | undefined) => string;
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
  unbindWarning: (maskedPhone: string) => string;
  unbindCodeIntro: (maskedPhone: string) => string;
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
