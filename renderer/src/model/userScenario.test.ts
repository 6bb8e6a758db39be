import { describe, expect, it } from 'vitest';
import { builtInFiles } from './builtin';
import { formatContentError } from './parseScenario';
import { loadUserScenario } from './userScenario';
import { MAX_LISTED_ERRORS } from './limits';
import { singleQuestion } from './testLibrary';

/** A small author's file: one lesson on a built-in path, citing built-in sources and glossary terms. */
function lessonFile(): Record<string, unknown> {
  return {
    $schema: './scenario.schema.json',
    schemaVersion: 2,
    id: 'my-course',
    title: 'My course',
    lessons: [
      {
        id: 'my-lesson',
        number: 42,
        title: 'A synthetic write, my way',
        minutes: 5,
        intro: 'Follow a write through the [[vsc]].',
        sources: ['H3'],
        steps: [
          {
            id: 'start',
            title: 'The request',
            narration: 'storvsc builds the request.',
            notes: 'Keep it short.',
            state: { view: 'walkthrough', pathId: 'hyperv-synthetic-disk-write', hop: 0, spotlight: ['storvsc'] },
          },
        ],
        questions: [1, 2, 3].map((n) => singleQuestion(`q${n}`, 'start')),
      },
    ],
  };
}

const text = (json: unknown) => JSON.stringify(json, null, 2);

function errorsOf(r: ReturnType<typeof loadUserScenario>) {
  if (r.ok) throw new Error('expected errors, the file loaded');
  return r.errors;
}

describe('loadUserScenario', () => {
  it('builds a good file together with the built-in content and says what it adds', () => {
    const r = loadUserScenario(text(lessonFile()), 'mine.rmo');
    expect(r.ok ? [] : r.errors).toEqual([]);
    if (!r.ok) return;
    expect(r.summary).toEqual({ fileName: 'mine.rmo', architectures: [], paths: [], lessons: ['my-lesson'] });
    expect(r.library.lessons.get('my-lesson')?.title).toBe('A synthetic write, my way');
    // The built-in content is all there beside it.
    expect(r.library.architectures.has('hyperv-2008')).toBe(true);
    expect(r.library.lessons.size).toBe(builtInFiles().files.flatMap((f) => f.lessons ?? []).length + 1);
    expect(r.warnings).toEqual([]);
  });

  it('warns about a file that adds nothing to show', () => {
    const r = loadUserScenario(text({ schemaVersion: 2, id: 'empty', title: 'Empty' }), 'empty.rmo');
    expect(r.ok && r.warnings.map((w) => w.message)).toEqual([
      'the file adds no architecture, path or lesson, so there is nothing new to show',
    ]);
  });

  it('places a JSON syntax error at its line and column, in plain words', () => {
    const r = loadUserScenario('{\n  "schemaVersion": 2\n  "id": "x"\n}', 'broken.rmo');
    expect(errorsOf(r)).toEqual([
      { file: 'broken.rmo', path: '', line: 3, column: 3, message: 'expected a comma or "}"' },
    ]);
    expect(formatContentError(errorsOf(r)[0]!)).toBe('broken.rmo: line 3, column 3: expected a comma or "}"');
  });

  it('places schema errors at the offending value in the author’s text', () => {
    const file = lessonFile();
    const lesson = (file.lessons as Record<string, unknown>[])[0]!;
    lesson.minutes = 'five';
    const source = text(file);
    const errors = errorsOf(loadUserScenario(source, 'mine.rmo'));
    expect(errors).toHaveLength(1);
    const e = errors[0]!;
    expect(e).toMatchObject({ path: 'lessons[0].minutes', message: 'expected a number, found the text "five"' });
    const line = source.split('\n')[e.line! - 1]!;
    expect(line.slice(e.column! - 1)).toBe('"five",');
  });

  it('places cross-reference errors found by buildLibrary, and may reference built-in ids', () => {
    const file = lessonFile();
    const lesson = (file.lessons as { steps: { state: Record<string, unknown> }[] }[])[0]!;
    lesson.steps[0]!.state.spotlight = ['storvsc', 'storvsp2'];
    const source = text(file);
    const errors = errorsOf(loadUserScenario(source, 'mine.rmo'));
    expect(errors.map((e) => [e.path, e.message])).toEqual([
      [
        'lessons[0].steps[0].state.spotlight[1]',
        expect.stringMatching(/^unknown component "storvsp2" in architecture "hyperv-2008"/),
      ],
    ]);
    const e = errors[0]!;
    expect(source.split('\n')[e.line! - 1]!.slice(e.column! - 1)).toBe('"storvsp2"');
  });

  it('reports an id the author’s file takes from the built-in content in the author’s file', () => {
    const file = lessonFile();
    (file.lessons as Record<string, unknown>[])[0]!.number = 5;
    const errors = errorsOf(loadUserScenario(text(file), 'mine.rmo'));
    expect(errors).toEqual([
      expect.objectContaining({
        file: 'mine.rmo',
        path: 'lessons[0].number',
        message: 'lesson number 5 is also used by "a-synthetic-disk-write"',
      }),
    ]);
    expect(errors[0]!.line).toBeGreaterThan(1);
  });

  it('reports a conflict that lands in a built-in file as an error of the author’s file, naming the built-in place', () => {
    // A claim whose id a built-in foundation already uses: buildLibrary reports it at the foundation.
    const builtIn = builtInFiles();
    const claims = builtIn.files.find((f) => f.claims?.length)!.claims!;
    const claim = { ...structuredClone(claims[0]!), id: 'popek-goldberg', number: 77 };
    const r = loadUserScenario(text({ schemaVersion: 2, id: 'mine', title: 'Mine', claims: [claim] }), 'mine.rmo');
    expect(errorsOf(r)).toEqual([
      {
        file: 'mine.rmo',
        path: '',
        message:
          'conflicts with the built-in content: core/claims.json: foundations[0].id: id "popek-goldberg" is also a claim\'s id',
      },
    ]);
  });

  it('lists every error at once, up to the limit, then counts the rest', () => {
    const file = lessonFile();
    const lesson = (file.lessons as { steps: { state: Record<string, unknown> }[] }[])[0]!;
    lesson.steps[0]!.state.spotlight = Array.from({ length: 30 }, (_, i) => `ghost-${i}`);
    (file.lessons as Record<string, unknown>[])[0]!.sources = Array.from({ length: 30 }, (_, i) => `Z${i}`);
    const r = loadUserScenario(text(file), 'mine.rmo');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errorCount).toBe(60);
    expect(r.errors).toHaveLength(MAX_LISTED_ERRORS + 1);
    expect(r.errors.at(-1)!.message).toBe('… and 10 more errors (60 in all)');
    expect(r.errors.slice(0, -1).every((e) => e.line !== undefined && e.column !== undefined)).toBe(true);
  });

  it('never throws, whatever the text', () => {
    for (const t of ['', 'null', '[]', '"x"', '{', '{"schemaVersion": 99}', '\u0000', '[[[[[[[[[[', '{"a":1}{']) {
      const r = loadUserScenario(t, 'x.rmo');
      expect(r.ok, t).toBe(false);
      if (!r.ok) expect(r.errors.length, t).toBeGreaterThan(0);
    }
  });

  it('builds on the base it is given', () => {
    const base = builtInFiles();
    const withoutLessons = {
      ...base,
      files: base.files.map((f) => ({ ...f, lessons: [] })),
    };
    const r = loadUserScenario(text(lessonFile()), 'mine.rmo', withoutLessons);
    expect(r.ok && [...r.library.lessons.keys()]).toEqual(['my-lesson']);
  });
});
