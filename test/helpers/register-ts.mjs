// `node --import ./test/helpers/register-ts.mjs --test …`: runs the core's TypeScript tests in Node
// without a build, the way the browser tests run it through esbuild. Imports say `.js` (as in src/);
// a missing `.js` is looked up as `.ts`.
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
