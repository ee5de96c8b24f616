// A phone settings UI of its own, on `authing-phone-manager/core` (the headless session) and plain
// DOM: no Lit, no widget. What a host writes when it wants its own markup and design system. Every
// string from the server or the user is written with textContent.
import {
  asksNewNumber,
  canUnbind,
  codeFieldOf,
  codePurposeOf,
  createPhoneSession,
  maskPhone,
  type FlowState,
  type Intent,
  type PhoneSession,
} from '../../src/core/index.js';

const TITLES: Record<FlowState['step'], string> = {
  'signed-out': 'Sign in to manage your phone number.',
  loading: 'Loading…',
  unavailable: 'Could not load your phone number',
  overview: 'Your phone number',
  bind: 'Add a phone number',
  'change-current': 'Change: confirm your current number',
  'change-new': 'Change: your new number',
  unbind: 'Remove your phone number?',
};

const SUBMIT: Partial<Record<FlowState['step'], string>> = {
  bind: 'Add',
  'change-current': 'Continue',
  'change-new': 'Change',
  unbind: 'Remove',
};

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> & Record<string, unknown> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

/** Mounts the UI in `container`; returns the session and a function that takes it down. */
export function mountHeadlessUi(
  container: HTMLElement,
  connection: { appHost: string; accessToken: string; appId?: string; userPoolId?: string },
): { session: PhoneSession; unmount(): void } {
  const session = createPhoneSession({ connection: { ...connection, lang: 'en-US' } });
  const log = el('ol', { className: 'headless-log', ariaLabel: 'What the session said' });
  const view = el('div');
  container.append(view, log);
  const send = (intent: Intent) => session.send(intent);

  session.notify((notification) => {
    const line = notification.type === 'error' ? `error ${notification.error.code} (${notification.action})` : notification.type;
    log.prepend(el('li', { textContent: line }));
  });

  function render(state: FlowState): void {
    // What each step asks for comes from the core's step table: no flow rule is repeated here.
    const codeField = codeFieldOf(state.step);
    const purpose = codePurposeOf(state.step);
    const parts: Node[] = [el('h3', { textContent: TITLES[state.step] })];
    const phone = state.account.phone;
    if (state.step === 'overview' && phone) {
      parts.push(el('p', { className: 'headless-phone', textContent: maskPhone(phone) }));
      parts.push(el('button', { type: 'button', textContent: 'Change', onclick: () => send({ type: 'start', flow: 'change' }) }));
      if (canUnbind(state))
        parts.push(el('button', { type: 'button', textContent: 'Remove', onclick: () => send({ type: 'start', flow: 'unbind' }) }));
    }
    if (state.step === 'unavailable')
      parts.push(el('button', { type: 'button', textContent: 'Try again', onclick: () => session.reload() }));
    const form = el('form', { noValidate: true });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      send({ type: 'submit' });
    });
    if (asksNewNumber(state.step)) {
      form.append(
        el(
          'label',
          {},
          'Number (+86 unless you type a +code) ',
          el('input', {
            name: 'phone',
            type: 'tel',
            value: state.draft.phoneNumber,
            oninput: (event: Event) => send({ type: 'edit', field: 'phoneNumber', value: (event.target as HTMLInputElement).value }),
          }),
        ),
      );
    }
    if (codeField && purpose) {
      const seconds = session.cooldownOf(purpose);
      form.append(
        el('button', {
          type: 'button',
          name: 'send',
          disabled: !!state.pending || seconds > 0,
          textContent: seconds > 0 ? `Resend in ${seconds} s` : 'Send code',
          onclick: () => send({ type: 'send-code' }),
        }),
        el(
          'label',
          {},
          'Code ',
          el('input', {
            name: 'code',
            inputMode: 'numeric',
            autocomplete: 'one-time-code',
            value: state.draft[codeField],
            oninput: (event: Event) => send({ type: 'edit', field: codeField, value: (event.target as HTMLInputElement).value }),
          }),
        ),
      );
    }
    if (SUBMIT[state.step]) {
      form.append(el('button', { type: 'submit', name: 'submit', disabled: !!state.pending, textContent: SUBMIT[state.step] }));
      form.append(el('button', { type: 'button', name: 'cancel', textContent: 'Cancel', onclick: () => send({ type: 'cancel' }) }));
      parts.push(form);
    }
    if (state.error)
      parts.push(
        el('p', {
          role: 'alert',
          className: 'headless-error',
          textContent: `${state.error.code}${state.error.field ? ` (${state.error.field})` : ''}`,
        }),
      );
    if (state.notice) parts.push(el('p', { role: 'status', textContent: state.notice.kind }));
    // Re-rendering replaces the inputs: keep focus and the caret where the user is typing.
    const active = document.activeElement as HTMLInputElement | null;
    const focused = active && view.contains(active) ? { name: active.name, caret: active.selectionStart } : undefined;
    view.replaceChildren(...parts);
    const again = focused && view.querySelector<HTMLInputElement>(`[name="${focused.name}"]`);
    if (again) {
      again.focus();
      if (focused.caret !== null && again.setSelectionRange) again.setSelectionRange(focused.caret, focused.caret);
    }
  }

  render(session.state);
  const unsubscribe = session.subscribe(render);
  // A countdown is the UI's business: the session's deadlines, shown once a second.
  const ticker = setInterval(() => Object.keys(session.state.cooldowns).length && render(session.state), 1000);
  return {
    session,
    unmount() {
      clearInterval(ticker);
      unsubscribe();
      session.dispose();
      view.remove();
      log.remove();
    },
  };
}
