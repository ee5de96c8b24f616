// Minifies the static text of the css`…` and html`…` templates of src/: Vite's minifier leaves template text alone.
import ts from 'typescript';
import type { Plugin } from 'vite';

/** Both template minifiers, for the npm and CDN builds. */
export const templateMinifiers = (): Plugin[] => [minifyCssTemplates(), minifyHtmlTemplates()];

/**
 * Collapses the whitespace and comments inside the css`…` templates of src/: the minifier leaves
 * template text alone. Only the static parts change, never a `${…}` expression, and html`…` templates
 * are not touched (there, whitespace can be content). Assumes no quoted CSS string holds whitespace or
 * `{};,:` next to a space (none does).
 */
function minifyCssTemplates(): Plugin {
  const minify = (text: string) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/ ?([{};,]) ?/g, '$1')
      .replace(/: /g, ':')
      .replace(/;}/g, '}');
  return {
    name: 'authing-phone-manager:minify-css-templates',
    enforce: 'pre',
    transform: {
      filter: { id: /\/src\/.*\.ts$/ },
      handler(code) {
        if (!code.includes('css`')) return null;
        const out = code.replace(
          /\bcss`([^`]*)`/g,
          (_, body: string) =>
            `css\`${body
              .split(/(\$\{[^}]*\})/)
              .map((part, i) => (i % 2 ? part : minify(part)))
              .join('')
              .trim()}\``,
        );
        return { code: out, map: null };
      },
    },
  };
}

/**
 * Collapses each run of whitespace that holds a line break, in the static text of the html`…` templates
 * of src/, to one space: the indentation of the source. One space renders as the run did (no template
 * sits in a `pre` or `white-space: pre` box); `${…}` expressions are not touched. A run right beside a
 * block element's tag (div, p, section, form, ul, li: none is made inline by the styles) goes entirely:
 * a space at the start or end of a line, or between blocks, never renders, and every instance would
 * carry it as a text node. The templates are found by TypeScript's parser, not a regular expression,
 * since they nest.
 */
const BLOCK_TAG_END = /<\/?(div|p|section|form|ul|li)\b[^<>]*>$/;
const BLOCK_TAG_START = /^<\/?(div|p|section|form|ul|li)\b/;

function minifyHtmlTemplates(): Plugin {
  return {
    name: 'authing-phone-manager:minify-html-templates',
    enforce: 'pre',
    transform: {
      filter: { id: /\/src\/.*\.ts$/ },
      handler(code, id) {
        if (!code.includes('html`')) return null;
        const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
        const edits: Array<{ start: number; end: number; text: string }> = [];
        const visit = (node: ts.Node): void => {
          if (ts.isTaggedTemplateExpression(node) && node.tag.getText(source) === 'html') {
            const template = node.template;
            const parts = ts.isNoSubstitutionTemplateLiteral(template)
              ? [template]
              : [template.head, ...template.templateSpans.map((span) => span.literal)];
            // The template's text so far, an expression standing as `${}`: a tag may open in an earlier part.
            let before = '';
            for (const part of parts) {
              // Inside the delimiters: ` or } before, ` or ${ after.
              const start = part.getStart(source) + 1;
              const end = part.getEnd() - (ts.isTemplateHead(part) || ts.isTemplateMiddle(part) ? 2 : 1);
              const original = code.slice(start, end);
              const text = original.replace(/\s*\n\s*/g, (run: string, at: number) =>
                BLOCK_TAG_END.test(before + original.slice(0, at)) || BLOCK_TAG_START.test(original.slice(at + run.length)) ? '' : ' ',
              );
              if (text !== original) edits.push({ start, end, text });
              before += `${original}\${}`;
            }
          }
          ts.forEachChild(node, visit);
        };
        visit(source);
        let out = code;
        for (const { start, end, text } of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, start) + text + out.slice(end);
        return { code: out, map: null };
      },
    },
  };
}
