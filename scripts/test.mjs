#!/usr/bin/env node
// `npm test`: finds a Chrome or Chromium (installs Debian's chromium when it can), builds the package
// and checks the CDN file's size budget (the package and CDN tests need the build), runs the Node tests
// (emulator, package) and the browser tests, and ends with one line: `N passed, N failed`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

/** The core's tests run in Node; the others under test/ run in browsers. */
const NODE_CORE_TESTS = /\.test\.ts$/;

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

function findBrowser() {
  if (process.env.CHROMIUM_BIN && existsSync(process.env.CHROMIUM_BIN)) return process.env.CHROMIUM_BIN;
  return CANDIDATES.find((path) => existsSync(path));
}

function installChromium() {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || spawnSync('sh', ['-c', 'command -v apt-get']).status !== 0) return false;
  console.log('No Chrome or Chromium found: installing Debian\'s chromium with apt-get…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install = update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  return !!install && install.status === 0;
}

/** Runs a command, echoing its output, and returns the output for counting. */
function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const echo = (stream) => (chunk) => {
      output += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', echo(process.stdout));
    child.stderr.on('data', echo(process.stderr));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

const last = (output, pattern) => {
  const all = [...output.matchAll(pattern)];
  return all.length ? all[all.length - 1] : undefined;
};

let browser = findBrowser();
if (!browser && installChromium()) browser = findBrowser();
if (!browser) {
  console.error('No Chrome or Chromium found: install one (Debian: `apt-get install chromium`) or set CHROMIUM_BIN to its path.');
  process.exit(1);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const build = await run(npm, ['run', 'build']);
if (build.code) {
  console.error('\nnpm run build failed: the package and CDN tests need the build.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
// The size budget counts as one check: over budget is a failure. So does lint (eslint, prettier, tsc).
const size = await run(process.execPath, ['scripts/size.mjs']);
const lint = await run(npm, ['run', 'lint', '--silent']);

// Node: the core (TypeScript, through esbuild's transform) and the emulator and package tests.
const testsIn = (dir, pattern) => readdirSync(dir).filter((name) => pattern.test(name)).map((name) => `${dir}/${name}`);
const nodeTests = [...testsIn('test/core', NODE_CORE_TESTS), ...testsIn('test-node', /\.test\.js$/)];
const node = await run(process.execPath, ['--import', './test/helpers/register-ts.mjs', '--test', '--test-reporter=spec', ...nodeTests], { CHROMIUM_BIN: browser });
const nodePass = Number(last(node.output, /ℹ pass (\d+)/g)?.[1] ?? 0);
const nodeFail = Number(last(node.output, /ℹ fail (\d+)/g)?.[1] ?? (node.code ? 1 : 0));

const wtr = await run(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', ...process.argv.slice(2)], {
  CHROMIUM_BIN: browser,
});
const counts = last(wtr.output, /(\d+) passed, (\d+) failed/g);
const wtrPass = Number(counts?.[1] ?? 0);
const wtrFail = Number(counts?.[2] ?? 0) + (wtr.code && !Number(counts?.[2]) ? 1 : 0);

const passed = nodePass + wtrPass + (size.code ? 0 : 1) + (lint.code ? 0 : 1);
const failed = nodeFail + wtrFail + (size.code ? 1 : 0) + (lint.code ? 1 : 0);
console.log(`\nSize budget: ${size.code ? 'over' : 'within'}; lint: ${lint.code ? 'failed' : 'clean'}; Node (emulator, package): ${nodePass} passed, ${nodeFail} failed; browser: ${wtrPass} passed, ${wtrFail} failed`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || node.code || wtr.code || passed === 0 ? 1 : 0);
