/**
 * What a connection (the host's credentials, or a client of its own) says before any request: whether
 * its settings can work, whose token it carries, and the secret no error may repeat.
 */
import type { AuthingClientOptions } from './api/client.js';
import type { PhoneApi } from './api/types.js';
import { PhoneManagerError } from './errors.js';

/** How the session reaches Authing: a client of your own, or the settings of the built-in one. */
export type Connection = { client: PhoneApi } | AuthingClientOptions;

/**
 * Every Authing client sends an app or a user pool id, and the app id is what reads the pool's settings:
 * without either the host's setup is wrong, and no request could help (a CONFIG error, never SERVER).
 */
export function withAppOrPoolId(options: AuthingClientOptions): AuthingClientOptions {
  if (!options.appId && !options.userPoolId) {
    throw new PhoneManagerError(
      'CONFIG',
      'Set app-id (or userpool-id): Authing’s clients always send one, and the app id lets the widget follow the pool’s settings',
    );
  }
  return options;
}

/**
 * Whether the new access token names another user than `userId`. Authing's access tokens are JWTs
 * whose OIDC `sub` claim is the user id; it is read, not verified (Authing verifies), and only to forget
 * the previous user's flow at once. A token that is no readable JWT says nothing: the profile decides.
 */
export function namesAnotherUser(connection: Connection | undefined, userId: string | undefined): boolean {
  if (!connection || !userId || !('accessToken' in connection)) return false;
  const subject = subjectOf(connection.accessToken);
  return subject !== undefined && subject !== userId;
}

function subjectOf(token: string | undefined): string | undefined {
  const payload = token?.replace(/^Bearer\s+/i, '').split('.')[1];
  if (!payload) return undefined;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(
      Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) => c.charCodeAt(0)),
    );
    const claims: unknown = JSON.parse(json);
    const sub = claims && typeof claims === 'object' ? (claims as { sub?: unknown }).sub : undefined;
    return typeof sub === 'string' ? sub : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The error without the access token, should the server's message echo it: what the user sees and
 * the host's `authing-error` detail never carry it. The cause (which may hold it too) is left out.
 */
export function redacted(error: PhoneManagerError, token: string | undefined): PhoneManagerError {
  if (!token || token.length < 8 || !error.message.includes(token)) return error;
  const { code, statusCode, apiCode, requestId } = error;
  return new PhoneManagerError(code, error.message.split(token).join('[redacted]'), { statusCode, apiCode, requestId });
}
