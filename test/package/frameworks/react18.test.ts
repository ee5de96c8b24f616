// React 18 through the `authing-phone-manager/react` wrapper (src/react.ts, @lit/react): app host and
// token go in as React props, the widget's events come back through the wrapper's typed event props
// (onProfileLoaded, onCodeSent, onPhoneBound, onPhoneChanged, onPhoneUnbound, onError) into React
// state, which the test reads from the rendered page. The app is ./react18/app.tsx, bundled by the
// test server with the React 18 of test/package/frameworks/react18/node_modules.
import { expect } from '@open-wc/testing';
import { emulator, emulatorUrl, USERS, wrongCode } from '../../helpers/emulator.js';
import { button, click, part, press, text, type, waitForTitle, waitIdle, type Widget } from '../../helpers/widget.js';
import { AuthingPhoneManager } from '../../../src/index.js';
import { appState, bindPhone, BOUND, boundShown, TOKEN, until, widgetIn } from './drive.js';
import { AuthingPhoneManagerElement, events, mount, reactVersion } from './react18/app.js';

describe('React 18 with the authing-phone-manager/react wrapper', () => {
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

  const start = async (accessToken: string): Promise<Widget> => {
    app = mount(container, { appHost: await emulatorUrl(), accessToken });
    return widgetIn(container);
  };
  const seenTypes = () => appState(container).events;
  const details = () => appState(container).details ?? {};

  it('runs React 18, and the wrapper uses the element the page registered', () => {
    expect(reactVersion).to.match(/^18\./);
    expect(AuthingPhoneManagerElement).to.equal(AuthingPhoneManager);
    expect(customElements.get('authing-phone-manager')).to.equal(AuthingPhoneManager);
  });

  it('has an event prop for every event of the widget', () => {
    expect(events).to.deep.equal({
      onProfileLoaded: 'authing-profile-loaded',
      onCodeSent: 'authing-code-sent',
      onPhoneBound: 'authing-phone-bound',
      onPhoneChanged: 'authing-phone-changed',
      onPhoneUnbound: 'authing-phone-unbound',
      onError: 'authing-error',
      onRecoveryRequested: 'authing-recovery-requested',
    });
  });

  it('binds a phone: appHost and accessToken as props, onPhoneBound into React state', async () => {
    const el = await start(TOKEN);
    expect(el.appHost).to.equal(await emulatorUrl());
    expect(el.hasAttribute('access-token') || el.hasAttribute('accesstoken') || el.hasAttribute('accessToken')).to.equal(
      false,
      'the token went in as a property',
    );

    await bindPhone(el);
    const state = await boundShown(container);
    expect(state.bound).to.deep.equal(BOUND);
    expect(state.events).to.deep.equal(['authing-profile-loaded', 'authing-code-sent', 'authing-phone-bound']);
    expect(details()['authing-code-sent']).to.deep.equal({ purpose: 'bind', ...BOUND });
    const user = await emulator.user(USERS.noPhone.id);
    expect([user.phone, user.phoneCountryCode]).to.deep.equal([BOUND.phoneNumber, BOUND.phoneCountryCode]);
  });

  it('reports a wrong code through onError', async () => {
    const el = await start(TOKEN);
    await type(part<HTMLInputElement>(el, 'phone-input'), '13800135555');
    await press('Enter');
    await until(
      () => el.shadowRoot!.querySelector('[part~="code-input"]'),
      () => `no code field: ${text(el)}`,
    );
    await waitIdle(el);
    const code = await emulator.codeFor(BOUND.phoneNumber, 'CHANNEL_BIND_PHONE');
    await type(part<HTMLInputElement>(el, 'code-input'), wrongCode(code));
    await until(
      () => seenTypes().includes('authing-error'),
      () => `no onError (events: ${seenTypes()})`,
    );
    expect(details()['authing-error']).to.include({ action: 'bind', code: 'CODE_INVALID' });
  });

  it('changes a phone: onPhoneChanged', async () => {
    const el = await start(USERS.phoneAndEmail.token);
    await click(button(el, 'Change'));
    await waitForTitle(el, 'Change phone number');
    await click(part(el, 'send-button'));
    await until(
      () => seenTypes().includes('authing-code-sent'),
      () => `no code sent: ${text(el)}`,
    );
    await waitIdle(el);
    await type(part<HTMLInputElement>(el, 'code-input'), await emulator.codeFor(USERS.phoneAndEmail.phone, 'CHANNEL_UNBIND_PHONE'));
    await until(
      () => el.shadowRoot!.querySelector('[part~="phone-input"]'),
      () => `no new-number step: ${text(el)}`,
    );
    await waitIdle(el);
    await type(part<HTMLInputElement>(el, 'phone-input'), '13912345678');
    await press('Enter');
    await until(
      () => seenTypes().filter((t) => t === 'authing-code-sent').length === 2,
      () => `no second code: ${text(el)}`,
    );
    await waitIdle(el);
    await type(part<HTMLInputElement>(el, 'code-input'), await emulator.codeFor('13912345678', 'CHANNEL_BIND_PHONE'));
    await until(
      () => seenTypes().includes('authing-phone-changed'),
      () => `no onPhoneChanged (events: ${seenTypes()}; widget: ${text(el)})`,
    );
    expect(details()['authing-phone-changed']).to.deep.equal({
      phoneNumber: '13912345678',
      phoneCountryCode: '+86',
      previousPhoneNumber: USERS.phoneAndEmail.phone,
      previousPhoneCountryCode: '+86',
    });
  });

  it('removes a phone: onPhoneUnbound', async () => {
    const el = await start(USERS.phoneAndEmail.token);
    await click(button(el, 'Remove'));
    await waitForTitle(el, 'Remove +86 138****8000?');
    await click(part(el, 'send-button'));
    await until(
      () => seenTypes().includes('authing-code-sent'),
      () => `no code sent: ${text(el)}`,
    );
    await waitIdle(el);
    await type(part<HTMLInputElement>(el, 'code-input'), await emulator.codeFor(USERS.phoneAndEmail.phone, 'CHANNEL_UNBIND_PHONE'));
    await click(part(el, 'submit-button')); // removing never submits by itself
    await until(
      () => seenTypes().includes('authing-phone-unbound'),
      () => `no onPhoneUnbound (events: ${seenTypes()}; widget: ${text(el)})`,
    );
    expect(details()['authing-phone-unbound']).to.deep.equal({
      previousPhoneNumber: USERS.phoneAndEmail.phone,
      previousPhoneCountryCode: '+86',
    });
  });
});
