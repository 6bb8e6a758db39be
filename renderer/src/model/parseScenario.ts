/**
 * Parse one scenario file: check its size and limits, migrate it to the current version, then validate it against
 * the schema. Every failure is a ParseResult with errors that say where and what; nothing here throws on bad input
 * (parseScenario.fuzz.test.ts).
 */
import type { z } from 'zod';
import { jsonSyntaxError, positionFinder } from './jsonText';
import { MAX_LISTED_ERRORS, MAX_SCENARIO_CHARS, checkLimits } from './limits';
import { migrate } from './migrations';
import { scenarioFileSchema } from './schema';
import { didYouMean } from './suggest';
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

/** A value as an author would name it: `the number 5`, `a list`, `the text "abc"`. */
function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string')
    return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean')
    return `${typeof value === 'number' ? 'the number ' : ''}${value}`;
  return `a ${typeof value === 'object' ? 'JSON object' : typeof value}`;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a JSON object',
};

/**
 * zod's messages name its own types ("expected string, received undefined", and "expected number, received number"
 * for Infinity); these say what is wrong in the author's terms. Messages a schema gives itself (e.g. "an id is
 * lower-case letters…") take precedence over this map; undefined keeps zod's message (e.g. the list of options).
 */
function authorMessage(issue: z.core.$ZodRawIssue): string | undefined {
  const last = issue.path?.at(-1);
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return last === undefined ? 'missing value' : `missing field \`${String(last)}\``;
      if (issue.expected === 'number' && typeof issue.input === 'number') return 'not a finite number';
      const wanted = TYPE_NAMES[issue.expected] ?? issue.expected;
      return `expected ${wanted}, found ${describeValue(issue.input)}`;
    }
    case 'too_big':
      if (issue.origin === 'number') return `${String(issue.input)} is above the maximum ${String(issue.maximum)}`;
      return undefined;
    case 'too_small':
      if (issue.origin === 'number') return `${String(issue.input)} is below the minimum ${String(issue.minimum)}`;
      if (issue.origin === 'array' && Array.isArray(issue.input)) {
        const min = Number(issue.minimum);
        return `needs at least ${min} item${min === 1 ? '' : 's'}, found ${issue.input.length}`;
      }
      return undefined;
    case 'invalid_value': {
      // An enum or literal: name the choices and the closest one (zod's fallback here is a bare "Invalid input").
      const values = issue.values.map((v) => String(v));
      const found = describeValue(issue.input);
      if (values.length === 1) return `must be ${JSON.stringify(issue.values[0])}, found ${found}`;
      const hint = typeof issue.input === 'string' ? didYouMean(issue.input, values) : '';
      return `expected one of ${values.map((v) => JSON.stringify(v)).join(', ')}; found ${found}${hint}`;
    }
    case 'invalid_union':
      // A question's `kind` picks its shape; an unknown kind matches none of them.
      if (typeof issue.discriminator === 'string')
        return `unknown or missing \`${issue.discriminator}\` (it says what shape the rest of the object has)`;
      return undefined;
    default:
      return undefined;
  }
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
  return issue.message;
}

export type ParseResult =
  | { ok: true; file: ScenarioFile }
  | {
      ok: false;
      /** At most MAX_LISTED_ERRORS errors, then one line with the number left out. */
      errors: ContentError[];
      /** How many errors there were in all. */
      errorCount: number;
    };

/**
 * The first MAX_LISTED_ERRORS errors and, when there were more, one line that says how many more. `count` is the
 * total when `listed` was already cut short (the limits walk stops listing at MAX_LISTED_ERRORS).
 */
export function failure(
  fileName: string,
  listed: ContentError[],
  count = listed.length,
): { ok: false; errors: ContentError[]; errorCount: number } {
  const errors = listed.slice(0, MAX_LISTED_ERRORS);
  const more = count - errors.length;
  if (more > 0) {
    errors.push({
      file: fileName,
      path: '',
      message: `… and ${more} more error${more > 1 ? 's' : ''} (${count} in all)`,
    });
  }
  return { ok: false, errors, errorCount: count };
}

/**
 * JSON.parse's own message, placed where it says (or at the end for "Unexpected end"): for text that jsonc-parser
 * cannot scan, e.g. lists nested a hundred thousand levels deep.
 */
function engineSyntaxError(text: string, message: string): { message: string; line?: number; column?: number } {
  const at = /position (\d+)/.exec(message)?.[1];
  const offset = at !== undefined ? Number(at) : /end of JSON/i.test(message) ? text.length : undefined;
  const place = offset === undefined ? {} : positionFinder(text)(offset);
  return { message: `not valid JSON: ${message}`, ...place };
}

/**
 * Parses the text of a scenario file (as read from disk or a file input): size first, then JSON, then the schema. A
 * JSON syntax error says where (line and column) and what, in plain words.
 */
export function parseScenarioText(text: string, fileName: string): ParseResult {
  if (text.length > MAX_SCENARIO_CHARS) {
    const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
    const message = `the file is too large (${mb(text.length)}; a scenario file may have at most ${mb(MAX_SCENARIO_CHARS)})`;
    return failure(fileName, [{ file: fileName, path: '', message }]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const syntax = jsonSyntaxError(text) ?? engineSyntaxError(text, (error as Error).message);
    return failure(fileName, [{ file: fileName, path: '', ...syntax }]);
  }
  return parseScenarioFile(json, fileName);
}

/** Parses an already-parsed scenario file (the built-in content is bundled as objects). */
export function parseScenarioFile(json: unknown, fileName: string): ParseResult {
  const limits = checkLimits(json);
  if (limits.count > 0) {
    const errors = limits.problems.map((p) => ({ file: fileName, path: formatPath(p.path), message: p.message }));
    return failure(fileName, errors, limits.count);
  }
  const migrated = migrate(json);
  if (!migrated.ok) return failure(fileName, [{ file: fileName, path: '', message: migrated.message }]);
  const result = scenarioFileSchema.safeParse(migrated.file, { error: authorMessage });
  if (!result.success) {
    const errors = result.error.issues.map((issue) => ({
      file: fileName,
      path: formatPath(issue.path),
      message: issueMessage(issue),
    }));
    return failure(fileName, errors);
  }
  const { $schema: _schema, ...file } = result.data;
  return { ok: true, file };
}

/**
 * One line per error, e.g. `hyperv.json: paths[0].hops[2].to: unknown component "x"`, or with its place in the text
 * `sriov.rmo: line 12, column 5: paths[0].hops[2].to: unknown component "x"`.
 */
export function formatContentError(e: ContentError): string {
  const at = e.line !== undefined ? `: line ${e.line}, column ${e.column ?? 1}` : '';
  return `${e.file}${at}${e.path ? `: ${e.path}` : ''}: ${e.message}`;
}
