// The package's one side effect: registering the tag. Safe to run twice (CDN copy + npm copy).
import { AuthingPhoneManager } from './authing-phone-manager.js';

export * from './index.js';

export const TAG_NAME = 'authing-phone-manager';

if (typeof customElements !== 'undefined' && !customElements.get(TAG_NAME)) {
  customElements.define(TAG_NAME, AuthingPhoneManager);
}

declare global {
  interface HTMLElementTagNameMap {
    'authing-phone-manager': AuthingPhoneManager;
  }
}
