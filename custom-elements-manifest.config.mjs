// `cem analyze` (npm run build): dist/custom-elements.json from the element's JSDoc (@fires, @csspart,
// @cssprop) and its Lit properties. scripts/editor-data.mjs then makes the editors' files from it.

/** The published module that holds what a source module declares (the npm build bundles src/). */
const PUBLISHED = 'dist/index.js';
/** The published module that registers the tag. */
const DEFINES = 'dist/define.js';

export default {
  globs: ['src/authing-phone-manager.ts', 'src/events.ts'],
  outdir: 'dist',
  litelement: true,
  plugins: [
    {
      // The analyzer also lists each `dispatchEvent(new XEvent())` it sees, without a name; the @fires
      // tags already describe every event, with its name and detail.
      name: 'drop-unnamed-events',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
          }
        }
      },
    },
    {
      // Tools resolve the manifest's paths in the package: name the JavaScript modules it ships, not
      // src/*.ts (which it does not), in one module (both sources end up in dist/index.js), and the
      // module that defines the tag.
      name: 'published-modules',
      packageLinkPhase({ customElementsManifest }) {
        const modules = customElementsManifest.modules;
        const merged = { kind: 'javascript-module', path: PUBLISHED, declarations: [], exports: [] };
        for (const module of modules) {
          merged.declarations.push(...(module.declarations ?? []));
          merged.exports.push(...(module.exports ?? []).filter((entry) => entry.kind === 'js'));
        }
        const relink = (value) => {
          if (Array.isArray(value)) value.forEach(relink);
          else if (value && typeof value === 'object') {
            if (typeof value.module === 'string' && value.module.startsWith('src/')) value.module = PUBLISHED;
            Object.values(value).forEach(relink);
          }
        };
        relink(merged);
        for (const entry of merged.exports) entry.declaration.module = PUBLISHED;
        const element = merged.declarations.find((declaration) => declaration.tagName === 'authing-phone-manager');
        // The kebab-case spelling the element also observes (attributeChangedCallback, not a Lit property).
        const poolId = element.attributes.findIndex((attribute) => attribute.name === 'userpool-id');
        element.attributes.splice(poolId + 1, 0, {
          ...element.attributes[poolId],
          name: 'user-pool-id',
          description: 'The same as `userpool-id`, spelled in kebab-case like the other attributes.',
        });
        const defines = {
          kind: 'javascript-module',
          path: DEFINES,
          declarations: [],
          exports: [
            { kind: 'custom-element-definition', name: element.tagName, declaration: { name: element.name, module: PUBLISHED } },
            { kind: 'js', name: '*', declaration: { name: '*', module: PUBLISHED } },
          ],
        };
        modules.splice(0, modules.length, merged, defines);
      },
    },
  ],
};
