// `cem analyze` (npm run build): dist/custom-elements.json from the element's JSDoc (@fires, @csspart,
// @cssprop) and its Lit properties.
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
  ],
};
