// Bytes: the build's outputs as scripts/size.mjs measures them (raw, minified, gzip, brotli), the
// npm entry's import graph, and the peer figures from bench/peers.json.
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';

export const PEERS = JSON.parse(readFileSync(new URL('../peers.json', import.meta.url), 'utf8'));

/** The files a page downloads to show the widget from a CDN; the first is the reference for the ratios. */
export const CDN_FILES = ['dist/cdn/authing-phone-manager.js', 'dist/cdn/authing-phone-manager.iife.js'];
export const NPM_ENTRY = 'dist/define.js';

/** `file` plus every relative module it imports, transitively (static `import … from './x.js'` and `import './x.js'`). */
function importGraph(root, file) {
  const seen = new Set();
  const visit = (rel) => {
    if (seen.has(rel) || !existsSync(join(root, rel))) return;
    seen.add(rel);
    const code = readFileSync(join(root, rel), 'utf8');
    for (const m of code.matchAll(/(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]+from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
      visit(posix.normalize(posix.join(posix.dirname(rel), m[1])));
    }
  };
  visit(file);
  return [...seen];
}

export async function measureBytes(root) {
  const sizeModule = join(root, 'scripts', 'size.mjs');
  if (!existsSync(sizeModule)) throw new Error(`${sizeModule} not found: the bytes section needs scripts/size.mjs (measureOutputs)`);
  const { measureOutputs } = await import(pathToFileURL(sizeModule).href);
  const outputs = (await measureOutputs(root)).map((o) => ({ ...o, file: o.file.split('\\').join('/') }));
  outputs.sort((a, b) => a.file.localeCompare(b.file));
  const byFile = new Map(outputs.map((o) => [o.file, o]));
  const missing = CDN_FILES.filter((f) => !byFile.has(f));
  if (missing.length) throw new Error(`measureOutputs() did not report ${missing.join(', ')}`);

  // What `import 'authing-phone-manager/define'` adds to a bundle (lit stays external).
  const npmFiles = importGraph(root, NPM_ENTRY).filter((f) => byFile.has(f));
  const sum = (key) => npmFiles.reduce((total, f) => total + byFile.get(f)[key], 0);
  const npm = { entry: NPM_ENTRY, files: npmFiles, raw: sum('raw'), min: sum('min'), gzip: sum('gzip'), brotli: sum('brotli') };

  return { outputs, reference: byFile.get(CDN_FILES[0]), iife: byFile.get(CDN_FILES[1]), npm, peers: PEERS };
}
