// `authing-phone-manager/jsx` (types only): JSX typing of <authing-phone-manager> for React 19, which
// sets a custom element's known properties as properties and listens to `on<event-name>` props
// (`onauthing-phone-bound`) with addEventListener, case kept. Pull it in once, e.g. in a .d.ts:
//
//   import type {} from 'authing-phone-manager/jsx';
//
// React 18 sets every prop as a string attribute and cannot listen to custom events: use the
// `authing-phone-manager/react` component there.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { AuthingPhoneManager } from './authing-phone-manager.js';
import type { AuthingPhoneManagerEventMap } from './events.js';

type Element = AuthingPhoneManager;

/** Properties React 19 sets on the element (it checks `name in element`): the token stays out of the DOM. */
export interface AuthingPhoneManagerProperties {
  appHost?: Element['appHost'];
  accessToken?: Element['accessToken'];
  appId?: Element['appId'];
  userPoolId?: Element['userPoolId'];
  skipOldPhoneVerification?: Element['skipOldPhoneVerification'];
  codeLength?: Element['codeLength'];
  defaultCountry?: Element['defaultCountry'];
  /** ISO codes, as an array (it is set as the property). */
  countries?: Element['countries'];
  messages?: Element['messages'];
  theme?: Element['theme'];
  timeout?: Element['timeout'];
  headingLevel?: Element['headingLevel'];
  layout?: Element['layout'];
  hideHeading?: Element['hideHeading'];
  client?: Element['client'];
}

/** The same settings as HTML attributes, for markup copied from HTML. `access-token` puts the token in the DOM: prefer `accessToken`. */
export interface AuthingPhoneManagerAttributes {
  'app-host'?: string;
  'access-token'?: string;
  'app-id'?: string;
  'userpool-id'?: string;
  /** The same as `userpool-id`, spelled in kebab-case like the other attributes. */
  'user-pool-id'?: string;
  'skip-old-phone-verification'?: boolean;
  'code-length'?: number | string;
  'default-country'?: string;
  'heading-level'?: number | string;
  'hide-heading'?: boolean;
}

/** React 19 event props: `on` + the event's name, e.g. `onauthing-phone-bound`. */
export type AuthingPhoneManagerEventProps = {
  [Name in keyof AuthingPhoneManagerEventMap as `on${Name}`]?: (event: AuthingPhoneManagerEventMap[Name]) => void;
};

/** Everything `<authing-phone-manager>` accepts in React 19 JSX. */
export type AuthingPhoneManagerJSXProps = DetailedHTMLProps<HTMLAttributes<Element>, Element> &
  AuthingPhoneManagerProperties &
  AuthingPhoneManagerAttributes &
  AuthingPhoneManagerEventProps;

declare module 'react' {
  // React declares its JSX types in a namespace: augmenting them takes one.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'authing-phone-manager': AuthingPhoneManagerJSXProps;
    }
  }
}
