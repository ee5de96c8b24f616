// Cold loads as a user far away feels them: the page and its script from one origin, the app host on
// another, both behind latency proxies (bench/lib/latency-proxy.mjs), a fresh browser context per
// load (empty HTTP, code and preflight caches, no open connections), the CPU slowed by CDP's
// Emulation.setCPUThrottlingRate where asked. The widget against the floor plus the profile request
// (<bench-floor-fetch>: the same form rendered once the same GET /api/v3/get-profile has answered).
//
// Measured per load: ms from navigation start to interactive, and the sequential round trips on the
// critical path (from the proxies' logs). With `trace`, also the renderer main thread's CPU time
// (thread time of its top-level tasks, navigation start to interactive) and its long tasks (over
// 50 ms of wall time), from a Chromium trace.
import { USERS, VIEWS } from '../pages/scenario.js';
import { criticalRoundTrips } from './latency-proxy.mjs';
import { median } from './stats.mjs';

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'toplevel', '__metadata'];

/**
 * @param {import('playwright-core').Browser} browser
 * @param {{ pageProxy: any, apiProxy: any, kind: 'widget' | 'floor-fetch', lang: string, cpu: number, trace?: boolean, view?: string }} options
 */
export async function coldLoad(browser, { pageProxy, apiProxy, kind, lang, cpu, trace = false, view = 'bind' }) {
  const context = await browser.newContext({ locale: lang });
  try {
    const page = await context.newPage(); // its renderer process is already running: not timed
    const cdp = await context.newCDPSession(page);
    if (cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    const user = USERS[VIEWS[view].user].token;
    const attrs =
      kind === 'widget'
        ? [
            ['app-host', apiProxy.url],
            ['userpool-id', 'bench-pool'],
            ['access-token', user],
            ['lang', lang],
          ]
        : [
            ['view', view],
            ['app-host', apiProxy.url],
            ['access-token', user],
          ];
    const query = new URLSearchParams({ kind, view, attrs: JSON.stringify(attrs) });
    pageProxy.reset();
    apiProxy.reset();
    if (trace) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    await page.goto(`${pageProxy.url}/cold.html?${query}`);
    await page.waitForFunction(() => window.__ready !== undefined || window.__error !== undefined, null, { timeout: 30_000, polling: 50 });
    const { ready, readyEpoch, error } = await page.evaluate(() => ({
      ready: window.__ready,
      readyEpoch: window.__readyEpoch,
      error: window.__error,
    }));
    if (error) throw new Error(`cold ${kind} ${lang}: ${error}`);
    const roundTrips = criticalRoundTrips([...pageProxy.log, ...apiProxy.log], readyEpoch);
    const requests = [...pageProxy.log, ...apiProxy.log].filter((entry) => entry.end <= readyEpoch + 10).length;
    let mainThread;
    if (trace) mainThread = mainThreadOf(JSON.parse((await browser.stopTracing()).toString('utf8')));
    return { ready, roundTrips, requests, ...mainThread };
  } finally {
    await context.close();
  }
}

/**
 * Thread time of the renderer main thread's top-level tasks from navigation start to the bench-ready
 * mark, and the wall time of those over 50 ms (long tasks).
 */
export function mainThreadOf(trace) {
  const events = trace.traceEvents ?? trace;
  const mains = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const mark = events.find((e) => e.name === 'bench-ready' && mains.has(`${e.pid}:${e.tid}`));
  if (!mark) throw new Error('trace: no bench-ready mark on a renderer main thread');
  const thread = `${mark.pid}:${mark.tid}`;
  const start = events
    .filter((e) => e.name === 'navigationStart' && `${e.pid}:${e.tid}` === thread && e.ts <= mark.ts)
    .reduce((latest, e) => Math.max(latest, e.ts), -Infinity);
  const from = Number.isFinite(start) ? start : 0;
  const onThread = events.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === thread && e.ts + (e.dur ?? 0) >= from && e.ts <= mark.ts);
  const name = onThread.some((e) => e.name === 'RunTask') ? 'RunTask' : 'ThreadControllerImpl::RunTask';
  const tasks = onThread.filter((e) => e.name === name);
  let cpu = 0;
  let longTasks = 0;
  let longest = 0;
  for (const task of tasks) {
    cpu += (task.tdur ?? task.dur ?? 0) / 1000;
    const wall = (task.dur ?? 0) / 1000;
    if (wall > 50) longTasks += wall;
    longest = Math.max(longest, wall);
  }
  return { mainThreadMs: cpu, longTasksMs: longTasks, longestTaskMs: longest, tasks: tasks.length };
}

/**
 * Cold loads at `rtt`, in each language, at 1× and 4× CPU, the widget and the floor interleaved; then
 * `traceRuns` traced loads of each at 1× (main-thread time) and 4× (long tasks).
 * @returns medians by `${cpu}/${lang}/${kind}`
 */
export async function measureCold({ browser, pageProxy, apiProxy, runs, traceRuns, langs, log }) {
  const samples = {};
  const push = (key, value) => (samples[key] ??= []).push(value);
  for (const cpu of [1, 4]) {
    for (const lang of langs) {
      for (let i = 0; i < runs + 1; i++) {
        for (const kind of i % 2 ? ['floor-fetch', 'widget'] : ['widget', 'floor-fetch']) {
          const one = await coldLoad(browser, { pageProxy, apiProxy, kind, lang, cpu });
          if (i > 0) push(`${cpu}/${lang}/${kind}`, one); // the first round warms the servers' caches
        }
      }
      log(`  cold loads at ${cpu}× CPU, ${lang}: done`);
    }
  }
  for (const cpu of [1, 4]) {
    for (let i = 0; i < traceRuns; i++) {
      for (const kind of ['widget', 'floor-fetch'])
        push(`trace/${cpu}/${kind}`, await coldLoad(browser, { pageProxy, apiProxy, kind, lang: langs[0], cpu, trace: true }));
    }
    log(`  traced cold loads at ${cpu}× CPU: done`);
  }
  const result = {};
  for (const [key, list] of Object.entries(samples)) {
    result[key] = {};
    for (const field of Object.keys(list[0])) result[key][field] = median(list.map((s) => s[field]));
    result[key].n = list.length;
  }
  return result;
}
