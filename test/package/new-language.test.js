// A language is one file: a copy of the project's sources and build config in a temporary folder gets
// a scratch src/translations/fr-FR.ts (en-US's catalog with a marker in the title) and nothing else,
// and both builds ship it: the npm build's entry and chunk, and the language's resolution and loading
// through authing-phone-manager/messages; the CDN build's chunk, named in the CDN file.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const MARKER = 'Numéro de téléphone (scratch)';

describe('a new language is one file in src/translations', () => {
  let dir;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'apm-new-language-'));
    for (const path of ['src', 'build', 'emulator', 'vite.config.ts', 'tsconfig.json', 'package.json'])
      await cp(join(root, path), join(dir, path), { recursive: true });
    await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const enUS = await readFile(join(root, 'src/translations/en-US.ts'), 'utf8');
    assert.match(enUS, /title: 'Phone number',/);
    await writeFile(join(dir, 'src/translations/fr-FR.ts'), enUS.replace("title: 'Phone number',", `title: '${MARKER}',`));
    const vite = join(root, 'node_modules/vite/bin/vite.js');
    await run(process.execPath, [vite, 'build', '--logLevel', 'error'], { cwd: dir });
    await run(process.execPath, [vite, 'build', '--mode', 'cdn', '--logLevel', 'error'], { cwd: dir });
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('the npm build has its entry and its own chunk, and the messages entry resolves and loads it', async () => {
    const chunks = await readdir(join(dir, 'dist/chunks'));
    assert.equal(chunks.filter((name) => name.startsWith('authing-phone-manager.fr-FR-')).length, 1, `fr-FR in ${chunks}`);
    const messages = await import(pathToFileURL(join(dir, 'dist/messages.js')).href);
    assert.ok(messages.LANGS.includes('fr-FR'), `${messages.LANGS}`);
    assert.equal(messages.resolveLang('fr-CA'), 'fr-FR', 'fr-* resolves to the one French catalog');
    assert.equal(messages.resolveLang('en-GB'), 'en-US', 'the other languages resolve as before');
    assert.equal(await messages.loadTranslation('fr-FR'), true);
    assert.equal(messages.translationOf('fr-FR').title, MARKER, 'loaded from its chunk, on demand');
    const entry = await import(pathToFileURL(join(dir, 'dist/translations/fr-FR.js')).href);
    assert.equal(entry.default.title, MARKER, 'authing-phone-manager/translations/fr-FR exports the catalog');
  });

  it('the CDN build has its chunk beside the CDN files, named in them, holding its words', async () => {
    const files = await readdir(join(dir, 'dist/cdn'));
    const chunk = files.find((name) => /^authing-phone-manager\.fr-FR\.[\w-]{10}\.js$/.test(name));
    assert.ok(chunk, `a fr-FR chunk in ${files}`);
    for (const file of ['authing-phone-manager.js', 'authing-phone-manager.iife.js'])
      assert.ok((await readFile(join(dir, 'dist/cdn', file), 'utf8')).includes(chunk), `${file} names ${chunk}`);
    const { default: values } = await import(pathToFileURL(join(dir, 'dist/cdn', chunk)).href);
    assert.ok(values.includes(MARKER), 'the chunk holds the catalog');
  });
});
