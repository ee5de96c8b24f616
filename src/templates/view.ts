import type { CodePurpose, FlowState, Intent } from '../core/flow/phone-flow.js';
import type { CountryPickerController } from '../controllers/country-picker-controller.js';
import type { Messages } from '../i18n/messages.js';

/** Everything the templates read: the session's state, derived values, and the handlers they wire. */
export interface View {
  t: Messages;
  lang: string;
  state: FlowState;
  /** The profile of the connection is loading. */
  loading: boolean;
  /** The host gave an access token (or a client): the loading step says "loading", not "signed out". */
  signedIn: boolean;
  /** `light`, `dark` or `auto` (the styles read it from the widget's box). */
  theme: string;
  /** Level of the step headings (1–6). */
  headingLevel: number;
  /** The step headings are for screen readers only (`hide-heading`): the host's page has its own. */
  hideHeading: boolean;
  /** `row`: one line in a settings list until the user opens a flow (`layout="row"`). */
  layout: 'form' | 'row';
  /** In the row layout with no phone: the user pressed Add, so the bind form is open. */
  rowOpen: boolean;
  /** The user closed the success banner, or it went by itself. */
  noticeDismissed: boolean;
  /** The host offers a way out when the current number gets no codes (`offer-recovery`). */
  offerRecovery: boolean;
  /** Seconds until a code for `purpose` may go again. */
  cooldown(purpose: CodePurpose): number;
  picker: CountryPickerController;
  on: Handlers;
  /** An IME composition runs in an input: a render (a countdown's tick) must not write over its text. */
  composing: boolean;
}

export interface Handlers {
  intent(intent: Intent): void;
  /** A form's submit: Enter or its main button. */
  submit(event: SubmitEvent): void;
  /** An input with `data-field`: its input, and the end of an IME composition in it. */
  input(event: Event): void;
  /** An IME composition (a Chinese or Japanese keyboard) starts: its input waits for its end. */
  compositionStart(event: Event): void;
  retry(): void;
  /** "Can't get a code on this number?" */
  recovery(): void;
  /** The row layout's Add (true) and the bind form's Cancel there (false). */
  openRow(open: boolean): void;
  /** Closes the success banner. */
  dismissNotice(): void;
}
