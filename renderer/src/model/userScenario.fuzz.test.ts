// An author's file under fuzzing, through the whole check (parse, limits, schema, and the build with the built-in
// content: cross-references, boundary rules, lessons, rich text): the worked example of docs/authoring.md with a value
// at a random place replaced, or with a random slice of its text cut out. Whatever comes in, loadUserScenario answers
// with its own result, and the checks themselves never throw (it never needs its "could not be checked" fallback).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_LISTED_ERRORS } from './limits';
import { loadUserScenario } from './userScenario';

const RUNS = 150;
const DOC = readFileSync(join(__dirname, '../../../docs/authoring.md'), 'utf8');
const EXAMPLE = /^```json sriov\.rmo\n([\s\S]*?)^```$/m.exec(DOC)?.[1] ?? '';

/** Values that reach deep checks: ids of other kinds, hostile names, wrong types, numbers at the edges. */
const replacement = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom<unknown>(
    'hyperv-2008',
    'storvsp',
    'nic-vf1',
    'vm2',
    'posted-interrupts',
    'sriov-vf-config',
    'exit-direct',
    'H3',
    'constructor',
    '<script>alert(1)</script>',
    '[x](javascript:alert(1))',
    -1,
    0,
    99,
    1e12,
    [],
    {},
  ),
);

const mutated = fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 9 }), replacement).map(([steps, value]) => {
  const root = JSON.parse(EXAMPLE) as Record<string, unknown>;
  let parent: Record<string, unknown> = root;
  for (const [i, step] of steps.entries()) {
    const keys = Object.keys(parent);
    if (keys.length === 0) break;
    const key = keys[step % keys.length]!;
    const child = parent[key];
    if (i === steps.length - 1 || typeof child !== 'object' || child === null) {
      parent[key] = value;
      break;
    }
    parent = child as Record<string, unknown>;
  }
  return JSON.stringify(root, null, 2);
});

const cut = fc.tuple(fc.nat(), fc.integer({ min: 1, max: 200 })).map(([at, length]) => {
  const start = at % EXAMPLE.length;
  return EXAMPLE.slice(0, start) + EXAMPLE.slice(start + length);
});

describe('loadUserScenario fuzzing', () => {
  it(`answers ${RUNS} mutated worked examples with its own result, never with its fallback`, () => {
    expect(EXAMPLE.length).toBeGreaterThan(1000);
    fc.assert(
      fc.property(fc.oneof({ weight: 3, arbitrary: mutated }, { weight: 1, arbitrary: cut }), (text) => {
        const r = loadUserScenario(text, 'fuzz.rmo');
        if (r.ok) {
          expect(r.summary.fileName).toBe('fuzz.rmo');
          return;
        }
        expect(r.errors.length).toBeGreaterThanOrEqual(1);
        expect(r.errors.length).toBeLessThanOrEqual(MAX_LISTED_ERRORS + 1);
        for (const e of r.errors) {
          expect(e.file).toBe('fuzz.rmo');
          expect(e.message).not.toMatch(/^the file could not be checked/);
        }
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31) },
    );
  }, 120_000);
});
