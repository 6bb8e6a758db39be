import { describe, expect, it } from 'vitest';
import { loadBuiltInLibrary } from './builtin';
import { courseLessons } from './course/lessons';
import { stepPresentation } from './course/stepPresentation';
import {
  captureCue,
  editCue,
  emptyRunSheet,
  lessonRunSheet,
  moveCue,
  pacing,
  parseRunSheet,
  removeCue,
  serializeRunSheet,
  type RunSheet,
} from './runSheet';

const lib = loadBuiltInLibrary();
const [lesson] = courseLessons(lib);
if (!lesson) throw new Error('the built-in course has no lessons');
const state = stepPresentation(lib, lesson, 0);

function sheetOf(...titles: string[]): RunSheet {
  return titles.reduce((s, t) => captureCue(s, state, t), emptyRunSheet('Class 1'));
}
const titles = (s: RunSheet) => s.cues.map((c) => c.title);

describe('run sheets', () => {
  it('captures the live state as a paused, lit cue, at the end or after a cue', () => {
    const live = { ...state, playing: true, blackout: true };
    const s = captureCue(sheetOf('a', 'c'), live, 'b', 0);
    expect(titles(s)).toEqual(['a', 'b', 'c']);
    expect(s.cues[1]?.presentation).toEqual({ ...state, playing: false, blackout: false });
  });

  it('reorders, removes and edits cues without touching the others', () => {
    const s = sheetOf('a', 'b', 'c', 'd');
    expect(titles(moveCue(s, 0, 2))).toEqual(['b', 'c', 'a', 'd']);
    expect(titles(moveCue(s, 3, 0))).toEqual(['d', 'a', 'b', 'c']);
    expect(titles(moveCue(s, 1, 99))).toEqual(['a', 'c', 'd', 'b']);
    expect(moveCue(s, 7, 0)).toBe(s);
    expect(titles(removeCue(s, 1))).toEqual(['a', 'c', 'd']);
    const edited = editCue(s, 2, { notes: 'ask about exits' });
    expect(edited.cues[2]?.notes).toBe('ask about exits');
    expect(edited.cues[1]).toBe(s.cues[1]);
  });

  it('round-trips through its file text', () => {
    const s = editCue(sheetOf('a', 'b'), 0, { narration: 'Watch the exit', notes: 'n' });
    const parsed = parseRunSheet(JSON.parse(serializeRunSheet(s)), lib);
    expect(parsed).toEqual({ ok: true, sheet: s });
  });

  it('uses a lesson as it is: one cue per step, plain-text narration and notes', () => {
    const s = lessonRunSheet(lib, lesson);
    expect(s.title).toContain(lesson.title);
    expect(s.cues).toHaveLength(lesson.steps.length);
    expect(s.cues.map((c) => c.title)).toEqual(lesson.steps.map((st) => st.title));
    for (const c of s.cues) expect(`${c.narration}${c.notes}`).not.toContain('[[');
    expect(parseRunSheet(s, lib).ok).toBe(true);
  });

  it('reports every shape problem with its place', () => {
    const s = sheetOf('a', 'b') as unknown as { cues: Record<string, unknown>[] } & Record<string, unknown>;
    const bad = {
      ...s,
      format: 'other',
      cues: [
        s.cues[0],
        { ...s.cues[1], title: '', presentation: { ...(s.cues[1]?.presentation as object), speed: 9 } },
      ],
    };
    const r = parseRunSheet(bad, lib);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^format: /),
        expect.stringMatching(/^cues\[1\]\.title: must not be empty/),
        expect.stringMatching(/^cues\[1\]\.presentation\.speed: /),
      ]),
    );
    expect(parseRunSheet('text', lib)).toMatchObject({ ok: false, errors: [expect.stringMatching(/^\(root\): /)] });
  });

  it('names ids the library does not know, with the cue they are in', () => {
    const s = sheetOf('a', 'b');
    const bad = {
      ...s,
      cues: [s.cues[0], { ...s.cues[1], presentation: { ...state, pathId: 'no-such-path' } }],
    };
    expect(parseRunSheet(bad, lib)).toEqual({
      ok: false,
      errors: ['cues[1].presentation.pathId: unknown path "no-such-path"'],
    });
  });

  it('gives a pacing hint from the share of cues done against the share of time used', () => {
    const min = 60_000;
    expect(pacing(0, 40, -1, 10)).toBe('not-started');
    expect(pacing(10 * min, 40, 2, 10)).toBe('on-pace');
    expect(pacing(20 * min, 40, 2, 10)).toBe('behind');
    expect(pacing(4 * min, 40, 5, 10)).toBe('ahead');
    expect(pacing(41 * min, 40, 9, 10)).toBe('over-time');
  });
});
