/**
 * Run sheets: an instructor's class prepared as an ordered list of cues, each a full presentation state (presentation.ts)
 * with a title, an optional narration line for the audience and speaker notes. A run sheet is content like a scenario:
 * one zod schema validates a file wherever it comes from, every problem is reported with its place
 * (`cues[2].presentation.pathId: ...`), and ids the library does not know are named by `checkPresentation`.
 *
 * The editing operations are pure functions returning a new sheet, so the presenter's state is a value that can be
 * saved, compared and undone; a lesson is turned into a run sheet as it is (its steps become cues).
 */
import { z } from 'zod';
import { plainText } from './course/markdown';
import type { Lesson } from './course/schema';
import { stepPresentation } from './course/stepPresentation';
import { formatPath } from './parseScenario';
import { checkPresentation, presentationSchema, type Presentation } from './presentation';
import type { Library } from './types';
import { text } from './vocabulary';

export const RUN_SHEET_FORMAT = 'ring-minus-one-run-sheet';

export const cueSchema = z.strictObject({
  title: text.max(200),
  /** One line the audience reads under the title (empty: none). */
  narration: z.string().max(500),
  /** Speaker notes: only the presenter sees them. */
  notes: z.string().max(10_000),
  presentation: presentationSchema,
});

export const runSheetSchema = z.strictObject({
  format: z.literal(RUN_SHEET_FORMAT),
  version: z.literal(1),
  title: text.max(200),
  /** How long the class is planned to take (the presenter's pacing hint compares against it). */
  minutes: z.number().int().min(1).max(600),
  cues: z.array(cueSchema).max(500),
});

export type Cue = z.infer<typeof cueSchema>;
export type RunSheet = z.infer<typeof runSheetSchema>;

export type RunSheetParse = { ok: true; sheet: RunSheet } | { ok: false; errors: string[] };

/** Validates untrusted data (an opened file): the sheet, or every problem with its place, shape first, then ids. */
export function parseRunSheet(raw: unknown, library: Library): RunSheetParse {
  const r = runSheetSchema.safeParse(raw);
  if (!r.success)
    return {
      ok: false,
      errors: r.error.issues.map((i) => `${i.path.length > 0 ? formatPath(i.path) : '(root)'}: ${i.message}`),
    };
  const errors = r.data.cues.flatMap((cue, i) =>
    checkPresentation(library, cue.presentation).map((e) => `cues[${i}].presentation.${e}`),
  );
  return errors.length > 0 ? { ok: false, errors } : { ok: true, sheet: r.data };
}

export function emptyRunSheet(title = 'Untitled run sheet', minutes = 45): RunSheet {
  return { format: RUN_SHEET_FORMAT, version: 1, title, minutes, cues: [] };
}

/** A lesson as a run sheet, as it is: one cue per step, with the step's narration and notes in plain text. */
export function lessonRunSheet(library: Library, lesson: Lesson): RunSheet {
  const plain = (t: string) => plainText(t, library.glossary);
  return {
    ...emptyRunSheet(`Lesson ${lesson.number}: ${lesson.title}`, lesson.minutes),
    cues: lesson.steps.map((step, i) => ({
      title: step.title,
      narration: plain(step.narration),
      notes: plain(step.notes),
      presentation: stepPresentation(library, lesson, i),
    })),
  };
}

/**
 * Adds the live state as a new cue after `after` (at the end by default). A captured state is paused and not blacked
 * out: a cue is where the class stands, and the presenter starts playback or a blackout live.
 */
export function captureCue(sheet: RunSheet, presentation: Presentation, title: string, after?: number): RunSheet {
  const cue: Cue = {
    title,
    narration: '',
    notes: '',
    presentation: { ...presentation, playing: false, blackout: false },
  };
  const at = after === undefined ? sheet.cues.length : Math.min(sheet.cues.length, Math.max(0, after + 1));
  return { ...sheet, cues: [...sheet.cues.slice(0, at), cue, ...sheet.cues.slice(at)] };
}

/** Moves the cue at `from` to index `to` (both clamped); the others keep their order. */
export function moveCue(sheet: RunSheet, from: number, to: number): RunSheet {
  if (from < 0 || from >= sheet.cues.length) return sheet;
  const cues = [...sheet.cues];
  const [cue] = cues.splice(from, 1);
  if (!cue) return sheet;
  cues.splice(Math.min(cues.length, Math.max(0, to)), 0, cue);
  return { ...sheet, cues };
}

export function removeCue(sheet: RunSheet, index: number): RunSheet {
  return { ...sheet, cues: sheet.cues.filter((_, i) => i !== index) };
}

/** Changes the title, narration or notes of one cue. */
export function editCue(
  sheet: RunSheet,
  index: number,
  patch: Partial<Pick<Cue, 'title' | 'narration' | 'notes'>>,
): RunSheet {
  return { ...sheet, cues: sheet.cues.map((c, i) => (i === index ? { ...c, ...patch } : c)) };
}

/** The file's text (stable key order, indented, for an instructor's version control). */
export function serializeRunSheet(sheet: RunSheet): string {
  return `${JSON.stringify(sheet, null, 2)}\n`;
}

/** How far the class is against the plan: the share of the cues done against the share of the time used. */
export type Pacing = 'not-started' | 'on-pace' | 'ahead' | 'behind' | 'over-time';

/** The band around the plan still called "on pace" (a share of the whole class). */
const PACE_SLACK = 0.1;

/** The pacing hint at `elapsedMs` into a class planned for `minutes`, standing on cue `index` of `count`. */
export function pacing(elapsedMs: number, minutes: number, index: number, count: number): Pacing {
  if (index < 0 || count === 0) return 'not-started';
  const used = elapsedMs / (minutes * 60_000);
  if (used > 1) return 'over-time';
  // Standing on cue i means the cues before it are done.
  const done = index / count;
  if (done < used - PACE_SLACK) return 'behind';
  if (done > used + PACE_SLACK) return 'ahead';
  return 'on-pace';
}
