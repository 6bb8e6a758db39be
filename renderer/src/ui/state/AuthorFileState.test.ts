import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBuiltInLibrary } from '../../model/builtin';
import { emptyRunSheet, serializeRunSheet } from '../../model/runSheet';
import type { OpenedFile } from '../../platform/Platform';
import { fakePlatform } from '../../platform/testing/fakes';
import { AppState } from './AppState.svelte';
import { AuthorFileState } from './AuthorFileState.svelte';

const lib = loadBuiltInLibrary();

/** The e2e tests' lesson of two steps on a built-in path (e2e/data/my-lesson.json); `title` names the second step. */
function lessonText(title = 'The exit'): string {
  const lesson = JSON.parse(readFileSync(new URL('../../../../e2e/data/my-lesson.json', import.meta.url), 'utf8'));
  lesson.steps[1].title = title;
  return JSON.stringify({ schemaVersion: 2, id: 'my-course', title: 'My course', lessons: [lesson] }, null, 2);
}

const file = (text: string, reason: OpenedFile['reason'] = 'open'): OpenedFile => ({
  ok: true,
  name: 'mine.rmo',
  location: '/home/a/mine.rmo',
  reason,
  text,
});

function setup() {
  const app = new AppState(lib, fakePlatform());
  const sheets: string[] = [];
  const files = new AuthorFileState(app, { open: (_text, name) => (sheets.push(name), true) });
  return { app, files, sheets };
}

describe('AuthorFileState: the author’s file on stage', () => {
  it('puts a valid file on stage beside the built-in content, marked as from the file', async () => {
    const { app, files } = setup();
    await app.course.load();
    files.receive(file(lessonText()));
    expect(files.failed).toBeNull();
    expect(files.loaded).toMatchObject({ name: 'mine.rmo', lessons: 1, architectures: 0, paths: 0 });
    expect(app.library.lessons.has('my-lesson')).toBe(true);
    expect(app.library.architectures.size).toBe(lib.architectures.size);
    expect(app.course.lessons.some((l) => l.id === 'my-lesson')).toBe(true);
    expect(app.fromFile('lessons', 'my-lesson')).toBe('mine.rmo');
    expect(app.fromFile('lessons', [...lib.lessons.keys()][0]!)).toBeNull();
    expect(files.status).toBe('Opened mine.rmo: 1 lesson, 0 architectures, 0 paths.');
  });

  it('a broken save keeps the last good version on stage and lists the errors; the fix reloads at the same step', async () => {
    const { app, files } = setup();
    await app.course.load();
    files.receive(file(lessonText()));
    app.course.openLesson('my-lesson', 1);
    const good = app.library;
    const hop = app.walkthrough.player.hopIndex;
    expect(hop).toBe(2);

    files.receive(file(lessonText('The exit').replace('"number": 42,', '"number": 42'), 'change'));
    expect(files.failed?.errors[0]).toMatchObject({ file: 'mine.rmo', line: expect.any(Number) });
    expect(files.panelOpen).toBe(true);
    expect(app.library).toBe(good);
    expect(app.course.position).toBe(1);
    expect(files.status).toMatch(/^mine\.rmo has 1 error\. The last good version of mine\.rmo stays on screen\.$/);

    files.receive(file(lessonText('The VM exit'), 'change'));
    expect(files.failed).toBeNull();
    expect(files.panelOpen).toBe(false);
    expect(app.library).not.toBe(good);
    expect(app.course.screen).toBe('lesson');
    expect(app.course.position).toBe(1);
    expect(app.course.lesson?.steps[1]?.title).toBe('The VM exit');
    expect(app.walkthrough.player.hopIndex).toBe(2);
    expect(files.status).toBe('Reloaded mine.rmo: 1 lesson, 0 architectures, 0 paths.');
  });

  it('a file the host could not read is an error of its own; nothing on stage changes', () => {
    const { app, files } = setup();
    files.receive({ ok: false, name: 'big.rmo', location: '/big.rmo', reason: 'open', error: 'too large' });
    expect(files.failed).toEqual({
      name: 'big.rmo',
      location: '/big.rmo',
      errors: [{ file: 'big.rmo', path: '', message: 'too large' }],
      errorCount: 1,
    });
    expect(app.library).toBe(lib);
  });

  it('a run sheet goes to the presenter, by its content, whatever its name', () => {
    const { app, files, sheets } = setup();
    files.receive({ ...file(serializeRunSheet(emptyRunSheet('Class 1'))), name: 'class.json' });
    expect(sheets).toEqual(['class.json']);
    expect(app.presenting).toBe(true);
    expect(app.library).toBe(lib);
  });

  it('closing the file puts the library from before it back', () => {
    const { app, files } = setup();
    files.receive(file(lessonText()));
    files.receive(file(lessonText('Again'), 'reload'));
    files.closeFile();
    expect(app.library).toBe(lib);
    expect(app.authored).toBeNull();
    expect(files.loaded).toBeNull();
  });
});

describe('AuthorFileState: a file that validates but cannot go on stage', () => {
  it('puts back what was on stage and reports it as an error', () => {
    const app = new AppState(lib, fakePlatform());
    const files = new AuthorFileState(app, null, () => ({
      ok: true,
      // A library without paths: the Stage refuses it (it has nothing to walk).
      library: { ...lib, paths: new Map() },
      summary: { fileName: 'odd.rmo', architectures: [], paths: [], lessons: [] },
      warnings: [],
    }));
    app.stage.setMode('walkthrough');
    const before = app.stage.presentation();
    files.receive(file('{}'));
    expect(files.failed?.errors[0]?.message).toMatch(/validated but could not be put on stage: .*no I\/O paths/);
    expect(app.library).toBe(lib);
    expect(app.stage.library).toBe(lib);
    expect(app.stage.presentation()).toEqual(before);
    expect(files.loaded).toBeNull();
  });
});
