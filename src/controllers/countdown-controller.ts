import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * Renders resend countdowns: the deadlines are the session's data, this only updates the host once a
 * second while one runs. One timer, only while a countdown runs and the host is on the page; the
 * shown seconds come from the deadlines, so a throttled background tab cannot stretch them.
 */
export class CountdownController implements ReactiveController {
  private readonly host: ReactiveElement;
  private readonly deadlines: () => Readonly<Record<string, number>>;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(host: ReactiveElement, deadlines: () => Readonly<Record<string, number>>) {
    this.host = host;
    this.deadlines = deadlines;
    host.addController(this);
  }

  hostUpdated(): void {
    const now = Date.now();
    const running = this.host.isConnected && Object.values(this.deadlines()).some((deadline) => deadline > now);
    if (!running) this.hostDisconnected();
    else this.timer ??= setInterval(() => this.host.requestUpdate(), 1000);
  }

  hostConnected(): void {
    this.host.requestUpdate(); // back on the page: the countdown picks up where the clock is
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
