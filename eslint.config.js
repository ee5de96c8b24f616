// Lint: typescript-eslint's recommended rules, Lit's and web components' rules for the element, and the
// layering of architecture.md as import rules: src/core knows nothing of Lit or the DOM, and only
// src/core/api talks HTTP, through ofetch.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

const LIT = { group: ['lit', 'lit/*', '@lit/*'], message: 'src/core is headless: no Lit (see the session in src/core/session.ts).' };
const UI = {
  group: [
    '**/controllers/*',
    '**/templates/*',
    '**/authing-phone-manager*',
    '**/i18n/*',
    '**/localize/*',
    '**/translations/*',
    '**/events*',
  ],
  message: 'src/core knows nothing of the element.',
};
const HTTP = { name: 'fetch', message: 'Only src/core/api talks HTTP, through ofetch.' };
const OFETCH = { group: ['ofetch'], message: 'Only src/core/api talks HTTP.' };
/** What a headless module must not touch: the page. */
const DOM_GLOBALS = [
  'window',
  'document',
  'customElements',
  'HTMLElement',
  'CustomEvent',
  'navigator',
  'localStorage',
  'sessionStorage',
].map((name) => ({
  name,
  message: 'src/core runs without a DOM (Node, a worker, a host’s own UI).',
}));

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '**/node_modules/', 'bench/results/', 'docs/', 'coverage/', 'test/package/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/core/**'],
    ...lit.configs['flat/recommended'],
    ...wc.configs['flat/recommended'],
    plugins: { lit, wc },
    rules: {
      ...lit.configs['flat/recommended'].rules,
      ...wc.configs['flat/recommended'].rules,
      'no-restricted-globals': ['error', HTTP],
      'no-restricted-imports': ['error', { patterns: [OFETCH] }],
    },
  },
  {
    // Controllers hold state and lifecycle; templates render. A controller never reaches up into a template.
    files: ['src/controllers/**/*.ts', 'src/localize/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [OFETCH, { group: ['**/templates/*'], message: 'Templates are the top layer: nothing below imports them.' }] },
      ],
    },
  },
  {
    // The words (the catalogs' shape, the catalogs, the message choice, country names) sit below the
    // code that picks and loads a language (src/localize): a catalog never imports what loads it.
    files: ['src/i18n/**/*.ts', 'src/translations/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            OFETCH,
            { group: ['**/templates/*', '**/controllers/*', '**/localize/*'], message: 'The words are below the code that loads them.' },
            { group: ['lit', 'lit/*', '@lit/*'], message: 'The words know nothing of Lit.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/api/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [LIT, UI, OFETCH] }],
      'no-restricted-globals': ['error', HTTP, ...DOM_GLOBALS],
    },
  },
  {
    files: ['src/core/api/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [LIT, UI] }],
      // ofetch is the transport: no request of our own beside it.
      'no-restricted-globals': ['error', HTTP, ...DOM_GLOBALS],
    },
  },
  {
    files: [
      'emulator/**/*.js',
      'scripts/**/*.mjs',
      'bench/**/*.mjs',
      'test/helpers/*.mjs',
      'test/package/frameworks/*.mjs',
      'test/emulator/*.js',
      'test/package/*.js',
      '*.config.{js,mjs,ts}',
      'build/**/*.{ts,mjs}',
      'demo/**/*.mjs',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Node scripts that drive a browser: the functions they hand to page.evaluate() run in the page.
    files: [
      'bench/lib/*.mjs',
      'demo/**/*.mjs',
      'scripts/screenshots.mjs',
      'scripts/webkit-page.mjs',
      'web-test-runner.config.mjs',
      'examples/**/*.mjs',
    ],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['bench/pages/**/*.js', 'bench/floor-element.js', 'test/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // chai's property assertions (`expect(x).to.be.true`) are expressions.
    files: ['test/**/*.ts', 'test/**/*.js'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
