import { css } from 'lit';

// Public custom properties are only read, with fallbacks, never set on :host, so a page can theme
// every instance once at :root and still override one. Themes change the fallbacks through
// private `--_*` properties.

/** The dark palette, for `theme="dark"` and for `theme="auto"` on a dark system. */
const dark = css`
  --_primary: var(--authing-color-primary, #93c5fd);
  --_on-primary: var(--authing-color-on-primary, #0b1220);
  --_danger: var(--authing-color-danger, #fca5a5);
  /* The remove button's fill: a red that reads as destructive, white text at 4.8:1. */
  --_danger-fill: var(--authing-color-danger, #dc2626);
  --_on-danger: var(--authing-color-on-danger, #ffffff);
  --_success: var(--authing-color-success, #86efac);
  --_text: var(--authing-color-text, #e5e7eb);
  --_muted: var(--authing-color-muted, #b6bcc6);
  --_border: var(--authing-color-border, #8b93a1);
  --_surface: var(--authing-color-surface, transparent);
  --_field: var(--authing-color-field, #0b1220);
  --_raised: #1f2937;
  /* Hover lightens on dark, darkens on light. */
  --_hover: #fff;
  --_on-tone: #0b1220;
  color-scheme: dark;
`;

export const styles = css`
  :host {
    display: block;
    font-family: var(--authing-font-family, inherit);
    line-height: 1.5;
    container-type: inline-size;
    max-inline-size: var(--authing-max-width, 28rem);
    --_primary: var(--authing-color-primary, #1d4ed8);
    --_on-primary: var(--authing-color-on-primary, #ffffff);
    --_danger: var(--authing-color-danger, #b91c1c);
    --_danger-fill: var(--_danger);
    --_on-danger: var(--authing-color-on-danger, #ffffff);
    --_success: var(--authing-color-success, #166534);
    --_text: var(--authing-color-text, inherit);
    --_muted: var(--authing-color-muted, #4b5563);
    --_border: var(--authing-color-border, #6b7280);
    --_surface: var(--authing-color-surface, transparent);
    --_field: var(--authing-color-field, transparent);
    --_raised: #ffffff;
    --_hover: #000;
    --_padding: var(--authing-padding, 0);
    --_radius: var(--authing-radius, 6px);
    --_gap: var(--authing-gap, 0.75rem);
  }
  /* On the widget's box, not on :host([theme]): theme is not reflected (an attribute added on upgrade
     would not match a server-rendered page's markup). */
  .apm[data-theme='dark'] {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    .apm[data-theme='auto'] {
      ${dark}
    }
  }
  /* A settings row spans the page's column, as the rows around it do. */
  :host([layout='row']) {
    max-inline-size: var(--authing-max-width, none);
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  .apm {
    /* The brand colour as text; the widget sets a readable shade of it here when it is too faint. */
    --_primary-text: var(--_primary);
    display: block;
    min-width: 0;
    color: var(--_text);
    background: var(--_surface);
    padding: var(--_padding);
    border-radius: var(--_radius);
  }
  .apm__body,
  .apm__form {
    display: grid;
    gap: var(--_gap);
    margin: 0;
    min-width: 0;
  }
  .apm__title {
    font-size: 1em;
    font-weight: 600;
    margin: 0;
  }
  .apm__title:focus {
    outline: none;
  }
  .apm__step {
    color: var(--_muted);
    font-size: 0.875em;
    margin-block-end: calc(var(--_gap) * -0.75);
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
  .apm__field-error,
  .apm__request-id {
    font-size: 0.875em;
  }
  /* One line is kept for the hint or error under a field, so a message does not move what follows. */
  .apm__hint,
  .apm__field-error {
    min-block-size: 1.5em;
  }
  .apm__field-error {
    color: var(--_danger);
  }
  /* A long unbroken word (a server's message, a request id) wraps instead of widening the widget. */
  .apm__field-error,
  .apm__banner {
    overflow-wrap: anywhere;
  }
  .apm__sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .apm__current {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    align-items: center;
  }
  /* Numbers read left to right even in right-to-left pages. */
  .apm__phone,
  .apm__country,
  input {
    direction: ltr;
    unicode-bidi: isolate;
  }
  .apm__phone {
    font-weight: 600;
    font-size: 1.0625em;
    font-variant-numeric: tabular-nums;
  }
  .apm__badge {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    padding: 0 0.5rem;
    border-radius: 999px;
    font-size: 0.8125em;
    font-weight: 600;
    color: var(--_success);
    border: 1px solid color-mix(in srgb, var(--_success) 45%, transparent);
    background: color-mix(in srgb, var(--_success) 10%, transparent);
  }
  .apm__field {
    display: grid;
    gap: 0.25rem;
    min-width: 0;
    position: relative;
  }
  input {
    font: inherit;
    color: inherit;
    background: var(--_field);
    inline-size: 100%;
    min-inline-size: 0;
    min-block-size: 2.5rem;
    padding-block: 0.375rem;
    padding-inline: 0.625rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  input[aria-invalid='true'],
  .apm__tel[data-invalid] {
    border-color: var(--_danger);
    box-shadow: 0 0 0 1px var(--_danger);
  }
  input[readonly] {
    opacity: 0.7;
  }
  /* The number field: the country prefix and the input in one box. */
  .apm__tel {
    display: flex;
    align-items: stretch;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_field);
  }
  .apm__tel > input,
  .apm__tel > input[aria-invalid='true'] {
    border: 0;
    box-shadow: none;
    background: transparent;
  }
  .apm__tel:focus-within {
    outline: 2px solid var(--_primary);
    outline-offset: 2px;
  }
  .apm__tel > :focus-visible {
    outline: none;
  }
  .apm__country {
    font: inherit;
    color: inherit;
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    padding-inline: 0.625rem 0.5rem;
    border: 0;
    border-inline-end: 1px solid var(--_border);
    border-radius: var(--_radius) 0 0 var(--_radius);
    background: transparent;
    cursor: pointer;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .apm__country:hover {
    background: color-mix(in srgb, var(--_primary) 8%, transparent);
  }
  .apm__country:focus-visible {
    background: color-mix(in srgb, var(--_primary) 14%, transparent);
  }
  .apm__caret {
    inline-size: 0.45em;
    block-size: 0.45em;
    border-inline-end: 2px solid currentColor;
    border-block-end: 2px solid currentColor;
    transform: translateY(-25%) rotate(45deg);
  }
  .apm__tel-wrap {
    position: relative;
  }
  /* The open list floats over what follows, so the form does not move. */
  .apm__panel {
    position: absolute;
    inset-inline: 0;
    inset-block-start: calc(100% + 4px);
    z-index: 10;
    display: grid;
    gap: 0.25rem;
    padding: 0.375rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_raised);
    color: var(--_text);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.18);
  }
  .apm__options {
    position: relative;
    list-style: none;
    margin: 0;
    padding: 0;
    max-block-size: 15rem;
    overflow-y: auto;
    overscroll-behavior: contain;
  }
  .apm__group {
    padding: 0.5rem 0.625rem 0.25rem;
    font-size: 0.8125em;
    font-weight: 600;
    color: var(--_muted);
  }
  .apm__country-iso {
    font-size: 0.8125em;
    font-weight: 600;
    color: var(--_muted);
  }
  /* Options out of view skip layout and paint: scrolling to the active one lays out only what shows. */
  .apm__option {
    display: flex;
    justify-content: space-between;
    gap: 0.75rem;
    padding: 0.5rem 0.625rem;
    border-radius: calc(var(--_radius) - 2px);
    cursor: pointer;
    content-visibility: auto;
    contain-intrinsic-block-size: auto 2.25rem;
  }
  .apm__option:hover {
    background: color-mix(in srgb, var(--_primary) 8%, transparent);
  }
  .apm__option[data-active] {
    background: color-mix(in srgb, var(--_primary) 16%, transparent);
    outline: 1px solid var(--_primary);
    outline-offset: -1px;
  }
  .apm__option[aria-selected='true'] {
    font-weight: 600;
  }
  /*
   * The code input as wide as the number field, its send button attached at its end (as the +86
   * prefix is to the number). Where the container is narrow for its text (a phone, 200 % text), the
   * button goes under the input, full width: nothing scrolls sideways.
   */
  .apm__code-row {
    display: flex;
    align-items: stretch;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_field);
  }
  .apm__code-row[data-invalid] {
    border-color: var(--_danger);
    box-shadow: 0 0 0 1px var(--_danger);
  }
  .apm__code-row:focus-within {
    outline: 2px solid var(--_primary);
    outline-offset: 2px;
  }
  .apm__code-row > :focus-visible {
    outline: none;
  }
  .apm__code,
  .apm__code[aria-invalid='true'] {
    flex: 1 1 8ch;
    min-inline-size: 8ch;
    border: 0;
    box-shadow: none;
    background: transparent;
    letter-spacing: 0.2ch;
    font-variant-numeric: tabular-nums;
  }
  .apm__code-row > .apm__send {
    border: 0;
    border-inline-start: 1px solid var(--_border);
    border-radius: 0 var(--_radius) var(--_radius) 0;
    color: var(--_primary-text);
  }
  .apm__code-row > .apm__send[aria-disabled='true'] {
    border-color: var(--_border);
    background: color-mix(in srgb, var(--_border) 10%, transparent);
  }
  .apm__code-row > .apm__send:focus-visible {
    background: color-mix(in srgb, var(--_primary) 14%, transparent);
  }
  @container (max-width: 19em) {
    .apm__code-row {
      flex-wrap: wrap;
    }
    .apm__code,
    .apm__code-row > .apm__send {
      flex: 1 1 100%;
    }
    .apm__code-row > .apm__send {
      border-inline-start: 0;
      border-block-start: 1px solid var(--_border);
      border-radius: 0 0 var(--_radius) var(--_radius);
      white-space: normal;
    }
  }
  /* The code's hint keeps two lines: the line that says where the code went replaces it, moving nothing. */
  .apm__code-row + .apm__hint,
  .apm__code-row + .apm__field-error {
    min-block-size: 3em;
  }
  /* Under 16 px, iOS Safari and WeChat zoom the page when an input takes focus. */
  @media (pointer: coarse) {
    input {
      font-size: max(16px, 1em);
    }
  }
  label {
    overflow-wrap: anywhere;
  }
  /* The number stays in one piece unless it alone is wider than the widget (200 % text on a phone). */
  .apm__phone {
    white-space: nowrap;
  }
  @container (max-width: 11em) {
    .apm__phone {
      white-space: normal;
    }
  }
  /*
   * The row layout: the label over the value, the actions at the end, as the other items of a
   * settings page; where the actions do not fit beside them, they go under, at the end.
   */
  .apm__row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }
  /* From 10em, the text stays beside the actions (the badge going under the number first). */
  .apm__row-text {
    flex: 1 1 10em;
    min-inline-size: 0;
  }
  .apm__row-text > .apm__title {
    font-weight: 500;
  }
  .apm__row-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin-inline-start: auto;
  }
  .apm__code::placeholder {
    letter-spacing: normal;
  }
  .apm--row .apm__button {
    min-block-size: 2.25rem;
    padding-inline: 0.75rem;
  }
  .apm__skeleton.apm__skeleton--row {
    display: flex;
    justify-content: space-between;
    align-items: center;
  }
  .apm__skeleton--row .apm__bone--title {
    block-size: 1.5em;
    inline-size: 7em;
  }
  .apm__skeleton--row .apm__bone--button {
    block-size: 2.25rem;
    inline-size: 9em;
  }
  .apm__dismiss {
    margin-inline-start: auto;
    flex: none;
    inline-size: 1.75rem;
    block-size: 1.75rem;
    margin-block: -0.25rem;
    border: 0;
    border-radius: var(--_radius);
    background: transparent;
    color: inherit;
    font: inherit;
    font-size: 1.25em;
    line-height: 1;
    cursor: pointer;
  }
  .apm__dismiss::before {
    content: '×';
    content: '×' / '';
  }
  .apm__dismiss:hover {
    background: color-mix(in srgb, currentColor 10%, transparent);
  }
  .apm__summary[data-invalid] {
    outline: 2px solid var(--_danger);
    outline-offset: -2px;
  }
  .apm__title:focus-visible,
  input:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--_primary);
    outline-offset: 2px;
  }
  .apm__actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .apm__button {
    font: inherit;
    font-weight: 500;
    display: inline-grid;
    align-items: center;
    justify-items: center;
    min-block-size: 2.5rem;
    min-inline-size: 2.5rem;
    padding-block: 0.375rem;
    padding-inline: 1rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_primary);
    background: transparent;
    color: var(--_primary-text);
    cursor: pointer;
    /* No colour transition: a button that becomes usable (or busy) shows it at once, at full contrast. */
  }
  /* Its label or spinner and, invisible, the labels it may show (for the width) share one cell. */
  .apm__button > *,
  .apm__button::before,
  .apm__button::after {
    grid-area: 1 / 1;
  }
  .apm__button[data-size-a]::before {
    content: attr(data-size-a);
    visibility: hidden;
  }
  .apm__button[data-size-b]::after {
    content: attr(data-size-b);
    visibility: hidden;
  }
  /* Secondary actions are neutral: the brand colour is for the one main action. */
  .apm__button--secondary {
    border-color: var(--_border);
    color: var(--_text);
  }
  .apm__button--secondary:hover {
    background: color-mix(in srgb, currentColor 8%, transparent);
  }
  .apm__button--primary {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .apm__button--primary:hover {
    background: color-mix(in srgb, var(--_primary) 85%, var(--_hover));
    border-color: color-mix(in srgb, var(--_primary) 85%, var(--_hover));
  }
  /* Remove, beside Change: a quiet red text action, never louder than the host's own rows. */
  .apm__button--quiet-danger {
    border-color: transparent;
    color: var(--_danger);
  }
  .apm__button--quiet-danger:hover {
    background: color-mix(in srgb, var(--_danger) 8%, transparent);
  }
  .apm__button--danger-solid {
    border-color: var(--_danger-fill);
    background: var(--_danger-fill);
    color: var(--_on-danger);
  }
  .apm__button--danger-solid:hover {
    background: color-mix(in srgb, var(--_danger-fill) 85%, #000);
    border-color: color-mix(in srgb, var(--_danger-fill) 85%, #000);
  }
  .apm__button--text {
    border-color: transparent;
    color: var(--_muted);
  }
  .apm__button--text:hover {
    color: var(--_text);
    background: color-mix(in srgb, currentColor 8%, transparent);
  }
  /* Inactive: muted colours, not opacity, so the focus ring keeps its full contrast. */
  .apm__button[aria-disabled='true'] {
    cursor: not-allowed;
    border-color: color-mix(in srgb, var(--_border) 60%, transparent);
    background: color-mix(in srgb, var(--_border) 14%, transparent);
    color: var(--_muted);
  }
  .apm__send {
    flex: none;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .apm__link {
    font: inherit;
    font-size: 0.875em;
    justify-self: start;
    padding: 0.125rem 0;
    border: 0;
    background: none;
    color: var(--_primary-text);
    cursor: pointer;
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  .apm__link:hover {
    text-decoration-thickness: 2px;
  }
  .apm__summary {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.25rem 0.75rem;
    padding: 0.5rem 0.75rem;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_border) 12%, transparent);
    font-size: 0.9375em;
  }
  .apm__dots {
    letter-spacing: 0.15em;
  }
  /* The status and alert regions stay in the accessibility tree while empty; only a banner takes room. */
  .apm__banner {
    min-inline-size: 0;
    margin-block-end: var(--_gap);
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
    padding: 0.625rem 0.75rem;
    border-radius: var(--_radius);
    border: 1px solid color-mix(in srgb, var(--_tone) 45%, transparent);
    background: color-mix(in srgb, var(--_tone) 10%, transparent);
  }
  .apm__banner--success {
    --_tone: var(--_success);
  }
  .apm__banner--error {
    --_tone: var(--_danger);
  }
  .apm__banner--info {
    --_tone: var(--_primary);
  }
  /* Icons are drawn, not text: screen readers hear only the message (the alternative text is empty). */
  .apm__banner::before,
  .apm__badge::before {
    flex: none;
    display: inline-grid;
    place-items: center;
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin-block-start: 0.125rem;
    border-radius: 50%;
    background: var(--_tone);
    color: var(--_on-tone, #fff);
    font-size: 0.75rem;
    font-weight: 700;
    line-height: 1;
  }
  .apm__banner--success::before {
    content: '✓';
    content: '✓' / '';
  }
  .apm__banner--error::before {
    content: '!';
    content: '!' / '';
  }
  .apm__banner--info::before {
    content: 'i';
    content: 'i' / '';
  }
  .apm__badge::before {
    content: '✓';
    content: '✓' / '';
    inline-size: auto;
    block-size: auto;
    margin: 0;
    background: none;
    color: inherit;
  }
  .apm__spinner {
    inline-size: 1.1em;
    block-size: 1.1em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: apm-spin 0.8s linear infinite;
  }
  @keyframes apm-spin {
    to {
      transform: rotate(1turn);
    }
  }
  .apm__skeleton {
    display: grid;
    gap: var(--_gap);
  }
  .apm__bone {
    display: block;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_border) 22%, transparent);
  }
  .apm__bone--title {
    block-size: 1.5em;
    inline-size: 8em;
  }
  .apm__bone--line {
    /* The masked number's line: 1.0625em of text at line-height 1.5. */
    block-size: 1.59375em;
    inline-size: 14em;
    max-inline-size: 100%;
  }
  .apm__bone-row {
    display: flex;
    gap: 0.5rem;
  }
  .apm__bone--button {
    block-size: 2.5rem;
    inline-size: 6em;
  }
  /* Narrow containers (from 280 px): full-width actions. */
  @container (max-width: 360px) {
    .apm__actions {
      flex-direction: column;
      align-items: stretch;
    }
    .apm__bone-row {
      flex-direction: column;
    }
    .apm__bone--button {
      inline-size: auto;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .apm__spinner {
      animation: none;
      border-style: dotted;
    }
  }
`;
