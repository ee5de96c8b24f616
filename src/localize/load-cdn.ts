// The CDN files' loader (build/cdn.ts swaps it in for load.ts). Each catalog is a small ES module
// beside the CDN file, its name carrying a hash of its bytes, so a CDN file only ever asks for the
// chunks built with it. `import()` works in classic scripts too; the URL is resolved against the
// file's own address, which a classic script knows only while it runs (document.currentScript).
//
// A chunk holds only the catalog's values, in the order of zh-CN's keys (the catalog inside the file):
// `export default ["…", "…", (s) => …]`. With the keys each chunk took 560 to 690 B more gzip, over
// its budget (build/cdn.ts says the figures).
import zhCN from '../translations/zh-CN.js';
import type { Lang, Messages } from '../i18n/messages.js';

/** Each language's chunk file name, written in by the CDN build (one per file in src/translations but zh-CN). */
declare const __TRANSLATION_CHUNKS__: Record<Lang, string>;

export const LAZY_LANGS: Lang[] = Object.keys(__TRANSLATION_CHUNKS__);

const base = (typeof document !== 'undefined' && (document.currentScript as HTMLScriptElement | null)?.src) || import.meta.url;

export async function importTranslation(lang: Lang): Promise<Messages> {
  const { default: values } = (await import(/* @vite-ignore */ new URL(__TRANSLATION_CHUNKS__[lang]!, base).href)) as {
    default: unknown[];
  };
  let next = 0;
  const rebuild = (shape: object): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(shape).map(([key, value]) => [key, typeof value === 'object' ? rebuild(value as object) : values[next++]]),
    );
  const catalog = rebuild(zhCN);
  // A chunk from another build would shift every string: refuse it rather than show the wrong words.
  if (next !== values.length) throw new Error(`${lang}: the chunk does not match this file`);
  return catalog as unknown as Messages;
}
