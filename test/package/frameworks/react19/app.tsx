// A React 19 app using <authing-phone-manager> directly: React 19 sets the element's properties
// (`accessToken`) as properties, other props as attributes (`app-host`), and adds `on<event-name>`
// props as event listeners. It shows Japanese, imported as an app imports a language. Typed by
// src/jsx.ts. Bundled by the test server with the root's React 19.
import { StrictMode, useState, version } from 'react';
import { createRoot } from 'react-dom/client';
import '../../../../src/define.js';
// One language beside zh-CN, registered up front, as `authing-phone-manager/translations/ja-JP` does
// (the package's entry registers the catalog file's default export).
import { registerTranslation } from '../../../../src/localize/registry.js';
import jaJP from '../../../../src/translations/ja-JP.js';

registerTranslation('ja-JP', jaJP);
import type {} from '../../../../src/jsx.js';

/** The React the app runs: the test checks that it is 19. */
export const reactVersion = version;

export interface AppProps {
  appHost: string;
  accessToken: string;
}

function PhoneSettings({ appHost, accessToken }: AppProps) {
  const [seen, setSeen] = useState<{ events: string[]; bound: { phoneNumber: string; phoneCountryCode: string } | null }>({
    events: [],
    bound: null,
  });
  const record = (event: Event) => setSeen((s) => ({ ...s, events: [...s.events, event.type] }));
  return (
    <>
      <authing-phone-manager
        app-host={appHost}
        app-id="test-app"
        accessToken={accessToken}
        lang="ja-JP"
        onauthing-profile-loaded={record}
        onauthing-code-sent={record}
        onauthing-phone-bound={(event) => {
          const { phoneNumber, phoneCountryCode } = event.detail;
          setSeen((s) => ({ events: [...s.events, event.type], bound: { phoneNumber, phoneCountryCode } }));
        }}
      />
      <output data-state>{JSON.stringify(seen)}</output>
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
