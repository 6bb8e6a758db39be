import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** The JSON Schema of scenario files, as `npm run schema` writes it (renderer/src/model/schemaJson.ts). */
export const SCHEMA_SOURCE = fileURLToPath(new URL('../assets/scenarios/schema/scenario.schema.json', import.meta.url));
/** Where the web build puts it, so it can be downloaded next to the app (docs/authoring.md). */
export const SCHEMA_ASSET = 'scenario.schema.json';

/**
 * Ships the scenario JSON Schema with the renderer: `dist/renderer/scenario.schema.json` in a build, and the same
 * address from the dev server, so an author can download it and point `$schema` at it for editor autocomplete.
 */
export function schemaAssetPlugin(source: string = SCHEMA_SOURCE): Plugin {
  return {
    name: 'ring-minus-one-schema-asset',
    configureServer(server) {
      server.middlewares.use(`/${SCHEMA_ASSET}`, (_req, res) => {
        res.setHeader('Content-Type', 'application/schema+json');
        res.end(readFileSync(source, 'utf8'));
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: SCHEMA_ASSET, source: readFileSync(source, 'utf8') });
    },
  };
}
