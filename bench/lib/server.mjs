// A tiny static server for the bench pages (node:http, loopback, any free port). Everything is sent
// with Cache-Control: no-store, and all but the cold-load pages cross-origin isolated (see ISOLATION).
//
//   /index.html            the warm page: ready.js, the widget, the floor and the harness
//   /cold.html?kind=…      a cold-load page: one script (the widget or the floor) and one element
//   /widget.js             dist/cdn/authing-phone-manager.js, as built
//   /authing-phone-manager.<lang>.<hash>.js   its language chunks (dist/cdn), which it loads from beside itself
//   /floor.js              the floor bundle (bench/lib/floor.mjs)
//   /harness.js, /scenario.js, /ready.js   bench/pages/
import http from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PAGES = fileURLToPath(new URL('../pages/', import.meta.url));
const JS = 'text/javascript; charset=utf-8';
const HTML = 'text/html; charset=utf-8';

/**
 * Cross-origin isolation: performance.now() then ticks in 5 µs steps instead of 100 µs. The emulator's
 * answers still load: they are CORS requests, which require-corp lets through.
 */
const ISOLATION = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };

const COLD_TAGS = { widget: 'authing-phone-manager', floor: 'bench-floor', 'floor-fetch': 'bench-floor-fetch' };

/**
 * A cold-load page. An inline classic script (before the module runs) puts the element in the page
 * with its attributes, and records in window.__ready the performance.now() (ms since navigation
 * start) at which it becomes interactive.
 */
function coldPage(kind, view) {
  const tag = COLD_TAGS[kind];
  const script = kind === 'widget' ? '/widget.js' : '/floor.js';
  if (!tag || (view !== 'bind' && view !== 'overview')) return undefined;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>cold ${kind} ${view}</title>
<script>${readFileSync(`${PAGES}ready.js`, 'utf8')}</script>
<script type="module" src="${script}"></script>
</head>
<body>
<script>
(function () {
  var params = new URLSearchParams(location.search);
  var el = document.createElement(${JSON.stringify(tag)});
  for (var pair of JSON.parse(params.get('attrs'))) el.setAttribute(pair[0], pair[1]);
  document.body.append(el);
  customElements.whenDefined(${JSON.stringify(tag)}).then(function () {
    return window.benchReady.waitFor(el, window.benchReady.READY[${JSON.stringify(view)}], 'cold ${kind} ${view}', 10000);
  }).then(function () {
    window.__ready = performance.now();
    window.__readyEpoch = performance.timeOrigin + window.__ready; // the latency proxies' clock
    performance.mark('bench-ready'); // where a trace's main-thread time ends
  }, function (error) {
    window.__error = String(error);
  });
})();
</script>
</body>
</html>
`;
}

const INDEX = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>authing-phone-manager bench</title>
<script src="/ready.js"></script>
<script type="module" src="/widget.js"></script>
<script type="module" src="/floor.js"></script>
<script type="module">
  import * as bench from '/harness.js';
  await Promise.all(['authing-phone-manager', 'bench-floor', 'bench-floor-fetch', 'bench-floor-ui', 'bench-floor-interact'].map((tag) => customElements.whenDefined(tag)));
  window.bench = bench;
</script>
</head>
<body></body>
</html>
`;

/**
 * @param {{ widgetFile: string, floorCode: string }} options
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export async function startStaticServer({ widgetFile, floorCode }) {
  const widget = readFileSync(widgetFile);
  const files = {
    '/index.html': [HTML, INDEX],
    '/widget.js': [JS, widget],
    '/floor.js': [JS, floorCode],
    '/harness.js': [JS, readFileSync(`${PAGES}harness.js`)],
    '/scenario.js': [JS, readFileSync(`${PAGES}scenario.js`)],
    '/ready.js': [JS, readFileSync(`${PAGES}ready.js`)],
  };
  const cdn = dirname(widgetFile);
  for (const name of readdirSync(cdn).filter((file) => /^authing-phone-manager\.[a-z]{2}-[A-Z]{2}\.[\w-]+\.js$/.test(file))) {
    files[`/${basename(name)}`] = [JS, readFileSync(join(cdn, name))];
  }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://bench');
    let entry = files[url.pathname === '/' ? '/index.html' : url.pathname];
    let headers = ISOLATION;
    if (url.pathname === '/cold.html') {
      const page = coldPage(url.searchParams.get('kind'), url.searchParams.get('view'));
      if (page) entry = [HTML, page];
      // Not isolated: a new tab's first navigation to an isolated page would move to a new renderer
      // process, and the clock would count its start. Cold loads take far more than 100 µs anyway.
      headers = {};
    }
    if (!entry || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': entry[0], 'cache-control': 'no-store', ...headers });
    res.end(req.method === 'HEAD' ? undefined : entry[1]);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
