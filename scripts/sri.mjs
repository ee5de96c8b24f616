#!/usr/bin/env node
// The last step of `npm run build`: prints the Subresource Integrity hash of each CDN file, for the
// `integrity` attribute of the README's CDN snippet, and writes them to dist/cdn/sri.json.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';

export const CDN_FILES = ['dist/cdn/authing-phone-manager.iife.js', 'dist/cdn/authing-phone-manager.js'];

/** `sha384-…` of a file's bytes, as browsers check it. */
export const integrityOf = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const hashes = {};
  for (const file of CDN_FILES) hashes[file.replace('dist/cdn/', '')] = integrityOf(await readFile(file));
  await writeFile('dist/cdn/sri.json', `${JSON.stringify(hashes, null, 2)}\n`);
  console.log('\nSubresource Integrity (integrity="…") of the CDN files:');
  for (const [file, hash] of Object.entries(hashes)) console.log(`  ${file}  ${hash}`);
}
