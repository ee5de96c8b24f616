// The editors' files, made from dist/custom-elements.json at build (npm run build):
// - dist/vscode.html-custom-data.json and dist/vscode.css-custom-data.json: VS Code's custom data (the tag,
//   its attributes with their values, the ::part() names and the custom properties);
// - dist/web-types.json: JetBrains IDEs (package.json's `web-types`).
import { readFile, writeFile } from 'node:fs/promises';

const dist = new URL('../dist/', import.meta.url);
const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const manifest = JSON.parse(await readFile(new URL('custom-elements.json', dist), 'utf8'));
const element = manifest.modules.flatMap((module) => module.declarations ?? []).find((declaration) => declaration.customElement);
const definedIn = manifest.modules.find((module) => module.exports?.some((entry) => entry.kind === 'custom-element-definition'));
const docs = pkg.homepage ?? pkg.repository?.url;

/** The values an attribute takes, when its type lists them (`'light' | 'dark' | 'auto'`). */
const valuesOf = (attribute) => {
  const type = attribute.type?.text ?? '';
  const literals = [...type.matchAll(/'([^']*)'/g)].map((match) => match[1]);
  if (literals.length) return literals;
  if (/^boolean/.test(type)) return [];
  return undefined;
};
const isBoolean = (attribute) => /^boolean/.test(attribute.type?.text ?? '');

const htmlData = {
  $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
  version: 1.1,
  tags: [
    {
      name: element.tagName,
      description: element.summary ?? element.description,
      attributes: element.attributes.map((attribute) => {
        const values = valuesOf(attribute);
        return {
          name: attribute.name,
          description: attribute.description,
          ...(isBoolean(attribute) ? { valueSet: 'v' } : values?.length ? { values: values.map((name) => ({ name })) } : {}),
        };
      }),
      ...(docs && { references: [{ name: 'README', url: docs }] }),
    },
  ],
};

const cssData = {
  $schema: 'https://raw.githubusercontent.com/microsoft/vscode-css-languageservice/main/docs/customData.schema.json',
  version: 1.1,
  properties: (element.cssProperties ?? []).map((property) => ({
    name: property.name,
    description: `${property.description}${property.default ? ` Default: ${property.default}.` : ''}`,
  })),
  pseudoElements: (element.cssParts ?? []).map((part) => ({
    name: `::part(${part.name})`,
    description: part.description,
  })),
};

const webTypes = {
  $schema: 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json',
  name: pkg.name,
  version: pkg.version,
  'description-markup': 'markdown',
  'js-types-syntax': 'typescript',
  contributions: {
    html: {
      elements: [
        {
          name: element.tagName,
          description: element.summary ?? element.description,
          ...(docs && { 'doc-url': docs }),
          source: { module: `${pkg.name}/define`, symbol: element.name },
          attributes: element.attributes.map((attribute) => {
            const values = valuesOf(attribute);
            return {
              name: attribute.name,
              description: attribute.description,
              ...(isBoolean(attribute)
                ? { value: { type: 'boolean', required: false } }
                : {
                    value: { type: attribute.type?.text ?? 'string', required: false },
                    ...(values?.length && { values: values.map((name) => ({ name })) }),
                  }),
            };
          }),
          js: {
            properties: element.members
              .filter(
                (member) => member.kind === 'field' && member.privacy !== 'private' && member.privacy !== 'protected' && !member.static,
              )
              .map((member) => ({ name: member.name, description: member.description, type: member.type?.text })),
            events: (element.events ?? []).map((event) => ({ name: event.name, description: event.description, type: event.type?.text })),
          },
          css: {
            parts: (element.cssParts ?? []).map((part) => ({ name: part.name, description: part.description })),
            properties: (element.cssProperties ?? []).map((property) => ({ name: property.name, description: property.description })),
          },
        },
      ],
    },
  },
};

if (!definedIn) throw new Error('custom-elements.json names no module that defines the tag');
await writeFile(new URL('vscode.html-custom-data.json', dist), `${JSON.stringify(htmlData, null, 2)}\n`);
await writeFile(new URL('vscode.css-custom-data.json', dist), `${JSON.stringify(cssData, null, 2)}\n`);
await writeFile(new URL('web-types.json', dist), `${JSON.stringify(webTypes, null, 2)}\n`);
console.log(
  `editor data: ${element.attributes.length} attributes, ${element.cssParts?.length ?? 0} parts, ${element.cssProperties?.length ?? 0} custom properties`,
);
