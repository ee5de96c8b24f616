// import.meta.glob, as Vite defines it (src/localize/load.ts), without the rest of vite/client's globals.
interface ImportMeta {
  glob<T>(patterns: string | string[]): Record<string, () => Promise<T>>;
}
