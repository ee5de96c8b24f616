/**
 * The widget's DOM events. Each bubbles and is composed, so a host can listen on any ancestor,
 * across shadow roots. No detail ever carries the access token or an SMS code.
 */
import type { ErrorCode, PhoneManagerError } from './core/errors.js';
import type { PhoneNumber } from './core/phone.js';
import type { Notification } from './core/session.js';
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

/** Every event the element fires, by what it says. The one list: the wrapper, the types, the demo and the tests use it. */
export const EVENTS = {
  profileLoaded: 'authing-profile-loaded',
  codeSent: 'authing-code-sent',
  phoneBound: 'authing-phone-bound',
  phoneChanged: 'authing-phone-changed',
  phoneUnbound: 'authing-phone-unbound',
  error: 'authing-error',
  recoveryRequested: 'authing-recovery-requested',
} as const;

export type AuthingEventName = (typeof EVENTS)[keyof typeof EVENTS];

const INIT = { bubbles: true, composed: true } as const;

export class AuthingCodeSentEvent extends CustomEvent<CodeSentDetail> {
  constructor(detail: CodeSentDetail) {
    super(EVENTS.codeSent, { ...INIT, detail });
  }
}
export class AuthingPhoneBoundEvent extends CustomEvent<PhoneBoundDetail> {
  constructor(detail: PhoneBoundDetail) {
    super(EVENTS.phoneBound, { ...INIT, detail });
  }
}
export class AuthingPhoneChangedEvent extends CustomEvent<PhoneChangedDetail> {
  constructor(detail: PhoneChangedDetail) {
    super(EVENTS.phoneChanged, { ...INIT, detail });
  }
}
export class AuthingPhoneUnboundEvent extends CustomEvent<PhoneUnboundDetail> {
  constructor(detail: PhoneUnboundDetail) {
    super(EVENTS.phoneUnbound, { ...INIT, detail });
  }
}
export class AuthingProfileLoadedEvent extends CustomEvent<ProfileLoadedDetail> {
  constructor(detail: ProfileLoadedDetail) {
    super(EVENTS.profileLoaded, { ...INIT, detail });
  }
}
/** With `offer-recovery`: the user cannot get a code on the current number. */
export interface RecoveryRequestedDetail {
  /** The current number's calling code, e.g. `+86`, so the host can pick its recovery path. */
  phoneCountryCode?: string;
}

export class AuthingRecoveryRequestedEvent extends CustomEvent<RecoveryRequestedDetail> {
  constructor(detail: RecoveryRequestedDetail) {
    super(EVENTS.recoveryRequested, { ...INIT, detail });
  }
}

export class AuthingErrorEvent extends CustomEvent<ErrorDetail> {
  constructor(detail: ErrorDetail) {
    super(EVENTS.error, { ...INIT, detail });
  }
}

/** Each event name with its class. */
export interface AuthingPhoneManagerEventMap {
  'authing-profile-loaded': AuthingProfileLoadedEvent;
  'authing-code-sent': AuthingCodeSentEvent;
  'authing-phone-bound': AuthingPhoneBoundEvent;
  'authing-phone-changed': AuthingPhoneChangedEvent;
  'authing-phone-unbound': AuthingPhoneUnboundEvent;
  'authing-error': AuthingErrorEvent;
  'authing-recovery-requested': AuthingRecoveryRequestedEvent;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends AuthingPhoneManagerEventMap {}
}

/** The DOM event for a session's notification. */
export function eventFor(notification: Notification): Event {
  switch (notification.type) {
    case 'profile-loaded':
      return new AuthingProfileLoadedEvent({ ...notification.phone, canUnbind: notification.canUnbind });
    case 'code-sent':
      return new AuthingCodeSentEvent({ purpose: notification.purpose, ...notification.phone });
    case 'phone-bound':
      return new AuthingPhoneBoundEvent({ ...notification.phone });
    case 'phone-changed':
      return new AuthingPhoneChangedEvent({ ...notification.phone, ...previousOf(notification.previous) });
    case 'phone-unbound':
      return new AuthingPhoneUnboundEvent(previousOf(notification.previous));
    case 'error':
      return errorEvent(notification.action, notification.error);
  }
}

/** `offer-recovery`'s button was pressed, about the current number. */
export const recoveryRequested = (phone?: PhoneNumber): Event =>
  new AuthingRecoveryRequestedEvent({ phoneCountryCode: phone?.phoneCountryCode });

const errorEvent = (action: Action, { code, message, statusCode, apiCode, requestId }: PhoneManagerError) =>
  new AuthingErrorEvent({ action, code, message, statusCode, apiCode, requestId });

const previousOf = (phone: PhoneNumber) => ({
  previousPhoneNumber: phone.phoneNumber,
  previousPhoneCountryCode: phone.phoneCountryCode,
});
