import type { ReactiveController, ReactiveElement } from 'lit';
import type { Step } from '../core/flow/phone-flow.js';
import type { PhoneSession } from '../core/session.js';

/**
 * The row layout's own state: with no phone bound, the row ("Not set · Add") or the bind form Add
 * opened in its place. A flow that ends on `bind` (a phone removed, say) closes back to the row.
 */
export class RowController implements ReactiveController {
  /** Add opened the bind form. */
  open = false;
  private readonly host: ReactiveElement;
  private readonly session: Pick<PhoneSession, 'state'>;
  private lastStep?: Step;

  constructor(host: ReactiveElement, session: Pick<PhoneSession, 'state'>) {
    this.host = host;
    this.session = session;
    host.addController(this);
  }

  hostUpdate(): void {
    const { step } = this.session.state;
    if (step !== this.lastStep && step === 'bind') this.open = false;
    this.lastStep = step;
  }

  /** Add (true) or the bind form's Cancel (false). Focus follows: into the form it opened, or back to Add. */
  toggle(open: boolean): void {
    this.open = open;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      this.host.shadowRoot?.querySelector<HTMLElement>(open ? '[part~="phone-input"]' : '[part~="add-button"]')?.focus();
    });
  }
}
