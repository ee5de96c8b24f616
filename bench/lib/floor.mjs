// Bundles the floor element (bench/floor-element.js) with esbuild, lit inside, minified.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const BENCH = fileURLToPath(new URL('..', import.meta.url));

export async function buildFloorBundle() {
  const result = await build({
    entryPoints: [`${BENCH}floor-element.js`],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  return { code: result.outputFiles[0].text };
}
