// How the npm build and the sources load a catalog: a dynamic import, which the app's bundler turns into
// a chunk of its own. The CDN build puts load-cdn.ts in this module's place (vite.config.ts).
import type { Lang, Messages } from './messages.js';

const LOADERS: Record<Lang, () => Promise<Messages>> = {
  'zh-CN': () => import('./zh-CN.js').then((m) => m.zhCN),
  'zh-TW': () => import('./zh-TW.js').then((m) => m.zhTW),
  'en-US': () => import('./en-US.js').then((m) => m.enUS),
  'ja-JP': () => import('./ja-JP.js').then((m) => m.jaJP),
};

export const importTranslation = (lang: Lang): Promise<Messages> => LOADERS[lang]();
