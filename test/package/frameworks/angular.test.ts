// Angular: a standalone component with CUSTOM_ELEMENTS_SCHEMA, JIT-compiled, zoneless;
// `[attr.app-host]`, `[accessToken]` and `(authing-phone-bound)` into a signal the template renders.
// The app is ./angular/app.ts, bundled by the test server. It registers the widget only after its
// first render, so nothing here may register it before: the flow helpers (which import the element)
// are imported after mounting.
import { expect } from '@open-wc/testing';
import { emulator, emulatorUrl, USERS } from '../../helpers/emulator.js';
import { mount } from './angular/app.js';

describe('Angular with <authing-phone-manager>', () => {
  let container: HTMLElement;
  let app: Awaited<ReturnType<typeof mount>> | undefined;

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

  it('binds a phone: CUSTOM_ELEMENTS_SCHEMA, [attr.app-host] and [accessToken] bound by Angular, (authing-phone-bound) into a signal', async () => {
    app = await mount(container, { appHost: await emulatorUrl(), accessToken: USERS.noPhone.token });
    expect(app.registeredBeforeMount).to.equal(false, 'the template was rendered before the tag was registered');
    expect(app.errors).to.deep.equal([], 'Angular accepted the tag and [accessToken] (no NG0303/NG0304)');

    const { bindPhone, BOUND, boundShown, widgetIn } = await import('./drive.js');
    const el = await widgetIn(container);
    expect(el.getAttribute('app-host')).to.equal(await emulatorUrl());
    expect(el.accessToken).to.equal(USERS.noPhone.token);
    expect(el.getAttributeNames().filter((name) => /token/i.test(name))).to.deep.equal([], 'the token went in as a property');

    await bindPhone(el);
    const state = await boundShown(container);
    expect(state.bound).to.deep.equal(BOUND);
    expect(state.events).to.deep.equal(['authing-profile-loaded', 'authing-code-sent', 'authing-phone-bound']);
    expect((await emulator.user(USERS.noPhone.id)).phone).to.equal(BOUND.phoneNumber);
  });
});
