// axe-core on the widget in each state a user meets.
import { expect } from '@open-wc/testing';
import { emulator, USERS } from '../helpers/emulator.js';
import { button, click, mount, part, press, type, unmountAll, waitForError, waitIdle } from '../helpers/widget.js';

describe('accessibility (axe)', () => {
  beforeEach(() => emulator.reset());
  afterEach(unmountAll);

  it('bind form, code sent, and an error', async () => {
    const el = await mount(USERS.noPhone.token);
    await expect(el).to.be.accessible();
    await type(part<HTMLInputElement>(el, 'phone-input'), '13800135555');
    await press('Enter');
    await waitIdle(el);
    await expect(el).to.be.accessible();
    await type(part<HTMLInputElement>(el, 'code-input'), '1');
    await press('Enter');
    await waitForError(el);
    await expect(el).to.be.accessible();
  });

  it('overview, both change steps, and the unbind steps', async () => {
    const el = await mount(USERS.phoneAndEmail.token, { lang: 'zh-CN' });
    await expect(el).to.be.accessible();
    await click(button(el, '修改'));
    await expect(el).to.be.accessible();
    await click(button(el, '取消'));
    await click(button(el, '解绑'));
    await expect(el).to.be.accessible();
    await click(button(el, '下一步'));
    await expect(el).to.be.accessible();
  });

  it('the only-login-method overview', async () => {
    const el = await mount(USERS.phoneOnly.token);
    await expect(el).to.be.accessible();
  });
});
