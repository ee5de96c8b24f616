/**
 * The widget's DOM events. Each bubbles and is composed, so a host can listen on any ancestor,
 * across shadow roots. No detail ever carries the access token or an SMS code.
 */
import type { ErrorCode } from './core/errors.js';
import type { Action, CodePurpose } from './core/flow/phone-flow.js';

export type { Action, CodePurpose } from './core/flow/phone-flow.js';
export type { ErrorCode } from './core/errors.js';

export interface PhoneDetail {
  phoneNumber: string;
  phoneCountryCode: string;
}
export interface CodeSentDetail extends PhoneDetail {
  purpose: CodePurpose;
}
export type PhoneBoundDetail = PhoneDetail;
export interface PhoneChangedDetail extends PhoneDetail {
  previousPhoneNumber: string;
  previousPhoneCountryCode: string;
}
export interface PhoneUnboundDetail {
  previousPhoneNumber: string;
  previousPhoneCountryCode: string;
}
export interface ProfileLoadedDetail {
  /** Undefined when no phone is bound. */
  phoneNumber?: string;
  phoneCountryCode?: string;
  /** False when the phone is the only way to sign in, so the widget offers no unbind. */
  canUnbind: boolean;
}
export interface ErrorDetail {
  action: Action;
  code: ErrorCode;
  /** The server's message when there was one, else a short English description. */
  message: string;
  statusCode?: number;
  apiCode?: number;
  requestId?: string;
}

const INIT = { bubbles: true, composed: true } as const;

export class AuthingCodeSentEvent extends CustomEvent<CodeSentDetail> {
  constructor(detail: CodeSentDetail) {
    super('authing-code-sent', { ...INIT, detail });
  }
}
export class AuthingPhoneBoundEvent extends CustomEvent<PhoneBoundDetail> {
  constructor(detail: PhoneBoundDetail) {
    super('authing-phone-bound', { ...INIT, detail });
  }
}
export class AuthingPhoneChangedEvent extends CustomEvent<PhoneChangedDetail> {
  constructor(detail: PhoneChangedDetail) {
    super('authing-phone-changed', { ...INIT, detail });
  }
}
export class AuthingPhoneUnboundEvent extends CustomEvent<PhoneUnboundDetail> {
  constructor(detail: PhoneUnboundDetail) {
    super('authing-phone-unbound', { ...INIT, detail });
  }
}
export class AuthingProfileLoadedEvent extends CustomEvent<ProfileLoadedDetail> {
  constructor(detail: ProfileLoadedDetail) {
    super('authing-profile-loaded', { ...INIT, detail });
  }
}
export class AuthingErrorEvent extends CustomEvent<ErrorDetail> {
  constructor(detail: ErrorDetail) {
    super('authing-error', { ...INIT, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'authing-code-sent': AuthingCodeSentEvent;
    'authing-phone-bound': AuthingPhoneBoundEvent;
    'authing-phone-changed': AuthingPhoneChangedEvent;
    'authing-phone-unbound': AuthingPhoneUnboundEvent;
    'authing-profile-loaded': AuthingProfileLoadedEvent;
    'authing-error': AuthingErrorEvent;
  }
}
