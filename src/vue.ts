// `authing-phone-manager/vue` (types only): <authing-phone-manager> in Vue templates for vue-tsc and Vue's
// editor tooling, through `GlobalComponents`, so `:app-hots` or a misspelled event is caught. Pull it in
// once, e.g. in env.d.ts:
//
//   import type {} from 'authing-phone-manager/vue';
//
// Vue still needs `compilerOptions.isCustomElement` for the tag (see the README).
import type { DefineComponent } from 'vue';
import type { AuthingPhoneManager } from './authing-phone-manager.js';
import type { AuthingPhoneManagerEventMap } from './events.js';

type Element = AuthingPhoneManager;

/** The settings, as Vue props (`app-host` and `appHost` alike in a template). */
export interface AuthingPhoneManagerVueProps {
  appHost?: Element['appHost'];
  /** Bind it with `.prop` or set it once mounted: an attribute puts the token in the DOM (and in server-rendered HTML). */
  accessToken?: Element['accessToken'];
  appId?: Element['appId'];
  userPoolId?: Element['userPoolId'];
  userpoolId?: Element['userPoolId'];
  lang?: string;
  skipOldPhoneVerification?: boolean | '';
  codeLength?: number | string;
  defaultCountry?: Element['defaultCountry'];
  /** ISO codes: an array (with `.prop`) or a comma or space separated string. */
  countries?: Element['countries'] | string;
  messages?: Element['messages'];
  theme?: Element['theme'];
  timeout?: number | string;
  headingLevel?: number | string;
  offerRecovery?: boolean | '';
  client?: Element['client'];
}

type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

/** `@authing-phone-bound="…"` in a template is the `onAuthingPhoneBound` prop. */
export type AuthingPhoneManagerVueEvents = {
  [K in keyof AuthingPhoneManagerEventMap as `on${Capitalize<CamelCase<K & string>>}`]?: (event: AuthingPhoneManagerEventMap[K]) => void;
};

declare module 'vue' {
  interface GlobalComponents {
    'authing-phone-manager': DefineComponent<AuthingPhoneManagerVueProps & AuthingPhoneManagerVueEvents>;
  }
}
