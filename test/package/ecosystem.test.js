// Issue 25: the package as the tools around an app see it. Runs against the build in dist/ (scripts/test.mjs
// builds first).
// - types resolve in every TypeScript resolver: `attw --pack` (Are the types wrong?), node10 included;
// - an app's bundler keeps each catalog's language in its chunk's name;
// - editors: VS Code's custom data and JetBrains' web-types ship, made from the manifest, which names the
//   published JavaScript modules; Vue's GlobalComponents types catch a misspelled attribute.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const attw = fileURLToPath(new URL('../../node_modules/@arethetypeswrong/cli/dist/index.js', import.meta.url));
import { langs, lazyLangs } from '../../build/languages.ts';

/** The languages in a chunk of their own: every file of src/translations but zh-CN, which is inside. */
const LANGS = lazyLangs();

describe('types in every resolver (attw --pack)', () => {
  /**
   * attw's JSON report of the packed tarball, read either way (it exits 1 on any problem). Through a file:
   * attw exits before a pipe takes the whole report.
   */
  const report = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'attw-'));
    const out = join(dir, 'report.json');
    const entrypoints = langs()
      .map((lang) => `./translations/${lang}`)
      .join(' ');
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

describe("an app's build", () => {
  it('an app built with Vite gets one chunk per language, named after it, and no warning', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'app-'));
    try {
      await writeFile(join(dir, 'main.js'), "import 'authing-phone-manager/define';\n");
      await writeFile(join(dir, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>\n');
      const { build } = await import('vite');
      const warnings = [];
      const result = await build({
        root: dir,
        configFile: false,
        logLevel: 'silent',
        customLogger: {
          info() {},
          warn: (message) => warnings.push(message),
          warnOnce: (message) => warnings.push(message),
          error() {},
          clearScreen() {},
          hasWarned: false,
          hasErrorLogged: () => false,
        },
        build: {
          outDir: join(dir, 'dist'),
          write: false,
          rolldownOptions: { onLog: (level, log) => level === 'warn' && warnings.push(log.message) },
        },
        resolve: { alias: { 'authing-phone-manager/define': fileURLToPath(new URL('../../dist/define.js', import.meta.url)) } },
      });
      const names = (Array.isArray(result) ? result : [result]).flatMap((output) => output.output.map((file) => file.fileName));
      for (const lang of LANGS)
        assert.equal(names.filter((name) => name.includes(`authing-phone-manager.${lang}-`)).length, 1, `${lang}: ${names}`);
      assert.deepEqual(warnings, []);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('editors', () => {
  const json = async (path) => JSON.parse(await readFile(new URL(`../../${path}`, import.meta.url), 'utf8'));
  let packed;
  const tarball = async () => {
    if (!packed) {
      const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root });
      packed = JSON.parse(stdout)[0].files.map((file) => file.path);
    }
    return packed;
  };

  it('the manifest names the published JavaScript modules and the one that defines the tag; every part, error-* too', async () => {
    const manifest = await json('dist/custom-elements.json');
    const paths = manifest.modules.map((module) => module.path);
    const files = await tarball();
    assert.deepEqual(
      paths.filter((path) => !files.includes(path)),
      [],
      'every module path is a file in the tarball',
    );
    assert.ok(JSON.stringify(manifest).match(/src\/|\.ts"/) === null, 'no source path');
    const definition = manifest.modules.flatMap((module) => (module.exports ?? []).map((entry) => ({ ...entry, path: module.path })));
    assert.deepEqual(
      definition.filter((entry) => entry.kind === 'custom-element-definition').map((entry) => [entry.path, entry.name]),
      [['dist/define.js', 'authing-phone-manager']],
    );
    const element = manifest.modules.flatMap((module) => module.declarations ?? []).find((declaration) => declaration.customElement);
    for (const part of ['field-error', 'error-phone', 'error-code', 'error-currentCode'])
      assert.ok(
        element.cssParts.some((p) => p.name === part),
        part,
      );
    assert.ok(element.attributes.some((attribute) => attribute.name === 'user-pool-id'));
  });

  it("VS Code's custom data (HTML and CSS) and JetBrains' web-types ship, and package.json names the web-types", async () => {
    const files = await tarball();
    for (const file of ['dist/vscode.html-custom-data.json', 'dist/vscode.css-custom-data.json', 'dist/web-types.json'])
      assert.ok(files.includes(file), file);
    const pkg = await json('package.json');
    assert.equal(pkg['web-types'], './dist/web-types.json');
    const manifest = await json('dist/custom-elements.json');
    const element = manifest.modules.flatMap((module) => module.declarations ?? []).find((declaration) => declaration.customElement);

    const html = await json('dist/vscode.html-custom-data.json');
    const tag = html.tags.find((t) => t.name === 'authing-phone-manager');
    assert.deepEqual(
      tag.attributes.map((attribute) => attribute.name),
      element.attributes.map((attribute) => attribute.name),
    );
    assert.deepEqual(
      tag.attributes.find((attribute) => attribute.name === 'theme').values.map((value) => value.name),
      ['light', 'dark', 'auto'],
    );

    const css = await json('dist/vscode.css-custom-data.json');
    assert.deepEqual(
      css.pseudoElements.map((part) => part.name),
      element.cssParts.map((part) => `::part(${part.name})`),
    );
    assert.ok(css.properties.some((property) => property.name === '--authing-color-primary'));

    const webTypes = await json('dist/web-types.json');
    const declared = webTypes.contributions.html.elements[0];
    assert.equal(declared.name, 'authing-phone-manager');
    assert.deepEqual(declared.source, { module: 'authing-phone-manager/define', symbol: 'AuthingPhoneManager' });
    assert.deepEqual(declared.js.events.map((event) => event.name).sort(), element.events.map((event) => event.name).sort());
    assert.ok(declared.css.parts.some((part) => part.name === 'error-phone'));
  });

  it('Vue: GlobalComponents types (authing-phone-manager/vue) catch a misspelled attribute, value or event', async () => {
    const tsc = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));
    const project = fileURLToPath(new URL('./fixtures/consumer-vue/tsconfig.json', import.meta.url));
    // The fixture's @ts-expect-error lines fail the compile if they stop being errors.
    await assert.doesNotReject(run(process.execPath, [tsc, '-p', project], { cwd: root }));
  });

  it('Vue: vue-tsc (strictTemplates) reports a misspelled attribute, a wrong theme and a misspelled event in a template', async () => {
    const vueTsc = fileURLToPath(new URL('../../node_modules/vue-tsc/bin/vue-tsc.js', import.meta.url));
    const project = fileURLToPath(new URL('./fixtures/consumer-vue-sfc/tsconfig.json', import.meta.url));
    const { stdout } = await run(process.execPath, [vueTsc, '-p', project], { cwd: root, maxBuffer: 16 * 1024 * 1024 }).then(
      () => assert.fail('vue-tsc found no error'),
      (error) => error,
    );
    const errors = stdout.split('\n').filter((line) => /error TS\d+/.test(line));
    assert.ok(
      errors.every((line) => line.includes('Typo.vue')),
      `Good.vue compiles:\n${errors.join('\n')}`,
    );
    assert.equal(errors.length, 3, errors.join('\n'));
    for (const [i, mistake] of [/'appHots'/, /"blue"/, /'onAuthingPhoneBond'/].entries()) assert.match(errors[i], mistake);
  });
});

describe('docs for users first', () => {
  const text = (path) => readFile(new URL(`../../${path}`, import.meta.url), 'utf8');
  const slug = (heading) =>
    heading
      .trim()
      .toLowerCase()
      .replace(/[^\w\- \u4e00-\u9fff]/g, '')
      .replace(/ /g, '-');

  it('the README goes in the order a user needs, and leaves the maintainer material to CONTRIBUTING.md', async () => {
    const readme = await text('README.md');
    const headings = [...readme.matchAll(/^#{2,3} (.+)$/gm)].map((match) => match[1]);
    const at = (name) => headings.findIndex((heading) => heading.startsWith(name));
    const order = [
      'Install',
      'React 18',
      'Vue 3',
      'Server-side rendering',
      'Attributes and properties',
      'Events',
      'Styling',
      'With real Authing',
      'Testing your app',
    ];
    for (const name of order) assert.ok(at(name) >= 0, `README: ${name}`);
    assert.deepEqual(
      order.map(at),
      order.map(at).sort((a, b) => a - b),
      'in this order',
    );
    for (const name of ['Size', 'Performance', 'Development', 'Tested in Chromium'])
      assert.equal(at(name), -1, `not in the README: ${name}`);
    const contributing = await text('CONTRIBUTING.md');
    for (const name of ['Size', 'Performance', 'Development', 'Tested in Chromium'])
      assert.match(contributing, new RegExp(`^## ${name}`, 'm'));
  });

  it('every link in the README works on the npm package page: absolute, or an anchor of the README', async () => {
    const readme = await text('README.md');
    const anchors = new Set([...readme.matchAll(/^#+ (.+)$/gm)].map((match) => slug(match[1])));
    const broken = [];
    for (const [, target] of readme.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^https?:\/\//.test(target)) continue;
      if (target.startsWith('#') && anchors.has(target.slice(1))) continue;
      broken.push(target);
    }
    assert.deepEqual(broken, []);
  });

  it('package.json names the repository, the homepage and where to report bugs; the first release is dated', async () => {
    const pkg = JSON.parse(await text('package.json'));
    assert.match(pkg.repository.url, /^git\+https:\/\/github\.com\/[\w-]+\/[\w-]+\.git$/);
    assert.match(pkg.homepage, /^https:\/\//);
    assert.match(pkg.bugs.url, /^https:\/\/.+\/issues$/);
    assert.match(await text('CHANGELOG.md'), /^## 0\.1\.0 - \d{4}-\d{2}-\d{2}$/m);
  });
});
