// `authing-phone-manager/react`: a React component for <authing-phone-manager>, made with @lit/react.
//
// For React 18 (and earlier), which passes every prop to a custom element as a string attribute and
// cannot listen to custom events: the component sets `accessToken`, `messages`, `countries`… as
// properties (so the token never becomes an attribute) and maps `onPhoneBound`… to the widget's
// `authing-*` events. React 19 handles custom elements itself; there the element can be used
// directly (see `authing-phone-manager/jsx` for its JSX typing), and this component works too.
//
// Importing this module registers the element (idempotently, like `authing-phone-manager/define`).
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { AuthingPhoneManager as AuthingPhoneManagerElement } from './authing-phone-manager.js';
import { EVENTS, type AuthingPhoneManagerEventMap } from './events.js';
import './define.js';

/** The component's event props and the DOM events they listen to: one per event of {@link EVENTS}, e.g. `onPhoneBound`. */
export const events = Object.fromEntries(
  Object.entries(EVENTS).map(([key, name]) => [`on${key.charAt(0).toUpperCase()}${key.slice(1)}`, name]),
) as { [K in keyof typeof EVENTS as `on${Capitalize<K>}`]: EventName<AuthingPhoneManagerEventMap[(typeof EVENTS)[K]]> };

/**
 * `<AuthingPhoneManager appHost="https://your-app.authing.cn" accessToken={token} onPhoneBound={(e) => …} />`
 *
 * Props: the element's public properties (`appHost`, `accessToken`…, set as properties), the event props
 * of {@link events}, and the usual HTML attributes (`id`, `className`, `style`…). A `ref` gets the
 * element, e.g. to call `reload()`.
 */
export const AuthingPhoneManager = createComponent({
  tagName: 'authing-phone-manager',
  elementClass: AuthingPhoneManagerElement,
  react: React,
  events,
  displayName: 'AuthingPhoneManager',
});

/** The props of {@link AuthingPhoneManager}. */
export type AuthingPhoneManagerProps = React.ComponentProps<typeof AuthingPhoneManager>;

export { AuthingPhoneManagerElement };
export type * from './events.js';
