// `authing-phone-manager/vue` (types only): <authing-phone-manager> in Vue templates for vue-tsc and Vue's
// editor tooling, through `GlobalComponents`, so `:app-hots` or a misspelled event is caught. Pull it in
// once, e.g. in env.d.ts:
//
//   import type {} from 'authing-phone-manager/vue';
//
// Vue still needs `compilerOptions.isCustomElement` for the tag (see the README).
import type { DefineComponent } from 'vue';
import type { AuthingPhoneManagerEventMap } from './events.js';
import type { AuthingPhoneManagerSettings } from './props.js';

/** A value as a template may pass it: a bare boolean attribute is `''`, a number or a list may come as text. */
type VueValue<T> = T extends boolean ? boolean | '' : T extends number ? number | string : T extends readonly string[] ? T | string : T;

type VueSettings = { [K in keyof AuthingPhoneManagerSettings]?: VueValue<NonNullable<AuthingPhoneManagerSettings[K]>> };

/** The settings, as Vue props (`app-host` and `appHost` alike in a template): every public property of the element. */
export interface AuthingPhoneManagerVueProps extends VueSettings {
  /** Bind it with `.prop` or set it once mounted: an attribute puts the token in the DOM (and in server-rendered HTML). */
  accessToken?: string;
  /** `userpool-id`, Authing's spelling of `userPoolId`. */
  userpoolId?: string;
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
