// How the npm build and the sources load a catalog: a dynamic import, which the app's bundler turns into
// a chunk of its own. The CDN build puts load-cdn.ts in this module's place (vite.config.ts).
import type { Lang, Messages } from './messages.js';
import { zhCN } from './zh-CN.js';

// zh-CN is in every build (registry.ts imports it): a dynamic import of it would split nothing, and
// bundlers warn about it.
const LOADERS: Record<Lang, () => Promise<Messages>> = {
  'zh-CN': () => Promise.resolve(zhCN),
  'zh-TW': () => import('./zh-TW.js').then((m) => m.zhTW),
  'en-US': () => import('./en-US.js').then((m) => m.enUS),
  'ja-JP': () => import('./ja-JP.js').then((m) => m.jaJP),
};

export const importTranslation = (lang: Lang): Promise<Messages> => LOADERS[lang]();
