// Issue 3: what `npm pack` publishes. Runs against the build in dist/ (scripts/test.mjs builds first).
// - the tarball holds exactly what users need, and every path package.json names is in it;
// - the declarations are complete: a user's TypeScript file compiles against them through `exports`;
// - the manifest describes the element;
// - server-side rendering safety: every npm entry imports in plain Node without throwing.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

/** What a user needs, as patterns over the tarball's paths; anything else in it is a defect. */
const ALLOWED = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^CHANGELOG\.md$/,
  /^dist\/(index|define|react|core)\.js$/,
  /^dist\/chunks\/authing-phone-manager-[\w-]+\.js$/,
  /^dist\/cdn\/authing-phone-manager(\.iife)?\.js$/,
  /^dist\/cdn\/sri\.json$/,
  /^dist\/custom-elements\.json$/,
  /^dist\/([\w-]+\/)*[\w.-]+\.d\.ts$/,
];
const REQUIRED = [
  'package.json', 'README.md', 'LICENSE', 'CHANGELOG.md',
  'dist/index.js', 'dist/index.d.ts', 'dist/define.js', 'dist/define.d.ts', 'dist/react.js', 'dist/react.d.ts',
  'dist/core.js', 'dist/core/index.d.ts', 'dist/jsx.d.ts', 'dist/events.d.ts', 'dist/cdn/authing-phone-manager.js', 'dist/cdn/authing-phone-manager.iife.js',
  'dist/custom-elements.json',
];

/** Every path string anywhere inside package.json's `exports` (conditions and subpaths). */
const exportTargets = (value) =>
  typeof value === 'string' ? [value] : Object.values(value ?? {}).flatMap(exportTargets);
const clean = (path) => path.replace(/^\.\//, '');
const globToRegExp = (glob) => new RegExp(`^${clean(glob).replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);

let files;
before(async () => {
  const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root });
  files = JSON.parse(stdout)[0].files.map((file) => file.path).sort();
});

describe('npm pack', () => {
  it('holds only what users need', () => {
    const extra = files.filter((path) => !ALLOWED.some((pattern) => pattern.test(path)));
    assert.deepEqual(extra, [], 'files in the tarball that users do not need');
  });

  it('holds everything users need', () => {
    assert.deepEqual(REQUIRED.filter((path) => !files.includes(path)), [], 'missing from the tarball');
    assert.ok(files.some((path) => path.startsWith('dist/chunks/')), 'the shared chunk the npm entries import');
  });

  it('holds every path package.json names', () => {
    const named = [pkg.main, pkg.module, pkg.types, pkg.unpkg, pkg.jsdelivr, pkg.customElements, ...exportTargets(pkg.exports)];
    assert.equal(named.filter((path) => path === undefined).length, 0, 'main, module, types, unpkg, jsdelivr, customElements');
    assert.deepEqual(named.map(clean).filter((path) => !files.includes(path)), []);
    for (const glob of pkg.sideEffects) {
      assert.ok(files.some((path) => globToRegExp(glob).test(path)), `sideEffects entry ${glob} matches a file`);
    }
    assert.equal(Object.keys(pkg.exports)[0], '.', 'the main export comes first');
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      if (typeof target === 'object') assert.equal(Object.keys(target)[0], 'types', `${subpath}: types condition first`);
    }
  });

  it('has declarations for every module the declarations import', async () => {
    const declarations = files.filter((path) => path.endsWith('.d.ts'));
    for (const path of declarations) {
      const text = await readFile(new URL(`../${path}`, import.meta.url), 'utf8');
      for (const [, specifier] of text.matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)) {
        const target = new URL(`${specifier}.d.ts`, new URL(`../${path}`, import.meta.url));
        const relativeTarget = clean(fileURLToPath(target).slice(root.length));
        assert.ok(files.includes(relativeTarget), `${path} imports ${specifier}.js: ${relativeTarget} is packed`);
      }
    }
  });

  it('leaves lit, @lit/*, ofetch and react to the user\'s bundler in the npm build', async () => {
    const entries = files.filter((path) => /^dist\/(chunks\/)?[\w-]+\.js$/.test(path));
    for (const path of entries) {
      const text = await readFile(new URL(`../${path}`, import.meta.url), 'utf8');
      assert.doesNotMatch(text, /class ReactiveElement|function destr\(/, `${path} bundles no dependency`);
    }
    for (const name of ['lit', 'ofetch', '@lit/react']) {
      assert.ok(pkg.dependencies[name], `${name} is a dependency`);
    }
    assert.equal(pkg.peerDependenciesMeta.react.optional, true, 'react is an optional peer');
  });
});

describe('README', () => {
  it('shows the SRI hashes of this build in its CDN snippets (node scripts/sri.mjs --update-readme)', async () => {
    const { readmeIntegrities } = await import('../scripts/sri.mjs');
    const built = JSON.parse(await readFile(new URL('../dist/cdn/sri.json', import.meta.url), 'utf8'));
    const shown = readmeIntegrities(await readFile(new URL('../README.md', import.meta.url), 'utf8'));
    assert.deepEqual(shown.map(([file]) => file).sort(), Object.keys(built).sort(), 'a snippet for each CDN file');
    for (const [file, integrity] of shown) assert.equal(integrity, built[file], `README's integrity of ${file}`);
  });
});

describe('types', () => {
  it('a TypeScript user compiles against the published declarations (resolved through exports)', async () => {
    const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
    const project = fileURLToPath(new URL('./fixtures/consumer/tsconfig.json', import.meta.url));
    await assert.doesNotReject(run(process.execPath, [tsc, '-p', project], { cwd: root }), 'tsc reports no error');
  });
});

describe('custom-elements.json', () => {
  it('describes attributes, properties, events with their detail, CSS parts and custom properties', async () => {
    const manifest = JSON.parse(await readFile(new URL('../dist/custom-elements.json', import.meta.url), 'utf8'));
    const element = manifest.modules.flatMap((module) => module.declarations ?? []).find((d) => d.customElement);
    assert.equal(element.tagName, 'authing-phone-manager');
    const attributes = element.attributes.map((attribute) => attribute.name);
    for (const name of ['app-host', 'access-token', 'app-id', 'lang', 'skip-old-phone-verification', 'code-length', 'default-country', 'countries', 'theme', 'timeout', 'heading-level']) {
      assert.ok(attributes.includes(name), `attribute ${name}`);
    }
    const properties = element.members.filter((member) => member.kind === 'field' && member.privacy !== 'private').map((member) => member.name);
    for (const name of ['appHost', 'accessToken', 'messages', 'countries']) assert.ok(properties.includes(name), `property ${name}`);
    assert.deepEqual(
      element.events.map((event) => event.name).sort(),
      ['authing-code-sent', 'authing-error', 'authing-phone-bound', 'authing-phone-changed', 'authing-phone-unbound', 'authing-profile-loaded'],
    );
    for (const event of element.events) {
      assert.match(event.type.text, /^Authing\w+Event$/, `${event.name} has its event class`);
      assert.match(event.description, /detail: `\{ .+ \}`/, `${event.name} documents its detail`);
    }
    assert.ok(element.cssParts.length >= 18, 'every part');
    assert.ok(element.cssProperties.every((property) => property.name.startsWith('--authing-') && property.default), 'custom properties with defaults');
  });
});

describe('server-side rendering safety', () => {
  for (const entry of ['authing-phone-manager', 'authing-phone-manager/define', 'authing-phone-manager/react']) {
    it(`importing ${entry} in plain Node throws nothing`, async () => {
      // A fresh process: no DOM, no customElements, nothing another test loaded.
      const script = `const m = await import(${JSON.stringify(entry)}); if (typeof m.AuthingPhoneManager !== 'function' && typeof m.AuthingPhoneManager !== 'object') throw new Error('no export');`;
      const { stderr } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: root });
      assert.equal(stderr, '');
    });
  }

  it('authing-phone-manager/core runs a session in plain Node: it loads a profile from the emulator', async () => {
    const { startEmulator } = await import('../emulator/index.js');
    const running = await startEmulator({ port: 0 });
    try {
      const script = `
        const { createPhoneSession } = await import('authing-phone-manager/core');
        const session = createPhoneSession({ connection: { appHost: ${JSON.stringify(running.url)}, accessToken: 'demo-token-phone-email' } });
        const state = await new Promise((resolve, reject) => {
          setTimeout(() => reject(new Error('no profile')), 5000).unref();
          session.subscribe((s) => s.step === 'overview' && resolve(s));
        });
        session.dispose();
        console.log(JSON.stringify(state.account.phone));`;
      const { stdout, stderr } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: root });
      assert.equal(stderr, '');
      assert.deepEqual(JSON.parse(stdout), { phoneNumber: '13800138000', phoneCountryCode: '+86' });
    } finally {
      await running.close();
    }
  });
});
