// How many bytes the first render needs: the part of the CDN file that runs from navigation until the
// widget is interactive (Chromium's precise JS coverage, block level), against TCP's first congestion
// window. A measurement for the question "would the first render fit in one window if the rest were
// loaded later?": the used code's brotli size is a lower bound of such a first file (a real split adds
// its module glue).
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { USERS, VIEWS } from '../pages/scenario.js';

export const INITIAL_WINDOW = 10 * 1460;

const brotli = (text) =>
  brotliCompressSync(Buffer.from(text), { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: text.length } }).length;

/** The characters of `source` that ran, from the coverage's functions (inner ranges override outer ones). */
export function usedText(source, functions) {
  const ranges = functions.flatMap((f) => f.ranges).sort((a, b) => b.endOffset - b.startOffset - (a.endOffset - a.startOffset));
  const used = new Uint8Array(source.length);
  for (const { startOffset, endOffset, count } of ranges) used.fill(count > 0 ? 1 : 0, startOffset, endOffset);
  let text = '';
  let from = -1;
  for (let i = 0; i <= source.length; i++) {
    if (i < source.length && used[i]) {
      if (from < 0) from = i;
    } else if (from >= 0) {
      text += source.slice(from, i);
      from = -1;
    }
  }
  return text;
}

/**
 * @param {{ browser: import('playwright-core').Browser, serverUrl: string, emulatorUrl: string, lang: string }} options
 */
export async function measureFirstRender({ browser, serverUrl, emulatorUrl, lang }) {
  const result = {};
  for (const view of Object.keys(VIEWS)) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.coverage.startJSCoverage({ resetOnNavigation: false, reportAnonymousScripts: false });
      const attrs = [
        ['app-host', emulatorUrl],
        ['userpool-id', 'bench-pool'],
        ['access-token', USERS[VIEWS[view].user].token],
        ['lang', lang],
      ];
      await page.goto(`${serverUrl}/cold.html?${new URLSearchParams({ kind: 'widget', view, attrs: JSON.stringify(attrs) })}`);
      await page.waitForFunction(() => window.__ready !== undefined || window.__error !== undefined, null, { timeout: 15_000 });
      const coverage = await page.coverage.stopJSCoverage();
      const widget = coverage.find((entry) => new URL(entry.url).pathname === '/widget.js');
      if (!widget?.source) throw new Error('first render: no coverage of /widget.js');
      const used = usedText(widget.source, widget.functions);
      result[view] = {
        fileBytes: Buffer.byteLength(widget.source),
        fileBrotli: brotli(widget.source),
        usedBytes: Buffer.byteLength(used),
        usedBrotli: brotli(used),
      };
    } finally {
      await context.close();
    }
  }
  return result;
}
