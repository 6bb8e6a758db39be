/** Parse one scenario file: migrate it to the current version, then validate it against the schema. */
import type { z } from 'zod';
import { migrate } from './migrations';
import { scenarioFileSchema } from './schema';
import type { ContentError, ScenarioFile } from './types';

/** Formats a zod issue path as a JSON-pointer-like string: ["paths", 2, "hops", 3, "to"] -> "paths[2].hops[3].to". */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
  return issue.message;
}

export type ParseResult = { ok: true; file: ScenarioFile } | { ok: false; errors: ContentError[] };

export function parseScenarioFile(json: unknown, fileName: string): ParseResult {
  const migrated = migrate(json);
  if (!migrated.ok) return { ok: false, errors: [{ file: fileName, path: '', message: migrated.message }] };
  const result = scenarioFileSchema.safeParse(migrated.file);
  if (!result.success) {
    return {
      ok: false,
      errors: result.error.issues.map((issue) => ({
        file: fileName,
        path: formatPath(issue.path),
        message: issueMessage(issue),
      })),
    };
  }
  const { $schema: _schema, ...file } = result.data;
  return { ok: true, file };
}

/** One line per error, e.g. "hyperv.json: paths[0].hops[2].to: unknown component \"x\"". */
export function formatContentError(e: ContentError): string {
  return `${e.file}${e.path ? `: ${e.path}` : ''}: ${e.message}`;
}
