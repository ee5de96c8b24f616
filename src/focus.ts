import type { Field, FlowState } from './core/flow/phone-flow.js';

/**
 * Where focus goes after the user's action changed the widget: the field an error is about, the code
 * input once a code was sent, a new step's first control or heading. Never pulls focus back from
 * elsewhere on the page: only from inside the widget or from nowhere.
 */
export function moveFocus(host: HTMLElement, previous: FlowState, state: FlowState): void {
  const active = document.activeElement;
  if (active && active !== host && active !== document.body) return;
  const root = host.shadowRoot!;
  const { step, error, notice } = state;
  const byField = (field: Field) => root.querySelector<HTMLElement>(`[data-error-field="${field}"]`);
  const heading = () => root.querySelector<HTMLElement>('[part~="title"]');
  let target: HTMLElement | null = null;
  if (error?.field) target = byField(error.field);
  else if (notice?.kind === 'code-sent') target = root.querySelector('[part~="code-input"]');
  else if (previous.step !== step) target = root.querySelector('[data-autofocus]') ?? heading();
  else if (error) target = heading();
  target?.focus();
}
