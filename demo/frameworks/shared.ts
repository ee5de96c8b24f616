// The part of every framework demo page that is not the framework's: where the Authing emulator is,
// the signed-in user to pick from, the SMS inbox (read the codes there) and a reset button.
// Plain DOM; server data is written with textContent only.

/** Seeded users of the emulator (emulator/README.md). */
export const USERS = [
  { token: 'demo-token-no-phone', label: 'No phone (alice)' },
  { token: 'demo-token-phone-email', label: 'Phone and email (bob)' },
] as const;

const FALLBACK_EMULATOR_URL = 'http://127.0.0.1:8787';

/** `?emulator=<url>` wins; else the dev server's /demo-config.json (vite.config.ts); else the emulator's default address. */
export async function findEmulator(): Promise<string> {
  const fromQuery = new URLSearchParams(location.search).get('emulator');
  if (fromQuery) return fromQuery.replace(/\/+$/, '');
  try {
    const response = await fetch('/demo-config.json', { cache: 'no-store' });
    if (response.ok) {
      const config = (await response.json()) as { emulatorUrl?: unknown };
      if (typeof config.emulatorUrl === 'string' && config.emulatorUrl) return config.emulatorUrl;
    }
  } catch {
    // not served by the dev server: fall back
  }
  return FALLBACK_EMULATOR_URL;
}

interface Sms {
  id: number;
  phoneCountryCode: string;
  phoneNumber: string;
  code: string;
}

/** Fills #inbox with the emulator's latest SMS codes, polling once a second; wires #reset. */
export function startInbox(emulatorUrl: string): void {
  const list = document.getElementById('inbox')!;
  const status = document.getElementById('inbox-status')!;
  let shown = '';
  const refresh = async () => {
    try {
      const response = await fetch(`${emulatorUrl}/__emulator/outbox`, { cache: 'no-store' });
      const { messages } = (await response.json()) as { messages: Sms[] };
      status.textContent = messages.length ? '' : 'No SMS yet.';
      const latest = messages.slice(-5).reverse();
      const key = latest.map((m) => m.id).join(',');
      if (key === shown) return;
      shown = key;
      list.replaceChildren(
        ...latest.map((sms) => {
          const item = document.createElement('li');
          const code = document.createElement('strong');
          code.className = 'code';
          code.textContent = sms.code;
          item.append(code, ` to ${sms.phoneCountryCode} ${sms.phoneNumber}`);
          return item;
        }),
      );
    } catch {
      status.textContent = `The emulator at ${emulatorUrl} does not answer. Is the dev server running?`;
    }
  };
  void refresh();
  window.setInterval(refresh, 1000);
  document.getElementById('reset')!.addEventListener('click', async () => {
    await fetch(`${emulatorUrl}/__emulator/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    location.reload();
  });
}
