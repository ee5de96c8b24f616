// The headless example (demo/frameworks/headless-ui.ts): a UI of its own on authing-phone-manager/core,
// no widget. Driven with the mouse and keyboard through its own markup, against the emulator: it binds,
// changes and unbinds, and the emulator's user shows each result.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { mountHeadlessUi } from '../../../demo/frameworks/headless-ui.js';
import { emulator, emulatorUrl, USERS, wrongCode } from '../../helpers/emulator.js';
import { click, TEST_APP_ID } from '../../helpers/widget.js';
import { until } from './drive.js';

describe('your own UI on authing-phone-manager/core (the headless example)', () => {
  let container: HTMLElement;
  let mounted: ReturnType<typeof mountHeadlessUi> | undefined;

  beforeEach(async () => {
    await emulator.reset();
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => {
    mounted?.unmount();
    mounted = undefined;
    container.remove();
  });

  const find = <T extends HTMLElement>(selector: string) => container.querySelector<T>(selector);
  const shown = () => container.textContent ?? '';
  const heading = (text: string) =>
    until(
      () => find('h3')?.textContent === text,
      () => `no "${text}": the UI shows "${shown()}"`,
    );
  const idle = () =>
    until(
      () => !mounted!.session.state.pending,
      () => `still busy: "${shown()}"`,
    );
  const button = (name: string) =>
    until(
      () => find<HTMLButtonElement>(`button[name="${name}"]:not([disabled])`),
      () => `no ${name} button in "${shown()}"`,
    );
  const buttonLabelled = (label: string) =>
    until(
      () => [...container.querySelectorAll('button')].find((b) => b.textContent === label),
      () => `no ${label} button in "${shown()}"`,
    );
  async function typeInto(name: string, value: string): Promise<void> {
    await click(
      await until(
        () => find<HTMLInputElement>(`input[name="${name}"]`),
        () => `no ${name} input in "${shown()}"`,
      ),
    );
    await sendKeys({ type: value });
  }
  async function sendAndEnter(purposeNumber: string, channel: 'CHANNEL_BIND_PHONE' | 'CHANNEL_UNBIND_PHONE'): Promise<void> {
    await click(await button('send'));
    await idle();
    await typeInto('code', await emulator.codeFor(purposeNumber, channel));
  }

  it('binds a phone', async () => {
    mounted = mountHeadlessUi(container, { appHost: await emulatorUrl(), appId: TEST_APP_ID, accessToken: USERS.noPhone.token });
    await heading('Add a phone number');
    await typeInto('phone', '13800135555');
    expect(find<HTMLInputElement>('input[name="phone"]')!.value, 'typing survives the re-renders').to.equal('13800135555');
    await sendAndEnter('13800135555', 'CHANNEL_BIND_PHONE'); // a complete code submits itself
    await heading('Your phone number');
    expect(find('.headless-phone')!.textContent).to.equal('+86 138****5555');
    expect((await emulator.user(USERS.noPhone.id)).phone).to.equal('13800135555');
    expect(find('.headless-log')!.textContent).to.contain('phone-bound');
  });

  it('changes the phone: a code to the current number, then one to the new number', async () => {
    mounted = mountHeadlessUi(container, { appHost: await emulatorUrl(), appId: TEST_APP_ID, accessToken: USERS.phoneAndEmail.token });
    await heading('Your phone number');
    await click(await buttonLabelled('Change'));
    await heading('Change: confirm your current number');
    await sendAndEnter(USERS.phoneAndEmail.phone, 'CHANNEL_UNBIND_PHONE');
    await heading('Change: your new number');
    await typeInto('phone', '13912345678');
    await sendAndEnter('13912345678', 'CHANNEL_BIND_PHONE');
    await heading('Your phone number');
    expect(find('.headless-phone')!.textContent).to.equal('+86 139****5678');
    expect((await emulator.user(USERS.phoneAndEmail.id)).phone).to.equal('13912345678');
  });

  it('removes the phone, and shows an error for a wrong code without losing the form', async () => {
    mounted = mountHeadlessUi(container, { appHost: await emulatorUrl(), appId: TEST_APP_ID, accessToken: USERS.phoneAndEmail.token });
    await heading('Your phone number');
    await click(await buttonLabelled('Remove'));
    await heading('Remove your phone number?');
    await click(await button('send'));
    await idle();
    const code = await emulator.codeFor(USERS.phoneAndEmail.phone, 'CHANNEL_UNBIND_PHONE');
    const wrong = wrongCode(code);
    await typeInto('code', wrong);
    await click(await button('submit')); // removing never submits by itself
    await until(
      () => find('[role="alert"]'),
      () => `no error in "${shown()}"`,
    );
    expect(find('[role="alert"]')!.textContent).to.equal('CODE_INVALID (currentCode)');
    expect((await emulator.user(USERS.phoneAndEmail.id)).phone).to.equal(USERS.phoneAndEmail.phone);
    await click(find<HTMLInputElement>('input[name="code"]')!);
    await sendKeys({ press: 'End' });
    for (let i = 0; i < wrong.length; i++) await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: code });
    await click(await button('submit'));
    await heading('Add a phone number');
    expect((await emulator.user(USERS.phoneAndEmail.id)).phone).to.equal(null);
  });
});
