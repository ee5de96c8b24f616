#!/usr/bin/env node
// `npm run bench`: what <authing-phone-manager> costs a page and its users. Builds the package
// (unless --no-build), then measures
//   1. bytes of each build output beside the peers' (bench/lib/bytes.mjs, bench/peers.json),
//   2. speed in headless Chromium beside a floor element (bench/lib/speed.mjs),
//   3. requests per flow against the API's minimum (bench/lib/requests.mjs),
//   4. memory and live timers over 1000 mount/unmount cycles (bench/lib/memory.mjs),
//   5. what users feel: cold loads through latency proxies at RTT 100 ms, at 1× and 4× CPU, in zh-CN
//      and en-US, against the floor plus the profile request, with the round trips on the critical
//      path (bench/lib/cold.mjs, latency-proxy.mjs); main-thread time and long tasks from traces;
//      interactions at 1× and 4× against a bare Lit element; each flow's overhead over its requests
//      at 0 and 80 ms; heap per instance with 1, 10 and 100 on a page (bench/lib/feel.mjs); the bytes
//      of the CDN file a first render runs, against the first congestion window (first-render.mjs),
// writes bench/results.md (bench/lib/report.mjs, feel-report.mjs) and ends with five lines
// (cold-rtt100, cold-cpu, long-tasks-4x, interaction-4x, heap-per-instance). A report, not a test: it
// never passes or fails; it exits non-zero only when it could not measure.
//
//   node bench/run.mjs [--quick] [--no-build] [--runs N] [--cycles N] [--out FILE]
//     --quick      part 5 only, with fewer runs, printed and not written (a few minutes)
//     --no-build   use dist/ as it is
//     --runs N     measured runs per speed series (default 30; 5 warm-up rounds come first)
//     --cycles N   mount/unmount cycles per memory phase (default 1000)
//     --out FILE   where to write the report (default bench/results.md)
//
// Run it from the package root (npm run does): the build, dist/ and scripts/size.mjs are found there.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchBrowser, PLAYWRIGHT_VERSION } from './lib/browser.mjs';
import { measureBytes } from './lib/bytes.mjs';
import { startEmulator } from '../emulator/index.js';
import { buildFloorBundle } from './lib/floor.mjs';
import { CODE } from './pages/scenario.js';
import { measureMemory } from './lib/memory.mjs';
import { renderReport } from './lib/report.mjs';
import { countRequests } from './lib/requests.mjs';
import { startStaticServer } from './lib/server.mjs';
import { measureSpeed } from './lib/speed.mjs';
import { measureCold } from './lib/cold.mjs';
import { measureHeap, measureInteractions, measureSteps } from './lib/feel.mjs';
import { closingLines, renderFeel } from './lib/feel-report.mjs';
import { startLatencyProxy } from './lib/latency-proxy.mjs';
import { measureFirstRender } from './lib/first-render.mjs';

const WARMUP = 5;
const root = process.cwd();
const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    runs: { type: 'string', default: '30' },
    cycles: { type: 'string', default: '1000' },
    out: { type: 'string', default: fileURLToPath(new URL('./results.md', import.meta.url)) },
  },
});
const runs = Number(args.runs);
const cycles = Number(args.cycles);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(cycles) || cycles < 1) {
  console.error('--runs and --cycles take a positive whole number');
  process.exit(2);
}

const started = Date.now();
const loadAtStart = os.loadavg()[0];
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const log = (line) => console.log(line);

function build() {
  return new Promise((resolvePromise, reject) => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const child = spawn(npm, ['run', 'build'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolvePromise() : reject(new Error(`npm run build failed (exit ${code}):\n${output}`))));
  });
}

function commitOf() {
  const git = (...a) => spawnSync('git', a, { cwd: root, encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD');
  if (head.status !== 0) return 'unknown (not a git checkout)';
  const dirty = git('status', '--porcelain', '--', 'src', 'vite.config.ts', 'package.json').stdout.trim();
  return `${head.stdout.trim()}${dirty ? ' (with uncommitted changes in src/, vite.config.ts or package.json)' : ''}`;
}

let buildTime = 'skipped (--no-build)';
if (!args['no-build']) {
  log('Building (npm run build)…');
  const t = Date.now();
  await build();
  buildTime = seconds(t);
}
const widgetFile = join(root, 'dist', 'cdn', 'authing-phone-manager.js');
if (!existsSync(widgetFile)) throw new Error(`${widgetFile} not found: run the build first (or drop --no-build)`);

const quick = args.quick;
const RTT = 100;
const LANGS = ['zh-CN', 'en-US'];
const feelRuns = quick ? { cold: 3, trace: 2, interactions: 3, steps: 3 } : { cold: 15, trace: 5, interactions: 10, steps: 10 };

const bytes = quick ? undefined : (log('1. Bytes'), await measureBytes(root));

log(
  quick
    ? 'Starting the emulator, the page server, the latency proxies and Chromium'
    : '2. Speed (starting the emulator, the page server and Chromium)',
);
const floor = await buildFloorBundle();
// In this process, on a port of its own (so the page's calls are cross-origin, as against real Authing),
// every SMS carrying CODE: no code lookup inside a timed flow. Its CORS allows the page server's origin
// only, straight or through its latency proxy.
const server = await startStaticServer({ widgetFile, floorCode: floor.code });
const pageProxy = await startLatencyProxy({ target: server.url, rtt: RTT, name: 'page' });
const running = await startEmulator({ port: 0, host: '127.0.0.1', codes: CODE, allowedOrigins: [server.url, pageProxy.url] });
const apiProxy = await startLatencyProxy({ target: running.url, rtt: RTT, name: 'api' });
const { browser, executablePath } = await launchBrowser();
const browserLabel = `Chromium ${browser.version()}, headless (${executablePath}), driven by playwright-core ${PLAYWRIGHT_VERSION}`;
let speed, requests, memory, feel;
try {
  let t = Date.now();
  if (quick) {
    feel = await measureFeel();
    log(`  (${seconds(t)})`);
  } else {
    speed = await measureSpeed({ browser, serverUrl: server.url, running, runs, warmup: WARMUP, log });
    log(`  (${seconds(t)})`);
    log('3. Requests per flow');
    requests = await countRequests({ browser, serverUrl: server.url, running });
    log('4. Memory');
    t = Date.now();
    memory = await measureMemory({ browser, serverUrl: server.url, running, cycles, log });
    log(`  (${seconds(t)})`);
    log('5. What users feel');
    t = Date.now();
    feel = await measureFeel();
    log(`  (${seconds(t)})`);
  }
} finally {
  await browser.close();
  await pageProxy.close();
  await apiProxy.close();
  await server.close();
  await running.close();
}

async function measureFeel() {
  const serverUrl = server.url;
  const cold = await measureCold({ browser, pageProxy, apiProxy, runs: feelRuns.cold, traceRuns: feelRuns.trace, langs: LANGS, log });
  const interactions = await measureInteractions({ browser, serverUrl, running, runs: feelRuns.interactions, log });
  const steps = await measureSteps({ browser, serverUrl, running, runs: feelRuns.steps, rtts: [0, 80], log });
  const heap = await measureHeap({ browser, serverUrl, running, log });
  const firstRender = await measureFirstRender({ browser, serverUrl, emulatorUrl: running.url, lang: LANGS[0] });
  return { cold, interactions, steps, heap, firstRender, langs: LANGS, rtt: RTT, runs: feelRuns };
}

const feelReport = renderFeel(feel);
const closing = closingLines(feel);
if (quick) {
  log('');
  log(feelReport);
  log(
    `Chromium ${browser.version()}; load average ${loadAtStart.toFixed(2)} at the start, ${os.loadavg()[0].toFixed(2)} at the end; ${seconds(started)}.`,
  );
  log('');
  for (const line of closing) log(line);
  process.exit(0);
}
if (speed.errors.length) throw new Error(`errors in the page: ${speed.errors.join('; ')}`);

const cpus = os.cpus();
const meta = {
  date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  commit: commitOf(),
  cpu: cpus[0]?.model.trim() ?? 'unknown',
  cores: cpus.length,
  memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
  os: `${os.type()} ${os.release()} ${os.arch()}`,
  node: process.version,
  browser: browserLabel,
  runs,
  warmup: WARMUP,
  load: `${loadAtStart.toFixed(2)} at the start, ${os.loadavg()[0].toFixed(2)} at the end (other work on the machine shows here)`,
  wallTime: `${seconds(started)} for the whole run (build: ${buildTime})`,
};
const out = resolve(args.out);
writeFileSync(out, `${renderReport({ meta, bytes, speed, requests, memory })}\n${feelReport}\n\`\`\`\n${closing.join('\n')}\n\`\`\`\n`);
log(`Wrote ${relative(root, out) || out} in ${seconds(started)}.`);
log('');
for (const line of closing) log(line);
