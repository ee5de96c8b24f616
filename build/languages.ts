// The languages the builds ship: one file each in src/translations, found by reading the folder, so a
// new language is a new file and nothing else (src/localize/load.ts finds the same files with import.meta.glob).
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The language inside every build (src/localize/registry.ts); every other is loaded when a widget shows it. */
export const DEFAULT_LANG = 'zh-CN';

export const TRANSLATIONS_DIR = fileURLToPath(new URL('../src/translations/', import.meta.url));

/** A catalog's file name: a language tag such as en-US. */
const CATALOG_FILE = /^([a-z]{2,3}(?:-[A-Z][a-z]{3})?-[A-Z]{2})\.ts$/;

/** Every shipped language, sorted. */
export const langs = (): string[] =>
  readdirSync(TRANSLATIONS_DIR)
    .map((file) => CATALOG_FILE.exec(file)?.[1])
    .filter((lang): lang is string => !!lang)
    .sort();

/** The languages outside the CDN files: all but {@link DEFAULT_LANG}. */
export const lazyLangs = (): string[] => langs().filter((lang) => lang !== DEFAULT_LANG);

/** Absolute path of a file of this project. */
export const projectFile = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));
