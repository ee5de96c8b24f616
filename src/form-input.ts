import type { Draft, Intent } from './core/flow/phone-flow.js';
import type { PhoneSession } from './core/session.js';
import type { Handlers } from './templates/view.js';

/**
 * What the user does in the form, as the session's intents: an input is an edit of the field its
 * `data-field` names, a form's submit (Enter, or its main button) a submit. While an IME composition
 * runs (a Chinese or Japanese keyboard) its text is not the user's input yet: it is read once, at
 * compositionend.
 */
export class FormInput {
  /** A composition runs: a render (a countdown's tick) must not write over its text either. */
  composing = false;
  /** The templates' handlers for the form and its inputs. */
  readonly handlers: Pick<Handlers, 'intent' | 'submit' | 'input' | 'compositionStart'>;

  constructor(session: Pick<PhoneSession, 'send'>) {
    const send = (intent: Intent) => session.send(intent);
    this.handlers = {
      intent: send,
      submit: (event) => {
        event.preventDefault();
        // Enter that commits a composition submits nothing.
        if (this.composing) return;
        const active = ((event.currentTarget as Element).getRootNode() as ShadowRoot).activeElement as HTMLInputElement | null;
        send({ type: 'submit', from: active?.name === 'phone' ? 'phone' : undefined });
      },
      input: (event) => {
        if (event.type === 'compositionend') this.composing = false;
        else if (this.composing || (event as InputEvent).isComposing) return;
        const input = event.target as HTMLInputElement;
        send({ type: 'edit', field: input.dataset.field as keyof Draft, value: input.value });
      },
      compositionStart: () => {
        this.composing = true;
      },
    };
  }
}
