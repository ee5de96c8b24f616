// Renders bench/results.md. The structure (sections, tables, rows) is fixed; only the figures change
// from run to run.
import { FLOWS, VIEWS } from '../pages/scenario.js';

const int = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 2 : 1)} ms` : 'n/a');
const ratio = (a, b) => {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return 'n/a';
  const r = a / b;
  return `${r.toFixed(r < 10 ? 2 : r < 100 ? 1 : 0)}×`;
};
const oneDecimal = (x) => x.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const kib = (bytes) => `${oneDecimal(bytes / 1024)} KiB`;
const signedKib = (bytes) => `${bytes >= 0 ? '+' : '−'}${oneDecimal(Math.abs(bytes) / 1024)} KiB`;
const signed = (n) => (n > 0 ? `+${int(n)}` : n < 0 ? `−${int(-n)}` : '0');

function table(headers, rows, align) {
  const sep = headers.map((_, i) => ((align?.[i] ?? 'l') === 'r' ? '---:' : '---'));
  const line = (cells) => `| ${cells.map((c) => String(c).replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`;
  return [line(headers), `|${sep.join('|')}|`, ...rows.map(line)].join('\n');
}

function bytesSection(bytes) {
  const ours = bytes.reference;
  const peerRow = (p) => [
    p.package,
    p.version,
    int(p.raw),
    int(p.gzip),
    int(p.brotli),
    ratio(p.raw, ours.raw),
    ratio(p.gzip, ours.gzip),
    ratio(p.brotli, ours.brotli),
  ];
  const oursRow = [
    `**authing-phone-manager** (\`${ours.file}\`)`,
    'this build',
    int(ours.raw),
    int(ours.gzip),
    int(ours.brotli),
    '1×',
    '1×',
    '1×',
  ];
  const headers = ['Package', 'Version', 'Raw (B)', 'gzip (B)', 'brotli (B)', 'Raw ÷ ours', 'gzip ÷ ours', 'brotli ÷ ours'];
  const align = ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r'];
  const peers = bytes.peers.downloads.filter((p) => !p.baseline);
  const baselines = bytes.peers.downloads.filter((p) => p.baseline);
  const litFloor = baselines.find((p) => p.package === 'Lit floor');
  const guard = peers.find((p) => p.package === '@authing/guard');
  return `## 1. Bytes

**Method.** \`npm run build\` (unless \`--no-build\`), then \`measureOutputs()\` from \`scripts/size.mjs\`
(the same figures as \`npm run size\`) reports every JavaScript file of the build: the CDN files
and their language chunks (\`dist/cdn/\`) as they ship, byte for byte; the npm build (not minified:
the app's bundler does that) minified by esbuild first; gzip -9 and brotli 11. The peer figures are copied, with their notes and source, from the appendix of
the team's peer study (peers.md) into \`bench/peers.json\`; they were measured there (gzip -9 and brotli 11 of
what a page downloads to show each peer, so the same compression settings), not here. Ratios are peer ÷ ours, against
\`${ours.file}\` (the ES module CDN file: lit and the zh-CN strings inside; the other languages are chunks beside it), so 10× means the peer
makes a page download ten times as much. Not every peer does the same job: several are SDKs without UI,
and most are whole sign-in UIs; the notes in \`bench/peers.json\` say what each covers.

### Build outputs

${table(
  ['File', 'Raw (B)', 'Minified (B)', 'gzip (B)', 'brotli (B)'],
  bytes.outputs.map((o) => [`\`${o.file}\``, int(o.raw), int(o.min), int(o.gzip), int(o.brotli)]),
  ['l', 'r', 'r', 'r', 'r'],
)}

What \`import 'authing-phone-manager/define'\` adds to an app's bundle (lit is
external there, shared with the app): \`${bytes.npm.files.join('` + `')}\` = ${int(bytes.npm.raw)} B raw,
${int(bytes.npm.min)} B minified, ${int(bytes.npm.gzip)} B gzip, ${int(bytes.npm.brotli)} B brotli (sums of
the per-file figures; a bundler's output will differ a little).

### Against peers

${table(headers, [oursRow, ...peers.map(peerRow)], align)}

### Baselines (from the same appendix)

${table(headers, [oursRow, ...baselines.map(peerRow)], align)}

${
  litFloor
    ? `The widget's own code on top of its dependencies, estimated as ours − the "Lit floor" baseline (lit,
@lit/task and ofetch bundled by esbuild, as the peer study measured it; the widget ships neither of the last two
any more, so this undercounts its own code): ≈ ${int(ours.raw - litFloor.raw)} B raw, ${int(ours.gzip - litFloor.gzip)} B gzip,
${int(ours.brotli - litFloor.brotli)} B brotli (compressed sizes do not subtract exactly).`
    : ''
}${guard ? ` Authing's own Guard CDN pair is ${ratio(guard.gzip, ours.gzip)} our gzip size.` : ''}`;
}

function speedSection(speed, runs, warmup) {
  const { mount, flows, cold, shape, environment } = speed;
  const shapeRows = [];
  for (const view of Object.keys(VIEWS)) {
    for (const kind of ['widget', 'floor']) {
      const s = shape[view][kind];
      shapeRows.push([
        VIEWS[view].label,
        kind,
        s.elements,
        s.inputs,
        s.selects,
        s.options,
        s.buttons,
        s.headings,
        s.textLength,
        s.stylesheets,
      ]);
    }
  }
  const mountRows = [];
  for (const view of Object.keys(VIEWS)) {
    for (const measure of ['ready', 'layout']) {
      const w = mount[`${view}/widget`][measure].median;
      const f = mount[`${view}/floor`][measure].median;
      const ff = mount[`${view}/floor-fetch`][measure].median;
      mountRows.push([
        VIEWS[view].label,
        measure === 'ready' ? 'to interactive' : '+ forced style & layout',
        ms(w),
        ms(f),
        ratio(w, f),
        ms(ff),
        ratio(w, ff),
      ]);
    }
  }
  const flowRows = Object.entries(flows).map(([name, f]) => [
    FLOWS[name].label,
    ms(f.widget.median),
    ms(f.floorUi.median),
    ms(f.floor.median),
    ratio(f.widget.median, f.floor.median),
    ratio(f.floorUi.median, f.floor.median),
    ratio(f.widget.median, f.floorUi.median),
  ]);
  const coldRows = [
    [
      'widget (`/widget.js` = the CDN build)',
      ms(cold.widget.median),
      ratio(cold.widget.median, cold.floor.median),
      ratio(cold.widget.median, cold['floor-fetch'].median),
    ],
    ['floor (`/floor.js`: lit + the static form)', ms(cold.floor.median), '1×', ratio(cold.floor.median, cold['floor-fetch'].median)],
    ['floor + profile request', ms(cold['floor-fetch'].median), ratio(cold['floor-fetch'].median, cold.floor.median), '1×'],
  ];
  const spread = [];
  const add = (label, s) => spread.push([label, s.n, ms(s.min), ms(s.p25), ms(s.median), ms(s.p75), ms(s.max)]);
  for (const view of Object.keys(VIEWS)) {
    for (const kind of ['widget', 'floor', 'floor-fetch']) {
      add(`mount ${view}, ${kind}, to interactive`, mount[`${view}/${kind}`].ready);
      add(`mount ${view}, ${kind}, + layout`, mount[`${view}/${kind}`].layout);
    }
  }
  for (const kind of ['widget', 'floor', 'floor-fetch']) add(`cold ${speed.coldView}, ${kind}`, cold[kind]);
  for (const [name, f] of Object.entries(flows)) {
    add(`flow ${name}, widget`, f.widget);
    add(`flow ${name}, UI floor`, f.floorUi);
    add(`flow ${name}, floor`, f.floor);
  }

  return `## 2. Speed

**Method.** Headless Chromium (playwright-core, the system browser), viewport ${environment.viewport}, no CPU or
network throttling. The page is served by a small Node server (\`bench/lib/server.mjs\`) from one
origin; the emulator (\`startEmulator\`, in the same Node process) listens on another port, so every
API call is a cross-origin CORS request as against real Authing. The page is cross-origin isolated
(COOP/COEP), so \`performance.now()\` has 5 µs resolution (isolated: ${environment.crossOriginIsolated}).
Every figure is the **median** of ${runs} runs taken after ${warmup} warm-up rounds (cold loads: 2), with the
variants interleaved and their order rotated every round; min/quartiles/max are in the last table.
The emulator answers at once (no delay faults); every SMS carries a fixed code (the emulator's \`codes\`
option, see \`bench/run.mjs\`), so no code lookup happens inside a timed flow.

* **The floor** (\`bench/floor-element.js\`, bundled by esbuild at bench time): a bare Lit element that
  renders the same form, static, with no logic and no styles: the same heading, text, country prefix
  (its list closed, as the widget renders it), inputs and buttons as the widget's bind form, or the
  same overview. "Floor + profile request" is that element rendering only after one \`GET
  /api/v3/get-profile\` with the widget's URL and headers has answered: the floor plus the one request
  the widget cannot do without.
* **Mount**: from \`document.body.append(el)\` until the element is interactive: for the bind form, the
  phone input is present, not disabled or read-only, and nothing is busy; for the overview, the Change
  button is present and enabled. Checked right after each render (MutationObserver on the shadow root).
  **For the widget this includes loading the profile** (one GET to the emulator, preflight cached
  after warm-up). "+ forced style & layout" adds a synchronous layout read right after. Warm: the
  scripts are loaded and the element defined before the clock starts.
* **Cold page load**: a new browser context and tab per load (empty HTTP, code and CORS preflight
  caches; the tab's renderer process already running), then a page with one module script and the
  element; ms from navigation start to interactive, for the bind form. This includes fetching,
  parsing and running the script, and for the widget (and "floor + profile request") the CORS
  preflight and the profile request. This page is not cross-origin isolated (100 µs timer steps:
  nothing at this scale).
* **Flows**: through the widget's UI as a person uses it, from the first action to the final view:
  values typed into inputs (value + \`input\` event), buttons clicked; each step waits until the widget
  shows the next one. The emulator is reset and a fresh widget mounted (untimed) before every run.
  *Bind*: type a number, Send code, type the code (it submits itself) → overview. *Change*: Change,
  Send code to the current number, its code → new-number step, type it, Send code, its code → overview.
  *Unbind*: Remove, Send code, its code, Remove phone number → bind form. **The flow floor** makes the same API
  calls straight from the page, in sequence, with the same URLs, methods, headers and bodies (so the
  same CORS preflight cache entries), reading each JSON answer and checking its statusCode, and nothing
  else: the time the network and the emulator need. The difference is the widget's own overhead
  (rendering each step, the flow logic, the fetch calls, events, focus moves). **The UI floor**
  (\`<bench-floor-ui>\` in \`bench/floor-element.js\`) is what any UI pays for the same steps: a bare Lit
  element with the widget's steps and parts, driven by the same code as the widget (the same typing,
  clicks and waits), each step shown busy while its request runs, focus moved to the next field, the
  widget's events dispatched, and nothing more (no checks of what is typed, no messages, no error
  handling, no styles). Widget ÷ UI floor is the cost of the widget's own logic, styles and care.

### Same size? What each renders

${table(['View', 'Element', 'Elements', 'Inputs', 'Selects', 'Options', 'Buttons', 'Headings', 'Text chars', 'Stylesheets'], shapeRows, [
  'l',
  'l',
  'r',
  'r',
  'r',
  'r',
  'r',
  'r',
  'r',
  'r',
])}

### Mount (warm page, median)

${table(['View', 'Until', 'Widget', 'Floor', 'Widget ÷ floor', 'Floor + profile request', 'Widget ÷ (floor + request)'], mountRows, ['l', 'l', 'r', 'r', 'r', 'r', 'r'])}

### Cold page load, ${speed.coldView} form (median, from navigation start)

${table(['Page', 'To interactive', '÷ floor', '÷ (floor + request)'], coldRows, ['l', 'r', 'r', 'r'])}

### Flows (median, emulator answering at once)

${table(
  [
    'Flow',
    'Widget, through its UI',
    'UI floor: the same steps, no logic',
    'Floor: the same requests, no UI',
    'Widget ÷ floor',
    'UI floor ÷ floor',
    'Widget ÷ UI floor',
  ],
  flowRows,
  ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
)}

### Spread of every series

${table(['Series', 'n', 'min', 'p25', 'median', 'p75', 'max'], spread, ['l', 'r', 'r', 'r', 'r', 'r', 'r'])}`;
}

function requestsSection(requests, widgetRequestPaths, runs) {
  const fmt = (counts) =>
    Object.entries(counts)
      .map(([path, n]) => `${path.replace('/api/v3/', '')}${n > 1 ? ` ×${n}` : ''}`)
      .join(', ') || '—';
  const rows = Object.entries(requests).map(([name, r]) => [
    name,
    fmt(r.beforeFlow),
    fmt(r.flow),
    r.flowTotal,
    `${r.minimum} (${fmt(r.minimumByPath)})`,
    signed(r.flowTotal - r.minimum),
    `${r.preflights.widgetBefore} + ${r.preflights.widgetFlow}`,
    `${r.floorRequests} + ${r.preflights.floor}`,
  ]);
  const consistency = Object.entries(widgetRequestPaths).map(([name, variants]) => {
    const total = [...variants.values()].reduce((a, b) => a + b, 0);
    return variants.size === 1
      ? `${name}: all ${total} timed runs made the same requests`
      : `${name}: the ${total} timed runs made ${variants.size} different request sequences: ${[...variants.entries()].map(([p, n]) => `${n}× [${p}]`).join('; ')}`;
  });
  return `## 3. Requests per flow

**Method.** Each flow once more, untimed, in a fresh browser context (empty CORS preflight cache, as
on a first visit): the emulator is reset, a widget mounted for the flow's user (its profile load is
the "before the flow" column), then the flow is driven as in section 2. The /api/v3 requests come from
the emulator's request log (\`emulator.requests()\`, the same log as \`GET /__emulator/requests\`), all of
them answered with statusCode 200; CORS preflights, which the emulator does not log, are counted from
Chromium's network events (CDP \`Network.requestWillBeSent\`, method OPTIONS to the emulator's origin). The
API minimum counts the requests of the flow itself: one send-sms per number that must be verified, then
the call that does the change. Preflights are one per distinct URL until cached, for the widget and the
floor alike (the widget's requests carry an Authorization header and a JSON body, which CORS does not
let through without one): the last column counts section 2's floor (the same calls straight from the
page) the same way, so a preflight there is the API's cost, not the widget's. The emulator
allows preflight caching for 600 s (\`Access-Control-Max-Age\`); what real Authing sends may differ.

${table(
  [
    'Flow',
    'Before the flow',
    'Flow requests',
    'Total',
    'API minimum',
    'Extra',
    'Widget preflights (before + flow)',
    'Floor requests + preflights',
  ],
  rows,
  ['l', 'l', 'l', 'r', 'l', 'r', 'r', 'r'],
)}

Same requests in every timed run of section 2 (from the emulator's log after each run, its profile
load included, ${runs} runs each):

${consistency.map((line) => `* ${line}`).join('\n')}`;
}

function memorySection(memory) {
  const { widget, floor, cycles } = memory;
  const row = (label, get) => [label, get(widget), get(floor)];
  const heapDelta = (m, phase) => m[phase].heapUsed - m.before.heapUsed;
  const rows = [
    row('JS heap used, before', (m) => kib(m.before.heapUsed)),
    row(`after ${cycles} settled cycles`, (m) => `${kib(m.afterSettled.heapUsed)} (${signedKib(heapDelta(m, 'afterSettled'))})`),
    row(`after ${cycles} more, removed in flight`, (m) => `${kib(m.afterInFlight.heapUsed)} (${signedKib(heapDelta(m, 'afterInFlight'))})`),
    row('heap change per cycle (all cycles)', (m) => `${signed(heapDelta(m, 'afterInFlight') / (2 * cycles))} B`),
    row('DOM nodes: before → after', (m) => `${int(m.before.nodes)} → ${int(m.afterSettled.nodes)} → ${int(m.afterInFlight.nodes)}`),
    row(
      'JS event listeners: before → after',
      (m) => `${int(m.before.listeners)} → ${int(m.afterSettled.listeners)} → ${int(m.afterInFlight.listeners)}`,
    ),
    row(
      'live setTimeout timers: before → after',
      (m) => `${m.before.liveTimeouts} → ${m.afterSettled.liveTimeouts} → ${m.afterInFlight.liveTimeouts}`,
    ),
    row(
      'live setInterval timers: before → after',
      (m) => `${m.before.liveIntervals} → ${m.afterSettled.liveIntervals} → ${m.afterInFlight.liveIntervals}`,
    ),
    row(
      'fetches in flight: before → after',
      (m) => `${m.before.fetchesInFlight} → ${m.afterSettled.fetchesInFlight} → ${m.afterInFlight.fetchesInFlight}`,
    ),
    row('timers created during the cycles', (m) =>
      int(m.afterInFlight.created.timeouts - m.before.created.timeouts + m.afterInFlight.created.intervals - m.before.created.intervals),
    ),
    row('fetches started during the cycles', (m) => int(m.afterInFlight.created.fetches - m.before.created.fetches)),
    row('elements left in the page', (m) => m.elementsLeft),
    row(`time for ${cycles} settled cycles`, (m) => `${(m.settledMs / 1000).toFixed(2)} s (${ms(m.settledMs / cycles)} each)`),
    row(`time for ${cycles} in-flight cycles`, (m) => `${(m.inFlightMs / 1000).toFixed(2)} s (${ms(m.inFlightMs / cycles)} each)`),
  ];
  return `## 4. Memory

**Method.** A fresh browser context per element, with \`bench/pages/counters.js\` installed before any
page script: it wraps the page's \`setTimeout\`, \`clearTimeout\`, \`setInterval\`, \`clearInterval\` and
\`fetch\` to count live timers and requests in flight, as \`test/element/hardening/lifecycle.test.ts\` does (the
bench's own waits use the unwrapped functions). After ${memory.warmup} warm-up cycles: garbage collection
(CDP \`HeapProfiler.collectGarbage\`, three times), then \`Runtime.getHeapUsage\` (JS heap used),
\`Memory.getDOMCounters\` and the counters: "before". Then ${cycles} **settled** cycles (a new element
for the bind form's user appended, waited for until interactive, its profile loaded, removed), the
same measurements, then ${cycles} **in-flight** cycles (each removed right after its first render, while
its profile request is on its way: the abort path), and the measurements again. The floor does the
same cycles (its elements make no request). Arrows read before → after settled → after in-flight.

${table(['', 'Widget', 'Floor'], rows, ['l', 'r', 'r'])}`;
}

export function renderReport({ meta, bytes, speed, requests, memory }) {
  const flowLine = Object.entries(speed.flows)
    .map(
      ([name, f]) =>
        `${name} ${ms(f.widget.median)} (floor ${ms(f.floor.median)}, ${ratio(f.widget.median, f.floor.median)}; UI floor ${ms(f.floorUi.median)}, ${ratio(f.floorUi.median, f.floor.median)} of the floor, so the widget is ${ratio(f.widget.median, f.floorUi.median)} of the UI floor)`,
    )
    .join('; ');
  const requestLine = Object.entries(requests)
    .map(([name, r]) => `${name} ${r.flowTotal} (minimum ${r.minimum})`)
    .join(', ');
  const mw = speed.mount;
  const guard = bytes.peers.downloads.find((p) => p.package === '@authing/guard');
  const wm = memory.widget;
  return `# Benchmark: what \`<authing-phone-manager>\` costs a page and its users

Written by \`npm run bench\` (\`node bench/run.mjs\`). A report, not a test: nothing here passes or
fails. The figures are from one run on the machine below; run it again to get yours.

| | |
|---|---|
| Date | ${meta.date} |
| Commit | ${meta.commit} |
| CPU | ${meta.cpu} (${meta.cores} logical cores) |
| Memory | ${meta.memory} |
| OS | ${meta.os} |
| Node | ${meta.node} |
| Browser | ${meta.browser} |
| Runs | ${meta.runs} measured per speed series, after ${meta.warmup} warm-up rounds |
| Load average (1 min) | ${meta.load} |
| Wall time | ${meta.wallTime} |

## Summary

* **Bytes**: \`${bytes.reference.file}\` is ${int(bytes.reference.raw)} B raw, ${int(bytes.reference.gzip)} B gzip,
  ${int(bytes.reference.brotli)} B brotli, with lit and the zh-CN strings inside.${guard ? ` Authing Guard's CDN pair is ${ratio(guard.gzip, bytes.reference.gzip)} that (gzip).` : ''}
* **Mount** (warm, profile load included): bind form interactive in ${ms(mw['bind/widget'].ready.median)} (static floor
  ${ms(mw['bind/floor'].ready.median)}, ${ratio(mw['bind/widget'].ready.median, mw['bind/floor'].ready.median)}; floor + one profile request ${ms(mw['bind/floor-fetch'].ready.median)}, ${ratio(mw['bind/widget'].ready.median, mw['bind/floor-fetch'].ready.median)});
  overview in ${ms(mw['overview/widget'].ready.median)} (floor ${ms(mw['overview/floor'].ready.median)}; floor + request ${ms(mw['overview/floor-fetch'].ready.median)}, ${ratio(mw['overview/widget'].ready.median, mw['overview/floor-fetch'].ready.median)}).
  Cold page load to an interactive bind form: ${ms(speed.cold.widget.median)} (floor ${ms(speed.cold.floor.median)}, floor + request ${ms(speed.cold['floor-fetch'].median)}).
* **Flows** through the UI, emulator answering at once: ${flowLine}.
* **Requests** per flow after one profile load: ${requestLine}.
* **Memory** after ${memory.cycles} settled + ${memory.cycles} in-flight mount/unmount cycles: JS heap ${signedKib(wm.afterInFlight.heapUsed - wm.before.heapUsed)}
  (floor ${signedKib(memory.floor.afterInFlight.heapUsed - memory.floor.before.heapUsed)}), ${wm.afterInFlight.liveTimeouts + wm.afterInFlight.liveIntervals} live timers, ${wm.afterInFlight.fetchesInFlight} requests in flight.

${bytesSection(bytes)}

${speedSection(speed, meta.runs, meta.warmup)}

${requestsSection(requests, speed.widgetRequestPaths, meta.runs)}

${memorySection(memory)}

## Limits

* One machine, one browser, loopback network: absolute times are this machine's; the ratios travel
  better than the milliseconds. Real Authing adds tens to hundreds of ms per request, which the flow
  floor would carry and the widget's overhead would not.
* The floor has no styles; the widget's stylesheet is counted as part of its cost.
* The JS heap figures include V8's own compiled code and type feedback, which grow as new code paths
  run (compare the two phases); DOM nodes, listeners, timers and requests in flight are the leak
  signals.
* Speed is measured with the CDN build (\`${bytes.reference.file}\`); an app bundling the npm build
  runs the same code.
* Peer figures are copied from the team's peer study (peers.md), not re-measured here.
`;
}
