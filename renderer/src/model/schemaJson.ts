/** The JSON Schema of scenario files, generated from the zod schema (for authors' editors). */
import { z } from 'zod';
import { scenarioFileSchema } from './schema';

export const JSON_SCHEMA_FILE = 'assets/scenarios/schema/scenario.schema.json';

export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(scenarioFileSchema, { io: 'input', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  return { ...generated, title: 'Ring Minus One scenario file' };
}

/** Exactly the text written to assets/scenarios/schema/scenario.schema.json. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
