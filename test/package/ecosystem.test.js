// Issue 25: the package as the tools around an app see it. Runs against the build in dist/ (scripts/test.mjs
// builds first).
// - types resolve in every TypeScript resolver: `attw --pack` (Are the types wrong?), node10 included;
// - an app's bundler keeps each catalog's language in its chunk's name.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const attw = fileURLToPath(new URL('../../node_modules/@arethetypeswrong/cli/dist/index.js', import.meta.url));
const LANGS = ['en-US', 'zh-TW', 'ja-JP'];

describe('types in every resolver (attw --pack)', () => {
  /**
   * attw's JSON report of the packed tarball, read either way (it exits 1 on any problem). Through a file:
   * attw exits before a pipe takes the whole report.
   */
  const report = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'attw-'));
    const out = join(dir, 'report.json');
    const entrypoints = LANGS.map((lang) => `./translations/${lang}`).join(' ');
    const command = `"${process.execPath}" "${attw}" --pack . --format json --include-entrypoints ${entrypoints} > "${out}"`;
    await run('sh', ['-c', command], { cwd: root }).catch(() => undefined);
    try {
      return JSON.parse(await readFile(out, 'utf8'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  it('every subpath resolves to declarations (or JSON) under node10, node16 and bundler resolution', async () => {
    const { analysis } = await report();
    const unresolved = [];
    for (const [subpath, entry] of Object.entries(analysis.entrypoints)) {
      if (subpath.includes('*')) continue; // the wildcard: its languages are listed one by one
      for (const kind of ['node10', 'node16-esm', 'bundler']) {
        const file = entry.resolutions[kind]?.resolution?.fileName ?? '';
        if (!/\.(d\.ts|json)$/.test(file)) unresolved.push(`${subpath} (${kind}): ${file || 'nothing'}`);
      }
    }
    assert.deepEqual(unresolved, []);
    assert.ok(
      Object.keys(analysis.entrypoints).includes('./testing') && Object.keys(analysis.entrypoints).includes('./translations/ja-JP'),
    );
  });

  it('no problem but the one an ESM-only package has by design (require() from CommonJS)', async () => {
    const { analysis } = await report();
    const problems = analysis.problems.filter(
      (problem) => !(problem.kind === 'CJSResolvesToESM' && problem.resolutionKind === 'node16-cjs'),
    );
    assert.deepEqual(problems, []);
    const { stdout } = await run(process.execPath, [attw, '--pack', '.', '--profile', 'esm-only', '--format', 'ascii'], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    assert.match(stdout, /ignoring resolutions: 'node10', 'node16-cjs'/, 'attw exited 0 under its esm-only profile');
  });
});

describe('build output an app bundles', () => {
  it("each catalog's chunk carries its language in its name, which an app's bundler keeps", async () => {
    const chunks = await readdir(new URL('../../dist/chunks/', import.meta.url));
    for (const lang of LANGS)
      assert.ok(
        chunks.some((name) => name.startsWith(`authing-phone-manager.${lang}-`)),
        `${lang} in ${chunks}`,
      );
  });
});
