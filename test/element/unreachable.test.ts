// Issue 25: a request that gets no answer while the browser is online (a CORS refusal, a wrong host):
// the user hears that Authing could not be reached, not to check their internet connection, and the
// developer's console says what to check.
import { expect } from '@open-wc/testing';
import { USERS } from '../helpers/emulator.js';
import { createWidget, nextEvent, unmountAll } from '../helpers/widget.js';

describe('Authing cannot be reached while the browser is online', () => {
  let warnings: string[] = [];
  const warn = console.warn;
  beforeEach(() => {
    warnings = [];
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  });
  afterEach(() => {
    console.warn = warn;
    unmountAll();
  });

  it('a CORS refusal (a host that answers without allowing this page): the words and the console hint', async () => {
    // The test page's own server under its other loopback name: it answers, but allows no other origin.
    const other = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const appHost = `${location.protocol}//${other}:${location.port}`;
    const el = await createWidget(USERS.noPhone.token, { 'app-host': appHost });
    const failed = nextEvent(el, 'authing-error');
    document.body.append(el);
    expect((await failed).detail).to.include({ action: 'load-profile', code: 'UNREACHABLE' });
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('Couldn’t reach the account service. Please try again later.');
    expect(el.shadowRoot!.textContent).not.to.contain('internet connection');
    const hint = warnings.find((text) => text.includes('got no answer'));
    expect(hint, warnings.join('\n')).to.contain(appHost).and.contain(location.origin).and.contain('安全域').and.contain('app-host');
    expect(hint).not.to.contain(USERS.noPhone.token);
  });
});
