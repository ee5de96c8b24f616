import { html, type TemplateResult } from 'lit';
import { maskPhone } from '../core/phone.js';
import { codeField, form, sendButton } from './fields.js';
import type { View } from './view.js';

const masked = ({ state }: View) => (state.account.phone ? maskPhone(state.account.phone) : '');

/** Removing the phone, first: what it means. */
export const unbindConfirm = (view: View): TemplateResult =>
  form(view, html`<p>${view.t.unbindWarning(masked(view))}</p>`, {
    title: view.t.unbindTitle,
    submitLabel: view.t.continue,
    cancellable: true,
  });

/** Removing the phone, then: a code to it. */
export function unbindCode(view: View): TemplateResult {
  const { t } = view;
  return form(
    view,
    html`<p class="apm__muted">${t.unbindCodeIntro(masked(view))}</p>
      <div class="apm__row">${sendButton(view, 'unbind')}</div>
      ${codeField(view, 'currentCode', 'unbind')}`,
    { title: t.unbindTitle, submitLabel: t.confirmUnbind, cancellable: true },
  );
}
