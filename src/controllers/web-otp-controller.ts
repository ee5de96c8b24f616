import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { codeFieldOf, type FlowState } from '../core/flow/phone-flow.js';
import type { PhoneSession } from '../core/session.js';

interface OtpCredential extends Credential {
  code: string;
}

/**
 * Fills the SMS code with the WebOTP API where the browser has it (Chrome on Android), once a code
 * is on its way. Harmless elsewhere: without `OTPCredential` it does nothing. One listen at a time,
 * stopped when the step changes or the element leaves the page.
 */
export class WebOtpController implements ReactiveController {
  private controller?: AbortController;
  private seen?: FlowState;
  private readonly session: Pick<PhoneSession, 'state' | 'send'>;

  /** The code goes to the session as the user's edit of its field. */
  constructor(host: ReactiveControllerHost, session: Pick<PhoneSession, 'state' | 'send'>) {
    this.session = session;
    host.addController(this);
  }

  static get supported(): boolean {
    return typeof window !== 'undefined' && 'OTPCredential' in window && !!navigator.credentials;
  }

  hostUpdated(): void {
    const previous = this.seen;
    const state = (this.seen = this.session.state);
    if (previous && previous.step !== state.step) this.stop();
    const field = codeFieldOf(state.step);
    if (field && state.notice?.kind === 'code-sent' && previous?.notice !== state.notice) this.listen(field);
  }

  hostDisconnected(): void {
    this.stop();
  }

  private listen(field: 'code' | 'currentCode'): void {
    this.stop();
    if (!WebOtpController.supported) return;
    const controller = (this.controller = new AbortController());
    navigator.credentials
      .get({ otp: { transport: ['sms'] }, signal: controller.signal } as CredentialRequestOptions)
      .then((credential) => {
        if (!controller.signal.aborted && credential) this.session.send({ type: 'edit', field, value: (credential as OtpCredential).code });
      })
      // The user dismissed the prompt, or we aborted: typing the code still works.
      .catch(() => undefined);
  }

  private stop(): void {
    this.controller?.abort();
    this.controller = undefined;
  }
}
