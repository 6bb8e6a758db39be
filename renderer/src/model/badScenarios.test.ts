/**
 * The corpus of bad scenario files: testdata/bad-scenarios/*.rmo, with the table of the errors each must give in
 * expected.json (its path, its plain message, its line and column in the file); huge, deep and many-error files are
 * generated here. None may throw, and none may get the "could not be checked" fallback of loadUserScenario.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_LISTED_ERRORS } from './limits';
import { loadUserScenario } from './userScenario';

const DIR = join(__dirname, 'testdata/bad-scenarios');
const TABLE = 'expected.json';

interface Expected {
  path: string;
  message: string;
  /** Where the error must point: the first occurrence of this text in the file (its first character)… */
  at?: string;
  /** …or this line and column (syntax errors, where the text to point at is what is missing). */
  line?: number;
  column?: number;
}

/**
 * The table of expected errors, one list per file of the corpus, in order (testdata/bad-scenarios/expected.json):
 * data, kept beside the files it describes.
 */
const CORPUS = JSON.parse(readFileSync(join(DIR, TABLE), 'utf8')) as Record<string, Expected[]>;

/** 1-based line and column of the first occurrence of `snippet` in `text`. */
function placeOf(text: string, snippet: string): { line: number; column: number } {
  const i = text.indexOf(snippet);
  if (i < 0) throw new Error(`the corpus file does not contain ${JSON.stringify(snippet)}`);
  const before = text.slice(0, i).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

function errorsOf(text: string, name: string) {
  const r = loadUserScenario(text, name);
  if (r.ok) throw new Error(`${name} loaded without errors`);
  expect(
    r.errors.some((e) => e.message.startsWith('the file could not be checked')),
    name,
  ).toBe(false);
  return r;
}

describe('the bad-file corpus', () => {
  it('has a table entry for every file, and a file for every entry', () => {
    const files = readdirSync(DIR).filter((f) => f !== TABLE);
    expect(files.sort()).toEqual(Object.keys(CORPUS).sort());
    expect(files.length).toBeGreaterThanOrEqual(18);
  });

  for (const [name, expected] of Object.entries(CORPUS)) {
    it(`${name}: ${expected.map((e) => e.message.slice(0, 50)).join(' | ')}`, () => {
      const text = readFileSync(join(DIR, name), 'utf8');
      const r = errorsOf(text, name);
      expect(r.errorCount).toBe(expected.length);
      expect(r.errors.map((e) => ({ file: e.file, path: e.path, message: e.message }))).toEqual(
        expected.map((e) => ({ file: name, path: e.path, message: e.message })),
      );
      r.errors.forEach((e, i) => {
        const want = expected[i]!;
        const place = want.at !== undefined ? placeOf(text, want.at) : { line: want.line, column: want.column };
        expect({ line: e.line, column: e.column }, `${name} ${e.path}`).toEqual(place);
      });
    });
  }
});

describe('generated bad files', () => {
  const head = '{"schemaVersion": 2, "id": "generated", "title": "Generated"';

  it('a file over 2 MB is refused before it is parsed', () => {
    const text = `${head}, "description": "${'a'.repeat(2.2 * 1024 * 1024)}"}`;
    const r = errorsOf(text, 'huge.rmo');
    expect(r.errors).toEqual([
      {
        file: 'huge.rmo',
        path: '',
        message: 'the file is too large (2.2 MB; a scenario file may have at most 2.0 MB)',
      },
    ]);
  });

  it('a file nested 100,000 levels deep is refused at the nesting limit, with its path', () => {
    const depth = 100_000;
    const text = `${head}, "description": ${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const r = errorsOf(text, 'deep.rmo');
    expect(r.errors).toEqual([
      {
        file: 'deep.rmo',
        path: `description${'[0]'.repeat(31)}`,
        message: 'nested too deeply (at most 32 levels)',
      },
    ]);
  });

  it('an unclosed file nested a million levels deep is a syntax error at its end', () => {
    const text = `${head}, "description": ${'['.repeat(1_000_000)}`;
    const r = errorsOf(text, 'deep-unclosed.rmo');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ path: '', line: 1, column: text.length + 1 });
    expect(r.errors[0]!.message).toMatch(/^not valid JSON: /);
  });

  it('a file with 300 errors lists the first 50 with their places, then counts the rest', () => {
    const keys = Array.from({ length: 300 }, (_, i) => `"Q${i + 1}"`).join(', ');
    const text = `${head}, "glossary": [{"id": "t", "term": "T", "definition": "d", "sources": [${keys}]}]}`;
    const r = errorsOf(text, 'many.rmo');
    expect(r.errorCount).toBe(300);
    expect(r.errors).toHaveLength(MAX_LISTED_ERRORS + 1);
    expect(r.errors[0]).toMatchObject({ path: 'glossary[0].sources[0]', message: 'unknown source key "Q1"' });
    expect(r.errors[0]!.column).toBe(text.indexOf('"Q1"') + 1);
    expect(r.errors.at(-1)).toEqual({ file: 'many.rmo', path: '', message: '… and 250 more errors (300 in all)' });
  });

  it('a text over 10,000 characters and a number out of range are refused with their places', () => {
    const text = `${head}, "description": "${'b'.repeat(10_001)}", "parameters": [{"value": 1e13}]}`;
    const r = errorsOf(text, 'limits.rmo');
    expect(r.errors.map((e) => [e.path, e.message, e.column])).toEqual([
      ['description', 'text too long: 10001 characters (at most 10000)', text.indexOf('"bbb') + 1],
      ['parameters[0].value', '10000000000000 is out of range (at most ±1000000000000)', text.indexOf('1e13') + 1],
    ]);
  });
});
