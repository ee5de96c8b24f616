// The demo's part of the two CDN pages (cdn-classic.html, cdn-module.html): finds the emulator, fills the
// user switch and the SMS list, and calls the page's own `signIn(appHost, token)`, which is what a host
// page would write. The widget itself comes from the CDN file, not from here.
import { startInbox, USERS } from './shared.js';

declare global {
  interface Window {
    signIn?: (appHost: string, accessToken: string) => void;
  }
}

const appHost = await startInbox();

// The module page defines signIn once its CDN import has run.
if (!window.signIn) await new Promise((resolve) => window.addEventListener('sign-in-ready', resolve, { once: true }));

const select = document.querySelector<HTMLSelectElement>('#user')!;
select.replaceChildren(...USERS.map((user) => new Option(user.label, user.token)));
select.addEventListener('change', () => window.signIn!(appHost, select.value));
window.signIn!(appHost, select.value);
