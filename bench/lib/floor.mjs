// Bundles the floor element (bench/floor-element.js) with esbuild, lit inside, minified, with the
// widget's country list baked in as a constant: the same options, in the same order, the widget
// renders for lang="en-US" (Intl.DisplayNames names, flag emoji, calling code, sorted by name).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const BENCH = fileURLToPath(new URL('..', import.meta.url));

/** The countries of src/core/phone-metadata.ts as the widget lists them. */
export function countryOptions(root) {
  const source = readFileSync(`${root}/src/core/phone-metadata.ts`, 'utf8');
  const metadata = [...source.matchAll(/'([^']*)'/g)].map((m) => m[1]).join('');
  const names = new Intl.DisplayNames(['en-US'], { type: 'region' });
  const flag = (iso) => String.fromCodePoint(...[...iso].map((c) => 0x1f1a5 + c.charCodeAt(0)));
  return metadata
    .split('|')
    .map((entry) => /^([A-Z]{2})(\d+):/.exec(entry))
    .filter(Boolean)
    .map(([, iso, callingCode]) => ({ iso, name: names.of(iso) ?? iso, callingCode }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-US'))
    .map((c) => ({ iso: c.iso, label: `${flag(c.iso)} ${c.name} +${c.callingCode}` }));
}

export async function buildFloorBundle(root) {
  const options = countryOptions(root);
  const result = await build({
    entryPoints: [`${BENCH}floor-element.js`],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    define: { BENCH_COUNTRY_OPTIONS: JSON.stringify(options) },
    logLevel: 'silent',
  });
  return { code: result.outputFiles[0].text, options: options.length };
}
