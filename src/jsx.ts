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
import type { AuthingPhoneManagerAttributes, AuthingPhoneManagerSettings } from './props.js';

export type { AuthingPhoneManagerAttributes } from './props.js';

type Element = AuthingPhoneManager;

/**
 * Every public property of the element, which React 19 sets as a property (it checks `name in element`):
 * `accessToken` so stays out of the DOM, `countries` is an array. (`access-token` as an attribute puts the
 * token in the DOM: prefer `accessToken`.)
 */
export type AuthingPhoneManagerProperties = Partial<AuthingPhoneManagerSettings>;

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
