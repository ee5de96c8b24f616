// Drives the widget the way a person does: real key presses and mouse clicks, reading what is shown.
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { waitUntil as waitUntilOpenWc } from '@open-wc/testing';
import type { AuthingPhoneManager } from '../../src/authing-phone-manager.js';
import '../../src/define.js';
import { emulatorUrl } from './emulator.js';

export type Widget = AuthingPhoneManager;

/**
 * open-wc's waitUntil, with 5 s by default instead of 1 s: what the tests wait for (a request to the
 * emulator, then a render) can take more than a second on a loaded machine.
 */
export function waitUntil(
  predicate: () => unknown,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return waitUntilOpenWc(predicate, message, { timeout: 5000, ...options });
}

/** The app id every mounted widget sends (the emulator requires an app or pool id, as Authing's clients all send one). */
export const TEST_APP_ID = 'test-app';

/**
 * A widget for `token`, not yet on the page, set up as a new user sets it up: `app-host` the emulator,
 * the token, `app-id` {@link TEST_APP_ID} and `lang` en-US unless `attributes` gives another value, or
 * `null` for none. Nothing else: the defaults (country, code length, old-phone step) come from the pool.
 */
export async function createWidget(token: string, attributes: Record<string, string | null> = {}): Promise<Widget> {
  const el = document.createElement('authing-phone-manager');
  el.setAttribute('app-host', await emulatorUrl());
  el.setAttribute('access-token', token);
  el.setAttribute('lang', 'en-US');
  el.setAttribute('app-id', TEST_APP_ID);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null) el.removeAttribute(name);
    else el.setAttribute(name, value);
  }
  return el;
}

/**
 * Mounts a widget made by {@link createWidget} (at the end of `parent`, the body by default) and waits
 * until its profile has loaded.
 */
export async function mount(
  token: string,
  attributes: Record<string, string | null> = {},
  parent: ParentNode = document.body,
): Promise<Widget> {
  const el = await createWidget(token, attributes);
  const loaded = nextEvent(el, 'authing-profile-loaded');
  parent.append(el);
  await loaded;
  await el.updateComplete;
  return el;
}

export function unmountAll(): void {
  document.querySelectorAll('authing-phone-manager').forEach((el) => el.remove());
}

export function nextEvent<K extends keyof GlobalEventHandlersEventMap>(
  target: EventTarget,
  type: K,
  timeout = 5000,
): Promise<GlobalEventHandlersEventMap[K]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} within ${timeout} ms`)), timeout);
    target.addEventListener(
      type,
      (event) => {
        clearTimeout(timer);
        resolve(event as GlobalEventHandlersEventMap[K]);
      },
      { once: true },
    );
  });
}

/** Every event of these types the element fires, in order. */
export function recordEvents(el: EventTarget, types: string[]): CustomEvent[] {
  const seen: CustomEvent[] = [];
  for (const type of types) el.addEventListener(type, (event) => seen.push(event as CustomEvent));
  return seen;
}

export const $ = <T extends Element = HTMLElement>(el: Widget, selector: string): T | null => el.shadowRoot!.querySelector<T>(selector);

export function part<T extends HTMLElement = HTMLElement>(el: Widget, name: string): T {
  const node = el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
  if (!node) throw new Error(`no part ${name} in: ${text(el)}`);
  return node;
}

export const text = (el: Widget): string => (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ').trim();
export const title = (el: Widget): string => el.shadowRoot!.querySelector('[part~="title"]')?.textContent?.trim() ?? '';
/** Every error the widget shows: the alert at the top and those under their fields. */
export const errorText = (el: Widget): string =>
  [part(el, 'error'), ...el.shadowRoot!.querySelectorAll('[part~="field-error"]')]
    .map((node) => node.textContent ?? '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
/** The error under one input (`phone`, `code`, `currentCode`), or '' when it has none. */
export const fieldError = (el: Widget, field: string): string =>
  el.shadowRoot!.querySelector(`[part~="error-${field}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
export const statusText = (el: Widget): string => part(el, 'status').textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The number field and the code field of the step shown. */
export const phoneInput = (el: Widget): HTMLInputElement => part<HTMLInputElement>(el, 'phone-input');
export const codeInput = (el: Widget): HTMLInputElement => part<HTMLInputElement>(el, 'code-input');

/** Finds a button by its visible label. */
export function button(el: Widget, label: string | RegExp): HTMLButtonElement {
  const all = [...el.shadowRoot!.querySelectorAll('button')];
  const found = all.find((b) => (typeof label === 'string' ? b.textContent!.trim() === label : label.test(b.textContent!.trim())));
  if (!found) throw new Error(`no button "${label}" among: ${all.map((b) => b.textContent!.trim()).join(' | ')}`);
  return found;
}

/** Clicks with the real mouse at the element's centre. */
export async function click(node: HTMLElement): Promise<void> {
  node.scrollIntoView({ block: 'center' });
  const rect = node.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)] });
}

/** Focuses an input by clicking it and types into it with real key presses. */
export async function type(node: HTMLInputElement, value: string, { clear = true } = {}): Promise<void> {
  await click(node);
  if (clear && node.value) {
    await sendKeys({ press: 'End' });
    for (let i = node.value.length; i > 0; i--) await sendKeys({ press: 'Backspace' });
  }
  await sendKeys({ type: value });
}

export const press = (key: string) => sendKeys({ press: key });

/** Picks a country as a keyboard user does: Enter on the prefix opens the list, a search (a name, or an English one), Enter. */
export async function pickCountry(el: Widget, search: string): Promise<void> {
  part(el, 'country-select').focus();
  await press('Enter');
  await waitUntil(() => $(el, '[part~="country-search"]'), 'the country list did not open');
  await type(part<HTMLInputElement>(el, 'country-search'), search);
  await press('Enter');
  await el.updateComplete;
}

/** Does what sends a code (`via`), and waits until it is sent and the widget is idle. */
export async function sendCode(el: Widget, via: () => Promise<void>): Promise<void> {
  const sent = nextEvent(el, 'authing-code-sent');
  await via();
  await sent;
  await waitIdle(el);
}

/** Types a number and presses Enter, which sends it a code; waits until it is sent. */
export const sendCodeWithEnter = (el: Widget, phone: string): Promise<void> =>
  sendCode(el, async () => {
    await type(phoneInput(el), phone);
    await press('Enter');
  });

/** Clicks Send code; waits until it is sent. */
export const clickSend = (el: Widget): Promise<void> => sendCode(el, () => click(part(el, 'send-button')));

/** Waits until the widget shows a step with this title. */
export async function waitForTitle(el: Widget, expected: string): Promise<void> {
  await waitUntil(() => title(el) === expected, `title never became "${expected}" (shows: ${text(el)})`);
}

export async function waitForError(el: Widget): Promise<string> {
  await waitUntil(() => errorText(el) !== '', `no error shown (shows: ${text(el)})`);
  return errorText(el);
}

export async function waitIdle(el: Widget): Promise<void> {
  // Polled often: flows wait for it many times over.
  await waitUntil(() => part(el, 'base').getAttribute('aria-busy') === 'false', 'widget stayed busy', { interval: 10 });
  await el.updateComplete;
}

/** The element focused inside the widget's shadow root. */
export const focused = (el: Widget): Element | null => el.shadowRoot!.activeElement;
