import { html, type TemplateResult } from 'lit';
import { codeField, form, phoneRow } from './fields.js';
import type { View } from './view.js';

/** No phone yet: a number, its code, Bind. */
export function bind(view: View): TemplateResult {
  const { t } = view;
  return form(
    view,
    html`<p class="apm__muted">${t.noPhone}</p>
      ${phoneRow(view, t.phoneNumber, 'bind')} ${codeField(view, 'code', 'bind')}`,
    { title: t.bindTitle, submitLabel: t.bind, cancellable: false },
  );
}
