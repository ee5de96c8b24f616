/** The whole widget: one status and one alert region at the top (always there), then the step. */
import { html, type TemplateResult } from 'lit';
import type { Step } from '../core/flow/phone-flow.js';
import { bind } from './bind.js';
import { changeCurrent, changeNew } from './change.js';
import { alertOf, noticeOf } from './messages.js';
import { loading, overview, unavailable } from './overview.js';
import { unbind } from './unbind.js';
import type { View } from './view.js';

const STEPS: Record<Step, (view: View) => TemplateResult> = {
  'signed-out': loading,
  loading,
  unavailable,
  overview,
  bind,
  'change-current': changeCurrent,
  'change-new': changeNew,
  unbind,
};

const frame = (view: View): TemplateResult => html`
  <section part="base" class="apm apm--${view.layout}" data-theme=${view.theme} aria-busy=${String(view.loading || !!view.state.pending)}>
    <div part="status" role="status">${noticeOf(view)}</div>
    <div part="error" id="error" role="alert">${alertOf(view)}</div>
    <div class="apm__body">${STEPS[view.state.step](view)}</div>
  </section>
`;

/**
 * The widget. When a template meets something of an unexpected type (a custom client's profile, say), it
 * says the answer could not be read, with Try again, rather than stay on what it showed before (Loading).
 */
export function widget(view: View): TemplateResult {
  try {
    return frame(view);
  } catch {
    const unreadable = { step: 'unavailable', pending: undefined, notice: undefined, error: { code: 'BAD_RESPONSE' } } as const;
    return frame({ ...view, state: { ...view.state, ...unreadable } });
  }
}
