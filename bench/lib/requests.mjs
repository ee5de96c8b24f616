// Requests per flow: the emulator's request log (/api/v3 calls) and Chromium's own network events
// (CORS preflights, which the emulator does not log), each flow in a fresh browser context so the
// preflight cache starts empty, as on a user's first visit.
import { openBenchPage } from './speed.mjs';
import { FLOWS } from '../pages/scenario.js';

/** Counts per path, in first-seen order. */
function countPaths(paths) {
  const counts = {};
  for (const path of paths) counts[path] = (counts[path] ?? 0) + 1;
  return counts;
}

async function observe(browser, { serverUrl, running }, act) {
  const emulator = running.emulator;
  const context = await browser.newContext();
  try {
    const { page, errors } = await openBenchPage(context, { serverUrl, emulatorUrl: running.url });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const preflights = [];
    const origin = new URL(running.url).origin;
    cdp.on('Network.requestWillBeSent', ({ request }) => {
      if (request.method === 'OPTIONS' && request.url.startsWith(origin)) preflights.push(new URL(request.url).pathname);
    });
    emulator.reset();
    // act() calls mark() where the flow starts: what came before is the widget's profile load.
    let marked = { requests: 0, preflights: 0 };
    const mark = () => (marked = { requests: emulator.requests().length, preflights: preflights.length });
    await act(page, mark);
    await new Promise((resolve) => setTimeout(resolve, 300)); // anything that comes late still counts
    const log = emulator.requests();
    const failed = log.filter((r) => r.statusCode !== 200);
    if (failed.length || errors.length) throw new Error(`requests: ${JSON.stringify(failed)} ${errors.join('; ')}`);
    const paths = log.map((r) => r.path);
    return {
      before: paths.slice(0, marked.requests),
      requests: paths.slice(marked.requests),
      preflightsBefore: preflights.slice(0, marked.preflights),
      preflights: preflights.slice(marked.preflights),
    };
  } finally {
    await context.close();
  }
}

export async function countRequests({ browser, serverUrl, running }) {
  const result = {};
  for (const [name, flow] of Object.entries(FLOWS)) {
    const widget = await observe(browser, { serverUrl, running }, async (page, mark) => {
      await page.evaluate((f) => window.bench.prepareFlow(f), name);
      mark();
      await page.evaluate((f) => window.bench.uiFlow(f), name);
    });
    const floor = await observe(browser, { serverUrl, running }, (page) => page.evaluate((f) => window.bench.floorFlow(f), name));
    result[name] = {
      beforeFlow: countPaths(widget.before),
      flow: countPaths(widget.requests),
      flowTotal: widget.requests.length,
      minimum: Object.values(flow.minimum).reduce((a, b) => a + b, 0),
      minimumByPath: flow.minimum,
      floorRequests: floor.before.length + floor.requests.length,
      preflights: {
        widgetBefore: widget.preflightsBefore.length,
        widgetFlow: widget.preflights.length,
        floor: floor.preflightsBefore.length + floor.preflights.length,
      },
    };
  }
  running.emulator.reset();
  return result;
}
