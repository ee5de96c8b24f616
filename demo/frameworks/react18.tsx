// React 18 with the `authing-phone-manager/react` component (src/react.ts; in an app:
// `import { AuthingPhoneManager } from 'authing-phone-manager/react'`). React 18 would pass every
// prop to the element as a string attribute and ignore its events; the component sets properties and
// maps onPhoneBound… to the authing-* events. Works the same with React 19.
import { StrictMode, useState, version } from 'react';
import { createRoot } from 'react-dom/client';
import { AuthingPhoneManager } from '../../src/react.js';
import { startInbox, USERS } from './shared.js';

function PhoneSettings({ appHost }: { appHost: string }) {
  const [token, setToken] = useState<string>(USERS[0].token);
  const [events, setEvents] = useState<string[]>([]);
  const record = (event: CustomEvent) => setEvents((list) => [`${event.type} ${JSON.stringify(event.detail)}`, ...list]);
  return (
    <>
      <p className="help" id="react-version">
        React {version}
        {version.startsWith('18.') ? '' : ' — not React 18: open this page from npm start’s main page'}
      </p>
      <label>
        Signed-in user{' '}
        <select value={token} onChange={(e) => setToken(e.target.value)}>
          {USERS.map((user) => (
            <option key={user.token} value={user.token}>
              {user.label}
            </option>
          ))}
        </select>
      </label>
      <AuthingPhoneManager
        appHost={appHost}
        appId="demo-app"
        accessToken={token}
        lang="en-US"
        onProfileLoaded={record}
        onCodeSent={record}
        onPhoneBound={(event) => record(event)}
        onPhoneChanged={record}
        onPhoneUnbound={record}
        onError={record}
      />
      <h2>Events, from React state</h2>
      <ol className="events">
        {events.map((line, i) => (
          <li key={events.length - i}>{line}</li>
        ))}
      </ol>
    </>
  );
}

const appHost = await startInbox();
createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <PhoneSettings appHost={appHost} />
  </StrictMode>,
);
