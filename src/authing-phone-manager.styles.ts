import { css } from 'lit';

// Custom properties are read with fallbacks, never set on :host, so a page can theme every
// instance once at :root and still override one.
export const styles = css`
  :host {
    display: block;
    font-family: var(--authing-font-family, inherit);
    color: var(--authing-color-text, inherit);
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  .apm {
    display: grid;
    gap: var(--authing-gap, 0.75rem);
    background: var(--authing-color-surface, transparent);
    min-width: 0;
  }
  .apm__form {
    display: grid;
    gap: var(--authing-gap, 0.75rem);
    margin: 0;
  }
  .apm__title {
    font-size: 1.125em;
    font-weight: 600;
    margin: 0;
  }
  .apm__title:focus {
    outline: none;
  }
  .apm__title:focus-visible {
    outline: 2px solid var(--authing-color-primary, #1d4ed8);
    outline-offset: 2px;
  }
  p {
    margin: 0;
  }
  .apm__muted,
  .apm__hint {
    color: var(--authing-color-muted, #4b5563);
  }
  .apm__hint {
    font-size: 0.875em;
  }
  .apm__current {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    align-items: baseline;
  }
  .apm__phone {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    direction: ltr;
    unicode-bidi: isolate;
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
  .apm__field--cc {
    flex: 0 0 5.5em;
  }
  .apm__field--grow {
    flex: 1 1 10em;
  }
  input {
    font: inherit;
    color: inherit;
    background: transparent;
    width: 100%;
    min-height: 2.5rem;
    padding: 0.375rem 0.625rem;
    border: 1px solid var(--authing-color-border, #9ca3af);
    border-radius: var(--authing-radius, 6px);
    direction: ltr;
  }
  input[aria-invalid='true'] {
    border-color: var(--authing-color-danger, #b91c1c);
  }
  input[readonly] {
    opacity: 0.7;
  }
  input:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--authing-color-primary, #1d4ed8);
    outline-offset: 2px;
  }
  .apm__actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .apm__button {
    font: inherit;
    min-height: 2.5rem;
    min-width: 2.5rem;
    padding: 0.375rem 1rem;
    border-radius: var(--authing-radius, 6px);
    border: 1px solid var(--authing-color-primary, #1d4ed8);
    background: transparent;
    color: var(--authing-color-primary, #1d4ed8);
    cursor: pointer;
  }
  .apm__button--primary {
    background: var(--authing-color-primary, #1d4ed8);
    color: var(--authing-color-on-primary, #fff);
  }
  .apm__button--danger {
    border-color: var(--authing-color-danger, #b91c1c);
    color: var(--authing-color-danger, #b91c1c);
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
    color: var(--authing-color-danger, #b91c1c);
  }
  .apm__request-id {
    color: var(--authing-color-muted, #4b5563);
    font-size: 0.875em;
  }
`;
