import { html, type TemplateResult } from 'lit';
import { maskPhone } from '../core/phone.js';
import { codeField, form, phoneRow, sendButton } from './fields.js';
import type { View } from './view.js';

/** Change, first step: a code to the current number. */
export function changeCurrent(view: View): TemplateResult {
  const { t, state } = view;
  const phone = state.account.phone ? maskPhone(state.account.phone) : '';
  return form(
    view,
    html`<p class="apm__muted">${t.changeCurrentIntro(phone)}</p>
      <div class="apm__row">${sendButton(view, 'change-current')}</div>
      ${codeField(view, 'currentCode', 'change-current')}`,
    { title: t.changeTitle, submitLabel: t.continue, cancellable: true },
  );
}

/** Change, second step: the new number and its code. */
export function changeNew(view: View): TemplateResult {
  const { t, state } = view;
  return form(
    view,
    html`<p class="apm__muted">${t.changeNewIntro}</p>
      ${phoneRow(view, t.newPhoneNumber, 'change-new')} ${codeField(view, 'code', 'change-new')}`,
    { title: t.changeTitle, submitLabel: t.confirmChange, cancellable: true, back: state.options.verifyCurrent },
  );
}
