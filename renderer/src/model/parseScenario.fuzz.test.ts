// The scenario loader under fuzzing: whatever text or value comes in (random text, random JSON, a valid file with a
// random part replaced by something hostile), it returns its own ParseResult, never throws, lists at most 50
// errors, and finishes each input within a second (the bound is on pathological behaviour, not speed: a normal
// input takes about a millisecond, and the machine running the tests may be slow and shared).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_LISTED_ERRORS, MAX_LIST_ITEMS, MAX_STRING_LENGTH } from './limits';
import { parseScenarioFile, parseScenarioText, type ParseResult } from './parseScenario';
import { testFile } from './testLibrary';

const RUNS = 10_000;
const PER_INPUT_LIMIT_MS = 1000;

/** Values a hostile file would try: reserved names, non-finite and huge numbers, javascript: links, long data. */
const hostile = fc.constantFrom<unknown>(
  '__proto__',
  'constructor',
  'prototype',
  'javascript:alert(1)',
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -0,
  'x'.repeat(MAX_STRING_LENGTH + 1),
  Array(MAX_LIST_ITEMS + 1).fill(0),
  { __proto__: null, constructor: 1 },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]],
);

/** A valid file with the value at a random place replaced (the place picked by walking random child indexes). */
const mutatedFile = fc
  .tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 7 }), fc.oneof(fc.jsonValue(), hostile))
  .map(([steps, replacement]) => {
    const root = JSON.parse(JSON.stringify(testFile())) as Record<string, unknown>;
    let parent: Record<string, unknown> | unknown[] = root;
    for (const [i, step] of steps.entries()) {
      const keys = Object.keys(parent);
      if (keys.length === 0) break;
      const key = keys[step % keys.length]!;
      const child = (parent as Record<string, unknown>)[key];
      if (i === steps.length - 1 || typeof child !== 'object' || child === null) {
        Object.defineProperty(parent, key, { value: replacement, enumerable: true, writable: true });
        break;
      }
      parent = child as Record<string, unknown>;
    }
    return root;
  });

/** Text inputs: arbitrary strings, and JSON texts (including numbers JSON.parse turns into Infinity). */
const text = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  mutatedFile.map((v) => JSON.stringify(v).replace(/"value":\d+/, '"value":1e309')),
);

const input = fc.oneof(
  { weight: 3, arbitrary: text.map((t) => ({ kind: 'text' as const, t })) },
  { weight: 2, arbitrary: fc.jsonValue().map((v) => ({ kind: 'value' as const, v: v as unknown })) },
  { weight: 5, arbitrary: fc.oneof(mutatedFile, hostile).map((v) => ({ kind: 'value' as const, v })) },
);

function isOwnErrorType(result: ParseResult): boolean {
  if (result.ok) return typeof result.file === 'object' && result.file !== null;
  return (
    Array.isArray(result.errors) &&
    result.errors.length >= 1 &&
    result.errors.length <= MAX_LISTED_ERRORS + 1 &&
    Number.isInteger(result.errorCount) &&
    result.errorCount >= Math.min(result.errors.length, MAX_LISTED_ERRORS) &&
    result.errors.every(
      (e) => e.file === 'fuzz.json' && typeof e.path === 'string' && typeof e.message === 'string' && e.message !== '',
    )
  );
}

describe('scenario loader fuzzing', () => {
  it(`returns its own result for ${RUNS.toLocaleString('en')} random inputs, each within ${PER_INPUT_LIMIT_MS} ms`, () => {
    let slowest = 0;
    fc.assert(
      fc.property(input, (case_) => {
        const start = performance.now();
        const result =
          case_.kind === 'text' ? parseScenarioText(case_.t, 'fuzz.json') : parseScenarioFile(case_.v, 'fuzz.json');
        slowest = Math.max(slowest, performance.now() - start);
        expect(isOwnErrorType(result)).toBe(true);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31) },
    );
    expect(slowest).toBeLessThan(PER_INPUT_LIMIT_MS);
  }, 300_000);
});
