#!/usr/bin/env node
// Writes assets/scenarios/schema/scenario.schema.json from the zod schema in renderer/src/model/schema.ts.
// Runs under plain node: tsx's ESM loader is registered so the TypeScript model can be imported as is.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const unregister = register();
try {
  const { scenarioJsonSchemaText, JSON_SCHEMA_FILE } = await import('../renderer/src/model/schemaJson.ts');
  const out = resolve(root, JSON_SCHEMA_FILE);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, scenarioJsonSchemaText());
  console.log(`wrote ${JSON_SCHEMA_FILE}`);
} finally {
  await unregister();
}
