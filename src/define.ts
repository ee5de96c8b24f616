// `authing-phone-manager/define`: the package's one side effect, registering the tag. Safe to run
// twice (a CDN copy and an npm copy on one page): the first registration wins. To register under
// another tag or in a scoped registry, import `define` from the main entry instead.
import type { AuthingPhoneManager } from './authing-phone-manager.js';
import { define } from './register.js';

export * from './index.js';

if (typeof customElements !== 'undefined') define();

declare global {
  interface HTMLElementTagNameMap {
    'authing-phone-manager': AuthingPhoneManager;
  }
}
