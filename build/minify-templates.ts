// Minifies the static text of the html`…` and css`…` templates of src/ (Vite's minifier leaves template
// text alone), with minify-literals: html-minifier-next for the markup, Lightning CSS for the styles.
//
// White space between block tags goes, and so do a template's edges: no template may start or end with
// a space it needs (the request id's space comes from the catalog). That keeps the DOM free of
// white-space text nodes, which cost every render. Classic CDN file, gzip -9: 36,688 B so, 36,711 B with
// conservativeCollapse (a space kept for every run); the hand-written minifiers this replaced: 36,765 B.
//
// minify-literals 2.x (and html-minifier-next 8) declare Node >= 22 and run here on Node 20: npm ci warns
// (EBADENGINE), the build works. Its last line for Node 20, 1.0.10 (html-minifier-terser, clean-css), made
// the classic file 165 B larger (37,059 against 36,894 B).
import { minifyHTMLLiterals } from 'minify-literals';
import type { Plugin } from 'vite';

export function minifyTemplates(): Plugin {
  return {
    name: 'authing-phone-manager:minify-templates',
    enforce: 'pre',
    transform: {
      filter: { id: /\/src\/.*\.ts$/ },
      handler(code, id) {
        if (!code.includes('html`') && !code.includes('css`')) return null;
        return minifyHTMLLiterals(code, { fileName: id, sourceMap: false });
      },
    },
  };
}
