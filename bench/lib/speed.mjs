// Speed in headless Chromium: mounts and flows in one warm page, cold loads in fresh contexts. Each
// series is sampled `warmup + runs` times with the variants interleaved (their order rotates every
// round), and the first `warmup` rounds are dropped.
import { summarize } from './stats.mjs';
import { FLOWS, USERS, VIEWS } from '../pages/scenario.js';

const MOUNT_KINDS = ['widget', 'floor', 'floor-fetch'];

/** [a, b, c] rotated by i: each variant goes first, second, … equally often. */
const rotate = (list, i) => list.map((_, k) => list[(k + i) % list.length]);

export async function openBenchPage(context, { serverUrl, emulatorUrl }) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${serverUrl}/index.html?emulator=${encodeURIComponent(emulatorUrl)}`);
  await page.waitForFunction(() => window.bench !== undefined, null, { timeout: 15_000 });
  return { page, errors };
}

/**
 * @param {{ browser: import('playwright-core').Browser, serverUrl: string, running: any, runs: number, warmup: number, log: (s: string) => void }} options
 */
export async function measureSpeed({ browser, serverUrl, running, runs, warmup, log }) {
  const emulator = running.emulator;
  const context = await browser.newContext();
  const { page, errors } = await openBenchPage(context, { serverUrl, emulatorUrl: running.url });
  const environment = await page.evaluate(() => ({
    crossOriginIsolated: window.crossOriginIsolated,
    userAgent: navigator.userAgent,
    viewport: `${innerWidth}×${innerHeight}`,
    devicePixelRatio,
  }));

  // Shape: what each renders, to show the floor is the same size as the widget.
  const shape = {};
  for (const view of Object.keys(VIEWS)) {
    shape[view] = {};
    for (const kind of ['widget', 'floor']) shape[view][kind] = await page.evaluate(([k, v]) => window.bench.shape(k, v), [kind, view]);
  }

  // Mount: append → interactive, and → after a forced layout.
  let t = Date.now();
  const took = () => `${((Date.now() - t) / 1000).toFixed(1)} s`;
  log(`  mount: ${warmup} + ${runs} rounds × ${Object.keys(VIEWS).length * MOUNT_KINDS.length} variants`);
  const mountSamples = {};
  for (const view of Object.keys(VIEWS)) for (const kind of MOUNT_KINDS) mountSamples[`${view}/${kind}`] = { ready: [], layout: [] };
  for (let i = 0; i < warmup + runs; i++) {
    for (const view of rotate(Object.keys(VIEWS), i)) {
      for (const kind of rotate(MOUNT_KINDS, i)) {
        const { ready, layout } = await page.evaluate(([k, v]) => window.bench.mountOnce(k, v), [kind, view]);
        if (i < warmup) continue;
        mountSamples[`${view}/${kind}`].ready.push(ready);
        mountSamples[`${view}/${kind}`].layout.push(layout);
      }
    }
  }
  log(`    ${took()}`);
  const mount = {};
  for (const [key, { ready, layout }] of Object.entries(mountSamples)) mount[key] = { ready: summarize(ready), layout: summarize(layout) };

  // Flows: the widget through its UI, and the same requests from the page; fresh emulator state each.
  const flows = {};
  /** The /api/v3 paths of every timed widget run, to show they all made the same requests. */
  const widgetRequestPaths = {};
  for (const name of Object.keys(FLOWS)) {
    t = Date.now();
    log(`  flow ${name}: ${warmup} + ${runs} rounds × widget, UI floor and floor`);
    const samples = { widget: [], 'floor-ui': [], floor: [] };
    widgetRequestPaths[name] = new Map();
    for (let i = 0; i < warmup + runs; i++) {
      for (const kind of rotate(['widget', 'floor-ui', 'floor'], i)) {
        emulator.reset();
        let ms;
        if (kind === 'floor') {
          ms = await page.evaluate((f) => window.bench.floorFlow(f), name);
        } else {
          await page.evaluate(([f, k]) => window.bench.prepareFlow(f, k), [name, kind]);
          ms = await page.evaluate((f) => window.bench.uiFlow(f), name);
          if (kind === 'floor-ui') checkUiFloorRequests(name, emulator.requests());
          if (kind === 'widget' && i >= warmup) {
            const paths = emulator
              .requests()
              .map((r) => `${r.path} ${r.statusCode}`)
              .join(', ');
            widgetRequestPaths[name].set(paths, (widgetRequestPaths[name].get(paths) ?? 0) + 1);
          }
        }
        if (i >= warmup) samples[kind].push(ms);
      }
    }
    flows[name] = { widget: summarize(samples.widget), floorUi: summarize(samples['floor-ui']), floor: summarize(samples.floor) };
    log(`    ${took()}`);
  }
  await context.close();
  emulator.reset();

  // Cold: a fresh context (empty HTTP, code and CORS preflight caches) per page load.
  const coldKinds = ['widget', 'floor', 'floor-fetch'];
  const coldRuns = runs;
  const coldWarmup = 2;
  log(`  cold load: ${coldWarmup} + ${coldRuns} rounds × ${coldKinds.length} pages (fresh context each)`);
  t = Date.now();
  const coldSamples = Object.fromEntries(coldKinds.map((k) => [k, []]));
  for (let i = 0; i < coldWarmup + coldRuns; i++) {
    for (const kind of rotate(coldKinds, i)) {
      const ms = await coldLoad(browser, { serverUrl, emulatorUrl: running.url, kind, view: 'bind' });
      if (i >= coldWarmup) coldSamples[kind].push(ms);
    }
  }
  log(`    ${took()}`);
  const cold = Object.fromEntries(coldKinds.map((k) => [k, summarize(coldSamples[k])]));

  return { environment, shape, mount, flows, widgetRequestPaths, cold, coldView: 'bind', errors };
}

/** The UI floor makes the flow's minimum requests, no more, no fewer: else it would not be a floor. */
function checkUiFloorRequests(name, requests) {
  const made = {};
  for (const { path } of requests) made[path] = (made[path] ?? 0) + 1;
  const expected = FLOWS[name].minimum;
  if (JSON.stringify(Object.entries(made).sort()) !== JSON.stringify(Object.entries(expected).sort())) {
    throw new Error(`UI floor, ${name}: made ${JSON.stringify(made)}, the flow's minimum is ${JSON.stringify(expected)}`);
  }
}

/** One cold page load: ms from navigation start until the element is interactive. */
async function coldLoad(browser, { serverUrl, emulatorUrl, kind, view }) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage(); // its renderer process is already running: not timed
    const user = USERS[VIEWS[view].user].token;
    const attrs =
      kind === 'widget'
        ? [
            ['app-host', emulatorUrl],
            ['userpool-id', 'bench-pool'],
            ['access-token', user],
            ['lang', 'en-US'],
          ]
        : kind === 'floor-fetch'
          ? [
              ['view', view],
              ['app-host', emulatorUrl],
              ['access-token', user],
            ]
          : [['view', view]];
    const query = new URLSearchParams({ kind, view, attrs: JSON.stringify(attrs) });
    await page.goto(`${serverUrl}/cold.html?${query}`);
    await page.waitForFunction(() => window.__ready !== undefined || window.__error !== undefined, null, { timeout: 15_000 });
    const { ready, error } = await page.evaluate(() => ({ ready: window.__ready, error: window.__error }));
    if (error) throw new Error(`cold ${kind}: ${error}`);
    return ready;
  } finally {
    await context.close();
  }
}
