import { html, type TemplateResult } from 'lit';
import { codeField, form, phoneField, title } from './fields.js';
import type { View } from './view.js';

/** No phone yet: a number, its code, and the one button that binds it. */
export function bind(view: View): TemplateResult {
  const { t } = view;
  return form(
    view,
    html`${title(view, t.bindTitle)}
      <p class="apm__muted">${t.noPhone}</p>
      ${phoneField(view, t.phoneNumber)} ${codeField(view)}`,
    { submitLabel: t.bind, cancellable: false },
  );
}
