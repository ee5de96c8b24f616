// Vite config for the whole project; each concern lives in build/:
//
//   npm start (vite)        the demo in demo/, with an Authing emulator on its own port (build/demo-server.ts,
//                           build/react18.ts)
//   vite build              the npm build: ES modules in dist/, lit, @lit/* and react left to the user's bundler
//                           (build/npm.ts)
//   vite build --mode cdn   the two single-file CDN builds in dist/cdn/, everything inside, and a chunk per
//                           language beside them (build/cdn.ts)
//
// The languages are the files of src/translations (build/languages.ts). Type declarations come from tsc
// (tsconfig.build.json) and the manifest from the CEM analyzer: see package.json's build script.
//
// TypeScript: Vite 8 (Oxc) reads tsconfig.json by itself, so `experimentalDecorators` and
// `useDefineForClassFields: false` apply to src/ without anything here.
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';
import { cdnBuild } from './build/cdn.ts';
import { cdnFilesPlugin, emulatorPlugin } from './build/demo-server.ts';
import { npmBuild } from './build/npm.ts';
import { react18Plugin } from './build/react18.ts';

export type { DemoConfig } from './build/demo-server.ts';

export default defineConfig(({ command, mode }): UserConfig | Promise<UserConfig> => {
  if (command === 'serve') {
    // The demo: demo/index.html is served at "/". It imports ../src directly (Vite allows files up to
    // the project root), so edits to the element reload the page.
    return {
      root: fileURLToPath(new URL('./demo', import.meta.url)), // absolute: works from any cwd
      clearScreen: false,
      server: {
        host: '127.0.0.1',
        port: 5173,
        strictPort: false,
      },
      plugins: [emulatorPlugin(), cdnFilesPlugin(), react18Plugin()],
    };
  }

  return mode === 'cdn' ? cdnBuild() : npmBuild();
});
