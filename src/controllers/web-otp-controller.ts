import type { ReactiveController, ReactiveControllerHost } from 'lit';

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

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  static get supported(): boolean {
    return typeof window !== 'undefined' && 'OTPCredential' in window && !!navigator.credentials;
  }

  listen(onCode: (code: string) => void): void {
    this.stop();
    if (!WebOtpController.supported) return;
    const controller = (this.controller = new AbortController());
    navigator.credentials
      .get({ otp: { transport: ['sms'] }, signal: controller.signal } as CredentialRequestOptions)
      .then((credential) => {
        if (!controller.signal.aborted && credential) onCode((credential as OtpCredential).code);
      })
      // The user dismissed the prompt, or we aborted: typing the code still works.
      .catch(() => undefined);
  }

  stop(): void {
    this.controller?.abort();
    this.controller = undefined;
  }

  hostDisconnected(): void {
    this.stop();
  }
}
