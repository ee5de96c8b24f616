import { css } from 'lit';

// Public custom properties are only read, with fallbacks, never set on :host, so a page can theme
// every instance once at :root and still override one. Themes change the fallbacks through
// private `--_*` properties.

/** The dark palette, for `theme="dark"` and for `theme="auto"` on a dark system. */
const dark = css`
  --_primary: var(--authing-color-primary, #93c5fd);
  --_on-primary: var(--authing-color-on-primary, #0b1220);
  --_danger: var(--authing-color-danger, #fca5a5);
  --_text: var(--authing-color-text, #e5e7eb);
  --_muted: var(--authing-color-muted, #b6bcc6);
  --_border: var(--authing-color-border, #8b93a1);
  --_surface: var(--authing-color-surface, #111827);
  --_field: var(--authing-color-field, #0b1220);
  color-scheme: dark;
`;

export const styles = css`
  :host {
    display: block;
    font-family: var(--authing-font-family, inherit);
    line-height: 1.5;
    container-type: inline-size;
    --_primary: var(--authing-color-primary, #1d4ed8);
    --_on-primary: var(--authing-color-on-primary, #ffffff);
    --_danger: var(--authing-color-danger, #b91c1c);
    --_text: var(--authing-color-text, inherit);
    --_muted: var(--authing-color-muted, #4b5563);
    --_border: var(--authing-color-border, #6b7280);
    --_surface: var(--authing-color-surface, transparent);
    --_field: var(--authing-color-field, transparent);
    --_radius: var(--authing-radius, 6px);
    --_gap: var(--authing-gap, 0.75rem);
  }
  :host([theme='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${dark}
    }
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  .apm {
    display: grid;
    gap: var(--_gap);
    min-width: 0;
    color: var(--_text);
    background: var(--_surface);
    padding: var(--authing-padding, 0);
    border-radius: var(--_radius);
  }
  .apm__form {
    display: grid;
    gap: var(--_gap);
    margin: 0;
    min-width: 0;
  }
  .apm__title {
    font-size: 1.125em;
    font-weight: 600;
    margin: 0;
  }
  .apm__title:focus {
    outline: none;
  }
  p {
    margin: 0;
  }
  .apm__muted,
  .apm__hint,
  .apm__request-id {
    color: var(--_muted);
  }
  .apm__hint,
  .apm__request-id {
    font-size: 0.875em;
  }
  .apm__current {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    align-items: baseline;
  }
  /* Numbers read left to right even in right-to-left pages. */
  .apm__phone,
  input,
  select {
    direction: ltr;
    unicode-bidi: isolate;
  }
  .apm__phone {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .apm__row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: flex-end;
  }
  .apm__field {
    display: grid;
    gap: 0.25rem;
    min-width: 0;
  }
  .apm__field--country,
  .apm__field--grow {
    flex: 1 1 12em;
  }
  input,
  select {
    font: inherit;
    color: inherit;
    background: var(--_field);
    inline-size: 100%;
    min-block-size: 2.5rem;
    padding-block: 0.375rem;
    padding-inline: 0.625rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  input[readonly],
  select:disabled {
    opacity: 0.7;
  }
  .apm__title:focus-visible,
  input:focus-visible,
  select:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--_primary);
    outline-offset: 2px;
  }
  .apm__actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .apm__button {
    font: inherit;
    min-block-size: 2.5rem;
    min-inline-size: 2.5rem;
    padding-block: 0.375rem;
    padding-inline: 1rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_primary);
    background: transparent;
    color: var(--_primary);
    cursor: pointer;
    /* Not opacity: a button that becomes usable shows it at once (and at full contrast). */
    transition: background-color 120ms ease;
  }
  .apm__button:hover {
    background: color-mix(in srgb, var(--_primary) 10%, transparent);
  }
  .apm__button--primary,
  .apm__button--primary:hover {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .apm__button--danger {
    border-color: var(--_danger);
    color: var(--_danger);
  }
  .apm__button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .apm__send {
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .apm__status:empty,
  .apm__error:empty {
    display: none;
  }
  .apm__error {
    color: var(--_danger);
  }
  /* Narrow containers (from 280 px): one control per line, full-width buttons. */
  @container (max-width: 360px) {
    .apm__row,
    .apm__actions {
      flex-direction: column;
      align-items: stretch;
    }
    .apm__field--country,
    .apm__field--grow {
      flex-basis: auto;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .apm__button {
      transition: none;
    }
  }
`;
