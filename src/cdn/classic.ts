// Types of `authing-phone-manager/cdn/classic` (dist/cdn/authing-phone-manager.iife.js): a classic script
// that exports nothing and puts what `authing-phone-manager/define` exports on the global
// `AuthingPhoneManager`. Only types: no build reads this file for code.
import type * as Define from '../define.js';

declare global {
  /** What the classic CDN script puts on the page: the exports of `authing-phone-manager/define`. */
  var AuthingPhoneManager: typeof Define;
}

export {};
