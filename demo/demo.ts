// The demo page: <authing-phone-manager> wired to the Authing emulator that `npm start` runs
// (see vite.config.ts). Plain DOM; every piece of server data is written with textContent.
import '../src/define.js';
import { EVENTS, type AuthingPhoneManager } from '../src/index.js';
import { resolveLang, type Lang } from '../src/messages.js';
import type { EmulatorClient, FaultInput, OutboxMessage } from '../emulator/client.js';
import { connectEmulator } from './emulator.js';

/** The seeded users of the emulator (emulator/README.md). Tokens stay in here: never rendered. */
const USERS = {
  'no-phone': { label: 'No phone (alice, email)', token: 'demo-token-no-phone' },
  'phone-email': { label: 'Phone and email (bob)', token: 'demo-token-phone-email' },
  'phone-only': { label: "Phone only (carol) — can't unbind", token: 'demo-token-phone-only' },
  'phone-social': { label: 'Phone and WeChat (dave)', token: 'demo-token-phone-social' },
} as const;
type UserKey = keyof typeof USERS;
const TOKENS: readonly string[] = Object.values(USERS).map((u) => u.token);

const WIDGET_EVENTS = Object.values(EVENTS);
const SUCCESS_EVENTS: readonly string[] = [EVENTS.phoneBound, EVENTS.phoneChanged, EVENTS.phoneUnbound];

const LOG_LIMIT = 200;
const POLL_VISIBLE_MS = 1000;
const POLL_HIDDEN_MS = 5000;

const FAULTS: Record<string, { describe: string; body: (lang: Lang) => FaultInput }> = {
  http500: { describe: 'HTTP 500', body: () => ({ kind: 'http500' }) },
  html: { describe: 'an HTML 502 page', body: () => ({ kind: 'html' }) },
  malformed: { describe: 'malformed JSON', body: () => ({ kind: 'malformed' }) },
  drop: { describe: 'a dropped connection', body: () => ({ kind: 'drop' }) },
  delay: { describe: 'a 3 s delay', body: () => ({ kind: 'delay', delayMs: 3000 }) },
  'rate-limit': {
    describe: 'a rate-limit envelope (statusCode 429)',
    body: (lang) => ({
      kind: 'envelope',
      statusCode: 429,
      message: lang.startsWith('zh') ? '该手机号 1 分钟内已发送过验证码' : 'Verification code has been sent within a minute',
    }),
  },
};

// ---------------------------------------------------------------------------------------------
// DOM

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from demo/index.html`);
  return element as T;
}

const widget = byId<AuthingPhoneManager>('widget');
const emulatorUrlOut = byId('emulator-url');
const banner = byId('banner');
const smsList = byId<HTMLOListElement>('sms-list');
const smsEmpty = byId('sms-empty');
const smsAnnounce = byId('sms-announce');
const log = byId<HTMLOListElement>('log');
const logEmpty = byId('log-empty');
const serverVerifyOld = byId<HTMLInputElement>('server-verify-old');
const widgetSkipOld = byId<HTMLInputElement>('widget-skip-old');
const faultKind = byId<HTMLSelectElement>('fault-kind');
const faultArm = byId<HTMLButtonElement>('fault-arm');
const faultStatus = byId('fault-status');
const resetButton = byId<HTMLButtonElement>('reset');
const resetStatus = byId('reset-status');
const brandCustom = byId<HTMLInputElement>('brand-custom');
const brandCss = byId('brand-css');

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const timeOf = (date: Date) => date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

// ---------------------------------------------------------------------------------------------
// Emulator

/** Set by main() before anything talks to the emulator. */
let emulator: EmulatorClient;

function showBanner(text: string | null): void {
  banner.hidden = text === null;
  banner.textContent = text ?? '';
}

// ---------------------------------------------------------------------------------------------
// Phone panel: the emulator's SMS outbox, newest first

let outboxKey = '';
/** Newest message id already shown; undefined before the first look, so old messages are not announced. */
let newestSeen: number | undefined;
let pollTimer: number | undefined;

async function refreshOutbox(): Promise<void> {
  try {
    const messages = await emulator.outbox();
    showBanner(null);
    const key = messages.map((m) => m.id).join(',');
    if (key !== outboxKey) {
      outboxKey = key;
      renderOutbox(messages.slice().reverse());
      const newest = messages.at(-1);
      if (newest && newestSeen !== undefined && newest.id > newestSeen) {
        smsAnnounce.textContent = `New SMS to ${newest.phoneCountryCode} ${newest.phoneNumber}: code ${newest.code}`;
      }
      newestSeen = newest?.id ?? 0;
    }
  } catch {
    showBanner(`The Authing emulator at ${emulator.url} does not answer. Is \`npm start\` still running?`);
  }
}

function schedulePoll(delay = document.hidden ? POLL_HIDDEN_MS : POLL_VISIBLE_MS): void {
  window.clearTimeout(pollTimer);
  pollTimer = window.setTimeout(async () => {
    await refreshOutbox();
    await refreshFaults();
    schedulePoll();
  }, delay);
}

function renderOutbox(newestFirst: OutboxMessage[]): void {
  smsEmpty.hidden = newestFirst.length > 0;
  smsList.replaceChildren(...newestFirst.map(renderSms));
}

function renderSms(sms: OutboxMessage): HTMLLIElement {
  const item = el('li', 'sms');
  const sentAt = new Date(sms.sentAt);

  const meta = el('div', 'sms__meta');
  const to = el('span', 'sms__to', `To ${sms.phoneCountryCode} ${sms.phoneNumber}`);
  const time = el('time', 'sms__time', Number.isNaN(sentAt.getTime()) ? sms.sentAt : timeOf(sentAt));
  time.dateTime = sms.sentAt;
  meta.append(to, el('span', 'sms__channel', sms.channel), time);

  const bubble = el('div', 'sms__bubble');
  const codeRow = el('div', 'sms__code-row');
  const code = el('span', 'sms__code', sms.code);
  const copy = el('button', 'button button--small sms__copy', 'Copy');
  copy.type = 'button';
  copy.setAttribute('aria-label', `Copy code ${sms.code}`);
  copy.addEventListener('click', () => void copyCode(sms.code, copy));
  codeRow.append(code, copy);
  bubble.append(codeRow, el('p', 'sms__text', sms.text));

  item.append(meta, bubble);
  return item;
}

async function copyCode(code: string, button: HTMLButtonElement): Promise<void> {
  let copied: boolean;
  try {
    await navigator.clipboard.writeText(code);
    copied = true;
  } catch {
    // No clipboard API (or no permission): copy through a selected, off-screen field.
    const field = el('textarea');
    field.value = code;
    field.setAttribute('readonly', '');
    field.style.position = 'fixed';
    field.style.opacity = '0';
    document.body.append(field);
    field.select();
    copied = document.execCommand('copy');
    field.remove();
  }
  button.textContent = copied ? 'Copied' : 'Copy failed';
  window.setTimeout(() => {
    button.textContent = 'Copy';
  }, 1500);
}

// ---------------------------------------------------------------------------------------------
// Event log

/** Belt and braces: event details carry no token, but nothing that looks like one is ever printed. */
function redact(key: string, value: unknown): unknown {
  if (/token/i.test(key)) return '[redacted]';
  if (typeof value === 'string' && TOKENS.some((token) => value.includes(token))) return '[redacted]';
  return value;
}

function addLogEntry(type: string, detail: unknown, kind: 'info' | 'success' | 'error' | 'demo'): void {
  const item = el('li', `log__entry log__entry--${kind}`);
  const head = el('div', 'log__head');
  const now = new Date();
  const time = el('time', 'log__time', timeOf(now));
  time.dateTime = now.toISOString();
  head.append(time, el('span', 'log__type', type));
  item.append(head);
  if (detail !== undefined) {
    const text = typeof detail === 'string' ? detail : JSON.stringify(detail, redact, 2);
    item.append(el('pre', 'log__detail', text));
  }
  log.prepend(item);
  while (log.childElementCount > LOG_LIMIT) log.lastElementChild?.remove();
  logEmpty.hidden = true;
}

function clearLog(): void {
  log.replaceChildren();
  logEmpty.hidden = false;
}

const note = (text: string) => addLogEntry('demo', text, 'demo');

for (const type of WIDGET_EVENTS) {
  widget.addEventListener(type, (event: Event) => {
    const { detail } = event as CustomEvent<unknown>;
    const kind = type === 'authing-error' ? 'error' : SUCCESS_EVENTS.includes(type) ? 'success' : 'info';
    addLogEntry(type, detail, kind);
    // A code is on its way: look at the outbox now rather than at the next tick.
    if (type === 'authing-code-sent') schedulePoll(0);
    if (type === EVENTS.recoveryRequested) note('Here the host opens its own recovery path (support, another sign-in method).');
  });
}

// ---------------------------------------------------------------------------------------------
// Controls

function selectedRadio(name: string): HTMLInputElement | null {
  return document.querySelector<HTMLInputElement>(`input[type="radio"][name="${name}"]:checked`);
}

function applyUser(): void {
  const key = (selectedRadio('user')?.value ?? 'no-phone') as UserKey;
  const user = USERS[key] ?? USERS['no-phone'];
  if (widget.accessToken === user.token) return;
  widget.accessToken = user.token; // the widget reloads itself
  note(`Signed in as ${user.label}`);
}

function applyLang(announce = true): void {
  const lang = (selectedRadio('lang')?.value ?? 'en-US') as Lang;
  widget.setAttribute('lang', lang);
  if (announce) note(`Widget language: ${lang}`);
}

function currentLang(): Lang {
  return (widget.getAttribute('lang') ?? 'en-US') as Lang;
}

// ---------------------------------------------------------------------------------------------
// Appearance: the widget's `theme` attribute (the page follows it) and its primary colour

type Theme = 'light' | 'dark' | 'auto';
const systemDark = window.matchMedia('(prefers-color-scheme: dark)');
/** The brand colour picked, per theme; undefined keeps the widget's own. */
let brand: { light: string; dark: string } | undefined;

function applyTheme(announce = true): void {
  const theme = (selectedRadio('theme')?.value ?? 'light') as Theme;
  widget.setAttribute('theme', theme);
  document.documentElement.dataset.theme = theme;
  applyBrand();
  if (announce) note(`Theme: ${theme}`);
}

/** A swatch holds its two tones in its style (--light, --dark), which also paints it. */
function pickSwatch(): void {
  const radio = selectedRadio('brand');
  const swatch = radio?.closest<HTMLElement>('.swatch');
  brand =
    !swatch || radio?.value === 'default'
      ? undefined
      : { light: swatch.style.getPropertyValue('--light').trim(), dark: swatch.style.getPropertyValue('--dark').trim() };
  brandCustom.classList.remove('is-selected');
  applyBrand();
  note(`Brand colour: ${swatch?.title ?? 'default'}`);
}

function pickCustomColour(): void {
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="brand"]')) radio.checked = false;
  brandCustom.classList.add('is-selected');
  brand = { light: brandCustom.value, dark: brandCustom.value };
  applyBrand();
}

/** Sets the documented custom properties on the widget, with a text colour that reads on the brand colour. */
function applyBrand(): void {
  const theme = widget.getAttribute('theme');
  const dark = theme === 'dark' || (theme === 'auto' && systemDark.matches);
  const primary = brand && (dark ? brand.dark : brand.light);
  if (primary) {
    const onPrimary = readableOn(primary);
    widget.style.setProperty('--authing-color-primary', primary);
    widget.style.setProperty('--authing-color-on-primary', onPrimary);
    showMarkup(`theme="${theme}"`, `--authing-color-primary: ${primary};`, `--authing-color-on-primary: ${onPrimary};`);
  } else {
    widget.style.removeProperty('--authing-color-primary');
    widget.style.removeProperty('--authing-color-on-primary');
    showMarkup(`theme="${theme}"`);
  }
}

/** What the page set on the widget, as a host would write it. */
function showMarkup(...declarations: string[]): void {
  brandCss.replaceChildren(...declarations.flatMap((text) => [el('code', undefined, text), ' ']));
}

/** White or the dark theme's ink, whichever contrasts more with `hex` (WCAG relative luminance). */
function readableOn(hex: string): string {
  const WHITE = '#ffffff';
  const INK = '#0b1220';
  const contrast = (a: string, b: string) => {
    const [hi = 0, lo = 0] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  return contrast(hex, WHITE) >= contrast(hex, INK) ? WHITE : INK;
}

function luminance(hex: string): number {
  const channels = (hex.replace('#', '').match(/../g) ?? ['00', '00', '00']).map((h) => parseInt(h, 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

async function loadServerConfig(): Promise<void> {
  serverVerifyOld.checked = (await emulator.config()).verifyOldPhone;
}

let faultArmed = false;

async function refreshFaults(): Promise<void> {
  if (!faultArmed) return;
  try {
    if ((await emulator.faults()).length === 0) {
      faultArmed = false;
      faultStatus.textContent = 'The fault was used by the last request.';
    }
  } catch {
    // the outbox poll reports an unreachable emulator
  }
}

function wireControls(): void {
  document.getElementById('user-switch')?.addEventListener('change', applyUser);
  document.getElementById('lang-switch')?.addEventListener('change', () => applyLang());
  document.getElementById('theme-switch')?.addEventListener('change', () => applyTheme());
  document.getElementById('brand-switch')?.addEventListener('change', (event) => {
    if (event.target !== brandCustom) return pickSwatch();
    pickCustomColour();
    note(`Brand colour: ${brandCustom.value}`);
  });
  brandCustom.addEventListener('input', pickCustomColour);
  systemDark.addEventListener('change', applyBrand);

  serverVerifyOld.addEventListener('change', async () => {
    const verifyOldPhone = serverVerifyOld.checked;
    try {
      await emulator.configure({ verifyOldPhone });
      note(`User pool ${verifyOldPhone ? 'requires' : 'does not require'} the current number's code on change`);
      // The widget reads the pool's settings (the app's public config) once per connection: connect again.
      const token = widget.accessToken;
      widget.accessToken = '';
      await widget.updateComplete;
      widget.accessToken = token;
    } catch (error) {
      serverVerifyOld.checked = !verifyOldPhone;
      note(`Could not change the emulator setting: ${String(error)}`);
    }
  });

  widgetSkipOld.addEventListener('change', () => {
    widget.toggleAttribute('skip-old-phone-verification', widgetSkipOld.checked);
    note(`Widget ${widgetSkipOld.checked ? 'skips' : 'asks for'} the current number's code on change`);
  });

  faultArm.addEventListener('click', async () => {
    const fault = FAULTS[faultKind.value];
    if (!fault) return;
    try {
      await emulator.fault({ path: '*', times: 1, ...fault.body(currentLang()) });
      faultArmed = true;
      faultStatus.textContent = `Armed: the next request gets ${fault.describe}.`;
      note(`Fault armed: ${fault.describe}`);
    } catch (error) {
      faultStatus.textContent = `Could not arm the fault: ${String(error)}`;
    }
  });

  resetButton.addEventListener('click', async () => {
    resetButton.disabled = true;
    resetStatus.textContent = 'Resetting…';
    try {
      await emulator.reset();
      await loadServerConfig();
      faultArmed = false;
      faultStatus.textContent = '';
      clearLog();
      outboxKey = '';
      newestSeen = 0; // the emulator numbers messages from 1 again
      renderOutbox([]);
      widget.reload();
      resetStatus.textContent = 'Emulator reset: seed users and default settings restored.';
      schedulePoll(0);
    } catch (error) {
      resetStatus.textContent = `Reset failed: ${String(error)}`;
    } finally {
      resetButton.disabled = false;
    }
  });

  byId('reload').addEventListener('click', () => {
    widget.reload();
    note('widget.reload()');
  });
  byId('log-clear').addEventListener('click', clearLog);
  document.addEventListener('visibilitychange', () => schedulePoll(document.hidden ? POLL_HIDDEN_MS : 0));
}

// ---------------------------------------------------------------------------------------------
// Start

async function main(): Promise<void> {
  // The browser's language as the widget resolves it, else English: the demo is read by developers.
  const browserLang: Lang = resolveLang(navigator.language) ?? 'en-US';
  const langRadio = document.querySelector<HTMLInputElement>(`input[name="lang"][value="${browserLang}"]`);
  if (langRadio) langRadio.checked = true;
  applyLang(false);
  applyTheme(false);
  wireControls();

  emulator = await connectEmulator();
  emulatorUrlOut.textContent = emulator.url;
  widget.setAttribute('app-host', emulator.url);
  applyUser();

  try {
    await loadServerConfig();
  } catch {
    // refreshOutbox shows the banner
  }
  await refreshOutbox();
  schedulePoll();
}

void main();
