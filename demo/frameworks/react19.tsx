// React 19 with <authing-phone-manager> itself (no wrapper). Register the element before React
// renders it: React 19 sets a prop as a property only when the element already has it.
import { StrictMode, useState, version } from 'react';
import { createRoot } from 'react-dom/client';
import '../../src/define.js';
import type {} from '../../src/jsx.js';
import { startInbox, USERS } from './shared.js';

function PhoneSettings({ appHost }: { appHost: string }) {
  const [token, setToken] = useState<string>(USERS[0].token);
  const [events, setEvents] = useState<string[]>([]);
  const record = (event: CustomEvent) => setEvents((list) => [`${event.type} ${JSON.stringify(event.detail)}`, ...list]);
  return (
    <>
      <p className="help">React {version}</p>
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
      <authing-phone-manager
        app-host={appHost}
        app-id="demo-app"
        accessToken={token}
        lang="en-US"
        onauthing-profile-loaded={record}
        onauthing-code-sent={record}
        onauthing-phone-bound={(event) => record(event)}
        onauthing-phone-changed={record}
        onauthing-phone-unbound={record}
        onauthing-error={record}
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
