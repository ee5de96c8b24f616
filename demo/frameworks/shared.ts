// The part of every framework demo page that is not the framework's: where the Authing emulator is,
// the signed-in user to pick from, the SMS inbox (read the codes there) and a reset button.
// Plain DOM; server data is written with textContent only.
import { connectEmulator } from '../emulator.js';

/** Seeded users of the emulator (emulator/README.md). */
export const USERS = [
  { token: 'demo-token-no-phone', label: 'No phone (alice)' },
  { token: 'demo-token-phone-email', label: 'Phone and email (bob)' },
] as const;

/**
 * Finds the emulator, fills #inbox with its latest SMS codes (polling once a second) and wires #reset.
 * Resolves to the emulator's URL: the widget's app-host.
 */
export async function startInbox(): Promise<string> {
  const emulator = await connectEmulator();
  const list = document.getElementById('inbox')!;
  const status = document.getElementById('inbox-status')!;
  let shown = '';
  const refresh = async () => {
    try {
      const messages = await emulator.outbox();
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
      status.textContent = `The emulator at ${emulator.url} does not answer. Is the dev server running?`;
    }
  };
  void refresh();
  window.setInterval(refresh, 1000);
  document.getElementById('reset')!.addEventListener('click', async () => {
    await emulator.reset();
    location.reload();
  });
  return emulator.url;
}
