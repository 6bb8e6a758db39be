/**
 * The course's content shapes (zod 4): glossary terms and lessons (steps, questions). They are wired into
 * schema.ts's `scenarioFileSchema` as the optional top-level keys `glossary` and `lessons`; cross-references (ids of
 * architectures, paths, hops, components, claims, steps, terms and sources) are checked by checkCourse.ts once the
 * library is built. Narration, notes, intros, prompts and explanations may link glossary terms with `[[term-id]]` or
 * `[[term-id|shown text]]` (richText.ts).
 */
import { z } from 'zod';
import { CAMERA_PRESETS, VIEWS, presentationSchema } from '../presentation';
import type { CostReport, Counters } from '../types';
import { id, text } from '../vocabulary';

const sourceKeys = z.array(z.string()).describe('Source keys of the References, e.g. ["H3", "C4"].');
const richText = text.describe('Text that may link glossary terms: [[term-id]] or [[term-id|shown text]].');

export const glossaryTermSchema = z.strictObject({
  id,
  term: text.describe('The term as shown, e.g. "VM exit".'),
  aliases: z.array(text).optional().describe('Other names of the same thing, e.g. "VMX root" for "ring -1".'),
  definition: richText,
  sources: sourceKeys.min(1, 'a glossary term needs at least one source'),
});

/**
 * What a step puts on stage: a partial presentation (presentation.ts). Only `view` is required; stepPresentation.ts
 * fills the rest (the architecture from the path, the time at which `hop` starts, paused, speed 1, ...).
 */
export const stepStateSchema = z.strictObject({
  view: z.enum(VIEWS),
  architectureId: id.optional(),
  pathId: id.optional(),
  hop: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe(
      'Index into the hops of the path on stage (compare.left in Compare), as the player shows them: stage starts paused where this hop starts.',
    ),
  compare: z.strictObject({ left: id, right: id }).optional(),
  whatIfs: presentationSchema.shape.whatIfs.partial().optional().describe('Lab what-ifs (only the Lab applies them).'),
  crashed: id.optional().describe('A component of the architecture crashed in the fault lab.'),
  showPlayer: z.boolean().optional().describe('In the Lab: show the packet and the player.'),
  claim: id.optional().describe('The claim (or foundation) open in the Claims view.'),
  camera: z.enum(CAMERA_PRESETS).optional(),
  spotlight: z.array(id).max(32).optional().describe('Component ids to spotlight; the rest of the stack dims.'),
  selection: z.strictObject({ stackKey: z.string().min(1), componentId: id }).optional(),
});

export const stepSchema = z.strictObject({
  id,
  title: text,
  narration: richText.describe('What the learner reads (and a screen reader announces) at this step.'),
  notes: richText.describe('Speaker notes for an instructor (presenter window only).'),
  state: stepStateSchema,
});

const optionSchema = z.strictObject({ id, text });

const questionBase = {
  id,
  prompt: richText,
  explanation: richText.describe('Why the right answer is right (shown after any answer).'),
  showStep: id.describe('The step of this lesson that shows the answer.'),
};

/** The metrics a numeric question can ask for: a per-request counter or the CPU-bound throughput of the cost model. */
export const METRICS = [
  'exits',
  'worldSwitches',
  'interrupts',
  'copies',
  'contextSwitches',
  'cycles',
  'microseconds',
  'requestsPerSecondPerCore',
] as const satisfies readonly (keyof Counters | keyof Pick<CostReport, 'requestsPerSecondPerCore'>)[];

export const questionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('single'),
    ...questionBase,
    options: z.array(optionSchema).min(2).max(8),
    correct: id.describe('Id of the right option.'),
  }),
  z.strictObject({
    kind: z.literal('multiple'),
    ...questionBase,
    options: z.array(optionSchema).min(2).max(8),
    correct: z.array(id).min(1).describe('Ids of every right option.'),
  }),
  z.strictObject({
    kind: z.literal('order'),
    ...questionBase,
    pathId: id.describe('The right order is this path’s own hops (as the walkthrough plays them).'),
    from: z.number().int().min(0).optional().describe('First hop index to order (default 0).'),
    to: z.number().int().min(0).optional().describe('Last hop index to order, inclusive (default: the last hop).'),
  }),
  z.strictObject({
    kind: z.literal('predict-next'),
    ...questionBase,
    pathId: id.describe('Generated from the path: a hop is picked, the learner names the component reached next.'),
  }),
  z.strictObject({
    kind: z.literal('classify'),
    ...questionBase,
    categories: z.array(z.strictObject({ id, label: text })).min(2),
    items: z.array(z.strictObject({ id, text, category: id })).min(2),
  }),
  z.strictObject({
    kind: z.literal('numeric'),
    ...questionBase,
    pathId: id,
    metric: z.enum(METRICS).describe('Computed from the cost model when the question is asked, never stored.'),
    tolerance: z.number().positive().max(1).describe('Relative tolerance, e.g. 0.2 accepts ±20 %.'),
    whatIfs: presentationSchema.shape.whatIfs.partial().optional(),
    overrides: z.record(id, z.number().nonnegative()).optional().describe('Cost parameter values by id.'),
  }),
]);

export const lessonSchema = z.strictObject({
  id,
  number: z.number().int().min(1).max(99),
  title: text,
  minutes: z.number().int().min(1).max(60),
  intro: richText,
  sources: sourceKeys.min(1),
  steps: z.array(stepSchema).min(1),
  questions: z.array(questionSchema).min(3).max(6),
});

export type GlossaryTerm = z.output<typeof glossaryTermSchema>;
export type StepState = z.output<typeof stepStateSchema>;
export type Step = z.output<typeof stepSchema>;
export type Question = z.output<typeof questionSchema>;
export type QuestionKind = Question['kind'];
export type Metric = (typeof METRICS)[number];
export type Lesson = z.output<typeof lessonSchema>;
