// Module hooks for Node: TypeScript files through esbuild's transform (types stripped, nothing checked:
// `npm run typecheck` does that), import.meta.glob expanded as Vite does.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import { expandImportGlob } from '../../build/import-glob.mjs';

export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    const relative = specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('file:');
    if (relative && specifier.endsWith('.js')) return next(`${specifier.slice(0, -3)}.ts`, context);
    throw error;
  }
}

export async function load(url, context, next) {
  if (!url.endsWith('.ts')) return next(url, context);
  const file = fileURLToPath(url);
  // import.meta.glob as Vite expands it (src/localize/load.ts finds the languages with it).
  const { code } = await transform(expandImportGlob(await readFile(file, 'utf8'), file), {
    loader: 'ts',
    format: 'esm',
    target: 'es2022',
    sourcemap: 'inline',
    sourcefile: file,
  });
  return { format: 'module', source: code, shortCircuit: true };
}
