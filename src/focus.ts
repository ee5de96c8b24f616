import { codeFieldOf, type Field, type FlowState } from './core/flow/phone-flow.js';

/** Focus is elsewhere on the page: never pull it back. */
const focusElsewhere = (host: HTMLElement) => {
  const active = document.activeElement;
  return !!active && active !== host && active !== document.body;
};

/** A step's first control, else its heading. */
const stepStart = (root: ShadowRoot) =>
  root.querySelector<HTMLElement>('[data-autofocus]') ?? root.querySelector<HTMLElement>('[part~="title"]');

/** Focuses an input and selects what it holds, so typing replaces it. */
function focusAndSelect(target: HTMLElement): void {
  target.focus();
  if (target instanceof HTMLInputElement) target.select();
}

/**
 * Where focus goes after the user's action changed the widget: the field an error is about (its
 * text selected), the code input once a code was sent, a new step's code input when it holds a
 * code (back to fix it), else its first control or heading. Never pulls focus back from elsewhere
 * on the page: only from inside the widget or from nowhere.
 */
export function moveFocus(host: HTMLElement, previous: FlowState, state: FlowState): void {
  if (focusElsewhere(host)) return;
  const root = host.shadowRoot!;
  const { step, error, notice } = state;
  const byField = (field: Field) => root.querySelector<HTMLElement>(`[data-error-field="${field}"]`);
  const codeField = codeFieldOf(step);
  let target: HTMLElement | null = null;
  if (error?.field) target = byField(error.field);
  else if (notice?.kind === 'code-sent') target = root.querySelector('[part~="code-input"]');
  else if (previous.step !== step) target = codeField && state.draft[codeField] ? byField(codeField) : stepStart(root);
  else if (error && !root.activeElement) target = root.querySelector('[part~="title"]');
  if (target) focusAndSelect(target);
}

const lostIn = new WeakSet<HTMLElement>();

/**
 * After an update that removed the focused control (Try again, a reload the widget started), focus
 * the step that replaced it once there is one, unless the user has moved on elsewhere.
 */
export function recoverFocus(host: HTMLElement, lost: boolean): void {
  if (lost) lostIn.add(host);
  if (!lostIn.has(host)) return;
  if (focusElsewhere(host) || host.shadowRoot!.activeElement) {
    lostIn.delete(host);
    return;
  }
  const target = stepStart(host.shadowRoot!);
  if (target) {
    lostIn.delete(host);
    target.focus();
  }
}
