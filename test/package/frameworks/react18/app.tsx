// A React 18 app using the `authing-phone-manager/react` component (src/react.ts). React 18 comes
// from this folder's node_modules (an npm workspace); the test server bundles this file with it,
// src/react.ts included, so the wrapper and the app share that React (framework-apps-plugin.mjs).
import { StrictMode, useState, version } from 'react';
import { createRoot } from 'react-dom/client';
import { AuthingPhoneManager, events, AuthingPhoneManagerElement, type AuthingPhoneManagerProps } from '../../../../src/react.js';

/** The React the app runs: the test checks that it is 18. */
export const reactVersion = version;
export { events, AuthingPhoneManagerElement };

export interface AppProps {
  appHost: string;
  accessToken: string;
}

/** The settings page of an app: the widget, and what its handlers saw, rendered from React state. */
function PhoneSettings({ appHost, accessToken }: AppProps) {
  const [seen, setSeen] = useState<{ events: string[]; details: Record<string, unknown> }>({ events: [], details: {} });
  const record = (event: CustomEvent) =>
    setSeen((s) => ({ events: [...s.events, event.type], details: { ...s.details, [event.type]: event.detail } }));
  const handlers: AuthingPhoneManagerProps = {
    onProfileLoaded: record,
    onCodeSent: record,
    onPhoneBound: (event) => record(event),
    onPhoneChanged: record,
    onPhoneUnbound: record,
    onError: record,
  };
  return (
    <>
      <AuthingPhoneManager appHost={appHost} appId="test-app" accessToken={accessToken} lang="en-US" {...handlers} />
      <output data-state>{JSON.stringify({ ...seen, bound: seen.details['authing-phone-bound'] })}</output>
    </>
  );
}

export function mount(container: Element, props: AppProps): { unmount(): void } {
  const root = createRoot(container);
  root.render(
    <StrictMode>
      <PhoneSettings {...props} />
    </StrictMode>,
  );
  return { unmount: () => root.unmount() };
}
