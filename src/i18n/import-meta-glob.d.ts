// import.meta.glob, as Vite defines it (src/i18n/load.ts), without the rest of vite/client's globals.
interface ImportMeta {
  glob<T>(patterns: string | string[]): Record<string, () => Promise<T>>;
}
