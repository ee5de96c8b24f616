#!/usr/bin/env node
// The last step of `npm run build`: prints the Subresource Integrity hash of each CDN file and language
// chunk (dist/cdn/*.js), for the `integrity` attribute of a CDN <script> and an import map's `integrity`,
// and writes them to dist/cdn/sri.json.
//
//   node scripts/sri.mjs                   print and write dist/cdn/sri.json
//   node scripts/sri.mjs --update-readme   also put them into the README's CDN snippets (between the
//                                          sri:start and sri:end comments); package.test.js checks they match
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';

/** The two CDN files; every other .js file in dist/cdn is a language chunk they load. */
export const CDN_FILES = ['authing-phone-manager.iife.js', 'authing-phone-manager.js'];
export const CHUNK_FILE = /^authing-phone-manager\.[a-z]{2}-[A-Z]{2}\.[\w-]+\.js$/;

/** `sha384-…` of a file's bytes, as browsers check it. */
export const integrityOf = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

const FILE = String.raw`authing-phone-manager(?:\.iife|\.[a-z]{2}-[A-Z]{2}\.[\w-]+)?\.js`;

/**
 * Each hash of the README's CDN section, as [file, integrity]: the `<script src=".../<file>" integrity="…">`
 * snippets and the import map's `".../<file>": "sha384-…"` entries.
 */
export function readmeIntegrities(readme) {
  const section = readme.slice(readme.indexOf('<!-- sri:start'), readme.indexOf('<!-- sri:end'));
  return [
    ...section.matchAll(new RegExp(String.raw`src="[^"]*\/(${FILE})"\s+integrity="([^"]*)"`, 'g')),
    ...section.matchAll(new RegExp(String.raw`"[^"]*\/(${FILE})":\s*"(sha384-[^"]*)"`, 'g')),
  ].map((m) => [m[1], m[2]]);
}

/** The import map of the README, pinning each chunk's hash, with the CDN folder of the snippets. */
export function importMap(hashes, folder) {
  const chunks = Object.keys(hashes).filter((file) => CHUNK_FILE.test(file));
  const lines = chunks.map((file, i) => `      "${folder}${file}": "${hashes[file]}"${i < chunks.length - 1 ? ',' : ''}`);
  return ['<script type="importmap">', '  {', '    "integrity": {', ...lines, '    }', '  }', '</script>'].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = (await readdir('dist/cdn')).filter((file) => CDN_FILES.includes(file) || CHUNK_FILE.test(file)).sort();
  const hashes = {};
  for (const file of files) hashes[file] = integrityOf(await readFile(`dist/cdn/${file}`));
  await writeFile('dist/cdn/sri.json', `${JSON.stringify(hashes, null, 2)}\n`);
  console.log('\nSubresource Integrity (integrity="…") of the CDN files and language chunks:');
  for (const [file, hash] of Object.entries(hashes)) console.log(`  ${file}  ${hash}`);

  if (process.argv.includes('--update-readme')) {
    const readme = await readFile('README.md', 'utf8');
    const start = readme.indexOf('<!-- sri:start');
    const end = readme.indexOf('<!-- sri:end');
    let section = readme
      .slice(start, end)
      .replace(
        new RegExp(String.raw`(src="([^"]*\/)(${FILE})"\s+integrity=")[^"]*"`, 'g'),
        (_, head, folder, file) => `${head}${hashes[file]}"`,
      );
    const folder = /src="([^"]*\/)authing-phone-manager\.iife\.js"/.exec(section)?.[1] ?? '';
    section = section.replace(/<script type="importmap">[\s\S]*?<\/script>/, importMap(hashes, folder));
    await writeFile('README.md', readme.slice(0, start) + section + readme.slice(end));
    console.log('README.md: CDN snippets updated.');
  }
}
