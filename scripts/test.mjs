#!/usr/bin/env node
// `npm test`: finds the browser engines (Chromium, Firefox ESR, WebKit; installs Debian's packages for
// those missing when it runs as root with apt-get), builds the package and checks the CDN file's size
// budget (the package and CDN tests need the build), runs the Node tests (emulator, package), then the
// browser tests once per engine, and ends with one line per engine and the closing `N passed, N failed`.
//
// One engine, or a few, for a quick loop: `npm test -- --engine webkit` (or `--engine firefox,webkit`),
// or TEST_ENGINES=webkit npm test. Other arguments go to web-test-runner.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { aptInstall, ENGINE_NAMES, engineVersion, ENGINES, findEngine, installHint } from './engines.mjs';

/** The core's tests run in Node; the others under test/ run in browsers. */
const NODE_CORE_TESTS = /\.test\.ts$/;

/** Splits `--engine a,b` / `--engine=a` out of the arguments; what is left goes to web-test-runner. */
function parseArgs(argv) {
  const engines = [];
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const match = /^--engines?(?:=(.*))?$/.exec(argv[i]);
    if (!match) rest.push(argv[i]);
    else engines.push(...(match[1] ?? argv[++i] ?? '').split(','));
  }
  return { engines: engines.map((e) => e.trim().toLowerCase()).filter(Boolean), rest };
}

const { engines: asked, rest: wtrArgs } = parseArgs(process.argv.slice(2));
const fromEnv = (process.env.TEST_ENGINES ?? '')
  .split(',')
  .map((e) => e.trim().toLowerCase())
  .filter(Boolean);
const chosen = asked.length ? asked : fromEnv;
const unknown = chosen.filter((engine) => !ENGINE_NAMES.includes(engine));
if (unknown.length) {
  console.error(`Unknown engine ${unknown.join(', ')}: choose among ${ENGINE_NAMES.join(', ')}.`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
// Named engines must run; with none named, every engine this machine has runs.
const required = chosen.length > 0;
const wanted = required ? ENGINE_NAMES.filter((engine) => chosen.includes(engine)) : [...ENGINE_NAMES];

let missing = wanted.filter((engine) => !findEngine(engine).ok);
if (missing.length && aptInstall([...new Set(missing.flatMap((engine) => ENGINES[engine].packages))])) {
  missing = wanted.filter((engine) => !findEngine(engine).ok);
}
for (const engine of missing) console.error(installHint(engine));
const engines = wanted.filter((engine) => !missing.includes(engine));
if (!engines.length || (required && missing.length)) {
  console.error(engines.length ? 'The engines asked for are not all here.' : 'No browser engine found.');
  console.log('0 passed, 1 failed');
  process.exit(1);
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
const testsIn = (dir, pattern) =>
  readdirSync(dir)
    .filter((name) => pattern.test(name))
    .map((name) => `${dir}/${name}`);
const nodeTests = [
  ...testsIn('test/core', NODE_CORE_TESTS),
  ...testsIn('test/emulator', /\.test\.js$/),
  ...testsIn('test/package', /\.test\.js$/),
];
const node = await run(process.execPath, ['--import', './test/helpers/register-ts.mjs', '--test', '--test-reporter=spec', ...nodeTests]);
const nodePass = Number(last(node.output, /ℹ pass (\d+)/g)?.[1] ?? 0);
const nodeFail = Number(last(node.output, /ℹ fail (\d+)/g)?.[1] ?? (node.code ? 1 : 0));

const results = [];
for (const engine of engines) {
  const version = engineVersion(engine);
  console.log(`\n${engine}: ${version}`);
  const started = Date.now();
  const wtr = await run(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', ...wtrArgs], { WTR_ENGINE: engine });
  const counts = last(wtr.output, /(\d+) passed, (\d+) failed/g);
  const passed = Number(counts?.[1] ?? 0);
  // A run that exits non-zero without a failed test (it crashed, or timed out) is one failure.
  const failed = Number(counts?.[2] ?? 0) + (wtr.code && !Number(counts?.[2]) ? 1 : 0);
  results.push({ engine, version, passed, failed, seconds: Math.round((Date.now() - started) / 1000), code: wtr.code });
}

const enginePass = results.reduce((sum, r) => sum + r.passed, 0);
const engineFail = results.reduce((sum, r) => sum + r.failed, 0);
const passed = nodePass + enginePass + (size.code ? 0 : 1) + (lint.code ? 0 : 1);
const failed = nodeFail + engineFail + (size.code ? 1 : 0) + (lint.code ? 1 : 0);
console.log(
  `\nSize budget: ${size.code ? 'over' : 'within'}; lint: ${lint.code ? 'failed' : 'clean'}; Node (core, emulator, package, example): ${nodePass} passed, ${nodeFail} failed`,
);
console.log(
  `Browsers: ${results.map((r) => `${r.engine} ${r.version}, ${r.seconds} s`).join('; ')}${missing.length ? `; not run: ${missing.join(', ')}` : ''}`,
);
for (const r of results) console.log(`${r.engine}: ${r.passed} passed, ${r.failed} failed`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || node.code || results.some((r) => r.code) || passed === 0 ? 1 : 0);
