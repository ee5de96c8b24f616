// React 19 with the plain element, no wrapper: `app-host` as an attribute and `accessToken` as a
// property straight from JSX, and `onauthing-phone-bound` as a listener, which React 19 adds for
// custom elements. The app is ./react19/app.tsx (typed by src/jsx.ts), bundled by the test server
// with the root's React 19.
import { expect } from '@open-wc/testing';
import { catalog } from '../../../src/localize/index.js';
import { emulator, emulatorUrl, USERS } from '../../helpers/emulator.js';
import { title } from '../../helpers/widget.js';
import { bindPhone, BOUND, boundShown, TOKEN, widgetIn } from './drive.js';
import { mount, reactVersion } from './react19/app.js';

describe('React 19 with <authing-phone-manager> itself', () => {
  let container: HTMLElement;
  let app: { unmount(): void } | undefined;

  beforeEach(async () => {
    await emulator.reset();
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => {
    app?.unmount();
    app = undefined;
    container.remove();
  });

  it('binds a phone: app-host and accessToken from JSX, onauthing-phone-bound into React state', async () => {
    expect(reactVersion).to.match(/^19\./);
    app = mount(container, { appHost: await emulatorUrl(), accessToken: TOKEN });
    const el = await widgetIn(container);
    expect(el.getAttribute('app-host')).to.equal(await emulatorUrl());
    expect(el.accessToken).to.equal(TOKEN);
    expect(el.getAttributeNames().filter((name) => /token/i.test(name))).to.deep.equal([], 'the token went in as a property');
    expect(title(el), 'the language the app imported (translations/ja-JP)').to.equal(catalog('ja-JP').bindTitle);

    await bindPhone(el);
    const state = await boundShown(container);
    expect(state.bound).to.deep.equal(BOUND);
    expect(state.events).to.deep.equal(['authing-profile-loaded', 'authing-code-sent', 'authing-phone-bound']);
    expect((await emulator.user(USERS.noPhone.id)).phone).to.equal(BOUND.phoneNumber);
  });
});
