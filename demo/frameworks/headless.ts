// The headless example page: the UI of ./headless-ui.ts against the emulator, with a user switch.
import { mountHeadlessUi } from './headless-ui.js';
import { startInbox, USERS } from './shared.js';

const appHost = await startInbox();

const container = document.getElementById('app')!;
const picker = document.createElement('select');
for (const user of USERS) picker.append(new Option(user.label, user.token));
const label = document.createElement('label');
label.append('Signed-in user ', picker);
const stage = document.createElement('div');
container.append(label, stage);

let mounted = mountHeadlessUi(stage, { appHost, appId: 'demo-app', accessToken: picker.value });
picker.addEventListener('change', () => {
  mounted.unmount();
  mounted = mountHeadlessUi(stage, { appHost, appId: 'demo-app', accessToken: picker.value });
});
