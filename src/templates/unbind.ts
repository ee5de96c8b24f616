import { html, type TemplateResult } from 'lit';
import { maskPhone } from '../core/phone.js';
import { codeField, form, title } from './fields.js';
import type { View } from './view.js';

/**
 * Removing the phone, in one step: what it means, a code to the number, and the red button. A
 * complete code never submits by itself here: only the button removes the number.
 */
export function unbind(view: View): TemplateResult {
  const { t, state } = view;
  const phone = state.account.phone ? maskPhone(state.account.phone) : '';
  return form(
    view,
    html`${title(view, t.unbindTitle(phone))}
      <p>${t.unbindWarning(phone)}</p>
      ${codeField(view)}`,
    { submitLabel: t.confirmUnbind, submitKind: 'danger-solid', cancellable: true },
  );
}
