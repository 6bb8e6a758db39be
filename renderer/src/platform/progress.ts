/**
 * The student's course progress as the renderer sees it. The shape has one schema, in electron/ipc/progress.ts (pure
 * zod, no Electron), which main, the IPC contract and the renderer all import; lint allows the platform layer exactly
 * that value import from electron/. The helpers here are pure: each returns new progress and keeps every field it
 * does not know (a newer version's data survives an older app).
 */
import {
  MAX_PROGRESS_BYTES,
  PROGRESS_SCHEMA_VERSION,
  checkProgress,
  emptyProgress,
  progressSchema,
  type Answer,
  type LessonProgress,
  type Progress,
  type ProgressProblem,
} from '../../../electron/ipc/progress';

export { MAX_PROGRESS_BYTES, PROGRESS_SCHEMA_VERSION, checkProgress, emptyProgress, progressSchema };
export type { Answer, LessonProgress, Progress, ProgressProblem };

/** What a student gave for one question; the attempt number and time are filled in. */
export interface AnswerInput {
  questionId: string;
  correct: boolean;
  answer: Answer['answer'];
}

function lessonOf(progress: Progress, lessonId: string, at: string): LessonProgress {
  return progress.lessons[lessonId] ?? { step: 0, completed: false, updatedAt: at, answers: [] };
}

function withLesson(progress: Progress, lessonId: string, lesson: LessonProgress): Progress {
  return { ...progress, lastLessonId: lessonId, lessons: { ...progress.lessons, [lessonId]: lesson } };
}

/** Adds an attempt at a question (attempt = earlier attempts at that question + 1) and makes the lesson the one to resume. */
export function recordAnswer(progress: Progress, lessonId: string, input: AnswerInput, now = new Date()): Progress {
  const at = now.toISOString();
  const lesson = lessonOf(progress, lessonId, at);
  const attempt = lesson.answers.filter((a) => a.questionId === input.questionId).length + 1;
  const answer: Answer = { questionId: input.questionId, attempt, correct: input.correct, answer: input.answer, at };
  return withLesson(progress, lessonId, { ...lesson, updatedAt: at, answers: [...lesson.answers, answer] });
}

/** Records the step the student reached in a lesson's walkthrough. */
export function setStep(progress: Progress, lessonId: string, step: number, now = new Date()): Progress {
  if (!Number.isInteger(step) || step < 0) throw new RangeError(`A lesson step is a whole number >= 0, got ${step}.`);
  const at = now.toISOString();
  return withLesson(progress, lessonId, { ...lessonOf(progress, lessonId, at), step, updatedAt: at });
}

export function markCompleted(progress: Progress, lessonId: string, now = new Date()): Progress {
  const at = now.toISOString();
  return withLesson(progress, lessonId, { ...lessonOf(progress, lessonId, at), completed: true, updatedAt: at });
}

/**
 * The score of a lesson counting first attempts only: a question answered right on the second try taught something,
 * but it does not count as known. `total` is the number of distinct questions answered.
 */
export function firstAttemptScore(lesson: LessonProgress): { correct: number; total: number } {
  const first = new Map<string, Answer>();
  for (const answer of lesson.answers) {
    const seen = first.get(answer.questionId);
    if (!seen || answer.attempt < seen.attempt) first.set(answer.questionId, answer);
  }
  const correct = [...first.values()].filter((a) => a.correct).length;
  return { correct, total: first.size };
}

/** One sentence for the student: what was wrong with the stored progress and where the old copy is. */
export function describeProgressProblem(problem: ProgressProblem): string {
  const kept = problem.backupPath
    ? `It was kept as ${problem.backupPath}, not deleted`
    : 'It was left where it was and is not overwritten';
  return `Saved progress could not be used: ${problem.reason}. ${kept}; the course starts from fresh progress.`;
}

/**
 * The outcome of a save. `saveProgress` never rejects: when storage fails the course keeps running in memory.
 * `saved` is false for every failed save (to show "not saved"); `notice` is set only on the first failure of a run
 * of failures (to show one message, not one per answer), and again after storage worked in between.
 */
export interface ProgressSaveStatus {
  saved: boolean;
  notice: string | null;
}
