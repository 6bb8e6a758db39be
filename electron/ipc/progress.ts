import { z } from 'zod';
import { describeIssues } from './settings';

/**
 * A student's course progress: the one schema that main (progress.json), the renderer (localStorage, export files)
 * and the IPC contract validate with. Pure zod, no Node and no Electron, so lint lets the renderer's platform layer
 * import it (eslint.config.js, the "shared-schema" file category).
 *
 * Every object is loose: a field this version does not know (written by a newer or an older version) is kept on
 * load and written back on save. Dropping it would lose a student's data the moment an older app opens the file.
 */
export const PROGRESS_SCHEMA_VERSION = 1;

/** Larger progress is refused whole (on load it is set aside, on save it is not written): real progress is tiny. */
export const MAX_PROGRESS_BYTES = 8 * 1024 * 1024;

const isoTime = z.iso.datetime({ offset: true });

export const answerSchema = z.looseObject({
  questionId: z.string().min(1),
  /** 1 for the first try at this question, 2 for the second, ... */
  attempt: z.int().min(1),
  correct: z.boolean(),
  /** What the student chose or typed, as any JSON value (a choice id, a list, a number). */
  answer: z.json(),
  at: isoTime,
});

export const lessonProgressSchema = z.looseObject({
  /** The step of the lesson's walkthrough the student last reached (0 = the first). */
  step: z.int().min(0),
  completed: z.boolean(),
  updatedAt: isoTime,
  /** Every attempt, oldest first. */
  answers: z.array(answerSchema),
});

export const progressSchema = z.looseObject({
  schemaVersion: z.literal(PROGRESS_SCHEMA_VERSION),
  /** The lesson to resume. */
  lastLessonId: z.string().min(1).nullable(),
  lessons: z.record(z.string().min(1), lessonProgressSchema),
});

export type Answer = z.output<typeof answerSchema>;
export type LessonProgress = z.output<typeof lessonProgressSchema>;
export type Progress = z.output<typeof progressSchema>;

/** Why stored progress could not be used, and where the old copy was kept (null when it could not be moved). */
export const progressProblemSchema = z.strictObject({
  reason: z.string(),
  backupPath: z.string().nullable(),
});
export type ProgressProblem = z.output<typeof progressProblemSchema>;

export const progressLoadSchema = z.strictObject({
  progress: progressSchema,
  problem: progressProblemSchema.nullable(),
});
export type ProgressLoad = z.output<typeof progressLoadSchema>;

export function emptyProgress(): Progress {
  return { schemaVersion: PROGRESS_SCHEMA_VERSION, lastLessonId: null, lessons: {} };
}

export type ProgressCheck = { ok: true; progress: Progress } | { ok: false; reason: string };

/**
 * Validates untrusted progress (a parsed file, a localStorage value, an import). A newer schemaVersion gets its own
 * reason: the data is probably fine, this version just cannot know what it means.
 */
export function checkProgress(raw: unknown): ProgressCheck {
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > PROGRESS_SCHEMA_VERSION) {
    return {
      ok: false,
      reason:
        `it was written by a newer version of Ring Minus One (progress schemaVersion ${version}; ` +
        `this version reads ${PROGRESS_SCHEMA_VERSION})`,
    };
  }
  const parsed = progressSchema.safeParse(raw);
  if (parsed.success) return { ok: true, progress: parsed.data };
  return { ok: false, reason: `invalid progress: ${describeIssues(parsed.error, '(top level)')}` };
}
