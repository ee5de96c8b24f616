import type { ReactiveController, ReactiveElement } from 'lit';
import type { SessionController } from './controllers/session-controller.js';
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
function moveFocus(host: HTMLElement, previous: FlowState, state: FlowState): void {
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

/**
 * Where focus goes after an update: after the user's action, {@link moveFocus}; after an update that
 * removed the focused control (Try again, a reload the widget started), to the step that replaced it
 * once there is one, unless the user has moved on elsewhere. Added last, it runs after every other
 * controller.
 */
export class FocusController implements ReactiveController {
  private readonly host: ReactiveElement;
  private readonly session: Pick<SessionController, 'state' | 'takeUserChange'>;
  /** The element focused in the shadow root before an update: if the update removed it, focus was lost. */
  private focusedBefore: Element | null = null;
  private lost = false;

  constructor(host: ReactiveElement, session: Pick<SessionController, 'state' | 'takeUserChange'>) {
    this.host = host;
    this.session = session;
    host.addController(this);
  }

  hostUpdate(): void {
    this.focusedBefore = this.host.shadowRoot?.activeElement ?? null;
  }

  hostUpdated(): void {
    const previous = this.session.takeUserChange();
    if (previous) moveFocus(this.host, previous, this.session.state);
    if (this.focusedBefore && !this.focusedBefore.isConnected) this.lost = true;
    this.focusedBefore = null;
    if (this.lost) this.recover();
  }

  private recover(): void {
    const root = this.host.shadowRoot!;
    if (focusElsewhere(this.host) || root.activeElement) {
      this.lost = false;
      return;
    }
    const target = stepStart(root);
    if (target) {
      this.lost = false;
      target.focus();
    }
  }
}
