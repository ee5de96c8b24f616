import type { ReactiveController, ReactiveElement } from 'lit';
import { outcomeOf, type Notice } from '../core/flow/phone-flow.js';
import type { PhoneSession } from '../core/session.js';

/**
 * The success banner at the top ("Phone number added"): shown for each new outcome, closed by the user
 * or after `noticeMs` by itself, though not while it holds focus or the pointer. One timer, cleared
 * when the host leaves the page.
 */
export class NoticeController implements ReactiveController {
  /** The user closed the banner, or it went by itself. */
  dismissed = false;
  private readonly host: ReactiveElement;
  private readonly session: Pick<PhoneSession, 'state'>;
  private readonly lifetime: { readonly noticeMs: number };
  private shown?: Notice;
  private timer?: ReturnType<typeof setTimeout>;

  /** `lifetime.noticeMs` is read for each new banner: a change applies to the next one. */
  constructor(host: ReactiveElement, session: Pick<PhoneSession, 'state'>, lifetime: { readonly noticeMs: number }) {
    this.host = host;
    this.session = session;
    this.lifetime = lifetime;
    host.addController(this);
  }

  /** A new outcome: shown again, and timed. "Code sent" and the info banner stay: they go with their step. */
  hostUpdate(): void {
    const { notice } = this.session.state;
    if (notice === this.shown) return;
    this.shown = notice;
    this.dismissed = false;
    clearTimeout(this.timer);
    if (!outcomeOf(this.session.state)) return;
    const expire = () => {
      const status = this.host.shadowRoot?.querySelector('[part~="status"]');
      const held = !!status && (status.contains(this.host.shadowRoot!.activeElement) || status.matches(':hover'));
      if (held) this.timer = setTimeout(expire, 1000);
      else if (this.session.state.notice === notice) this.close();
    };
    this.timer = setTimeout(expire, this.lifetime.noticeMs);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /** The banner's close button. If the banner held focus, the step gets it. */
  dismiss(): void {
    this.close();
    void this.host.updateComplete.then(() => {
      const root = this.host.shadowRoot;
      if (!root?.activeElement) root?.querySelector<HTMLElement>('[data-autofocus], [part~="title"]')?.focus();
    });
  }

  private close(): void {
    this.dismissed = true;
    this.host.requestUpdate();
  }
}
