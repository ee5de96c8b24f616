// Issue 22, points 10 and 11: what the server says is bounded, isolated and never repeats the access
// token; another user's token forgets the previous user's input at once.
import { expect } from '@open-wc/testing';
import { emulator, holdRequests, USERS } from '../../helpers/emulator.js';
import { errorText, mount, nextEvent, phoneInput, press, type, type Widget } from '../../helpers/widget.js';
import { idle, until } from './support.js';

const SETUP = { lang: 'zh-CN' } as const;
const NEW_PHONE = '13800135555';

/** A send refused with `message` (a business answer, statusCode 400: the widget shows the server's words). */
async function refusedWith(el: Widget, message: string): Promise<CustomEvent> {
  await emulator.fault({ path: '/api/v3/send-sms', kind: 'envelope', statusCode: 400, message });
  const failed = nextEvent(el, 'authing-error');
  await type(phoneInput(el), NEW_PHONE);
  await press('Enter');
  const event = await failed;
  await idle(el);
  return event;
}

/** A JWT-shaped token naming `sub` (Authing's access tokens are JWTs; the widget does not verify them). */
const jwtFor = (sub: string, salt: string) => {
  const part64 = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${part64({ alg: 'RS256', typ: 'JWT' })}.${part64({ sub, salt })}.c2lnbmF0dXJl`;
};

describe('server text and the token', () => {
  beforeEach(() => emulator.reset());
  afterEach(async () => {
    document.querySelectorAll('authing-phone-manager').forEach((el) => el.remove());
    await emulator.reset();
  });

  it('a 240 KB message is cut to 300 characters before it is matched, shown or handed to the host, and does not freeze the page', async () => {
    const el = await mount(USERS.noPhone.token, SETUP);
    const width = el.getBoundingClientRect().width;
    // Every 每天 ("daily") starts a scan to the end for 上限 ("limit"): quadratic on the whole message.
    const huge = '每天a'.repeat(80_000);
    const started = performance.now();
    const { detail } = await refusedWith(el, huge);
    expect(performance.now() - started, 'ms from Enter to the message').to.be.below(2000);
    expect(detail.message.length).to.be.at.most(300);
    const shown = errorText(el);
    expect(shown).to.contain(detail.message.slice(0, -1));
    expect(shown.length, 'the message and the request id').to.be.below(400);
    expect(el.getBoundingClientRect().width, 'the widget keeps its width').to.equal(width);
    const banner = el.shadowRoot!.querySelector<HTMLElement>('.apm__banner, .apm__field-error')!;
    expect(banner.scrollWidth, 'the unbroken word wraps').to.be.at.most(banner.clientWidth + 1);
  });

  it('a right-to-left override in the server’s words cannot mirror the widget’s own', async () => {
    const el = await mount(USERS.noPhone.token, SETUP);
    await refusedWith(el, '\u202Eevil');
    const shown = errorText(el);
    expect(shown).to.contain('\u2068\u202Eevil\u2069');
  });

  it('a server message that echoes the access token is redacted in the DOM and in the event', async () => {
    const el = await mount(USERS.noPhone.token, SETUP);
    const { detail } = await refusedWith(el, `bad token ${USERS.noPhone.token} refused`);
    expect(detail.message).to.not.contain(USERS.noPhone.token);
    expect(detail.message).to.contain('[redacted]');
    expect(el.shadowRoot!.innerHTML).to.not.contain(USERS.noPhone.token);
    expect(errorText(el)).to.contain('[redacted]');
  });

  it('a token of another user: what the previous user typed disappears at once, before the new profile arrives', async () => {
    const alice = await emulator.issueToken(USERS.noPhone.id, { token: jwtFor(USERS.noPhone.id, 'a') });
    const bob = await emulator.issueToken(USERS.phoneAndEmail.id, { token: jwtFor(USERS.phoneAndEmail.id, 'b') });
    const el = await mount(alice, SETUP);
    await type(phoneInput(el), NEW_PHONE);
    const profile = holdRequests('get-profile');
    const loaded = nextEvent(el, 'authing-profile-loaded');
    try {
      el.accessToken = bob;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('input')?.value ?? '', 'nothing typed is left').to.not.contain('5555');
      expect(el.shadowRoot!.textContent).to.not.contain('5555');
      await until(() => profile.held() === 1, 'the new profile was never asked for');
    } finally {
      profile.restore();
    }
    await loaded;
  });

  it('a refreshed token of the same user keeps what was typed', async () => {
    const first = await emulator.issueToken(USERS.noPhone.id, { token: jwtFor(USERS.noPhone.id, 'a') });
    const refreshed = await emulator.issueToken(USERS.noPhone.id, { token: jwtFor(USERS.noPhone.id, 'b') });
    const el = await mount(first, SETUP);
    await type(phoneInput(el), NEW_PHONE);
    const loaded = nextEvent(el, 'authing-profile-loaded');
    el.accessToken = refreshed;
    await el.updateComplete;
    expect(phoneInput(el).value).to.equal(NEW_PHONE);
    await loaded;
    await idle(el);
    expect(phoneInput(el).value).to.equal(NEW_PHONE);
  });
});
