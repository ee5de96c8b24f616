// What every framework proof does once its app is mounted: find the widget the framework rendered,
// bind a phone through its shadow DOM with real key presses, reading the SMS code from the emulator,
// and read back what the app rendered from its own state.
import { emulator } from '../../helpers/emulator.js';
import { part, press, text, type, waitIdle, type Widget } from '../../helpers/widget.js';

export const PHONE = '13800135555';
export const BOUND = { phoneNumber: PHONE, phoneCountryCode: '+86' };
/** The seeded user without a phone (emulator/README.md). */
export const TOKEN = 'demo-token-no-phone';

/** What the fixture apps render from their state: `<output data-state>` holding JSON. */
export interface AppState {
  /** Types of the events the app's handlers received, in order. */
  events: string[];
  /** The detail of the last `authing-phone-bound` its handler received. */
  bound: unknown;
  /** The React 18 app: the last detail of each event type. */
  details?: Record<string, unknown>;
}

/** Polls `predicate` until it is truthy; on timeout fails with `describe()`, which can say what is shown. */
export async function until<T>(predicate: () => T, describe: () => string, timeout = 5000): Promise<NonNullable<T>> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = predicate();
    if (value) return value as NonNullable<T>;
    if (Date.now() > end) throw new Error(describe());
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The widget the framework rendered in `container`, once its profile has loaded: it shows the number field, or the bound number. */
export async function widgetIn(container: Element): Promise<Widget> {
  const el = await until(
    () => container.querySelector('authing-phone-manager'),
    () => 'the framework rendered no <authing-phone-manager>',
  );
  await until(
    () => el.shadowRoot?.querySelector('[part~="phone-input"], [part~="phone"]'),
    () => `no profile loaded: the widget shows "${el.shadowRoot ? text(el) : '(no shadow root: not upgraded)'}"`,
  );
  await waitIdle(el);
  return el;
}

/** Binds PHONE: the number and Enter, then the SMS code from the emulator (a complete code submits itself). */
export async function bindPhone(el: Widget): Promise<void> {
  await type(part<HTMLInputElement>(el, 'phone-input'), '138 0013 5555');
  await press('Enter');
  await until(
    () => el.shadowRoot!.querySelector('[part~="code-input"]'),
    () => `no code field: the widget shows "${text(el)}"`,
  );
  await waitIdle(el);
  const code = await emulator.codeFor(PHONE, 'CHANNEL_BIND_PHONE');
  await type(part<HTMLInputElement>(el, 'code-input'), code);
}

/** The app's rendered state (see {@link AppState}). */
export function appState(container: Element): AppState {
  const output = container.querySelector('output[data-state]');
  if (!output) throw new Error('the app rendered no <output data-state>');
  return JSON.parse(output.textContent || '{}') as AppState;
}

/** Waits until the app has rendered the bound phone that its handler received. */
export async function boundShown(container: Element): Promise<AppState> {
  await until(
    () => appState(container).bound,
    () => `the app never rendered a bound phone (its state: ${container.querySelector('output[data-state]')?.textContent})`,
  );
  return appState(container);
}
