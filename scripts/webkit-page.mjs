// The demo's smoke script and the screenshots drive Chromium with Playwright. Playwright cannot drive
// Debian's WebKit, so for WebKit (MiniBrowser through WebKitWebDriver, see engines.mjs) this module gives
// those scripts the few Playwright calls they use — page.locator / getByLabel / getByRole, locators with
// filter / first / count / click / fill / check / waitFor …, page.evaluate / screenshot … — on webdriverio.
//
// Like Playwright's, the locators are lazy, pierce open shadow roots, and wait for what they act on;
// clicks and typing are real pointer and key actions at the element (WebDriver's), not DOM events,
// except where Playwright itself sets a value (selectOption, fill on a non-text input such as a colour).
// WebDriver classic cannot emulate a colour scheme, listen to the console or take a full-page picture:
// `canEmulateMedia` is false, console problems are collected in the page after each goto(), and
// screenshots are of the viewport.
import { writeFile } from 'node:fs/promises';
import { deflateSync, inflateSync } from 'node:zlib';
import { remote } from 'webdriverio';
import { findEngine, installHint, keyActions, startWebKitDriver } from './engines.mjs';

const DEFAULT_TIMEOUT_MS = 10_000;
const POLL_MS = 50;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const textMatcher = (text) => (text instanceof RegExp ? { source: text.source, flags: text.flags } : { text: String(text) });

/**
 * Runs in the page: the elements a locator's steps describe, in document order (open shadow roots
 * included, as Playwright's CSS does).
 */
function resolveInPage(steps) {
  const normal = (text) => (text ?? '').replace(/\s+/g, ' ').trim();
  const matches = (text, matcher, exact) => {
    if (matcher.source !== undefined) return new RegExp(matcher.source, matcher.flags).test(text);
    return exact ? text === normal(matcher.text) : text.toLowerCase().includes(normal(matcher.text).toLowerCase());
  };
  const deepAll = (root, css) => {
    const found = [];
    const visit = (node) => {
      for (const el of node.querySelectorAll('*')) {
        if (el.matches(css)) found.push(el);
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(root);
    if (root.shadowRoot) visit(root.shadowRoot);
    return found;
  };
  const textOf = (el) => normal(el.textContent);
  const labelsOf = (el) => {
    const labels = [...(el.labels ?? [])].map((label) => textOf(label));
    if (el.getAttribute('aria-label')) labels.push(normal(el.getAttribute('aria-label')));
    for (const id of (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)) {
      const by = el.getRootNode().getElementById?.(id) ?? document.getElementById(id);
      if (by) labels.push(textOf(by));
    }
    return labels;
  };
  const nameOf = (el) => normal(el.getAttribute('aria-label')) || (el instanceof HTMLInputElement ? normal(el.value) : textOf(el));
  const run = (roots, list) => {
    let nodes = roots;
    for (const step of list) {
      if (step.css) nodes = [...new Set(nodes.flatMap((root) => deepAll(root, step.css)))];
      else if (step.label)
        nodes = nodes
          .flatMap((root) => deepAll(root, 'input, select, textarea, button, [role]'))
          .filter((el) => labelsOf(el).some((label) => matches(label, step.label, step.exact)));
      else if (step.role === 'button')
        nodes = nodes
          .flatMap((root) => deepAll(root, 'button, [role="button"], input[type="button"], input[type="submit"]'))
          .filter((el) => step.name === undefined || matches(nameOf(el), step.name, step.exact));
      else if (step.hasText) nodes = nodes.filter((el) => matches(textOf(el), step.hasText, false));
      else if (step.has) nodes = nodes.filter((el) => run([el], step.has).length > 0);
      else if (step.nth !== undefined) nodes = nodes.slice(step.nth, step.nth + 1);
    }
    return nodes;
  };
  return run([document], steps);
}

/**
 * `a b c` as three steps, each searched inside the elements the one before found, shadow roots included:
 * Playwright's descendant combinator crosses shadow boundaries, Element.matches() does not. Selectors with
 * other combinators stay whole.
 */
function descendantSteps(css) {
  const parts = [];
  let depth = 0;
  let quote = '';
  let current = '';
  for (const char of css.trim()) {
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '[' || char === '(') depth++;
    else if (char === ']' || char === ')') depth--;
    else if (depth === 0 && /[>+~]/.test(char)) return [{ css }];
    else if (depth === 0 && /\s/.test(char)) {
      if (current) parts.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  if (current) parts.push(current);
  return parts.map((part) => ({ css: part }));
}

/** The script WebDriver runs: resolve the locator, then `body` with `elements` and `arg` in scope. */
const inPage = (body) => `const elements = (${resolveInPage})(arguments[0]); const arg = arguments[1]; ${body}`;

class Locator {
  constructor(page, steps) {
    this.page = page;
    this.steps = steps;
  }

  locator(css, { hasText } = {}) {
    const steps = [...this.steps, ...descendantSteps(css)];
    if (hasText !== undefined) steps.push({ hasText: textMatcher(hasText) });
    return new Locator(this.page, steps);
  }

  filter({ hasText, has } = {}) {
    const steps = [...this.steps];
    if (hasText !== undefined) steps.push({ hasText: textMatcher(hasText) });
    if (has) steps.push({ has: has.steps });
    return new Locator(this.page, steps);
  }

  first() {
    return new Locator(this.page, [...this.steps, { nth: 0 }]);
  }

  toString() {
    return `locator(${JSON.stringify(this.steps)})`;
  }

  /** Runs `body` in the page with the elements found (`elements`) and `arg`. */
  run(body, arg = null) {
    return this.page.driver.execute(inPage(body), this.steps, arg);
  }

  count() {
    return this.run('return elements.length;');
  }

  /** Waits until exactly one element matches and is visible (Playwright's strictness for actions). */
  async waitFor({ timeout = DEFAULT_TIMEOUT_MS, state = 'visible' } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const found = await this.run(`
        const el = elements[0];
        const visible = !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
        return { count: elements.length, visible };`);
      if (state === 'attached' ? found.count > 0 : state === 'detached' ? found.count === 0 : found.visible) return;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${this} to be ${state} (${found.count} found)`);
      await sleep(POLL_MS);
    }
  }

  async one(timeout) {
    await this.waitFor({ timeout });
    const count = await this.count();
    if (count > 1) throw new Error(`strict mode violation: ${this} matches ${count} elements`);
  }

  async textContent() {
    await this.waitFor({ state: 'attached' });
    return this.run('return elements[0].textContent;');
  }

  async innerText() {
    await this.waitFor({ state: 'attached' });
    return this.run('return elements[0].innerText;');
  }

  async getAttribute(name) {
    await this.waitFor({ state: 'attached' });
    return this.run('return elements[0].getAttribute(arg);', name);
  }

  async isChecked() {
    await this.waitFor({ state: 'attached' });
    return this.run('return !!elements[0].checked;');
  }

  async boundingBox() {
    await this.waitFor();
    return this.run('const r = elements[0].getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height };');
  }

  /** Runs `fn(element, arg)` in the page. */
  async evaluate(fn, arg = null) {
    await this.waitFor({ state: 'attached' });
    return this.run(`return (${fn})(elements[0], arg);`, arg);
  }

  /** A real click at the element's centre, once it is visible (scrolled to the middle of the viewport). */
  async click({ timeout = DEFAULT_TIMEOUT_MS } = {}) {
    await this.one(timeout);
    const { x, y } = await this.run(`
      const el = elements[0];
      el.scrollIntoView({ block: 'center', inline: 'center' });
      const r = el.getBoundingClientRect();
      return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) };`);
    await this.page.driver.performActions([
      {
        type: 'pointer',
        id: 'mouse',
        parameters: { pointerType: 'mouse' },
        actions: [
          { type: 'pointerMove', duration: 0, origin: 'viewport', x, y },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ],
      },
    ]);
    await this.page.driver.releaseActions();
  }

  async check() {
    if (await this.isChecked()) return;
    await this.click();
    const deadline = Date.now() + DEFAULT_TIMEOUT_MS;
    while (!(await this.isChecked())) {
      if (Date.now() > deadline) throw new Error(`${this} did not become checked`);
      await sleep(POLL_MS);
    }
  }

  /**
   * Text fields: clicked, their text selected (Control+a) and replaced by typing `value` key by key.
   * Other inputs (a colour, a date): the value set and input + change dispatched, as Playwright does.
   */
  async fill(value) {
    await this.one();
    const typed = await this.run(
      `
      const el = elements[0];
      const text = el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && ['', 'text', 'tel', 'email', 'search', 'url', 'password', 'number'].includes(el.getAttribute('type') ?? ''));
      if (text) return true;
      el.value = arg;
      el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
      return false;`,
      value,
    );
    if (!typed) return;
    await this.click();
    const keys = ['Control+a', value === '' ? 'Backspace' : undefined, ...[...value]].filter(Boolean);
    await this.page.driver.performActions(keyActions(keys));
    await this.page.driver.releaseActions();
  }

  async selectOption(value) {
    await this.one();
    const chosen = await this.run(
      `
      const select = elements[0];
      const option = [...select.options].find((o) => o.value === arg || o.label === arg);
      if (!option) return false;
      select.value = option.value;
      select.dispatchEvent(new Event('input', { bubbles: true }));
      select.dispatchEvent(new Event('change', { bubbles: true }));
      return true;`,
      value,
    );
    if (!chosen) throw new Error(`${this} has no option ${value}`);
    return [value];
  }
}

/** What the smoke script collects from the console: warnings, errors, uncaught errors and rejections. */
const CONSOLE_COLLECTOR = `
  if (!window.__consoleProblems) {
    window.__consoleProblems = [];
    for (const type of ['warn', 'error']) {
      const original = console[type];
      console[type] = (...args) => {
        window.__consoleProblems.push({ type: type === 'warn' ? 'warning' : 'error', text: args.map(String).join(' ') });
        return original.apply(console, args);
      };
    }
    window.addEventListener('error', (event) => window.__consoleProblems.push({ type: 'pageerror', text: String(event.message) }));
    window.addEventListener('unhandledrejection', (event) => window.__consoleProblems.push({ type: 'pageerror', text: String(event.reason) }));
  }`;

class WebKitPage {
  constructor(driver, { deviceScaleFactor }) {
    this.driver = driver;
    this.deviceScaleFactor = deviceScaleFactor;
    this.canEmulateMedia = false;
  }

  locator(css, options) {
    return new Locator(this, []).locator(css, options);
  }

  getByLabel(text, { exact = false } = {}) {
    return new Locator(this, [{ label: textMatcher(text), exact }]);
  }

  getByRole(role, { name, exact = false } = {}) {
    if (role !== 'button') throw new Error(`getByRole(${role}) is not implemented for WebKit`);
    return new Locator(this, [{ role, name: name === undefined ? undefined : textMatcher(name), exact }]);
  }

  async goto(url) {
    await this.driver.navigateTo(url);
    await this.driver.execute(CONSOLE_COLLECTOR);
  }

  /** Warnings, errors and uncaught errors seen since goto(): [{ type, text }]. */
  consoleProblems() {
    return this.driver.execute('return window.__consoleProblems ?? [];');
  }

  evaluate(fn, arg = null) {
    return this.driver.execute(`return (${fn})(arguments[0]);`, arg);
  }

  async waitForFunction(fn, arg = null, { timeout = DEFAULT_TIMEOUT_MS } = {}) {
    const deadline = Date.now() + timeout;
    while (!(await this.evaluate(fn, arg))) {
      if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${fn}`);
      await sleep(POLL_MS);
    }
  }

  addStyleTag({ content }) {
    return this.driver.execute(
      'const style = document.createElement("style"); style.textContent = arguments[0]; document.head.append(style);',
      content,
    );
  }

  content() {
    return this.driver.execute('return new XMLSerializer().serializeToString(document);');
  }

  emulateMedia() {
    throw new Error('WebDriver classic cannot emulate media features');
  }

  /** The viewport as a PNG (clipped to `clip`, in CSS pixels), written to `path` when given. */
  async screenshot({ path, clip } = {}) {
    let png = Buffer.from(await this.driver.takeScreenshot(), 'base64');
    if (clip) {
      const scale = this.deviceScaleFactor;
      png = cropPng(png, {
        x: Math.round(clip.x * scale),
        y: Math.round(clip.y * scale),
        width: Math.round(clip.width * scale),
        height: Math.round(clip.height * scale),
      });
    }
    if (path) await writeFile(path, png);
    return png;
  }

  async close() {
    // One window per session: closing the page ends the browser (see openWebKit).
  }
}

/**
 * Starts MiniBrowser through WebKitWebDriver with a viewport of `width` x `height` CSS pixels at
 * `deviceScaleFactor` (GTK's GDK_SCALE), and returns { page, close }.
 */
export async function openWebKit({ width = 1280, height = 800, deviceScaleFactor = 1 } = {}) {
  const found = findEngine('webkit');
  if (!found.ok) throw new Error(installHint('webkit'));
  const driver = await startWebKitDriver(found.paths, { env: { GDK_SCALE: String(deviceScaleFactor) } });
  let browser;
  try {
    browser = await remote({
      hostname: driver.hostname,
      port: driver.port,
      path: driver.path,
      capabilities: driver.capabilities,
      logLevel: 'error',
    });
    const rect = await browser.getWindowRect();
    const [innerWidth, innerHeight] = await browser.execute(() => [window.innerWidth, window.innerHeight]);
    await browser.setWindowRect(0, 0, width + rect.width - innerWidth, height + rect.height - innerHeight);
  } catch (error) {
    await browser?.deleteSession().catch(() => undefined);
    await driver.stop();
    throw error;
  }
  return {
    page: new WebKitPage(browser, { deviceScaleFactor }),
    async close() {
      await browser.deleteSession().catch(() => undefined);
      await driver.stop();
    },
  };
}

// ---- PNG cropping (WebDriver's screenshots are of the whole viewport) ---------------------------------

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Crops an 8-bit RGB or RGBA, non-interlaced PNG (what WebKitWebDriver returns) to `box`, in pixels. */
export function cropPng(png, box) {
  let offset = 8;
  let header;
  const idat = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR')
      header = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), depth: data[8], color: data[9], interlace: data[12] };
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  if (!header || header.depth !== 8 || ![2, 6].includes(header.color) || header.interlace !== 0)
    throw new Error('cropPng: only 8-bit RGB(A) non-interlaced PNGs');
  const channels = header.color === 6 ? 4 : 3;
  const stride = header.width * channels;
  const raw = inflateSync(Buffer.concat(idat));
  const pixels = Buffer.alloc(stride * header.height);
  for (let y = 0; y < header.height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = pixels.subarray(y * stride, (y + 1) * stride);
    const up = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? out[i - channels] : 0;
      const b = up[i];
      const c = i >= channels ? up[i - channels] : 0;
      let value = line[i];
      if (filter === 1) value += a;
      else if (filter === 2) value += b;
      else if (filter === 3) value += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        value += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[i] = value & 0xff;
    }
  }
  const x0 = Math.max(0, box.x);
  const y0 = Math.max(0, box.y);
  const width = Math.min(header.width, box.x + box.width) - x0;
  const height = Math.min(header.height, box.y + box.height) - y0;
  if (width <= 0 || height <= 0) throw new Error('cropPng: the box is outside the picture');
  // Each row filtered as PNG encoders do: of the five filters, the one whose bytes sum smallest.
  const rowBytes = width * channels;
  const cropped = Buffer.alloc((rowBytes + 1) * height);
  const candidate = Buffer.alloc(rowBytes);
  for (let y = 0; y < height; y++) {
    const row = pixels.subarray((y0 + y) * stride + x0 * channels, (y0 + y) * stride + x0 * channels + rowBytes);
    const up =
      y > 0
        ? pixels.subarray((y0 + y - 1) * stride + x0 * channels, (y0 + y - 1) * stride + x0 * channels + rowBytes)
        : Buffer.alloc(rowBytes);
    let best = Infinity;
    for (let filter = 0; filter <= 4; filter++) {
      let sum = 0;
      for (let i = 0; i < rowBytes; i++) {
        const a = i >= channels ? row[i - channels] : 0;
        const b = up[i];
        const c = i >= channels ? up[i - channels] : 0;
        let predictor = 0;
        if (filter === 1) predictor = a;
        else if (filter === 2) predictor = b;
        else if (filter === 3) predictor = (a + b) >> 1;
        else if (filter === 4) {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }
        candidate[i] = (row[i] - predictor) & 0xff;
        sum += candidate[i] < 128 ? candidate[i] : 256 - candidate[i];
      }
      if (sum < best) {
        best = sum;
        cropped[y * (rowBytes + 1)] = filter;
        candidate.copy(cropped, y * (rowBytes + 1) + 1);
      }
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = header.color;
  return Buffer.concat([
    png.subarray(0, 8),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(cropped, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
