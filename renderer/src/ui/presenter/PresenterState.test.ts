import { describe, expect, it } from 'vitest';
import { loadBuiltInLibrary } from '../../model/builtin';
import { courseLessons } from '../../model/course/lessons';
import { serializeRunSheet } from '../../model/runSheet';
import { fakePlatform } from '../../platform/testing/fakes';
import { AppState } from '../state/AppState.svelte';
import { PresenterState } from './PresenterState.svelte';

const platform = fakePlatform();
const lib = loadBuiltInLibrary();
const [lesson] = courseLessons(lib);
if (!lesson) throw new Error('no lessons');

function setup() {
  const app = new AppState(lib, platform);
  return { app, presenter: new PresenterState(app) };
}

describe('PresenterState', () => {
  it('presents a lesson: each step restores its state, announces it, and a blackout outlasts the step', () => {
    const { app, presenter } = setup();
    presenter.useLesson(lesson);
    expect(presenter.index).toBe(0);
    expect(app.stage.presentation().view).toBe(presenter.cue?.presentation.view);
    presenter.toggleBlackout();
    presenter.step(1);
    expect(presenter.index).toBe(1);
    expect(app.snap.blackout).toBe(true);
    expect(presenter.announcement).toBe(`Step 2 of ${lesson.steps.length}: ${lesson.steps[1]?.title}`);
    presenter.step(99);
    expect(presenter.index).toBe(lesson.steps.length - 1);
    presenter.goTo(99);
    expect(presenter.index).toBe(lesson.steps.length - 1);
  });

  it('captures after the current step and keeps the current step current through reorders and removals', () => {
    const { app, presenter } = setup();
    presenter.capture();
    app.setMode('compare');
    presenter.capture();
    expect(presenter.sheet.cues.map((c) => c.presentation.view)).toEqual(['explore', 'compare']);
    expect(presenter.index).toBe(1);
    presenter.move(1, -1);
    expect(presenter.index).toBe(0);
    expect(presenter.cue?.presentation.view).toBe('compare');
    presenter.remove(1);
    expect(presenter.sheet.cues).toHaveLength(1);
    expect(presenter.cue?.presentation.view).toBe('compare');
  });

  it('opens a saved sheet, and refuses a broken one with every problem and its place, keeping the sheet', () => {
    const { presenter } = setup();
    presenter.useLesson(lesson);
    const text = serializeRunSheet(presenter.sheet);
    const broken = JSON.parse(text);
    broken.cues[0].presentation.pathId = 'nope';
    expect(presenter.open(JSON.stringify(broken), 'b.json')).toBe(false);
    expect(presenter.openErrors).toEqual(['b.json: cues[0].presentation.pathId: unknown path "nope"']);
    expect(presenter.open('{"format": ', 'cut.json')).toBe(false);
    expect(presenter.openErrors[0]).toMatch(/^cut\.json: not valid JSON \(line 1, column 12/);
    expect(presenter.sheet.cues).toHaveLength(lesson.steps.length);
    expect(presenter.open(text, 'good.json')).toBe(true);
    expect(presenter.openErrors).toEqual([]);
    expect(presenter.file().name).toMatch(/^lesson-1-.*\.runsheet\.json$/);
  });
});
