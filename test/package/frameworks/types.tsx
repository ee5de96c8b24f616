// Type checks of the React typings, for `npx tsc -p tsconfig.json` (npm run typecheck). Never run.
// Every `@ts-expect-error` must meet an error, or tsc fails: so these typings cannot silently be `any`.
import type { LitElement } from 'lit';
import { AuthingPhoneManager, type AuthingPhoneManagerProps } from '../../../src/react.js';
import type { AuthingPhoneManagerAttributes, AuthingPhoneManagerJSXProps, AuthingPhoneManagerProperties } from '../../../src/jsx.js';
import type { AuthingPhoneManagerVueProps } from '../../../src/vue.js';
import type {
  AuthingCodeSentEvent,
  AuthingErrorEvent,
  AuthingEventName,
  AuthingPhoneBoundEvent,
  AuthingPhoneChangedEvent,
  AuthingPhoneManagerEventMap,
  AuthingPhoneUnboundEvent,
  AuthingProfileLoadedEvent,
  AuthingRecoveryRequestedEvent,
} from '../../../src/events.js';
import type { AuthingPhoneManager as Element } from '../../../src/authing-phone-manager.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type EventOf<Props, K extends keyof Props> = NonNullable<Props[K]> extends (event: infer E) => unknown ? E : never;

// Every public property of the element (its own fields, and `lang`), found without its `static properties`:
// a property the framework typings miss (one left out of that list, or a hand-written list again) fails here.
type OwnKey = Exclude<keyof Element, keyof LitElement>;
type PublicProperty = 'lang' | { [K in OwnKey]: Element[K] extends (...args: never[]) => unknown ? never : K }[OwnKey];
type Missing<Props> = Exclude<PublicProperty, keyof Props>;
export const everyProperty: [
  Equal<Missing<AuthingPhoneManagerProperties>, never>,
  Equal<Missing<AuthingPhoneManagerVueProps>, never>,
  Equal<Missing<AuthingPhoneManagerProps>, never>,
  // and the list is not empty: the ones added last are there
  Equal<
    Extract<PublicProperty, 'offerRecovery' | 'layout' | 'hideHeading' | 'client'>,
    'offerRecovery' | 'layout' | 'hideHeading' | 'client'
  >,
] = [true, true, true, true];

// The attributes spelled otherwise than their property, as the manifest lists them (test/package checks it
// keeps to kebab-case): offer-recovery too, which a hand-written list once missed.
type KebabAttribute =
  | 'app-host'
  | 'access-token'
  | 'app-id'
  | 'userpool-id'
  | 'user-pool-id'
  | 'skip-old-phone-verification'
  | 'code-length'
  | 'default-country'
  | 'heading-level'
  | 'offer-recovery'
  | 'hide-heading';
export const everyAttribute: Equal<keyof AuthingPhoneManagerAttributes, KebabAttribute> = true;

// Every event of EVENTS has its class in the event map, and nothing else is in it.
export const everyEvent: Equal<keyof AuthingPhoneManagerEventMap, AuthingEventName> = true;

// The wrapper (authing-phone-manager/react): one typed prop per event.
export const wrapperEvents: [
  Equal<EventOf<AuthingPhoneManagerProps, 'onProfileLoaded'>, AuthingProfileLoadedEvent>,
  Equal<EventOf<AuthingPhoneManagerProps, 'onCodeSent'>, AuthingCodeSentEvent>,
  Equal<EventOf<AuthingPhoneManagerProps, 'onPhoneBound'>, AuthingPhoneBoundEvent>,
  Equal<EventOf<AuthingPhoneManagerProps, 'onPhoneChanged'>, AuthingPhoneChangedEvent>,
  Equal<EventOf<AuthingPhoneManagerProps, 'onPhoneUnbound'>, AuthingPhoneUnboundEvent>,
  Equal<EventOf<AuthingPhoneManagerProps, 'onError'>, AuthingErrorEvent>,
  Equal<EventOf<AuthingPhoneManagerProps, 'onRecoveryRequested'>, AuthingRecoveryRequestedEvent>,
] = [true, true, true, true, true, true, true];

export function WrapperUsage({ token }: { token: string }) {
  return (
    <>
      <AuthingPhoneManager
        appHost="https://example.authing.cn"
        accessToken={token}
        appId="app"
        lang="zh-CN"
        countries={['CN', 'HK']}
        skipOldPhoneVerification
        codeLength={6}
        theme="auto"
        messages={{ bindTitle: 'Add your mobile' }}
        className="settings"
        ref={(el: Element | null) => el?.reload()}
        onProfileLoaded={(e) => e.detail.canUnbind}
        onCodeSent={(e) => e.detail.purpose === 'change-new'}
        onPhoneBound={(e) => e.detail.phoneNumber.length}
        onPhoneChanged={(e) => e.detail.previousPhoneNumber.length}
        onPhoneUnbound={(e) => e.detail.previousPhoneCountryCode.length}
        onError={(e) => e.detail.code === 'CODE_INVALID'}
      />
      {/* @ts-expect-error no such event prop */}
      <AuthingPhoneManager onPhoneBond={() => undefined} />
      {/* @ts-expect-error the token is a string */}
      <AuthingPhoneManager accessToken={1} />
      {/* @ts-expect-error a bound phone has no previous number */}
      <AuthingPhoneManager onPhoneBound={(e) => e.detail.previousPhoneNumber} />
      {/* @ts-expect-error not a theme */}
      <AuthingPhoneManager theme="blue" />
    </>
  );
}

// The plain element in React 19 JSX (authing-phone-manager/jsx).
export const elementEvents: [
  Equal<EventOf<AuthingPhoneManagerJSXProps, 'onauthing-profile-loaded'>, AuthingProfileLoadedEvent>,
  Equal<EventOf<AuthingPhoneManagerJSXProps, 'onauthing-code-sent'>, AuthingCodeSentEvent>,
  Equal<EventOf<AuthingPhoneManagerJSXProps, 'onauthing-phone-bound'>, AuthingPhoneBoundEvent>,
  Equal<EventOf<AuthingPhoneManagerJSXProps, 'onauthing-phone-changed'>, AuthingPhoneChangedEvent>,
  Equal<EventOf<AuthingPhoneManagerJSXProps, 'onauthing-phone-unbound'>, AuthingPhoneUnboundEvent>,
  Equal<EventOf<AuthingPhoneManagerJSXProps, 'onauthing-error'>, AuthingErrorEvent>,
  Equal<EventOf<AuthingPhoneManagerJSXProps, 'onauthing-recovery-requested'>, AuthingRecoveryRequestedEvent>,
] = [true, true, true, true, true, true, true];

export function ElementUsage({ token }: { token: string }) {
  return (
    <>
      <authing-phone-manager
        app-host="https://example.authing.cn"
        accessToken={token}
        lang="en-US"
        default-country="HK"
        countries={['CN', 'HK']}
        skip-old-phone-verification
        code-length={6}
        theme="dark"
        ref={(el) => el?.reload()}
        onauthing-phone-bound={(e) => e.detail.phoneCountryCode.length}
        onauthing-error={(e) => e.detail.action === 'bind'}
      />
      {/* @ts-expect-error the token is a string */}
      <authing-phone-manager accessToken={1} />
      {/* @ts-expect-error countries is set as a property: an array */}
      <authing-phone-manager countries="CN,HK" />
      {/* @ts-expect-error a bound phone has no previous number */}
      <authing-phone-manager onauthing-phone-bound={(e) => e.detail.previousPhoneNumber} />
      {/* @ts-expect-error not a theme */}
      <authing-phone-manager theme="blue" />
    </>
  );
}
