import { describe, expect, it } from 'vitest';
import { loadBuiltInLibrary } from '../../model/builtin';
import { fakePlatform } from '../../platform/testing/fakes';
import { AppState } from './AppState.svelte';

const platform = fakePlatform();
const lib = loadBuiltInLibrary();

describe('AppState mirrors the Stage and keeps only UI state', () => {
  it('every Stage command replaces the one mirrored snapshot', () => {
    const app = new AppState(lib, platform);
    const first = app.snap;
    app.stage.setMode('walkthrough');
    app.stage.walkthrough.next();
    expect(app.snap).not.toBe(first);
    expect(app.snap).toBe(app.stage.snapshot);
    expect(app.walkthrough.player.hopIndex).toBe(1);
    expect(app.mode).toBe('walkthrough');
  });

  it('the controls act on the player of the view on screen, and on nothing where there is none', () => {
    const app = new AppState(lib, platform);
    app.controls.next();
    expect(app.walkthrough.player.hopIndex).toBe(0);
    app.setMode('compare');
    app.controls.next();
    expect(app.compare.player.left.hopIndex).toBe(1);
    expect(app.walkthrough.player.hopIndex).toBe(0);
  });

  it('changing the view forgets where the learner came from and which event was open', () => {
    const app = new AppState(lib, platform);
    app.origin = { kind: 'claim', id: 'c1', label: 'claim 1' };
    app.detailHop = 3;
    app.setMode('lab');
    expect(app.origin).toBeNull();
    expect(app.detailHop).toBeNull();
  });

  it('another view steps out of the course; the Course button returns to the open lesson and its step', async () => {
    const app = new AppState(lib, platform);
    await app.course.load();
    const lesson = app.course.lessons[4];
    if (!lesson) throw new Error('no lesson 5');
    app.course.openLesson(lesson.id, 1);
    expect(app.mode).toBe(lesson.steps[1]?.state.view);
    app.setMode('references');
    expect(app.course.screen).toBe('closed');
    app.openCourse();
    expect(app.course.screen).toBe('lesson');
    expect(app.course.position).toBe(1);
    expect(app.mode).toBe(lesson.steps[1]?.state.view);
    app.openCourse();
    expect(app.course.screen).toBe('library');
  });
});
