// Side-effect free: importing this registers nothing. `define.ts` registers the element.
export { AuthingPhoneManager, RESEND_SECONDS } from './authing-phone-manager.js';
export { define, TAG_NAME } from './register.js';
export { createPhoneSession } from './core/session.js';
export type { PhoneSession } from './core/session.js';
export * from './events.js';
export { createAuthingClient, normalizeAppHost, ENDPOINTS, DEFAULT_TIMEOUT_MS } from './core/api/client.js';
export type { AuthingClientOptions } from './core/api/client.js';
export type * from './core/api/types.js';
export { PhoneManagerError, ERROR_CODES } from './core/errors.js';
export type { ErrorCode } from './core/errors.js';
export type { Messages, Lang } from './i18n/messages.js';
