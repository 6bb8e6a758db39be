import { describe, expect, it } from 'vitest';
import { loadBuiltInLibrary } from '../../model/builtin';
import { courseLessons } from '../../model/course/lessons';
import { lessonHandout, runSheetHandout } from '../../model/handout';
import { emptyRunSheet } from '../../model/runSheet';
import { Stage } from '../../stage/Stage';
import { HandoutState } from './HandoutState.svelte';

const lib = loadBuiltInLibrary();
const lesson = courseLessons(lib).find((l) => l.number === 4);
if (!lesson) throw new Error('no lesson 4');

describe('HandoutState', () => {
  it('pictures every step with the step on stage, blacked out for the audience, then puts the stage back', async () => {
    const stage = new Stage(lib);
    // A Lab of the user's own, then another view on screen: both come back as they were.
    stage.setMode('lab');
    stage.lab.setWhatIfs({ batchSize: 4, batching: false, options: [] });
    stage.setMode('claims');
    const before = stage.presentation();
    const labBefore = stage.snapshot.lab;
    const handout = new HandoutState(stage);
    handout.open(lessonHandout(lib, lesson));
    const seen: { view: string; time: number; blackout: boolean; hop: number }[] = [];
    await handout.build(async () => {
      const p = stage.presentation();
      seen.push({ view: p.view, time: p.time, blackout: p.blackout, hop: stage.snapshot.walkthrough.player.hopIndex });
      return `data:image/png;base64,step${seen.length}`;
    });
    expect(seen.map((s) => s.view)).toEqual(lesson.steps.map((s) => s.state.view));
    expect(seen.every((s) => s.blackout)).toBe(true);
    expect(seen[2]?.hop).toBe(lesson.steps[2]?.state.hop);
    expect(handout.pages.map((p) => p.image)).toEqual(
      lesson.steps.map((_s, i) => `data:image/png;base64,step${i + 1}`),
    );
    expect(handout.pages.map((p) => p.title)).toEqual(lesson.steps.map((s) => s.title));
    // The hop on stage is among the sources of a walkthrough step.
    const hopLabel = lib.paths.get(lesson.steps[2]?.state.pathId ?? '')?.hops[lesson.steps[2]?.state.hop ?? 0]?.label;
    expect(handout.pages[2]?.sources.map((g) => g.label)).toContain(`Hop: ${hopLabel}`);
    expect(stage.presentation()).toEqual(before);
    expect(stage.snapshot.lab.whatIfs).toEqual(labBefore.whatIfs);
    expect(stage.snapshot.lab.showPlayer).toBe(labBefore.showPlayer);
    expect(handout.building).toBe(false);
    expect(handout.done).toBe(lesson.steps.length);
  });

  it('says why a step has no picture, and still puts the stage back when a capture fails', async () => {
    const stage = new Stage(lib);
    const before = stage.presentation();
    const handout = new HandoutState(stage);
    handout.open(lessonHandout(lib, lesson));
    let n = 0;
    await handout.build(async () => {
      if (++n === 2) throw new Error('the WebGL context was lost');
      return 'data:image/png;base64,x';
    });
    expect(handout.pages[1]).toMatchObject({
      image: null,
      problem: 'No picture of this step: the WebGL context was lost',
    });
    expect(handout.pages.filter((p) => p.image !== null)).toHaveLength(lesson.steps.length - 1);
    expect(stage.presentation()).toEqual(before);
  });

  it('names the unknown ids of a run sheet step that does not fit the library, and stops when closed', async () => {
    const stage = new Stage(lib);
    const handout = new HandoutState(stage);
    const good = lessonHandout(lib, lesson).steps[0]?.presentation;
    if (!good) throw new Error('no step');
    const sheet = {
      ...emptyRunSheet('Class'),
      cues: [
        { title: 'Bad', narration: '', notes: '', presentation: { ...good, pathId: 'no-such-path' } },
        { title: 'Good', narration: 'x', notes: '', presentation: good },
      ],
    };
    handout.open(runSheetHandout(sheet));
    await handout.build(async () => 'data:image/png;base64,x');
    expect(handout.pages[0]?.problem).toBe('This step could not be put on stage: pathId: unknown path "no-such-path"');
    expect(handout.pages[1]?.image).toBe('data:image/png;base64,x');

    handout.open(runSheetHandout(sheet));
    const closing = handout.build(async () => {
      handout.close();
      return 'data:image/png;base64,x';
    });
    await closing;
    expect(handout.plan).toBeNull();
    expect(handout.pages).toEqual([]);
  });
});
