// What users feel, beside the cold loads (bench/lib/cold.mjs): interactions at 1× and 4× CPU against a
// bare Lit element doing the same ones, each flow's overhead over its requests at 0 and 80 ms of
// latency, and the heap each more instance on a page takes.
import { fileURLToPath } from 'node:url';
import { median } from './stats.mjs';
import { startLatencyProxy } from './latency-proxy.mjs';
import { openBenchPage } from './speed.mjs';
import { FLOWS } from '../pages/scenario.js';

const COUNTERS = fileURLToPath(new URL('../pages/counters.js', import.meta.url));
/** Before any page script: a countdown's timer notes when it fires (harness.js, tick()). */
const TICK_CLOCK = `(() => {
  const setInterval = window.setInterval.bind(window);
  window.setInterval = (fn, ms, ...rest) => setInterval((...a) => { window.__tickStart = performance.now(); fn(...a); }, ms, ...rest);
})();`;

/**
 * Each interaction's `work` (handler + render) and `frame` (input to the next frame), medians over
 * `runs` fresh pages per CPU rate and kind.
 * @returns {Promise<Record<string, Record<string, Record<string, { work: number, frame: number }>>>>} cpu → kind → name
 */
export async function measureInteractions({ browser, serverUrl, running, runs, log }) {
  const result = {};
  for (const cpu of [1, 4]) {
    result[cpu] = {};
    const samples = { widget: {}, 'floor-interact': {} };
    for (let i = 0; i < runs; i++) {
      for (const kind of i % 2 ? ['floor-interact', 'widget'] : ['widget', 'floor-interact']) {
        running.emulator.reset();
        const context = await browser.newContext();
        try {
          await context.addInitScript({ content: TICK_CLOCK });
          const { page, errors } = await openBenchPage(context, { serverUrl, emulatorUrl: running.url });
          const cdp = await context.newCDPSession(page);
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
          const one = await page.evaluate((k) => window.bench.interactions(k), kind);
          if (errors.length) throw new Error(`interactions ${kind}: ${errors.join('; ')}`);
          for (const [name, value] of Object.entries(one)) (samples[kind][name] ??= []).push(value);
        } finally {
          await context.close();
        }
      }
    }
    for (const [kind, byName] of Object.entries(samples)) {
      result[cpu][kind] = {};
      for (const [name, values] of Object.entries(byName)) {
        result[cpu][kind][name] = { work: median(values.map((v) => v.work)), frame: median(values.map((v) => v.frame)) };
      }
    }
    log(`  interactions at ${cpu}×: done`);
  }
  return result;
}

/**
 * Each flow through the widget's UI against its requests alone, with the emulator behind a latency
 * proxy of `rtt` ms (0: straight to it). Overhead: widget minus floor, absolute ms, per flow and per step.
 */
export async function measureSteps({ browser, serverUrl, running, runs, rtts, log }) {
  const result = {};
  for (const rtt of rtts) {
    const proxy = rtt ? await startLatencyProxy({ target: running.url, rtt, name: `api-${rtt}` }) : undefined;
    const emulatorUrl = proxy?.url ?? running.url;
    const context = await browser.newContext();
    try {
      const { page, errors } = await openBenchPage(context, { serverUrl, emulatorUrl });
      result[rtt] = {};
      for (const name of Object.keys(FLOWS)) {
        const widget = [];
        const floor = [];
        for (let i = 0; i < runs + 1; i++) {
          running.emulator.reset();
          await page.evaluate(([f, k]) => window.bench.prepareFlow(f, k), [name, 'widget']);
          const w = await page.evaluate((f) => window.bench.uiFlow(f), name);
          running.emulator.reset();
          const f = await page.evaluate((n) => window.bench.floorFlow(n), name);
          if (i === 0) continue; // a warm-up round: connections open, code compiled
          widget.push(w);
          floor.push(f);
        }
        const steps = STEPS[name];
        const overhead = median(widget) - median(floor);
        result[rtt][name] = { widget: median(widget), floor: median(floor), overhead, steps, perStep: overhead / steps };
      }
      if (errors.length) throw new Error(`steps: ${errors.join('; ')}`);
    } finally {
      await context.close();
      await proxy?.close();
    }
    log(`  flows at RTT ${rtt} ms: done`);
  }
  return result;
}

/** The user's steps in each flow (what they do between the requests). */
const STEPS = { bind: 3, change: 5, unbind: 3 };

/**
 * JS heap and DOM nodes with 1, 10 and 100 interactive instances on a page (after forced garbage
 * collection), and per extra instance: the growth from 10 to 100 over 90 (from 1 to 10 the engine
 * still compiles and optimizes the code the instances share, which is paid once).
 */
export async function measureHeap({ browser, serverUrl, running, log }) {
  const result = {};
  for (const kind of ['widget', 'floor-fetch']) {
    result[kind] = {};
    for (const view of ['bind', 'overview']) {
      running.emulator.reset();
      const context = await browser.newContext();
      try {
        await context.addInitScript({ path: COUNTERS });
        const { page, errors } = await openBenchPage(context, { serverUrl, emulatorUrl: running.url });
        const cdp = await context.newCDPSession(page);
        await cdp.send('HeapProfiler.enable');
        const at = {};
        for (const n of [1, 10, 100]) {
          await page.evaluate(([k, v, count]) => window.bench.populate(k, v, count), [kind, view, n]);
          for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
          const heap = await cdp.send('Runtime.getHeapUsage');
          const dom = await cdp.send('Memory.getDOMCounters');
          at[n] = { heap: heap.usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners };
        }
        if (errors.length) throw new Error(`heap ${kind}: ${errors.join('; ')}`);
        result[kind][view] = {
          at,
          heapPerInstance: (at[100].heap - at[10].heap) / 90,
          nodesPerInstance: (at[100].nodes - at[10].nodes) / 90,
          listenersPerInstance: (at[100].listeners - at[10].listeners) / 90,
        };
      } finally {
        await context.close();
      }
    }
    log(`  heap ${kind}: done`);
  }
  return result;
}
