// The page's side of the bench: mounts, drives and times <authing-phone-manager> and the floor
// (bench/floor-element.js). Node calls these functions through page.evaluate and does the rest
// (emulator resets, statistics) outside the timed parts. Times are performance.now() differences.
import { CODE, COUNTRY_CODE, FLOWS, NEW_PHONE, USERS, VIEWS, postAsWidget } from './scenario.js';

const { READY, part, busy } = window.benchReady;
/** The page's unwrapped timers (on the memory pages, counters.js wraps the page's own). */
const timers = window.__benchReal ?? { setTimeout: window.setTimeout.bind(window), clearTimeout: window.clearTimeout.bind(window) };
const emulator = new URLSearchParams(location.search).get('emulator');
if (!emulator) throw new Error('harness: no ?emulator= in the page URL');

const now = () => performance.now();
const waitFor = (el, predicate, what, timeoutMs = 5000) =>
  window.benchReady.waitFor(el, predicate, what, timeoutMs, timers.setTimeout, timers.clearTimeout);

const TAGS = {
  widget: 'authing-phone-manager',
  floor: 'bench-floor',
  'floor-fetch': 'bench-floor-fetch',
  'floor-ui': 'bench-floor-ui',
  'floor-interact': 'bench-floor-interact',
};

/** A new, not yet connected element of this kind for this view's user. */
function create(kind, view) {
  const el = document.createElement(TAGS[kind]);
  const user = USERS[VIEWS[view].user];
  if (kind === 'widget') {
    el.setAttribute('app-host', emulator);
    // a pool id, which the emulator requires (or an app id); not app-id, which adds the public-config
    // request to every connection and so to every figure
    el.setAttribute('userpool-id', 'bench-pool');
    el.setAttribute('access-token', user.token);
    el.setAttribute('lang', 'en-US');
  } else {
    el.setAttribute('view', view);
    if (kind === 'floor-fetch' || kind === 'floor-ui' || kind === 'floor-interact') {
      el.setAttribute('app-host', emulator);
      el.setAttribute('access-token', user.token);
    }
  }
  return el;
}

/**
 * One mount: from append to interactive (`ready`), and to the end of a forced style and layout
 * pass right after (`layout`). The element is removed afterwards.
 */
export async function mountOnce(kind, view) {
  const el = create(kind, view);
  const t0 = now();
  document.body.append(el);
  await waitFor(el, READY[view], `${kind} ${view}`);
  const t1 = now();
  void part(el, 'base').offsetHeight; // forces style recalculation and layout
  const t2 = now();
  el.remove();
  return { ready: t1 - t0, layout: t2 - t0 };
}

// ---- flows through the widget's UI ------------------------------------------------------------

/** What a person's typing ends in: the value, then an input event. */
function typeInto(input, value) {
  input.focus();
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: value }));
}

function press(button) {
  button.focus();
  button.click();
}

function nextEvent(el, type, timeoutMs = 5000) {
  return new Promise((resolve, reject) => {
    const timer = timers.setTimeout(() => reject(new Error(`no ${type} within ${timeoutMs} ms`)), timeoutMs);
    el.addEventListener(
      type,
      (event) => {
        timers.clearTimeout(timer);
        resolve(event);
      },
      { once: true },
    );
  });
}

const need = (el, name) => {
  const node = part(el, name);
  if (!node) throw new Error(`no part ${name}; shows: ${(el.shadowRoot.textContent ?? '').replace(/\s+/g, ' ').trim()}`);
  return node;
};
const editable = (name) => (el) => {
  const input = part(el, name);
  return !!input && !input.readOnly && !busy(el);
};
const idleWith = (name) => (el) => !!part(el, name) && !busy(el);

/** Sends a code from the current step and waits until the code input takes it. */
async function sendCode(el) {
  const sent = nextEvent(el, 'authing-code-sent');
  press(need(el, 'send-button'));
  await sent;
  await waitFor(el, editable('code-input'), 'code input after sending');
}

const WIDGET_FLOWS = {
  async bind(el) {
    typeInto(need(el, 'phone-input'), NEW_PHONE);
    await sendCode(el);
    const bound = nextEvent(el, 'authing-phone-bound');
    // A pool id reads no public config: the code length is unknown, so the code waits for the button.
    typeInto(need(el, 'code-input'), CODE);
    press(need(el, 'submit-button'));
    await bound;
    await waitFor(el, READY.overview, 'overview after binding');
  },
  async change(el) {
    press(need(el, 'change-button'));
    await waitFor(el, idleWith('send-button'), 'change: current number step');
    await sendCode(el);
    typeInto(need(el, 'code-input'), CODE);
    press(need(el, 'submit-button'));
    await waitFor(el, editable('phone-input'), 'change: new number step');
    typeInto(need(el, 'phone-input'), NEW_PHONE);
    await sendCode(el);
    const changed = nextEvent(el, 'authing-phone-changed');
    typeInto(need(el, 'code-input'), CODE);
    press(need(el, 'submit-button'));
    await changed;
    await waitFor(el, READY.overview, 'overview after changing');
  },
  async unbind(el) {
    press(need(el, 'unbind-button'));
    await waitFor(el, idleWith('send-button'), 'unbind: code step');
    await sendCode(el);
    const unbound = nextEvent(el, 'authing-phone-unbound');
    typeInto(need(el, 'code-input'), CODE);
    press(need(el, 'submit-button')); // removing never submits by itself
    await unbound;
    await waitFor(el, READY.bind, 'bind form after unbinding');
  },
};

let mounted;

/**
 * Mounts a widget (or the UI floor, `floor-ui`) for the flow's user and waits until it is interactive
 * (not timed).
 */
export async function prepareFlow(name, kind = 'widget') {
  const { view } = FLOWS[name];
  // The widget keeps send-code cooldowns in sessionStorage across mounts; the emulator was just reset,
  // so the last round's cooldown would only hold the send button back.
  sessionStorage.clear();
  mounted = create(kind, view);
  document.body.append(mounted);
  await waitFor(mounted, READY[view], `widget ${view} before ${name}`);
}

/**
 * Runs the flow through the prepared element's UI (the widget's, or the UI floor's: the same steps and
 * parts): from the first action to the final view shown.
 */
export async function uiFlow(name) {
  const el = mounted;
  mounted = undefined;
  const t0 = now();
  try {
    await WIDGET_FLOWS[name](el);
    return now() - t0;
  } finally {
    el.remove();
  }
}

// ---- the flow floor: the same requests, straight from the page ---------------------------------

const call = (token, path, body) => postAsWidget(emulator, token, path, body);

const FLOOR_FLOWS = {
  async bind() {
    const { token } = USERS.noPhone;
    await call(token, '/api/v3/send-sms', { channel: 'CHANNEL_BIND_PHONE', phoneNumber: NEW_PHONE, phoneCountryCode: COUNTRY_CODE });
    await call(token, '/api/v3/bind-phone', { phoneNumber: NEW_PHONE, phoneCountryCode: COUNTRY_CODE, passCode: CODE });
  },
  async change() {
    const { token, phone, phoneCountryCode } = USERS.phoneAndEmail;
    await call(token, '/api/v3/send-sms', { channel: 'CHANNEL_UNBIND_PHONE', phoneNumber: phone, phoneCountryCode });
    await call(token, '/api/v3/send-sms', { channel: 'CHANNEL_BIND_PHONE', phoneNumber: NEW_PHONE, phoneCountryCode: COUNTRY_CODE });
    const { updatePhoneToken } = await call(token, '/api/v3/verify-update-phone-request', {
      verifyMethod: 'PHONE_PASSCODE',
      phonePassCodePayload: {
        newPhoneNumber: NEW_PHONE,
        newPhoneCountryCode: COUNTRY_CODE,
        newPhonePassCode: CODE,
        oldPhoneNumber: phone,
        oldPhoneCountryCode: phoneCountryCode,
        oldPhonePassCode: CODE,
      },
    });
    await call(token, '/api/v3/update-phone', { updatePhoneToken });
  },
  async unbind() {
    const { token, phone, phoneCountryCode } = USERS.phoneAndEmail;
    await call(token, '/api/v3/send-sms', { channel: 'CHANNEL_UNBIND_PHONE', phoneNumber: phone, phoneCountryCode });
    await call(token, '/api/v3/unbind-phone', { passCode: CODE });
  },
};

/** The flow's requests in a row, with no UI. */
export async function floorFlow(name) {
  const t0 = now();
  await FLOOR_FLOWS[name]();
  return now() - t0;
}

// ---- shape check and memory -----------------------------------------------------------------

/** What the widget and the floor render for a view: element, input, button and option counts. */
export async function shape(kind, view) {
  const el = create(kind, view);
  document.body.append(el);
  await waitFor(el, READY[view], `${kind} ${view}`);
  const root = el.shadowRoot;
  const count = (selector) => root.querySelectorAll(selector).length;
  const result = {
    elements: count('*') - count('style'),
    inputs: count('input'),
    selects: count('select'),
    options: count('option'),
    buttons: count('button'),
    headings: count('[role="heading"]'),
    textLength: (root.textContent ?? '').replace(/\s+/g, ' ').trim().length,
    stylesheets: (root.adoptedStyleSheets?.length ?? 0) + count('style'),
  };
  el.remove();
  return result;
}

/**
 * `n` mount/unmount cycles of fresh elements. `settled`: each waits until interactive (profile
 * loaded) before it is removed. `in-flight`: each is removed right after its first render, while
 * the widget's profile request is on its way.
 */
export async function cycles(kind, view, n, mode) {
  for (let i = 0; i < n; i++) {
    const el = create(kind, view);
    document.body.append(el);
    if (mode === 'settled') await waitFor(el, READY[view], `${kind} ${view} cycle ${i}`);
    else await el.updateComplete;
    el.remove();
  }
  // Let aborted requests and their handlers finish before anything is counted.
  await new Promise((resolve) => timers.setTimeout(resolve, 200));
  return document.querySelectorAll(`${TAGS[kind]}`).length;
}

// ---- interactions -------------------------------------------------------------------------------

/** After the next frame: a task posted from a requestAnimationFrame callback runs once it painted. */
const nextFrame = () =>
  new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(0);
    }),
  );

/**
 * One interaction: `work` is the handler and the render it causes (the action, then the element's
 * update), `frame` the input to the end of the next frame (style, layout and paint included).
 */
async function timed(el, action) {
  const t0 = now();
  action();
  await el.updateComplete;
  await Promise.resolve(); // what the element runs right after its update (focus moves)
  const t1 = now();
  await nextFrame();
  return { work: t1 - t0, frame: now() - t0 };
}

/**
 * The interactions of a user on the bind form, in a fresh page (so the country list opens for the first
 * time): open the country list, search it, close it, type a number, Send code, type in the code field,
 * and one tick of the resend countdown. `kind`: widget or floor-interact.
 */
export async function interactions(kind) {
  sessionStorage.clear();
  const el = create(kind, 'bind');
  document.body.append(el);
  await waitFor(el, READY.bind, `${kind} bind before the interactions`);
  await nextFrame();
  const result = {};
  result['open-list'] = await timed(el, () => press(need(el, 'country-select')));
  result['search-list'] = await timed(el, () => typeInto(need(el, 'country-search'), 'ja'));
  need(el, 'country-select').click(); // closes the list
  await el.updateComplete;
  await nextFrame();
  result['type-phone'] = await timed(el, () => typeInto(need(el, 'phone-input'), NEW_PHONE));
  const sent = nextEvent(el, 'authing-code-sent');
  result['send-code'] = await timed(el, () => press(need(el, 'send-button')));
  await sent;
  await waitFor(el, (node) => !busy(node), 'not busy after sending');
  await nextFrame();
  result['type-code'] = await timed(el, () => typeInto(need(el, 'code-input'), CODE.slice(0, 3)));
  result['countdown-tick'] = await tick(el);
  el.remove();
  return result;
}

/** The next tick of a countdown: from its timer firing (interactions.mjs wraps setInterval) to the render. */
function tick(el) {
  return new Promise((resolve, reject) => {
    window.__tickStart = undefined;
    const timer = timers.setTimeout(() => reject(new Error('no countdown tick within 3 s')), 3000);
    const observer = new MutationObserver(() => {
      if (window.__tickStart === undefined) return;
      const rendered = now();
      observer.disconnect();
      timers.clearTimeout(timer);
      const started = window.__tickStart;
      void nextFrame().then(() => resolve({ work: rendered - started, frame: now() - started }));
    });
    observer.observe(el.shadowRoot, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

/** `n` elements for a view's user on the page at once, each interactive; removes earlier ones first. */
export async function populate(kind, view, n) {
  for (const old of document.querySelectorAll('[data-bench-many]')) old.remove();
  const made = [];
  for (let i = 0; i < n; i++) {
    const el = create(kind, view);
    el.setAttribute('data-bench-many', '');
    document.body.append(el);
    made.push(el);
  }
  await Promise.all(made.map((el, i) => waitFor(el, READY[view], `${kind} ${view} #${i}`, 30_000)));
  await nextFrame();
  return document.querySelectorAll('[data-bench-many]').length;
}
