// Issue 3: what `npm pack` publishes. Runs against the build in dist/ (scripts/test.mjs builds first).
// - the tarball holds exactly what users need, and every path package.json names is in it;
// - the declarations are complete: a user's TypeScript file compiles against them through `exports`;
// - the manifest describes the element;
// - server-side rendering safety: every npm entry imports in plain Node without throwing;
// - issue 15: the Authing emulator ships (authing-phone-manager/emulator, /emulator/client, /testing and
//   the bin), never inside the element's bundles; installed from the packed tarball into an empty
//   project, its bin starts, answers like Authing, and passes the official SDK test.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LANG, langs, lazyLangs } from '../../build/languages.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
/** The languages, as one alternation for the patterns below: every file of src/translations. */
const LANG = `(${langs().join('|')})`;
const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));

/** What a user needs, as patterns over the tarball's paths; anything else in it is a defect. */
const ALLOWED = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^CHANGELOG\.md$/,
  /^dist\/(index|define|react|core|messages)\.js$/,
  new RegExp(String.raw`^dist\/chunks\/authing-phone-manager(\.${LANG})?-[\w-]+\.js$`),
  new RegExp(String.raw`^dist\/cdn\/authing-phone-manager(\.iife|\.${LANG}\.[\w-]{10})?\.js$`),
  new RegExp(String.raw`^dist\/translations\/${LANG}\.js$`),
  /^dist\/cdn\/sri\.json$/,
  /^dist\/custom-elements\.json$/,
  /^dist\/(vscode\.(html|css)-custom-data|web-types)\.json$/,
  /^dist\/([\w-]+\/)*[\w.-]+\.d\.ts$/,
  /^emulator\/[\w-]+\.(js|d\.ts)$/,
  /^emulator\/README\.md$/,
];
const REQUIRED = [
  'package.json',
  'README.md',
  'LICENSE',
  'CHANGELOG.md',
  'dist/index.js',
  'dist/index.d.ts',
  'dist/define.js',
  'dist/define.d.ts',
  'dist/react.js',
  'dist/react.d.ts',
  'dist/core.js',
  'dist/core/index.d.ts',
  'dist/messages.js',
  'dist/messages.d.ts',
  'dist/jsx.d.ts',
  'dist/events.d.ts',
  'dist/cdn/authing-phone-manager.js',
  'dist/cdn/authing-phone-manager.iife.js',
  ...langs().flatMap((lang) => [`dist/translations/${lang}.js`, `dist/translations/${lang}.d.ts`]),
  'dist/custom-elements.json',
  ...['index', 'state', 'authing-api', 'control', 'messages', 'cli', 'client', 'testing'].map((name) => `emulator/${name}.js`),
  'emulator/index.d.ts',
  'emulator/client.d.ts',
  'emulator/testing.d.ts',
  'emulator/README.md',
];

/** Every path string anywhere inside package.json's `exports` (conditions and subpaths). */
const exportTargets = (value) => (typeof value === 'string' ? [value] : Object.values(value ?? {}).flatMap(exportTargets));
const clean = (path) => path.replace(/^\.\//, '');
const globToRegExp = (glob) =>
  new RegExp(
    `^${clean(glob)
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '[^/]*')}$`,
  );

let files;
before(async () => {
  const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root });
  files = JSON.parse(stdout)[0]
    .files.map((file) => file.path)
    .sort();
});

describe('npm pack', () => {
  it('holds only what users need', () => {
    const extra = files.filter((path) => !ALLOWED.some((pattern) => pattern.test(path)));
    assert.deepEqual(extra, [], 'files in the tarball that users do not need');
  });

  it('holds everything users need', () => {
    assert.deepEqual(
      REQUIRED.filter((path) => !files.includes(path)),
      [],
      'missing from the tarball',
    );
    assert.ok(
      files.some((path) => path.startsWith('dist/chunks/')),
      'the shared chunk the npm entries import',
    );
  });

  it('holds every path package.json names', () => {
    const named = [pkg.main, pkg.module, pkg.types, pkg.unpkg, pkg.jsdelivr, pkg.customElements, ...exportTargets(pkg.exports)];
    assert.equal(named.filter((path) => path === undefined).length, 0, 'main, module, types, unpkg, jsdelivr, customElements');
    assert.deepEqual(
      named
        .map(clean)
        .filter((path) => (path.includes('*') ? !files.some((file) => globToRegExp(path).test(file)) : !files.includes(path))),
      [],
    );
    for (const glob of pkg.sideEffects) {
      assert.ok(
        files.some((path) => globToRegExp(glob).test(path)),
        `sideEffects entry ${glob} matches a file`,
      );
    }
    assert.equal(Object.keys(pkg.exports)[0], '.', 'the main export comes first');
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      if (typeof target === 'object') assert.equal(Object.keys(target)[0], 'types', `${subpath}: types condition first`);
    }
  });

  it("holds the emulator's bin, a node script", async () => {
    assert.deepEqual(Object.keys(pkg.bin), ['authing-phone-manager-emulator']);
    const bin = clean(pkg.bin['authing-phone-manager-emulator']);
    assert.ok(files.includes(bin), `${bin} is packed`);
    assert.match(await readFile(new URL(`../../${bin}`, import.meta.url), 'utf8'), /^#!\/usr\/bin\/env node\n/);
  });

  it('has declarations for every module the declarations import', async () => {
    const declarations = files.filter((path) => path.endsWith('.d.ts'));
    for (const path of declarations) {
      const text = await readFile(new URL(`../../${path}`, import.meta.url), 'utf8');
      for (const [, specifier] of text.matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)) {
        const target = new URL(`${specifier}.d.ts`, new URL(`../../${path}`, import.meta.url));
        const relativeTarget = clean(fileURLToPath(target).slice(root.length));
        assert.ok(files.includes(relativeTarget), `${path} imports ${specifier}.js: ${relativeTarget} is packed`);
      }
    }
  });

  it("leaves lit, @lit/task, ofetch and react to the user's bundler in the npm build, and imports the named stack", async () => {
    const entries = files.filter((path) => /^dist\/(chunks\/)?[\w-]+\.js$/.test(path));
    const imported = new Set();
    for (const path of entries) {
      const text = await readFile(new URL(`../../${path}`, import.meta.url), 'utf8');
      assert.doesNotMatch(
        text,
        /class ReactiveElement|function destr\(|class Task\b|function createFetch\(/,
        `${path} bundles no dependency`,
      );
      for (const [, name] of text.matchAll(/from ["']([^"'.][^"']*)["']/g)) imported.add(name);
    }
    for (const name of ['lit', '@lit/task', 'ofetch']) assert.ok(imported.has(name), `the npm build imports ${name}`);
    for (const name of ['lit', '@lit/task', 'ofetch', '@lit/react']) {
      assert.ok(pkg.dependencies[name], `${name} is a dependency`);
    }
    assert.equal(pkg.peerDependenciesMeta.react.optional, true, 'react is an optional peer');
  });
});

describe("the element's bundles", () => {
  it('the CDN files carry the named stack inside: lit, @lit/task and ofetch', async () => {
    for (const file of ['authing-phone-manager.js', 'authing-phone-manager.iife.js']) {
      const text = await readFile(new URL(`../../dist/cdn/${file}`, import.meta.url), 'utf8');
      assert.match(text, /litPropertyMetadata/, `${file}: lit`);
      assert.match(text, /taskComplete/, `${file}: @lit/task`);
      assert.match(text, /\[ofetch\]|"FetchError"|`FetchError`/, `${file}: ofetch`);
      assert.doesNotMatch(text, /\bfetch\(`\$\{/, `${file}: no request of our own beside ofetch`);
    }
  });

  it('hold no emulator code (dist/*.js, dist/chunks, dist/cdn)', async () => {
    const bundles = files.filter((path) => /^dist\/.*\.js$/.test(path));
    assert.ok(bundles.length >= 5, `bundles: ${bundles.join(', ')}`);
    for (const path of bundles) {
      const text = await readFile(new URL(`../../${path}`, import.meta.url), 'utf8');
      for (const marker of ['__emulator', 'EmulatorState', 'createEmulatorClient', 'authing-emulator', 'node:http']) {
        assert.ok(!text.includes(marker), `${path} contains "${marker}"`);
      }
    }
  });
});

describe('the CDN language chunks (issue 14)', () => {
  /** What a catalog says, as data: its strings, and what each function returns for sample arguments. */
  const said = (catalog) =>
    JSON.parse(
      JSON.stringify(catalog, (_, value) => (typeof value === 'function' ? [value(6), value(undefined), value('138****0000')] : value)),
    );

  it('each holds its catalog: rebuilt the way the CDN file does, it says what the source says, and nothing else', async () => {
    const { catalog } = await import('../../src/localize/index.js');
    const { CHUNK_FILE } = await import('../../scripts/sri.mjs');
    const chunks = (await readdir(new URL('../../dist/cdn/', import.meta.url))).filter((file) => CHUNK_FILE.test(file)).sort();
    assert.deepEqual(
      chunks.map((file) => file.split('.')[1]),
      lazyLangs(),
      `one chunk per language but ${DEFAULT_LANG}, which is inside the CDN files`,
    );
    for (const file of chunks) {
      const lang = file.split('.')[1];
      const { default: values } = await import(new URL(`../../dist/cdn/${file}`, import.meta.url).href);
      let next = 0;
      const rebuild = (shape) =>
        Object.fromEntries(Object.entries(shape).map(([key, value]) => [key, typeof value === 'object' ? rebuild(value) : values[next++]]));
      const rebuilt = rebuild(catalog(DEFAULT_LANG));
      assert.equal(next, values.length, `${file}: one value per key`);
      assert.deepEqual(said(rebuilt), said(catalog(lang)), `${file} says what src/translations/${lang}.ts says`);
    }
  });

  it("each chunk's name carries the start of its SRI hash, and sri.json lists every CDN file and chunk", async () => {
    const { CDN_FILES, CHUNK_FILE, integrityOf } = await import('../../scripts/sri.mjs');
    const built = JSON.parse(await readFile(new URL('../../dist/cdn/sri.json', import.meta.url), 'utf8'));
    const onDisk = (await readdir(new URL('../../dist/cdn/', import.meta.url))).filter((file) => file.endsWith('.js')).sort();
    assert.deepEqual(Object.keys(built).sort(), onDisk);
    for (const file of onDisk) {
      const integrity = integrityOf(await readFile(new URL(`../../dist/cdn/${file}`, import.meta.url)));
      assert.equal(built[file], integrity, `sri.json: ${file}`);
      if (CDN_FILES.includes(file)) continue;
      assert.match(file, CHUNK_FILE);
      const named = file.split('.')[2];
      assert.equal(named, integrity.slice(7, 17).replace(/\+/g, '-').replace(/\//g, '_'), `${file}: its name is its hash`);
      for (const main of CDN_FILES) {
        const code = await readFile(new URL(`../../dist/cdn/${main}`, import.meta.url), 'utf8');
        assert.ok(code.includes(file), `${main} names ${file}`);
      }
    }
  });
});

describe('README', () => {
  it('shows the SRI hashes of this build in its CDN snippets (node scripts/sri.mjs --update-readme)', async () => {
    const { readmeIntegrities } = await import('../../scripts/sri.mjs');
    const built = JSON.parse(await readFile(new URL('../../dist/cdn/sri.json', import.meta.url), 'utf8'));
    const shown = readmeIntegrities(await readFile(new URL('../../README.md', import.meta.url), 'utf8'));
    assert.deepEqual(shown.map(([file]) => file).sort(), Object.keys(built).sort(), 'a snippet for each CDN file');
    for (const [file, integrity] of shown) assert.equal(integrity, built[file], `README's integrity of ${file}`);
  });
});

describe('types', () => {
  const tsc = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));
  for (const [fixture, what] of [
    ['consumer', 'a TypeScript user compiles against the published declarations (resolved through exports)'],
    ['consumer-emulator', "a host's Node test code compiles against the emulator's declarations (emulator, emulator/client, testing)"],
  ]) {
    it(what, async () => {
      const project = fileURLToPath(new URL(`./fixtures/${fixture}/tsconfig.json`, import.meta.url));
      await assert.doesNotReject(run(process.execPath, [tsc, '-p', project], { cwd: root }), 'tsc reports no error');
    });
  }
});

describe('custom-elements.json', () => {
  it('describes attributes, properties, events with their detail, CSS parts and custom properties', async () => {
    const manifest = JSON.parse(await readFile(new URL('../../dist/custom-elements.json', import.meta.url), 'utf8'));
    const element = manifest.modules.flatMap((module) => module.declarations ?? []).find((d) => d.customElement);
    assert.equal(element.tagName, 'authing-phone-manager');
    const attributes = element.attributes.map((attribute) => attribute.name);
    for (const name of [
      'app-host',
      'access-token',
      'app-id',
      'lang',
      'skip-old-phone-verification',
      'code-length',
      'default-country',
      'countries',
      'theme',
      'timeout',
      'heading-level',
      'offer-recovery',
    ]) {
      assert.ok(attributes.includes(name), `attribute ${name}`);
    }
    // The JSX typings (src/props.ts) take a declared attribute to be its property's name in kebab-case.
    const kebab = (name) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
    for (const { name, fieldName } of element.attributes) {
      assert.ok([kebab(fieldName), fieldName.toLowerCase(), 'userpool-id'].includes(name), `attribute ${name} of ${fieldName}`);
    }
    const properties = element.members
      .filter((member) => member.kind === 'field' && member.privacy !== 'private')
      .map((member) => member.name);
    for (const name of ['appHost', 'accessToken', 'messages', 'countries']) assert.ok(properties.includes(name), `property ${name}`);
    assert.deepEqual(element.events.map((event) => event.name).sort(), [
      'authing-code-sent',
      'authing-error',
      'authing-phone-bound',
      'authing-phone-changed',
      'authing-phone-unbound',
      'authing-profile-loaded',
      'authing-recovery-requested',
    ]);
    for (const event of element.events) {
      assert.match(event.type.text, /^Authing\w+Event$/, `${event.name} has its event class`);
      assert.match(event.description, /detail: `\{ .+ \}`/, `${event.name} documents its detail`);
    }
    assert.ok(element.cssParts.length >= 18, 'every part');
    assert.ok(
      element.cssProperties.every((property) => property.name.startsWith('--authing-') && property.default),
      'custom properties with defaults',
    );
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

  it('importing authing-phone-manager/translations/<lang> (each language) and /messages in plain Node throws nothing', async () => {
    const script = `for (const lang of ${JSON.stringify(langs())}) await import('authing-phone-manager/translations/' + lang); await import('authing-phone-manager/messages');`;
    const { stderr } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: root });
    assert.equal(stderr, '');
  });

  it('authing-phone-manager/core runs a session in plain Node: it loads a profile from the emulator', async () => {
    const { startEmulator } = await import('../../emulator/index.js');
    const running = await startEmulator({ port: 0 });
    try {
      const script = `
        const { createPhoneSession } = await import('authing-phone-manager/core');
        const session = createPhoneSession({ connection: { appHost: ${JSON.stringify(running.url)}, accessToken: 'demo-token-phone-email', appId: 'app-1' } });
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

describe('the emulator, installed from the packed tarball', () => {
  /** A project of a host's own: an empty folder with the tarball installed. */
  let project = '';
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let bin;
  let url = '';

  before(async () => {
    project = await mkdtemp(join(tmpdir(), 'authing-phone-manager-install-'));
    // The build is there already (scripts/test.mjs builds first): pack what is in dist/.
    await run('npm', ['pack', '--ignore-scripts', '--pack-destination', project], { cwd: root });
    const tarball = (await readdir(project)).find((name) => name.endsWith('.tgz'));
    assert.ok(tarball, 'npm pack wrote a tarball');
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'host-app', private: true, type: 'module' }));
    // Its dependencies (lit, …) come from the npm cache when they are in it.
    await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', `./${tarball}`], { cwd: project });

    // As a host runs it: npx, any free port. Its own process group, so stopping npx stops node too.
    bin = spawn('npx', ['authing-phone-manager-emulator', '--port', '0', '--quiet'], {
      cwd: project,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the bin printed no URL in 30 s:\n${output}`)), 30000);
      const read = (/** @type {Buffer} */ chunk) => {
        output += chunk;
        const found = /listening on (http:\/\/\S+)/.exec(output);
        if (found) {
          clearTimeout(timer);
          resolve(found[1]);
        }
      };
      bin?.stdout?.on('data', read);
      bin?.stderr?.on('data', read);
      bin?.on('exit', (code) => reject(new Error(`the bin exited (${code}):\n${output}`)));
    });
  });

  after(async () => {
    if (bin?.pid && bin.exitCode === null) {
      const exited = new Promise((resolve) => bin?.once('exit', resolve));
      process.kill(-bin.pid, 'SIGTERM');
      await exited;
    }
    if (project) await rm(project, { recursive: true, force: true });
  });

  it('npx authing-phone-manager-emulator --port 0 prints a URL that answers GET /api/v3/get-profile like Authing', async () => {
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const noId = await (await fetch(`${url}/api/v3/get-profile`)).json();
    assert.deepEqual([noId.statusCode, noId.apiCode], [400, undefined], 'an app or pool id is required');
    const anonymous = await fetch(`${url}/api/v3/get-profile`, { headers: { 'x-authing-app-id': 'app-1' } });
    assert.equal(anonymous.status, 200, 'HTTP 200 for business errors too');
    assert.match(anonymous.headers.get('content-type') ?? '', /^application\/json/);
    const refused = await anonymous.json();
    assert.deepEqual(Object.keys(refused), ['statusCode', 'message', 'apiCode', 'requestId']);
    assert.deepEqual([refused.statusCode, refused.apiCode, refused.message], [401, 2020, '尚未登录，无权限访问此请求']);
    const signedIn = await (
      await fetch(`${url}/api/v3/get-profile?withIdentities=true`, {
        headers: { authorization: 'Bearer demo-token-phone-email', 'x-authing-app-id': 'app-1' },
      })
    ).json();
    assert.deepEqual(Object.keys(signedIn), ['statusCode', 'message', 'requestId', 'data']);
    assert.deepEqual(
      [signedIn.statusCode, signedIn.message, signedIn.data.userId, signedIn.data.phone],
      [200, '操作成功', 'u-phone-email', '13800138000'],
    );
  });

  it('the official SDK test (test/emulator/emulator-sdk.test.js) passes against it', async () => {
    const env = { ...process.env, AUTHING_EMULATOR_URL: url };
    delete env.NODE_TEST_CONTEXT; // a test run of its own, not a child of this one
    const sdkTest = fileURLToPath(new URL('../emulator/emulator-sdk.test.js', import.meta.url));
    const { stdout } = await run(process.execPath, ['--test', '--test-reporter=tap', sdkTest], { cwd: root, env }).catch((error) => {
      assert.fail(`the SDK test failed against the installed emulator:\n${error.stdout}${error.stderr}`);
    });
    const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(stdout)?.[1]);
    assert.ok(count('pass') >= 7, `SDK tests passed: ${count('pass')}`);
    assert.equal(count('fail'), 0);
  });

  it('the installed subpaths import, and the testing helper works without playwright-core installed', async () => {
    const script = `
      import { startEmulator, createEmulatorClient as fromMain } from 'authing-phone-manager/emulator';
      import { createEmulatorClient } from 'authing-phone-manager/emulator/client';
      import { startAuthingEmulator } from 'authing-phone-manager/testing';
      if (fromMain !== createEmulatorClient) throw new Error('two clients');
      const authing = await startAuthingEmulator({ codes: '135790' });
      const token = await authing.signIn();
      const sent = await fetch(authing.url + '/api/v3/send-sms', { method: 'POST', headers: { authorization: token, 'x-authing-app-id': 'app-1' }, body: JSON.stringify({ channel: 'CHANNEL_BIND_PHONE', phoneNumber: '13812345678' }) });
      if ((await sent.json()).statusCode !== 200) throw new Error('send-sms failed');
      const code = await authing.phone('13812345678').readCode();
      await authing.close();
      console.log(typeof startEmulator, code);
    `;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: project });
    assert.equal(stdout.trim(), 'function 135790');
    await assert.rejects(
      run(process.execPath, ['-e', "require.resolve('playwright-core')"], { cwd: project }),
      'playwright-core is not installed there',
    );
  });
});
