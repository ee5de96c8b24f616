// `authing-phone-manager/core`: the headless part, for a UI of your own. No DOM, no Lit: it runs in
// browsers and in Node. The element is one UI on top of it.
export { createPhoneSession, COOLDOWN_STORAGE_KEY } from './session.js';
export type { Connection, CooldownStorage, Notification, PhoneSession, PhoneSessionOptions, StateChange } from './session.js';
export {
  asksNewNumber,
  canUnbind,
  codeFieldOf,
  codePurposeOf,
  cooldownOf,
  firstChangeStep,
  initialState,
  isSignedOut,
  outcomeOf,
  reduce,
  resendKey,
  restingStep,
  STEPS,
  submitsWhenComplete,
  targetOf,
  RESEND_SECONDS,
} from './flow/phone-flow.js';
export type {
  Account,
  Action,
  CodePurpose,
  Draft,
  Effect,
  Field,
  FlowError,
  FlowEvent,
  FlowOptions,
  FlowState,
  Intent,
  Notice,
  Outcome,
  Step,
  StepRule,
  Transition,
  VerifiedChange,
} from './flow/phone-flow.js';
export { createAuthingClient, normalizeAppHost, ENDPOINTS, DEFAULT_TIMEOUT_MS } from './api/client.js';
export type { AuthingClientOptions } from './api/client.js';
export type * from './api/types.js';
export { PhoneManagerError, ERROR_CODES } from './errors.js';
export type { ErrorCode } from './errors.js';
export { ERROR_POLICY, policyOf } from './error-policy.js';
export type { ErrorPolicy } from './error-policy.js';
export { countryChoice, DEFAULT_COUNTRY } from './default-country.js';
export type { CountryChoice } from './default-country.js';
export { CODE_LENGTH, countries, countryOf, maskPhone, parseCode, parsePhone, samePhone } from './phone.js';
export type { Country, PhoneNumber } from './phone.js';
