import { html, type TemplateResult } from 'lit';
import { codeField, form, phoneField, title } from './fields.js';
import { row } from './overview.js';
import type { View } from './view.js';

/**
 * No phone yet: a number, its code, and the one button that binds it. In the row layout, first the
 * row ("Not set · Add"); the form it opens has Cancel, back to the row.
 */
export function bind(view: View): TemplateResult {
  const { t } = view;
  const inRow = view.layout === 'row';
  if (inRow && !view.rowOpen) return row(view);
  return form(
    view,
    html`${title(view, t.bindTitle)}
      <p class="apm__muted">${t.noPhone}</p>
      ${phoneField(view, t.phoneNumber)} ${codeField(view)}`,
    { submitLabel: t.bind, cancellable: inRow },
  );
}
