// vue/dist/vue.esm-browser.js is Vue with its template compiler, as one ES module: the same API as 'vue'.
declare module 'vue/dist/vue.esm-browser.js' {
  export * from 'vue';
}
