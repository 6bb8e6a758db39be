/**
 * Pure helpers of the course UI: where a learner is in a lesson, the seed of each attempt at a question, and what the
 * library says about a lesson. No runes, so they are unit-tested as plain functions.
 *
 * A lesson is walked as one sequence of positions: its steps first (0 .. steps-1), then its questions
 * (steps .. steps+questions-1). The position is what progress stores as a lesson's `step`, so "Continue where you
 * left off" returns to the exact step or question.
 */
import { lessonScore, type Answer, type Lesson, type LessonScore } from '../../model/course';
import type { LessonProgress, Progress } from '../../platform/progress';

export function positionCount(lesson: Lesson): number {
  return lesson.steps.length + lesson.questions.length;
}

/** The question index at a position, or null at a step. */
export function questionAt(lesson: Lesson, position: number): number | null {
  const q = position - lesson.steps.length;
  return q >= 0 && q < lesson.questions.length ? q : null;
}

/** A stored position made safe for this version of the lesson (steps may have been added or removed since). */
export function clampPosition(lesson: Lesson, position: number): number {
  return Math.max(0, Math.min(positionCount(lesson) - 1, Math.trunc(position) || 0));
}

/** Where a position is: "Step 3 of 6" or "Question 2 of 4". */
export function positionName(lesson: Lesson, position: number): string {
  const q = questionAt(lesson, position);
  return q !== null
    ? `Question ${q + 1} of ${lesson.questions.length}`
    : `Step ${position + 1} of ${lesson.steps.length}`;
}

/** What the live region announces on arriving at a position: "Step 3 of 6: VMBus" or "Question 2 of 4". */
export function positionLabel(lesson: Lesson, position: number): string {
  const step = questionAt(lesson, position) === null ? lesson.steps[position] : undefined;
  return step ? `${positionName(lesson, position)}: ${step.title}` : positionName(lesson, position);
}

/**
 * The seed of attempt `attempt` at a question (FNV-1a of the ids). Derived, not stored: a reload shows the same
 * options in the same order (and the same generated hop) for the attempt on screen, and a retry gets a new variant.
 */
export function questionSeed(lessonId: string, questionId: string, attempt: number): number {
  let h = 0x811c9dc5;
  for (const ch of `${lessonId}\u0000${questionId}\u0000${attempt}`) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const ANSWER_KINDS = new Set<Answer['kind']>(['choice', 'choices', 'order', 'classify', 'numeric']);

/** A stored answer (any JSON: another version may have written it) as a model Answer, or null when it is not one. */
export function asAnswer(raw: unknown): Answer | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const a = raw as Record<string, unknown>;
  if (!ANSWER_KINDS.has(a.kind as Answer['kind'])) return null;
  const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
  switch (a.kind) {
    case 'choice':
      return typeof a.optionId === 'string' ? (raw as Answer) : null;
    case 'choices':
      return strings(a.optionIds) ? (raw as Answer) : null;
    case 'order':
      return strings(a.itemIds) ? (raw as Answer) : null;
    case 'classify':
      return typeof a.categories === 'object' && a.categories !== null ? (raw as Answer) : null;
    default:
      return typeof a.value === 'number' ? (raw as Answer) : null;
  }
}

export type LessonStatus = 'new' | 'started' | 'completed';

export interface LessonSummary {
  status: LessonStatus;
  /** The stored position, made safe. */
  position: number;
  /** First attempts only (the model's rule). */
  score: LessonScore;
}

export function lessonSummary(lesson: Lesson, progress: LessonProgress | undefined): LessonSummary {
  const score = lessonScore(lesson.questions, progress?.answers ?? []);
  const status: LessonStatus = !progress ? 'new' : progress.completed ? 'completed' : 'started';
  return { status, position: clampPosition(lesson, progress?.step ?? 0), score };
}

/** Every question of the lesson has at least one answer. */
export function allAnswered(lesson: Lesson, progress: LessonProgress | undefined): boolean {
  return lessonSummary(lesson, progress).score.answered === lesson.questions.length;
}

/** The lesson and position "Continue where you left off" returns to, when there is one. */
export function resumePoint(
  lessons: readonly Lesson[],
  progress: Progress,
): { lesson: Lesson; position: number } | null {
  const lesson = lessons.find((l) => l.id === progress.lastLessonId);
  const stored = lesson && progress.lessons[lesson.id];
  return lesson && stored ? { lesson, position: clampPosition(lesson, stored.step) } : null;
}
