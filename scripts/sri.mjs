#!/usr/bin/env node
// The last step of `npm run build`: prints the Subresource Integrity hash of each CDN file, for the
// `integrity` attribute of a CDN <script>, and writes them to dist/cdn/sri.json.
//
//   node scripts/sri.mjs                   print and write dist/cdn/sri.json
//   node scripts/sri.mjs --update-readme   also put them into the README's CDN snippets (between the
//                                          sri:start and sri:end comments); package.test.js checks they match
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';

export const CDN_FILES = ['authing-phone-manager.iife.js', 'authing-phone-manager.js'];

/** `sha384-…` of a file's bytes, as browsers check it. */
export const integrityOf = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** Each `<script src=".../<file>" integrity="…">` of the README's CDN section, as [file, integrity]. */
export function readmeIntegrities(readme) {
  const section = readme.slice(readme.indexOf('<!-- sri:start'), readme.indexOf('<!-- sri:end'));
  return [...section.matchAll(/src="[^"]*\/(authing-phone-manager(?:\.iife)?\.js)"\s+integrity="([^"]*)"/g)].map((m) => [m[1], m[2]]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const hashes = {};
  for (const file of CDN_FILES) hashes[file] = integrityOf(await readFile(`dist/cdn/${file}`));
  await writeFile('dist/cdn/sri.json', `${JSON.stringify(hashes, null, 2)}\n`);
  console.log('\nSubresource Integrity (integrity="…") of the CDN files:');
  for (const [file, hash] of Object.entries(hashes)) console.log(`  ${file}  ${hash}`);

  if (process.argv.includes('--update-readme')) {
    const readme = await readFile('README.md', 'utf8');
    const start = readme.indexOf('<!-- sri:start');
    const end = readme.indexOf('<!-- sri:end');
    const section = readme
      .slice(start, end)
      .replace(/(src="[^"]*\/(authing-phone-manager(?:\.iife)?\.js)"\s+integrity=")[^"]*"/g, (_, head, file) => `${head}${hashes[file]}"`);
    await writeFile('README.md', readme.slice(0, start) + section + readme.slice(end));
    console.log('README.md: CDN snippets updated.');
  }
}
