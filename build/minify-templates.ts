// Minifies the static text of the html`…` and css`…` templates of src/ (Vite's minifier leaves template
// text alone), with minify-literals: html-minifier-next for the markup, Lightning CSS for the styles.
//
// conservativeCollapse: a run of white space becomes one space, never none. Without it the minifier
// trims the edges of every template, and a template's leading space can be content (the alert's
// ` <span>` request id). Classic CDN file, gzip -9: 36,688 B without, 36,711 B with; the hand-written
// minifiers this replaced gave 36,765 B.
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
        return minifyHTMLLiterals(code, { fileName: id, sourceMap: false, html: { conservativeCollapse: true } });
      },
    },
  };
}
