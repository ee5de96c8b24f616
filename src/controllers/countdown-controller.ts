import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Resend cooldowns, one per key (a number and SMS channel). Deadline-based, so a throttled
 * background tab cannot stretch them; one timer runs only while some cooldown does.
 */
export class CountdownController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly deadlines = new Map<string, number>();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  /** Whole seconds left for `key`; 0 when it may be sent again. */
  remaining(key: string): number {
    const deadline = this.deadlines.get(key);
    return deadline === undefined ? 0 : Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
  }

  start(key: string, seconds: number): void {
    this.deadlines.set(key, Date.now() + seconds * 1000);
    this.tick();
    this.hostConnected(); // the timer, if a cooldown is running
  }

  hostConnected(): void {
    if (this.deadlines.size) this.timer ??= setInterval(() => this.tick(), 1000);
  }

  hostDisconnected(): void {
    // A detached element keeps no timer alive; deadlines survive a move in the DOM.
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    const now = Date.now();
    for (const [key, deadline] of this.deadlines) if (deadline <= now) this.deadlines.delete(key);
    if (!this.deadlines.size) this.hostDisconnected();
    this.host.requestUpdate();
  }
}
