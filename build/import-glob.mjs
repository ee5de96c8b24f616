// Vite's import.meta.glob (the lazy form: `import.meta.glob(['../dir/*.ts', '!../dir/skip.ts'])`) for the
// places that load src/ without Vite: the browser tests' dev server (web-test-runner.config.mjs) and
// Node's TypeScript hooks (test/helpers/ts-hooks.mjs). Each call becomes the object Vite makes of it:
// `{ '../dir/a.ts': () => import('../dir/a.ts'), … }`, the folder read when the file is served.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

const CALL = /import\.meta\.glob(?:<[^>()]*>)?\(\s*(\[[^\]]*\]|'[^']*'|"[^"]*")\s*\)/g;
const STRING = /'([^']*)'|"([^"]*)"/g;

/** `code` (of the file at `file`, an absolute path) with every import.meta.glob call expanded. */
export function expandImportGlob(code, file) {
  if (!code.includes('import.meta.glob')) return code;
  return code.replace(CALL, (_, list) => {
    const patterns = [...list.matchAll(STRING)].map((m) => m[1] ?? m[2]);
    const skip = new Set(patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1)));
    const paths = patterns
      .filter((p) => !p.startsWith('!'))
      .flatMap((pattern) => {
        const folder = pattern.slice(0, pattern.lastIndexOf('/') + 1);
        const [prefix, suffix] = pattern.slice(folder.length).split('*');
        return readdirSync(join(dirname(file), folder))
          .filter((name) => name.startsWith(prefix) && name.endsWith(suffix ?? '') && (suffix !== undefined || name === prefix))
          .sort()
          .map((name) => folder + name);
      })
      .filter((path) => !skip.has(path));
    return `{${paths.map((path) => `${JSON.stringify(path)}: () => import(${JSON.stringify(path)})`).join(', ')}}`;
  });
}
