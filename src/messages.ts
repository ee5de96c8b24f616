// `authing-phone-manager/messages`: the words, for a host that draws its own UI on the headless core
// (authing-phone-manager/core). messageOf() says a flow error as the widget says it; the catalogs are
// zh-CN here and each other language at authing-phone-manager/translations/<lang> (its default export),
// or loaded on demand with loadTranslation(). Nothing here touches the DOM.
export { messageOf, sentences } from './i18n/message-choice.js';
export { DEFAULT_LANG, LANGS, loadTranslation, resolveLang, translationOf } from './localize/registry.js';
export { default as zhCN } from './translations/zh-CN.js';
export type { CodeThen, Lang, Messages } from './i18n/messages.js';
