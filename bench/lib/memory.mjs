// Memory: JS heap and DOM counters before and after 1000 mount/unmount cycles, after forced garbage
// collection (CDP HeapProfiler.collectGarbage, then Runtime.getHeapUsage and Memory.getDOMCounters),
// and the page's live timers and requests in flight (bench/pages/counters.js, installed before any
// page script). One fresh context per element kind.
import { fileURLToPath } from 'node:url';
import { openBenchPage } from './speed.mjs';

const COUNTERS = fileURLToPath(new URL('../pages/counters.js', import.meta.url));
const WARMUP_CYCLES = 20;

async function snapshot(page, cdp) {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  const counters = await page.evaluate(() => window.__benchCounters());
  return {
    heapUsed: heap.usedSize,
    heapTotal: heap.totalSize,
    nodes: dom.nodes,
    documents: dom.documents,
    listeners: dom.jsEventListeners,
    ...counters,
  };
}

/**
 * @param {{ browser: import('playwright-core').Browser, serverUrl: string, running: any, cycles: number, log: (s: string) => void }} options
 */
export async function measureMemory({ browser, serverUrl, running, cycles, log }) {
  const result = {};
  for (const kind of ['widget', 'floor']) {
    log(`  memory ${kind}: ${WARMUP_CYCLES} warm-up, then ${cycles} settled + ${cycles} in-flight cycles`);
    running.emulator.reset();
    const context = await browser.newContext();
    try {
      await context.addInitScript({ path: COUNTERS });
      const { page, errors } = await openBenchPage(context, { serverUrl, emulatorUrl: running.url });
      const cdp = await context.newCDPSession(page);
      await cdp.send('HeapProfiler.enable');
      const run = (n, mode) => page.evaluate(([k, c, m]) => window.bench.cycles(k, 'bind', c, m), [kind, n, mode]);
      await run(WARMUP_CYCLES, 'settled');
      const before = await snapshot(page, cdp);
      let t0 = Date.now();
      const leftSettled = await run(cycles, 'settled');
      const settledMs = Date.now() - t0;
      const afterSettled = await snapshot(page, cdp);
      t0 = Date.now();
      const leftInFlight = await run(cycles, 'in-flight');
      const inFlightMs = Date.now() - t0;
      const afterInFlight = await snapshot(page, cdp);
      if (errors.length) throw new Error(`memory ${kind}: ${errors.join('; ')}`);
      result[kind] = {
        before,
        afterSettled,
        afterInFlight,
        settledMs,
        inFlightMs,
        elementsLeft: leftSettled + leftInFlight,
        profileRequests: running.emulator.requests().length,
      };
    } finally {
      await context.close();
    }
  }
  running.emulator.reset();
  return { cycles, warmup: WARMUP_CYCLES, ...result };
}
