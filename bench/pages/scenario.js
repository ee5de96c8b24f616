// What the bench does, shared by Node (bench/lib/*.mjs) and the page (harness.js): the users, the
// numbers, the code every SMS carries, each flow's request minimum and the floors' request. Plain
// ESM, no Node APIs.

/** Every SMS code the bench's emulator issues (the emulator's `codes` option, bench/run.mjs). */
export const CODE = '246810';

/** Seeded emulator users (emulator/README.md). */
export const USERS = {
  noPhone: { id: 'u-no-phone', token: 'demo-token-no-phone' },
  phoneAndEmail: { id: 'u-phone-email', token: 'demo-token-phone-email', phone: '13800138000', phoneCountryCode: '+86' },
};

/** A free mainland-China mobile number: the one bound by the bind flow and moved to by the change flow. */
export const NEW_PHONE = '13800135555';
export const COUNTRY_CODE = '+86';

/** What the widget shows once it is usable, per user. */
export const VIEWS = {
  bind: { user: 'noPhone', label: 'bind form (user without a phone)' },
  overview: { user: 'phoneAndEmail', label: 'overview (user with a phone)' },
};

/**
 * The flows. `minimum`: the fewest /api/v3 requests the API allows for the flow itself, after the
 * one profile load (send-sms per number to verify, then the call that does it).
 */
export const FLOWS = {
  bind: {
    view: 'bind',
    minimum: { '/api/v3/send-sms': 1, '/api/v3/bind-phone': 1 },
    label: 'bind: number, send code, enter code',
  },
  change: {
    view: 'overview',
    minimum: {
      '/api/v3/send-sms': 2,
      '/api/v3/verify-update-phone-request': 1,
      '/api/v3/update-phone': 1,
    },
    label: 'change: current number’s code, new number, its code',
  },
  unbind: {
    view: 'overview',
    minimum: { '/api/v3/send-sms': 1, '/api/v3/unbind-phone': 1 },
    label: 'unbind: send code, enter code, remove',
  },
};

export const PROFILE_PATH = '/api/v3/get-profile';

/**
 * One /api/v3 POST as the widget makes it (same URL, method, headers and body, so the same CORS
 * preflight cache entries), reading the JSON envelope and checking its statusCode: nothing more.
 * The floors' requests (bench/pages/harness.js, bench/floor-element.js).
 */
export async function postAsWidget(appHost, token, path, body) {
  const response = await fetch(`${appHost}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'application/json',
      'content-type': 'application/json',
      'x-authing-lang': 'en-US',
      'x-authing-userpool-id': 'bench-pool',
    },
    body: JSON.stringify(body),
    credentials: 'omit',
  });
  const envelope = await response.json();
  if (envelope.statusCode !== 200) throw new Error(`${path}: ${envelope.statusCode} ${envelope.message}`);
  return envelope.data;
}
