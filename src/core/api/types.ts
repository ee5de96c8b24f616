/** Wire types of the Authing V3 endpoints the widget calls (see docs/authing-api.md). */

export type SmsChannel = 'CHANNEL_BIND_PHONE' | 'CHANNEL_UNBIND_PHONE';

export interface AuthingEnvelope<T = unknown> {
  statusCode: number;
  message?: string;
  /** A number, or a numeric string in some answers (`responses.ts` reads both). */
  apiCode?: number | string;
  requestId?: string;
  data?: T;
}

export interface AuthingIdentity {
  identityId?: string;
  extIdpId?: string;
  provider?: string;
  type?: string;
  userIdInIdp?: string;
}

/** The part of Authing's UserDto the widget reads. */
export interface AuthingProfile {
  userId: string;
  username?: string | null;
  email?: string | null;
  phone?: string | null;
  phoneCountryCode?: string | null;
  phoneVerified?: boolean;
  identities?: AuthingIdentity[] | null;
}

export interface SendSmsInput {
  channel: SmsChannel;
  phoneNumber: string;
  phoneCountryCode: string;
}

export interface BindPhoneInput {
  phoneNumber: string;
  phoneCountryCode: string;
  passCode: string;
}

export interface VerifyUpdatePhoneInput {
  newPhoneNumber: string;
  newPhoneCountryCode: string;
  newPhonePassCode: string;
  oldPhoneNumber?: string;
  oldPhoneCountryCode?: string;
  oldPhonePassCode?: string;
}

export interface VerifyUpdatePhoneResult {
  updatePhoneToken: string;
  tokenExpiresIn?: number;
}

/** `GET /api/v3/get-security-info`: what is bound, whatever the token's scope lets the profile show. */
export interface SecurityInfo {
  phoneBinded: boolean;
  emailBinded: boolean;
}

/** The user pool's settings the widget follows, read from the app's public config. */
export interface PoolSettings {
  /** `changePhoneStrategy.verifyOldPhone`: a change asks for a code to the current number. */
  verifyOldPhone?: boolean;
  /** `verifyCodeLength`: the length of the pool's SMS codes. */
  codeLength?: number;
  /** `internationalSmsConfig.enabled`: SMS may go to numbers outside mainland China. */
  internationalSms?: boolean;
  /** `internationalSmsConfig.defaultISOType`: the country preselected for a new number (ISO code). */
  defaultCountry?: string;
  /** `regexRules` (key `phone`, `userpoolLevel`): the pool's own rule for a phone number, a regex source. */
  phonePattern?: string;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

/** What the element needs from Authing; the HTTP client is one implementation. */
export interface PhoneApi {
  getProfile(options?: RequestOptions): Promise<AuthingProfile>;
  sendSms(input: SendSmsInput, options?: RequestOptions): Promise<void>;
  bindPhone(input: BindPhoneInput, options?: RequestOptions): Promise<void>;
  verifyUpdatePhoneRequest(input: VerifyUpdatePhoneInput, options?: RequestOptions): Promise<VerifyUpdatePhoneResult>;
  updatePhone(updatePhoneToken: string, options?: RequestOptions): Promise<void>;
  unbindPhone(passCode: string, options?: RequestOptions): Promise<void>;
  /**
   * What is bound, asked when the profile leaves out `phone` or `email` (a token without those scopes).
   * A client without it: such a profile is taken as it is.
   */
  getSecurityInfo?(options?: RequestOptions): Promise<SecurityInfo>;
  /** The pool's settings; a client without it (or a failure) leaves the widget's defaults. */
  getPublicConfig?(options?: RequestOptions): Promise<PoolSettings>;
}
