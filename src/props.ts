// Types only: the element's settings as the framework typings (`authing-phone-manager/jsx`, `/vue`) see
// them, derived from its `static properties`, so a property added there reaches every one of them.
import type { AuthingPhoneManager } from './authing-phone-manager.js';

type Declarations = typeof AuthingPhoneManager.properties;

/** The element's public properties: those declared to Lit (a private state, were one declared, stays out). */
export type AuthingPhoneManagerPropertyName = Extract<keyof Declarations, keyof AuthingPhoneManager>;

/** Each public property, with its type and its documentation. */
export type AuthingPhoneManagerSettings = Pick<AuthingPhoneManager, AuthingPhoneManagerPropertyName>;

/** `skipOldPhoneVerification` → `skip-old-phone-verification`. */
type Kebab<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `-${Lowercase<Head>}`}${Kebab<Tail>}`
  : S;

/**
 * A property's attribute, as far as types can see it (a declared name is only `string` to them): a declared
 * one is its name in kebab-case (the package test checks the manifest keeps to it, but for `userpool-id`),
 * `attribute: false` has none, else Lit's rule, the name in lower case.
 */
type AttributeOf<K extends AuthingPhoneManagerPropertyName> = Declarations[K] extends { attribute: string }
  ? Kebab<K>
  : Declarations[K] extends { attribute: boolean }
    ? never
    : Lowercase<K>;

/** What an attribute's value may be written as in JSX: a boolean, a number or its text, else text. */
type AttributeValue<T> = T extends boolean ? boolean : T extends number ? number | string : string;

/**
 * The attributes spelled otherwise than their property (`app-host`), for markup copied from HTML; the others
 * (`lang`, `theme`, `countries`…) share their property's name, and a framework that sets properties sets those.
 */
export type AuthingPhoneManagerAttributes = {
  [K in AuthingPhoneManagerPropertyName as AttributeOf<K> extends K ? never : AttributeOf<K>]?: AttributeValue<
    NonNullable<AuthingPhoneManagerSettings[K]>
  >;
} & {
  /** The user pool id in Authing's spelling; `user-pool-id` is the same. */
  'userpool-id'?: string;
};
