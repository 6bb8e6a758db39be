/**
 * The corpus of bad scenario files (testdata/bad-scenarios/*.rmo, plus huge, deep and many-error files generated
 * here), each with the errors it must give: its path, its plain message, and its line and column in the file. None
 * may throw, and none may get the "could not be checked" fallback of loadUserScenario.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_LISTED_ERRORS } from './limits';
import { loadUserScenario } from './userScenario';

const DIR = join(__dirname, 'testdata/bad-scenarios');

interface Expected {
  path: string;
  message: string;
  /** Where the error must point: the first occurrence of this text in the file (its first character)… */
  at?: string;
  /** …or this line and column (syntax errors, where the text to point at is what is missing). */
  line?: number;
  column?: number;
}

const HTML = 'use Markdown: *emphasis*, `code`, lists, links';
const HTTPS = 'write [text](https://...)';

/** Every file of the corpus and the errors it gives, in order. */
const CORPUS: Record<string, Expected[]> = {
  'missing-comma.rmo': [{ path: '', message: 'expected a comma or "}"', line: 5, column: 3 }],
  'trailing-comma.rmo': [
    { path: '', message: 'a comma before "}" has nothing after it: remove the comma', line: 4, column: 42 },
  ],
  'trailing-garbage.rmo': [
    {
      path: '',
      message: 'more text after the end of the JSON data (found the word "thanks"); a file holds one JSON object',
      line: 6,
      column: 1,
    },
  ],
  'unclosed-string.rmo': [
    { path: '', message: 'unclosed text: a closing double quote (") is missing on this line', line: 4, column: 12 },
  ],
  'comments.rmo': [{ path: '', message: 'comments are not allowed in JSON', line: 2, column: 3 }],
  'single-quotes.rmo': [
    { path: '', message: 'text and field names need double quotes ("text"), not single quotes', line: 2, column: 3 },
  ],
  'empty.rmo': [
    {
      path: '',
      message: 'the file ends where a value was expected (is it empty, or cut short?)',
      line: 1,
      column: 1,
    },
  ],
  'not-an-object.rmo': [{ path: '', message: 'a scenario file must be a JSON object, but this is an array' }],
  'newer-version.rmo': [
    { path: '', message: 'schemaVersion 3 is newer than this app understands (2); update Ring Minus One' },
  ],
  'wrong-types.rmo': [
    { path: 'lessons[0].number', message: '0 is below the minimum 1', at: '0,' },
    { path: 'lessons[0].minutes', message: 'expected a number, found the text "five"', at: '"five"' },
    { path: 'lessons[0].sources', message: 'expected a list, found the text "H3"', at: '"H3"' },
    { path: 'lessons[0].steps[0].title', message: 'expected text, found the number 42', at: '42' },
    { path: 'lessons[0].steps[0].state.hop', message: '-1 is below the minimum 0', at: '-1' },
    {
      path: 'lessons[0].questions[0].options',
      message: 'expected a list, found a JSON object',
      at: '{\n            "a"',
    },
  ],
  'unknown-field.rmo': [
    { path: 'lessons[0].steps[0].state', message: 'unknown field: zoom', at: '"zoom"' },
    { path: 'lessons[0]', message: 'unknown field: colour', at: '"colour"' },
  ],
  'unknown-references.rmo': [
    { path: 'lessons[0].sources[1]', message: 'unknown source key "H33"; did you mean "H3"?', at: '"H33"' },
    {
      path: 'lessons[0].steps[0].state.spotlight[1]',
      message: 'unknown component "storvsp2" in architecture "hyperv-2008"; did you mean "storvsp"?',
      at: '"storvsp2"',
    },
    {
      path: 'lessons[0].steps[1].narration',
      message: 'unknown glossary term "vmbuss" (linked as [[vmbuss]]); did you mean "vmbus"?',
      at: '"See [[vmbuss]]."',
    },
    {
      path: 'lessons[0].steps[1].state.pathId',
      message: 'unknown path "hyperv-synthetic-disk-writes"; did you mean "hyperv-synthetic-disk-write"?',
      at: '"hyperv-synthetic-disk-writes"',
    },
    {
      path: 'lessons[0].questions[1].showStep',
      message: 'unknown step "strat" in lesson "unknown-references"; did you mean "start"?',
      at: '"strat"',
    },
  ],
  'privilege-violation.rmo': [
    {
      path: 'paths[0].hops[1].mechanism',
      message:
        'hop 1 "h1": "call" cannot go from guest-drv [guest kernel, ring 0] to disk [hardware]: only a kernel or the hypervisor drives real hardware; a guest must trap first; no mechanism can make this hop',
      at: '"call",\n          "moves": "command",\n          "label": "h1"',
    },
    {
      path: 'paths[0].hops[2].mechanism',
      message:
        'hop 2 "h2": "call" cannot go from guest-drv [guest kernel, ring 0] to hv [hypervisor, ring -1 (VMX root)]: a guest leaves VMX non-root mode only by a trap, VM exit or hypercall (a ring write only leaves data in shared memory); allowed: trap, vmexit, hypercall, ring-write',
      at: '"call",\n          "moves": "command",\n          "label": "h2"',
    },
    {
      path: 'paths[0].hops[3].mechanism',
      message:
        'hop 3 "h3": "ring-write" cannot go from guest-drv [guest kernel, ring 0] to vm2-drv [guest kernel, ring 0]: one guest never reaches another guest directly; no mechanism can make this hop',
      at: '"ring-write"',
    },
  ],
  'fault-and-mark-rules.rmo': [
    {
      path: 'parameters[0].basedOn',
      message: 'a number derived from sources ("basedOn") is a model estimate: "source": null, "mark": "estimate"',
      at: '[\n        "Z1"\n      ],\n      "era"',
    },
    {
      path: 'architectures[0].layers[0].column',
      message: 'hardware is under every column: leave "column" out (or use a "shared" column)',
      at: '"vm1"\n        },\n        {\n          "id": "hv"',
    },
    {
      path: 'architectures[0].layers[2].column',
      message: 'a host layer belongs in a column with "role": "host" (the host, parent or root partition)',
      at: '"vm2"\n        },\n        {\n          "id": "vm1-k"',
    },
    {
      path: 'architectures[0].layers[3].column',
      message: 'a guest layer belongs in a VM\'s column (a column with "vm": true), so a crash takes down that VM only',
      at: '"host"\n        },\n        {\n          "id": "vm1-u"',
    },
    {
      path: 'architectures[0].components[0].assignedTo',
      message: '"host" is not a VM column of "rule-stack"',
      at: '"host"\n        },\n        {\n          "id": "hv",\n          "name": "hv"',
    },
    {
      path: 'architectures[0].components[2].assignedTo',
      message: 'only a hardware component (a device function) can be assigned to a VM',
      at: '"vm1"\n        },\n        {\n          "id": "guest-drv"',
    },
    {
      path: 'architectures[0].components[3].mark',
      message: 'marked "confirmed" but cites no source: add its source keys, or mark it "secondary" or "estimate"',
      at: '"confirmed"',
    },
  ],
  'proto-keys.rmo': [
    { path: '__proto__', message: '"__proto__" is a reserved name and cannot be a key', at: '{ "polluted"' },
    { path: 'lessons[0].constructor', message: '"constructor" is a reserved name and cannot be a key', at: '"x"' },
  ],
  'html-in-text.rmo': [
    { path: 'lessons[0].intro', message: `raw HTML is not allowed ("<script>"); ${HTML}`, at: '"Welcome' },
    {
      path: 'lessons[0].steps[0].narration',
      message: `raw HTML is not allowed ("<img src=x onerror=alert(1)>"); ${HTML}`,
      at: '"Look at',
    },
    { path: 'lessons[0].steps[0].notes', message: `raw HTML is not allowed ("<!-- quietly -->"); ${HTML}`, at: '"Say' },
    { path: 'lessons[0].questions[0].explanation', message: `raw HTML is not allowed ("<b>"); ${HTML}`, at: '"It is' },
    { path: 'lessons[0].questions[1].prompt', message: `raw HTML is not allowed ("<div>"); ${HTML}`, at: '"In code' },
  ],
  'links.rmo': [
    {
      path: 'lessons[0].intro',
      message: `a link must go to an https:// address ("[the spec](http://example.com/spec)"); ${HTTPS}`,
      at: '"Read',
    },
    {
      path: 'lessons[0].steps[0].narration',
      message: `a link must go to an https:// address ("[here](javascript:alert(1))"); ${HTTPS}`,
      at: '"Click',
    },
    {
      path: 'lessons[0].steps[0].notes',
      message:
        'images are not allowed ("![diagram](https://example.com/d.png)"); a lesson shows the stage, and links go to https sources',
      at: '"A picture',
    },
    {
      path: 'lessons[0].questions[0].prompt',
      message: `a link must go to an https:// address ("www.example.com"); ${HTTPS}`,
      at: '"See www',
    },
  ],
  'duplicate-ids.rmo': [
    {
      path: 'sources[0]',
      message: 'duplicate source "H3" (first defined in core/sources.json at sources[2])',
      at: '{\n      "key"',
    },
    {
      path: 'lessons[0]',
      message:
        'duplicate lesson "a-synthetic-disk-write" (first defined in lessons/05-a-synthetic-disk-write.json at lessons[0])',
      at: '{\n      "id": "a-synthetic',
    },
  ],
};

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
    expect(readdirSync(DIR).sort()).toEqual(Object.keys(CORPUS).sort());
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
