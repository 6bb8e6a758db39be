import { describe, expect, it } from 'vitest';
import { loadBuiltInLibrary } from '../../model/builtin';
import { courseLessons, type Answer, type Lesson } from '../../model/course';
import type { Presentation } from '../../model/presentation';
import type { ProgressHost } from '../../platform/Platform';
import { emptyProgress, type Progress } from '../../platform/progress';
import { CourseState } from './CourseState.svelte';
import { asAnswer, clampPosition, positionLabel, questionAt, questionSeed, resumePoint } from './coursePlan';

const lib = loadBuiltInLibrary();
const lessons = courseLessons(lib);
const lesson5 = lessons.find((l) => l.number === 5) as Lesson;

/** A progress host that keeps every save and can be told to fail. */
function host(initial: Progress = emptyProgress(), problems: string[] = []) {
  const saves: Progress[] = [];
  let failing = false;
  const h: ProgressHost & { saves: Progress[]; fail(): void } = {
    saves,
    fail: () => (failing = true),
    loadProgress: async () => ({ progress: initial, problems }),
    saveProgress: async (p) => {
      if (failing) return { saved: false, notice: 'Storage is full.' };
      saves.push(p);
      return { saved: true, notice: null };
    },
  };
  return h;
}

async function course(initial?: Progress, present: (p: Presentation) => string[] = () => []) {
  const h = host(initial);
  const c = new CourseState(lib, h, present);
  await c.load();
  return { c, h };
}

/** The right answer of a question on screen, from its concrete question. */
function rightAnswer(c: CourseState, index: number): Answer {
  const view = c.question(index);
  if (!view) throw new Error('no question');
  return view.concrete.expected;
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('coursePlan', () => {
  it('positions run over the steps, then the questions', () => {
    const steps = lesson5.steps.length;
    expect(questionAt(lesson5, steps - 1)).toBeNull();
    expect(questionAt(lesson5, steps)).toBe(0);
    expect(positionLabel(lesson5, 0)).toBe(`Step 1 of ${steps}: ${lesson5.steps[0]?.title}`);
    expect(positionLabel(lesson5, steps + 1)).toBe(`Question 2 of ${lesson5.questions.length}`);
    expect(clampPosition(lesson5, 999)).toBe(steps + lesson5.questions.length - 1);
    expect(clampPosition(lesson5, -3)).toBe(0);
  });

  it('seeds are stable per attempt and differ between attempts', () => {
    expect(questionSeed('a', 'q', 1)).toBe(questionSeed('a', 'q', 1));
    expect(questionSeed('a', 'q', 1)).not.toBe(questionSeed('a', 'q', 2));
    expect(questionSeed('a', 'q', 1)).not.toBe(questionSeed('b', 'q', 1));
  });

  it('a stored answer of another shape is not taken for an answer', () => {
    expect(asAnswer({ kind: 'choice', optionId: 'x' })).toEqual({ kind: 'choice', optionId: 'x' });
    expect(asAnswer({ kind: 'choice' })).toBeNull();
    expect(asAnswer({ kind: 'order', itemIds: [1] })).toBeNull();
    expect(asAnswer('x')).toBeNull();
    expect(asAnswer({ kind: 'guess', value: 1 })).toBeNull();
  });

  it('resumes only a lesson that exists and has progress', () => {
    const p: Progress = { ...emptyProgress(), lastLessonId: 'gone' };
    expect(resumePoint(lessons, p)).toBeNull();
  });
});

describe('CourseState', () => {
  it('puts each step on stage, announces it and saves the position', async () => {
    const shown: Presentation[] = [];
    const { c, h } = await course(undefined, (p) => (shown.push(p), []));
    c.openLesson(lesson5.id);
    expect(c.screen).toBe('lesson');
    expect(c.announcement).toBe(positionLabel(lesson5, 0));
    c.next();
    expect(c.position).toBe(1);
    expect(shown).toHaveLength(2);
    expect(shown[1]?.view).toBe(lesson5.steps[1]?.state.view);
    await flush();
    expect(h.saves.at(-1)?.lessons[lesson5.id]?.step).toBe(1);
    expect(h.saves.at(-1)?.lastLessonId).toBe(lesson5.id);
  });

  it('moving between questions leaves the stage alone; opening at a question shows the last step', async () => {
    const shown: Presentation[] = [];
    const { c } = await course(undefined, (p) => (shown.push(p), []));
    const first = lesson5.steps.length;
    c.openLesson(lesson5.id, first + 1);
    expect(shown).toHaveLength(1);
    expect(shown[0]?.view).toBe(lesson5.steps.at(-1)?.state.view);
    c.next();
    c.prev();
    expect(shown).toHaveLength(1);
  });

  it('stage problems are shown, not thrown', async () => {
    const { c } = await course(undefined, () => ['pathId: unknown path "x"']);
    c.openLesson(lesson5.id);
    expect(c.stageErrors).toEqual(['pathId: unknown path "x"']);
  });

  it('scores first attempts; a retry shows a fresh attempt and does not raise the score', async () => {
    const { c } = await course();
    const q = lesson5.steps.length + 2; // a single-choice question
    c.openLesson(lesson5.id, q);
    const index = c.questionIndex as number;
    expect(c.answer(index, { kind: 'choice', optionId: 'wrong' })?.correct).toBe(false);
    expect(c.question(index)?.given?.grade.correct).toBe(false);
    // A second answer to the same attempt is ignored.
    c.answer(index, rightAnswer(c, index));
    expect(c.summary(lesson5).score).toMatchObject({ score: 0, answered: 1 });
    c.retry(index);
    expect(c.question(index)).toMatchObject({ attempt: 2, given: null });
    expect(c.answer(index, rightAnswer(c, index))?.correct).toBe(true);
    expect(c.summary(lesson5).score).toMatchObject({ score: 0, answered: 1, solved: 1 });
  });

  it('a reload shows the same attempt with its answer and grade', async () => {
    const { c, h } = await course();
    c.openLesson(lesson5.id, lesson5.steps.length + 1); // predict-next: generated from the seed
    const before = c.question(1);
    c.answer(1, rightAnswer(c, 1));
    await flush();
    const { c: again } = await course(h.saves.at(-1));
    again.continueWhereLeft();
    expect(again.position).toBe(lesson5.steps.length + 1);
    const after = again.question(1);
    expect(after?.concrete).toEqual(before?.concrete);
    expect(after?.given?.grade.correct).toBe(true);
  });

  it('answering every question completes the lesson', async () => {
    const { c } = await course();
    c.openLesson(lesson5.id);
    lesson5.questions.forEach((_, i) => c.answer(i, rightAnswer(c, i)));
    expect(c.summary(lesson5)).toMatchObject({ status: 'completed', score: { score: 4, total: 4 } });
    // A completed lesson opens at its start again.
    c.openLesson(lesson5.id);
    expect(c.position).toBe(0);
  });

  it('"Show me" goes to the step that shows the answer and offers the way back', async () => {
    const { c } = await course();
    const at = lesson5.steps.length + 3;
    c.openLesson(lesson5.id, at);
    c.showMe(3);
    const step = lesson5.steps.findIndex((s) => s.id === lesson5.questions[3]?.showStep);
    expect(c.position).toBe(step);
    expect(c.returnTo).toBe(at);
    c.backToQuestion();
    expect(c.position).toBe(at);
    expect(c.returnTo).toBeNull();
  });

  it('a failed save leaves a notice and the course running in memory', async () => {
    const h = host();
    const c = new CourseState(lib, h, () => []);
    await c.load();
    h.fail();
    c.openLesson(lesson5.id);
    c.next();
    await flush();
    expect(c.saveNotice).toBe('Storage is full.');
    expect(c.position).toBe(1);
    expect(c.progress.lessons[lesson5.id]?.step).toBe(1);
  });

  it('load problems are kept for the notice', async () => {
    const c = new CourseState(lib, host(emptyProgress(), ['It was kept as X.']), () => []);
    await c.load();
    expect(c.loadProblems).toEqual(['It was kept as X.']);
  });

  it('export and import round-trip; an import replaces progress; reset empties it', async () => {
    const { c } = await course();
    c.openLesson(lesson5.id);
    c.answer(0, rightAnswer(c, 0));
    const text = await c.exportFile(' Ada ');
    const read = await c.readImport(text);
    expect(read).toMatchObject({ ok: true, student: 'Ada' });
    c.reset();
    expect(c.progress.lessons).toEqual({});
    expect(c.screen).toBe('library');
    if (read.ok) c.replaceProgress(read.progress);
    expect(c.summary(lesson5).score.score).toBe(1);
    expect(await c.readImport('{')).toMatchObject({ ok: false });
  });
});
