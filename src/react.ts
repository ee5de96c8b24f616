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
import {
  EVENTS,
  type AuthingCodeSentEvent,
  type AuthingErrorEvent,
  type AuthingPhoneBoundEvent,
  type AuthingPhoneChangedEvent,
  type AuthingPhoneUnboundEvent,
  type AuthingProfileLoadedEvent,
  type AuthingRecoveryRequestedEvent,
} from './events.js';
import './define.js';

/** The component's event props and the DOM events they listen to. */
export const events = {
  onProfileLoaded: EVENTS.profileLoaded as EventName<AuthingProfileLoadedEvent>,
  onCodeSent: EVENTS.codeSent as EventName<AuthingCodeSentEvent>,
  onPhoneBound: EVENTS.phoneBound as EventName<AuthingPhoneBoundEvent>,
  onPhoneChanged: EVENTS.phoneChanged as EventName<AuthingPhoneChangedEvent>,
  onPhoneUnbound: EVENTS.phoneUnbound as EventName<AuthingPhoneUnboundEvent>,
  onError: EVENTS.error as EventName<AuthingErrorEvent>,
  onRecoveryRequested: EVENTS.recoveryRequested as EventName<AuthingRecoveryRequestedEvent>,
} as const;

/**
 * `<AuthingPhoneManager appHost="https://your-app.authing.cn" accessToken={token} onPhoneBound={(e) => …} />`
 *
 * Props: the element's properties (`appHost`, `accessToken`, `appId`, `lang`, `defaultCountry`,
 * `countries`, `skipOldPhoneVerification`, `codeLength`, `timeout`, `headingLevel`, `offerRecovery`, `theme`, `layout`, `hideHeading`,
 * `messages`), the event props of {@link events}, and the usual HTML attributes (`id`, `className`,
 * `style`…). A `ref` gets the element, e.g. to call `reload()`.
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
