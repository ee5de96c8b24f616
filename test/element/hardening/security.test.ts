// Issue 5, security: server text is inert; the widget (ESM source and the classic CDN file) runs under
// a strict CSP and under Trusted Types without a single violation; app-host must be https (loopback
// excepted) or nothing is sent; the access token shows up nowhere but the Authorization header, and a
// new one aborts what the old one started; repeated clicks and Enter presses make one request.
import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { catalog } from '../../../src/localize/index.js';
import { emulator, emulatorUrl, holdRequests, USERS, wrongCode } from '../../helpers/emulator.js';
import {
  click,
  codeInput,
  errorText,
  mount,
  nextEvent,
  part,
  phoneInput,
  press,
  recordEvents,
  sendCode,
  statusText,
  type,
  type Widget,
} from '../../helpers/widget.js';
import { endpoints, EVENTS, idle, messageOf, recordFetches, until, untilEmulatorHas, watchUncaught, type TestLang } from './support.js';

const BIND = 'CHANNEL_BIND_PHONE';
const UNBIND = 'CHANNEL_UNBIND_PHONE';
const BOB = USERS.phoneAndEmail;
const langOf = (index: number): TestLang => (index % 2 ? 'zh-CN' : 'en-US');

/** The classic CDN build, produced by `npm run build`; its CSP tests are skipped while it is missing. */
const CDN_FILE = '/dist/cdn/authing-phone-manager.iife.js';
const cdnBuilt = (await fetch(CDN_FILE, { method: 'HEAD' })).ok;

/** Every window.fetch call of the page, whatever the URL (the emulator's control calls excluded). */
function recordAllFetches(): { urls: string[]; restore(): void } {
  const real = window.fetch;
  const urls: string[] = [];
  window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.includes('/__emulator/')) urls.push(url);
    return real.call(window, input, init);
  }) as typeof window.fetch;
  return { urls, restore: () => void (window.fetch = real) };
}

describe('security', () => {
  // A widget shared by a table's rows is marked to stay.
  afterEach(() => document.querySelectorAll('authing-phone-manager:not([data-shared])').forEach((el) => el.remove()));

  describe('server messages carrying HTML or script are shown as inert text', () => {
    const PAYLOADS = [
      '<img src=x onerror="window.__pwned=1">未知错误',
      '<script>window.__pwned=2</script>',
      '<svg onload="window.__pwned=3"><circle r="1"/></svg>',
      '<a href="javascript:window.__pwned=4">Click here</a>',
      '"><iframe srcdoc="<script>parent.__pwned=5</script>"></iframe>',
      '<style>*{display:none}</style><b onmouseover="window.__pwned=6">x</b>',
    ];
    let el: Widget;
    before(async () => {
      await emulator.reset();
      el = await mount(USERS.noPhone.token, { 'data-shared': '' });
      await type(phoneInput(el), '13800135555');
    });
    after(() => el.remove());
    afterEach(() => expect((window as { __pwned?: unknown }).__pwned).to.equal(undefined));

    PAYLOADS.forEach((payload, i) => {
      const lang = langOf(i);
      it(`${JSON.stringify(payload)} (${lang})`, async () => {
        el.lang = lang;
        // A 4xx envelope with an unknown message: the widget shows Authing's own words.
        await emulator.fault({ path: '/api/v3/send-sms', kind: 'envelope', statusCode: 400, message: payload });
        const failed = nextEvent(el, 'authing-error');
        await click(part(el, 'send-button'));
        expect((await failed).detail).to.include({ code: 'SERVER', message: payload });
        await idle(el);
        expect(errorText(el)).to.contain(payload, 'shown literally');
        // A failed send stands at the code row: in its message line, nothing is an element but the request id.
        const nodes = [...part(el, 'error-code').querySelectorAll('*')];
        expect(
          nodes.every((node) => node.matches('.apm__request-id')),
          'no element but the request id',
        ).to.equal(true);
        expect(el.shadowRoot!.querySelectorAll('img, script, svg, iframe, a, style, b')).to.have.length(0);
        await new Promise((resolve) => setTimeout(resolve, 20)); // an onerror/onload would have run by now
        expect((window as { __pwned?: unknown }).__pwned).to.equal(undefined);
      });
    });
  });

  describe('strict Content Security Policy and Trusted Types: zero violations', () => {
    async function openFrame(page: string, policy: 'csp' | 'tt'): Promise<HTMLIFrameElement> {
      const frame = document.createElement('iframe');
      frame.style.cssText = 'position:fixed;left:0;top:0;width:780px;height:580px;border:0;background:#fff;z-index:1';
      const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      frame.src = `/test/element/hardening/csp/${page}?policy=${policy}`;
      document.body.append(frame);
      await loaded;
      const header = (await fetch(frame.src, { method: 'HEAD' })).headers.get('content-security-policy') ?? '';
      expect(header, 'the page is served with the policy').to.contain("script-src 'self'");
      if (policy === 'tt') expect(header).to.contain("require-trusted-types-for 'script'; trusted-types lit-html");
      return frame;
    }

    /** Clicks with the real mouse at a node inside the frame. */
    async function frameClick(frame: HTMLIFrameElement, node: HTMLElement): Promise<void> {
      node.scrollIntoView({ block: 'center' });
      const outer = frame.getBoundingClientRect();
      const rect = node.getBoundingClientRect();
      await sendMouse({
        type: 'click',
        position: [Math.round(outer.left + rect.left + rect.width / 2), Math.round(outer.top + rect.top + rect.height / 2)],
      });
    }

    async function frameType(frame: HTMLIFrameElement, input: HTMLInputElement, text: string): Promise<void> {
      await frameClick(frame, input);
      await sendKeys({ type: text });
    }

    /**
     * In the frame: the widget loads, shows a server error carrying HTML, removes the phone, binds a
     * new one — every template and the network path, with real clicks and keys.
     */
    async function runFlows(frame: HTMLIFrameElement): Promise<void> {
      const win = frame.contentWindow as Window & typeof globalThis & { __violations: unknown[]; __errors: string[] };
      await until(() => win.customElements.get('authing-phone-manager'), 'the element was not defined in the page');
      const el = win.document.createElement('authing-phone-manager') as Widget;
      el.setAttribute('app-host', await emulatorUrl());
      el.setAttribute('app-id', 'test-app');
      el.setAttribute('lang', 'zh-CN');
      el.accessToken = BOB.token;
      const loaded = nextEvent(el, 'authing-profile-loaded');
      win.document.body.append(el);
      await loaded;
      await el.updateComplete;

      await frameClick(frame, part(el, 'unbind-button'));
      await frameClick(frame, part(el, 'submit-button'));
      await until(() => el.shadowRoot!.querySelector('[part~="send-button"]'), 'no code step');
      await emulator.fault({
        path: '/api/v3/send-sms',
        kind: 'envelope',
        statusCode: 400,
        message: '<img src=x onerror="parent.__pwned=1">',
      });
      const failed = nextEvent(el, 'authing-error');
      await frameClick(frame, part(el, 'send-button'));
      await failed;
      await idle(el);
      expect(errorText(el)).to.contain('<img src=x');
      await sendCode(el, () => frameClick(frame, part(el, 'send-button')));
      const unbound = nextEvent(el, 'authing-phone-unbound');
      await frameType(frame, codeInput(el), await emulator.codeFor(BOB.phone, UNBIND));
      await sendKeys({ press: 'Enter' }); // removing never submits by itself
      await unbound;
      await idle(el);
      await sendCode(el, async () => {
        await frameType(frame, phoneInput(el), '13800135555');
        await sendKeys({ press: 'Enter' });
      });
      const bound = nextEvent(el, 'authing-phone-bound');
      await frameType(frame, codeInput(el), await emulator.codeFor('13800135555', BIND));
      await bound;
      await idle(el);
      expect(statusText(el)).to.equal(catalog('zh-CN').bound);

      expect(win.__violations, 'no CSP or Trusted Types violation').to.deep.equal([]);
      expect(win.__errors, 'no uncaught error in the page').to.deep.equal([]);
      expect((window as { __pwned?: unknown }).__pwned).to.equal(undefined);
    }

    /**
     * Proves the policy is in force and that the page sees its violations, so that the zero above means
     * something: script from a string is refused; a request to an origin connect-src does not name is
     * refused and reported (every engine reports that one, while WebKit reports no eval refused by a plain
     * CSP); under Trusted Types, HTML from a plain string is refused and reported. The engines word their
     * errors differently: names and directives are compared, not messages.
     */
    async function expectPolicyEnforced(frame: HTMLIFrameElement, policy: 'csp' | 'tt'): Promise<void> {
      const win = frame.contentWindow as Window &
        typeof globalThis & { __violations: Array<{ directive: string; blocked: string; sample: string }>; __evaluated?: boolean };
      const thrown = (action: () => unknown): string => {
        try {
          action();
        } catch (error) {
          return (error as Error).name;
        }
        return 'nothing thrown';
      };
      expect(
        thrown(() => win.eval('window.__evaluated = true')),
        'eval refused',
      ).to.equal('EvalError');
      expect(win.__evaluated, 'the string did not run').to.equal(undefined);

      const elsewhere = new URL(await emulatorUrl());
      elsewhere.hostname = 'localhost'; // the emulator, spelled as an origin connect-src does not name
      const url = `${elsewhere.origin}/api/v3/get-profile`;
      const refused = await win.fetch(url).then(
        () => 'answered',
        (error: Error) => error.name,
      );
      expect(refused, 'a request to another origin is refused').to.equal('TypeError');
      await until(
        () => win.__violations.some((v) => v.directive === 'connect-src' && v.blocked === url),
        'the refused request was not reported',
      );

      if (policy === 'tt') {
        expect(
          thrown(() => (win.document.createElement('div').innerHTML = '<b>x</b>')),
          'HTML from a string refused',
        ).to.equal('TypeError');
        await until(
          () => win.__violations.some((v) => v.directive === 'require-trusted-types-for' && v.sample.startsWith('Element innerHTML|')),
          'the refused HTML was not reported',
        );
      }
    }

    beforeEach(() => emulator.reset());
    afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

    for (const policy of ['csp', 'tt'] as const) {
      const what =
        policy === 'csp'
          ? "default-src 'self'; script-src 'self'; style-src 'self'; connect-src <emulator>"
          : 'the same + Trusted Types (lit-html only)';
      it(`ESM source under ${what}`, async () => {
        const frame = await openFrame('esm.html', policy);
        await runFlows(frame);
        await expectPolicyEnforced(frame, policy);
      });

      const cdnTitle = `classic CDN file (${CDN_FILE}) under ${what}`;
      if (cdnBuilt) {
        it(cdnTitle, async () => {
          const frame = await openFrame('cdn.html', policy);
          expect((frame.contentWindow as unknown as { AuthingPhoneManager?: unknown }).AuthingPhoneManager, 'the global').to.exist;
          await runFlows(frame);
          await expectPolicyEnforced(frame, policy);
        });
      } else {
        // Skipped only while the file does not exist: `npm run build` produces it.
        it.skip(`${cdnTitle} — SKIPPED: ${CDN_FILE} is not built (run npm run build)`, () => undefined);
      }
    }
  });

  describe('app-host must be https (http only for localhost and 127.0.0.1): anything else is CONFIG and sends nothing', () => {
    const REFUSED = [
      'http://example.authing.cn',
      'http://192.168.1.10:8787',
      'http://localhost.evil.example',
      'http://127.0.0.1.nip.io',
      'ftp://example.authing.cn',
      'javascript:alert(1)',
      'https://user:secret@example.authing.cn',
      'https://example.authing.cn/?next=evil',
      'https://example.authing.cn/#x',
      'not a host at all',
      '',
    ];
    const TOKEN = 'secret-token-config-3b1d';
    let fetches: ReturnType<typeof recordAllFetches>;
    beforeEach(async () => {
      await emulator.reset();
      await emulator.seed([{ userId: BOB.id, tokens: [TOKEN] }]);
      fetches = recordAllFetches();
    });
    afterEach(() => fetches.restore());

    async function create(appHost: string, lang: TestLang): Promise<Widget> {
      const el = document.createElement('authing-phone-manager');
      el.setAttribute('app-host', appHost);
      el.setAttribute('userpool-id', 'test-pool'); // an id without the app's public config: one request per load
      el.setAttribute('lang', lang);
      el.accessToken = TOKEN;
      return el;
    }

    REFUSED.forEach((appHost, i) => {
      const lang = langOf(i);
      it(`${JSON.stringify(appHost)} → CONFIG, no request (${lang})`, async () => {
        const el = await create(appHost, lang);
        const events = recordEvents(el, EVENTS);
        const failed = nextEvent(el, 'authing-error');
        document.body.append(el);
        expect((await failed).detail).to.include({ action: 'load-profile', code: 'CONFIG' });
        await el.updateComplete;
        expect(errorText(el)).to.equal(messageOf(lang, 'CONFIG'));
        expect(el.shadowRoot!.querySelector('[part~="retry-button"]'), 'no Try again for a setup error').to.equal(null);
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(fetches.urls, 'no request at all').to.deep.equal([]);
        expect(await emulator.requests()).to.deep.equal([]);
        const host = appHost.replace(/^\w+:\/\//, '').split(/[/?#]/)[0];
        if (host) expect(performance.getEntriesByType('resource').filter((r) => r.name.includes(host))).to.deep.equal([]);
        expect(JSON.stringify(events.map((e) => e.detail))).not.to.contain(TOKEN);
      });
    });

    for (const spelling of ['127.0.0.1', 'localhost']) {
      it(`http://${spelling}:<port> is allowed, and the token goes in the Authorization header only`, async () => {
        const url = new URL(await emulatorUrl());
        url.hostname = spelling;
        const el = await create(url.origin, 'en-US');
        const loaded = nextEvent(el, 'authing-profile-loaded');
        document.body.append(el);
        expect((await loaded).detail.phoneNumber).to.equal(BOB.phone);
        expect(fetches.urls).to.deep.equal([
          `${url.origin}/api/v3/get-profile?withCustomData=false&withIdentities=true&withDepartmentIds=false`,
        ]);
        expect(fetches.urls.join()).not.to.contain(TOKEN);
        expect((await emulator.requests())[0]).to.include({ authorized: true, authScheme: 'bearer' });
      });
    }

    it('switching app-host to a plain-http host at run time: CONFIG, nothing sent there; switching back recovers', async () => {
      const el = await create(await emulatorUrl(), 'zh-CN');
      const loaded = nextEvent(el, 'authing-profile-loaded');
      document.body.append(el);
      await loaded;
      const failed = nextEvent(el, 'authing-error');
      el.appHost = 'http://evil.example';
      expect((await failed).detail.code).to.equal('CONFIG');
      await el.updateComplete;
      expect(errorText(el)).to.equal(messageOf('zh-CN', 'CONFIG'));
      const reloaded = nextEvent(el, 'authing-profile-loaded');
      el.appHost = await emulatorUrl();
      await reloaded;
      expect(fetches.urls.filter((u) => u.includes('evil.example'))).to.deep.equal([]);
      expect(fetches.urls).to.have.length(2);
    });
  });

  describe('the access token', () => {
    beforeEach(() => emulator.reset());

    it('appears nowhere — DOM, console, event details, URLs, storage — during bind, change and unbind, failures included', async () => {
      const TOKEN = 'tok-SECRET-5f2a9c7e81';
      await emulator.seed([{ userId: BOB.id, tokens: [TOKEN] }]);
      const logged: string[] = [];
      const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
      const originals = methods.map((m) => [m, console[m]] as const);
      originals.forEach(([m, original]) => {
        console[m] = (...args: unknown[]) => {
          logged.push(args.map((a) => (typeof a === 'string' ? a : (JSON.stringify(a) ?? String(a)))).join(' '));
          original.apply(console, args);
        };
      });
      const fetches = recordFetches();
      const uncaught = watchUncaught();
      try {
        const el = document.createElement('authing-phone-manager');
        el.setAttribute('app-host', await emulatorUrl());
        el.setAttribute('app-id', 'test-app');
        el.setAttribute('lang', 'en-US');
        el.accessToken = TOKEN; // the property: never reflected to an attribute
        const events = recordEvents(el, EVENTS);
        const loaded = nextEvent(el, 'authing-profile-loaded');
        document.body.append(el);
        await loaded;
        await el.updateComplete;
        const snapshots: string[] = [];
        const snapshot = () =>
          snapshots.push(document.documentElement.outerHTML, el.shadowRoot!.innerHTML, el.shadowRoot!.textContent ?? '');

        // Change, with a server failure on the way.
        await click(part(el, 'change-button'));
        await sendCode(el, () => click(part(el, 'send-button')));
        const codes = [await emulator.codeFor(BOB.phone, UNBIND)];
        await type(codeInput(el), codes[0]!);
        await until(() => el.shadowRoot!.querySelector('[part~="phone-input"]'), 'no new-number step');
        await sendCode(el, async () => {
          await type(phoneInput(el), '13922223333');
          await press('Enter');
        });
        codes.push(await emulator.codeFor('13922223333', BIND));
        snapshot();
        await emulator.fault({ path: '/api/v3/update-phone', kind: 'http500' });
        const failed = nextEvent(el, 'authing-error');
        await type(codeInput(el), await emulator.codeFor('13922223333', BIND));
        await failed;
        await idle(el);
        snapshot();
        const changed = nextEvent(el, 'authing-phone-changed');
        await click(part(el, 'submit-button'));
        await changed;
        await idle(el);
        snapshot();

        // Unbind, with a wrong code first.
        await click(part(el, 'unbind-button'));
        await click(part(el, 'submit-button'));
        await until(() => el.shadowRoot!.querySelector('[part~="send-button"]'), 'no code step');
        await sendCode(el, () => click(part(el, 'send-button')));
        const code = await emulator.codeFor('13922223333', UNBIND);
        codes.push(code);
        const wrong = nextEvent(el, 'authing-error');
        await type(codeInput(el), wrongCode(code));
        await press('Enter'); // removing never submits by itself
        await wrong;
        await idle(el);
        snapshot();
        const unbound = nextEvent(el, 'authing-phone-unbound');
        await type(codeInput(el), code);
        await press('Enter');
        await unbound;
        await idle(el);

        // Bind.
        await sendCode(el, async () => {
          await type(phoneInput(el), '13800135555');
          await press('Enter');
        });
        const bound = nextEvent(el, 'authing-phone-bound');
        codes.push(await emulator.codeFor('13800135555', BIND));
        await type(codeInput(el), codes[codes.length - 1]!);
        await bound;
        await idle(el);
        snapshot();

        // The token did flow — in the Authorization header of every authorized request, and only there.
        const authorized = fetches.calls.filter((c) => c.endpoint !== 'send-sms');
        expect(authorized.length).to.be.greaterThan(5);
        expect(
          authorized.every((c) => c.authorization === `Bearer ${TOKEN}`),
          'Bearer token on each call',
        ).to.equal(true);
        expect(events.map((e) => e.type)).to.include.members([
          'authing-phone-changed',
          'authing-phone-unbound',
          'authing-phone-bound',
          'authing-error',
        ]);

        const places = {
          'rendered DOM': snapshots.join('\n'),
          'console output': logged.join('\n'),
          'event details': JSON.stringify(events.map((e) => e.detail)),
          'request URLs': [
            ...fetches.calls.map((c) => c.url),
            ...performance.getEntriesByType('resource').map((r) => r.name),
            location.href,
          ].join('\n'),
          'the emulator request log': JSON.stringify(await emulator.requests()),
          storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie,
          attributes: [...el.attributes].map((a) => `${a.name}=${a.value}`).join(' '),
        };
        for (const [place, haystack] of Object.entries(places)) expect(haystack, place).not.to.contain(TOKEN);
        // Nor do the SMS codes travel in events or logs.
        for (const code of codes) {
          expect(places['event details'], `code ${code} in an event`).not.to.contain(code);
          expect(places['console output'], `code ${code} in the console`).not.to.contain(code);
        }
        expect(places['rendered DOM'].length, 'the snapshots hold the widget').to.be.greaterThan(1000);
        expect(uncaught.seen).to.deep.equal([]);
      } finally {
        originals.forEach(([m, original]) => (console[m] = original));
        fetches.restore();
        uncaught.stop();
      }
    });

    // A new access-token mid-request: the request made with the old one is aborted (its signal fires,
    // no event comes of it), and every request from then on carries the new token.
    const IN_FLIGHT: Array<{ endpoint: string; user: { id: string; token: string }; start(el: Widget): Promise<void> }> = [
      { endpoint: 'get-profile', user: BOB, start: async (el) => el.reload() },
      {
        endpoint: 'send-sms',
        user: USERS.noPhone,
        async start(el) {
          await type(phoneInput(el), '13800135555');
          await press('Enter');
        },
      },
      {
        endpoint: 'bind-phone',
        user: USERS.noPhone,
        async start(el) {
          await sendCode(el, async () => {
            await type(phoneInput(el), '13800135555');
            await press('Enter');
          });
          await emulator.fault({ path: '/api/v3/bind-phone', kind: 'delay', delayMs: 20_000 });
          await type(codeInput(el), await emulator.codeFor('13800135555', BIND));
        },
      },
      {
        endpoint: 'unbind-phone',
        user: BOB,
        async start(el) {
          await click(part(el, 'unbind-button'));
          await click(part(el, 'submit-button'));
          await until(() => el.shadowRoot!.querySelector('[part~="send-button"]'), 'no code step');
          await sendCode(el, () => click(part(el, 'send-button')));
          await emulator.fault({ path: '/api/v3/unbind-phone', kind: 'delay', delayMs: 20_000 });
          await type(codeInput(el), await emulator.codeFor(BOB.phone, UNBIND));
          await press('Enter');
        },
      },
    ];
    for (const { endpoint, user, start } of IN_FLIGHT) {
      it(`changing access-token during ${endpoint} aborts the request made with the old token`, async () => {
        const fresh = `fresh-${user.token}`;
        await emulator.seed([{ userId: user.id, tokens: [user.token, fresh] }]);
        const fetches = recordFetches();
        try {
          const el = await mount(user.token);
          const events = recordEvents(el, EVENTS);
          if (endpoint === 'get-profile' || endpoint === 'send-sms') {
            await emulator.fault({ path: `/api/v3/${endpoint}`, kind: 'delay', delayMs: 20_000 });
          }
          await start(el);
          await until(() => fetches.calls.some((c) => c.endpoint === endpoint && !c.settled), 'the request never started');
          await untilEmulatorHas(`/api/v3/${endpoint}`); // held there: the old token's request, not the new one's
          const old = fetches.calls.find((c) => c.endpoint === endpoint && !c.settled)!;
          expect(old.authorization).to.equal(`Bearer ${user.token}`);
          const firstNew = fetches.calls.length;
          const eventsBefore = events.length;
          const reloaded = nextEvent(el, 'authing-profile-loaded');
          el.accessToken = fresh;
          await reloaded;
          await idle(el);
          expect(old.signal?.aborted, 'the old request was aborted').to.equal(true);
          await until(() => old.settled, 'the aborted fetch never settled');
          const after = fetches.calls.slice(firstNew);
          expect(after.map((c) => c.endpoint)).to.deep.equal(['get-profile']);
          expect(
            after.every((c) => c.authorization === `Bearer ${fresh}`),
            'only the new token from now on',
          ).to.equal(true);
          await new Promise((resolve) => setTimeout(resolve, 50));
          expect(
            events.slice(eventsBefore).map((e) => e.type),
            'nothing from the aborted request',
          ).to.deep.equal(['authing-profile-loaded']);
          expect(fetches.pending()).to.equal(0);
        } finally {
          fetches.restore();
          await emulator.reset(); // drops the held request unprocessed
        }
      });
    }
  });

  describe('repeated clicks and Enter presses while a request is on its way make one request', () => {
    // For each intent: get to it, hold its request on the page, then Enter ×3 and the button ×3.
    const INTENTS: Array<{
      name: string;
      user: string;
      path: string;
      expected: string[];
      button: string;
      prepare(el: Widget): Promise<void>;
      go(el: Widget): Promise<void>;
    }> = [
      {
        name: 'Send code',
        user: USERS.noPhone.token,
        path: '/api/v3/send-sms',
        expected: ['get-profile', 'send-sms'],
        button: 'send-button',
        prepare: (el) => type(phoneInput(el), '13800135555'),
        go: () => press('Enter'),
      },
      {
        name: 'Add phone number',
        user: USERS.noPhone.token,
        path: '/api/v3/bind-phone',
        expected: ['get-profile', 'send-sms', 'bind-phone'],
        button: 'submit-button',
        prepare: (el) =>
          sendCode(el, async () => {
            await type(phoneInput(el), '13800135555');
            await press('Enter');
          }),
        // No public config with a pool id: the code length is unknown, so the user presses Enter.
        async go(el) {
          await type(codeInput(el), await emulator.codeFor('13800135555', BIND));
          await press('Enter');
        },
      },
      {
        name: 'Change phone number',
        user: BOB.token,
        path: '/api/v3/verify-update-phone-request',
        expected: ['get-profile', 'send-sms', 'send-sms', 'verify-update-phone-request', 'update-phone'],
        button: 'submit-button',
        async prepare(el) {
          await click(part(el, 'change-button'));
          await sendCode(el, () => click(part(el, 'send-button')));
          await type(codeInput(el), await emulator.codeFor(BOB.phone, UNBIND));
          await press('Enter');
          await until(() => el.shadowRoot!.querySelector('[part~="phone-input"]'), 'no new-number step');
          await sendCode(el, async () => {
            await type(phoneInput(el), '13922223333');
            await press('Enter');
          });
        },
        async go(el) {
          await type(codeInput(el), await emulator.codeFor('13922223333', BIND));
          await press('Enter');
        },
      },
      {
        name: 'Remove phone number',
        user: BOB.token,
        path: '/api/v3/unbind-phone',
        expected: ['get-profile', 'send-sms', 'unbind-phone'],
        button: 'submit-button',
        async prepare(el) {
          await click(part(el, 'unbind-button'));
          await click(part(el, 'submit-button'));
          await until(() => el.shadowRoot!.querySelector('[part~="send-button"]'), 'no code step');
          await sendCode(el, () => click(part(el, 'send-button')));
        },
        async go(el) {
          await type(codeInput(el), await emulator.codeFor(BOB.phone, UNBIND));
          await press('Enter');
        },
      },
    ];
    beforeEach(() => emulator.reset());

    for (const intent of INTENTS) {
      it(`${intent.name}: one ${intent.path.replace('/api/v3/', '')}`, async () => {
        const fetches = recordFetches();
        try {
          // a pool id: every request the emulator logs is the widget's V3 flow (no public config)
          const el = await mount(intent.user, { 'app-id': null, 'userpool-id': 'test-pool' });
          await intent.prepare(el);
          // Held on the page until every press is made, however long the presses take.
          const hold = holdRequests(intent.path.replace('/api/v3/', ''));
          try {
            await intent.go(el);
            await until(() => hold.held() === 1, 'the request never started');
            await el.updateComplete;
            expect(part(el, 'base').getAttribute('aria-busy')).to.equal('true');
            expect(part(el, intent.button).getAttribute('aria-disabled')).to.equal('true');
            for (let i = 0; i < 3; i++) {
              await press('Enter');
              await click(part(el, intent.button));
            }
            await el.updateComplete;
            expect(hold.held(), 'requests while one is on its way').to.equal(1);
          } finally {
            hold.restore();
          }
          await idle(el);
          await until(() => fetches.pending() === 0, 'a request never settled');
          expect(
            fetches.calls.map((c) => c.endpoint),
            'requests the page made',
          ).to.deep.equal(intent.expected);
          expect(endpoints(await emulator.requests()), 'requests the emulator answered').to.deep.equal(intent.expected);
          expect(errorText(el)).to.equal('');
        } finally {
          fetches.restore();
        }
      });
    }
  });
});
