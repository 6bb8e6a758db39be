/**
 * The question engine: a question of a lesson (course/schema.ts) becomes a concrete question for one seed, with its
 * options shuffled by a seeded generator (same seed, same question); answers are graded against what the model says,
 * never against a number or an order restated in the file:
 * - order: the right order is the path's own hops, as the walkthrough plays them;
 * - predict-next: generated from the path: a hop i is picked, hops 0..i are shown, and the learner names the
 *   component that hop i+1 reaches; distractors are other components of the architecture, never the answer nor a
 *   component with the answer's name (two "Guest kernel"s would be two right-looking options), so exactly one option
 *   is right even on paths that revisit components;
 * - numeric: the right value is computed by the cost model (through the WalkthroughPlayer, as the Lab shows it).
 * Concrete questions and answers are plain data, so a UI can save them with the learner's progress.
 */
import type { Hop, Library, Mechanism } from '../types';
import { WalkthroughPlayer } from '../WalkthroughPlayer';
import { randomInt, seededRandom, shuffled, type Random } from './random';
import type { Lesson, Metric, Question } from './schema';
import { playedHops } from './stepPresentation';
import { ownValue } from '../ownKey';

export interface Choice {
  id: string;
  text: string;
}

/** What a learner answers; `expected` of a concrete question has the same shape. */
export type Answer =
  | { kind: 'choice'; optionId: string }
  | { kind: 'choices'; optionIds: string[] }
  | { kind: 'order'; itemIds: string[] }
  | { kind: 'classify'; categories: Record<string, string> }
  | { kind: 'numeric'; value: number };

/** A hop already shown in a predict-next question. */
export interface ShownHop {
  index: number;
  label: string;
  from: string;
  to: string;
  mechanism: Mechanism;
}

interface Base {
  questionId: string;
  lessonId: string;
  seed: number;
  prompt: string;
  explanation: string;
  showStep: string;
}

export type ConcreteQuestion =
  | (Base & { kind: 'single'; options: Choice[]; expected: Extract<Answer, { kind: 'choice' }> })
  | (Base & { kind: 'multiple'; options: Choice[]; expected: Extract<Answer, { kind: 'choices' }> })
  | (Base & {
      kind: 'predict-next';
      pathId: string;
      /** Hops 0..i of the path, as the walkthrough shows them; the question is about hop i+1. */
      shown: ShownHop[];
      /** The component hop i+1 leaves from. */
      from: Choice;
      options: Choice[];
      expected: Extract<Answer, { kind: 'choice' }>;
    })
  | (Base & {
      kind: 'order';
      pathId: string;
      /** Hop index of the first item in the right order. */
      from: number;
      /** The hops to order, shuffled (never already in order). */
      items: Choice[];
      expected: Extract<Answer, { kind: 'order' }>;
    })
  | (Base & {
      kind: 'classify';
      categories: { id: string; label: string }[];
      items: Choice[];
      expected: Extract<Answer, { kind: 'classify' }>;
    })
  | (Base & {
      kind: 'numeric';
      pathId: string;
      metric: Metric;
      unit: string;
      /** Relative tolerance. */
      tolerance: number;
      /** True when the model's number uses an estimate or an unverified (⚠) parameter. */
      estimate: boolean;
      expected: Extract<Answer, { kind: 'numeric' }>;
    });

export interface Grade {
  correct: boolean;
  explanation: string;
  showStep: string;
  expected: Answer;
  /** The right answer in words, e.g. "storvsp.sys" or "12.5 µs of CPU per request". */
  expectedText: string;
}

/** How many options a predict-next question offers (the answer and up to three distractors). */
export const PREDICT_NEXT_OPTIONS = 4;

/** The unit each metric is asked in (one table, for the prompt and the feedback). */
export const METRIC_UNITS: Record<Metric, string> = {
  exits: 'exits per request',
  worldSwitches: 'world switches per request',
  interrupts: 'interrupts per request',
  copies: 'copies per request',
  contextSwitches: 'context switches per request',
  cycles: 'CPU cycles per request',
  microseconds: 'µs of CPU per request',
  requestsPerSecondPerCore: 'requests per second per core',
};

/** A shuffled copy that is never the original order (when it can differ), so an order question is never solved. */
function shuffledOutOfOrder<T>(items: readonly T[], random: Random, same: (a: T, b: T) => boolean): T[] {
  const out = shuffled(items, random);
  const inOrder = out.every((x, i) => same(x, items[i] as T));
  return inOrder && out.length > 1 ? [...out.slice(1), out[0] as T] : out;
}

function componentName(library: Library, architectureId: string, componentId: string): string {
  return library.architectures.get(architectureId)?.components.find((c) => c.id === componentId)?.name ?? componentId;
}

export function formatNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumSignificantDigits: 4 });
}

export function instantiateQuestion(
  library: Library,
  lesson: Lesson,
  question: Question,
  seed: number,
): ConcreteQuestion {
  const random = seededRandom(seed);
  const base: Base = {
    questionId: question.id,
    lessonId: lesson.id,
    seed,
    prompt: question.prompt,
    explanation: question.explanation,
    showStep: question.showStep,
  };
  switch (question.kind) {
    case 'single':
      return {
        ...base,
        kind: 'single',
        options: shuffled(question.options, random),
        expected: { kind: 'choice', optionId: question.correct },
      };
    case 'multiple':
      return {
        ...base,
        kind: 'multiple',
        options: shuffled(question.options, random),
        expected: { kind: 'choices', optionIds: [...question.correct] },
      };
    case 'classify':
      return {
        ...base,
        kind: 'classify',
        categories: question.categories.map((c) => ({ ...c })),
        items: shuffled(
          question.items.map((x) => ({ id: x.id, text: x.text })),
          random,
        ),
        expected: { kind: 'classify', categories: Object.fromEntries(question.items.map((x) => [x.id, x.category])) },
      };
    case 'order': {
      const hops = playedHops(library, question.pathId);
      const from = question.from ?? 0;
      const inOrder = hops.slice(from, (question.to ?? hops.length - 1) + 1).map((h) => ({ id: h.id, text: h.label }));
      return {
        ...base,
        kind: 'order',
        pathId: question.pathId,
        from,
        items: shuffledOutOfOrder(inOrder, random, (a, b) => a.text === b.text),
        expected: { kind: 'order', itemIds: inOrder.map((x) => x.id) },
      };
    }
    case 'predict-next':
      return predictNext(library, base, question.pathId, random);
    case 'numeric': {
      const options = { whatIfs: question.whatIfs ?? {}, overrides: question.overrides ?? {} };
      const { cost } = new WalkthroughPlayer(library, question.pathId, options);
      const value =
        question.metric === 'requestsPerSecondPerCore'
          ? cost.requestsPerSecondPerCore
          : cost.perRequest[question.metric];
      const unit = METRIC_UNITS[question.metric];
      return {
        ...base,
        kind: 'numeric',
        explanation: `${question.explanation} The model gives ${formatNumber(value)} ${unit}${cost.estimate ? ' (partly model estimates)' : ''}.`,
        pathId: question.pathId,
        metric: question.metric,
        unit,
        tolerance: question.tolerance,
        estimate: cost.estimate,
        expected: { kind: 'numeric', value },
      };
    }
  }
}

function predictNext(library: Library, base: Base, pathId: string, random: Random): ConcreteQuestion {
  const path = library.paths.get(pathId);
  const arch = path && library.architectures.get(path.architecture);
  if (!path || !arch) throw new Error(`unknown path "${pathId}"`);
  const hops = playedHops(library, pathId);
  if (hops.length < 2) throw new Error(`path "${pathId}" has fewer than two hops`);
  const i = randomInt(random, hops.length - 1);
  const next = hops[i + 1] as Hop;
  const name = (id: string) => componentName(library, arch.id, id);
  const answer = { id: next.to, text: name(next.to) };
  // Distractors: the architecture's other components, one per name, never the answer's name nor the hop's origin.
  const taken = new Set([answer.text, name(next.from)]);
  const distractors: Choice[] = [];
  for (const c of shuffled(arch.components, random)) {
    if (distractors.length >= PREDICT_NEXT_OPTIONS - 1) break;
    if (taken.has(c.name)) continue;
    taken.add(c.name);
    distractors.push({ id: c.id, text: c.name });
  }
  const last = hops[i] as Hop;
  return {
    ...base,
    kind: 'predict-next',
    prompt: `${base.prompt} The request has just made hop ${i + 1}, "${last.label}" (${name(last.from)} to ${name(last.to)}). The next hop leaves ${name(next.from)}: which component does it reach?`,
    explanation: `${base.explanation} Here hop ${i + 2}, "${next.label}", goes from ${name(next.from)} to ${answer.text} by ${next.mechanism}.`,
    pathId,
    shown: hops.slice(0, i + 1).map((h, index) => ({
      index,
      label: h.label,
      from: h.from,
      to: h.to,
      mechanism: h.mechanism,
    })),
    from: { id: next.from, text: name(next.from) },
    options: shuffled([answer, ...distractors], random),
    expected: { kind: 'choice', optionId: answer.id },
  };
}

/** Relative tolerance, inclusive; a tiny margin absorbs floating-point noise at the edge. */
export function withinTolerance(value: number, expected: number, tolerance: number): boolean {
  return Math.abs(value - expected) <= tolerance * Math.abs(expected) * (1 + 1e-9) + 1e-12;
}

function textOf(choices: Choice[], id: string): string {
  return choices.find((c) => c.id === id)?.text ?? id;
}

export function gradeAnswer(q: ConcreteQuestion, answer: Answer): Grade {
  const grade = (correct: boolean, expectedText: string): Grade => ({
    correct,
    explanation: q.explanation,
    showStep: q.showStep,
    expected: q.expected,
    expectedText,
  });
  switch (q.kind) {
    case 'single':
    case 'predict-next':
      return grade(
        answer.kind === 'choice' && answer.optionId === q.expected.optionId,
        textOf(q.options, q.expected.optionId),
      );
    case 'multiple': {
      const want = new Set(q.expected.optionIds);
      const got = answer.kind === 'choices' ? new Set(answer.optionIds) : new Set<string>();
      return grade(
        got.size === want.size && [...got].every((id) => want.has(id)),
        q.expected.optionIds.map((id) => textOf(q.options, id)).join('; '),
      );
    }
    case 'order': {
      // Compared by the text the learner sees: two hops with the same label (a repeated round trip) are interchangeable.
      const want = q.expected.itemIds.map((id) => textOf(q.items, id));
      const got = answer.kind === 'order' ? answer.itemIds.map((id) => textOf(q.items, id)) : [];
      return grade(got.length === want.length && got.every((t, i) => t === want[i]), want.join(' → '));
    }
    case 'classify': {
      const want = q.expected.categories;
      const got = answer.kind === 'classify' ? answer.categories : {};
      const label = (id: string | undefined) => q.categories.find((c) => c.id === id)?.label ?? String(id);
      return grade(
        q.items.every((x) => ownValue(got, x.id) === ownValue(want, x.id)),
        q.items.map((x) => `${x.text}: ${label(ownValue(want, x.id))}`).join('; '),
      );
    }
    case 'numeric':
      return grade(
        answer.kind === 'numeric' &&
          Number.isFinite(answer.value) &&
          withinTolerance(answer.value, q.expected.value, q.tolerance),
        `${formatNumber(q.expected.value)} ${q.unit} (±${formatNumber(q.tolerance * 100)} %)`,
      );
  }
}

/** One graded answer of a learner, in the order they were given. */
export interface Attempt {
  questionId: string;
  correct: boolean;
}

export interface LessonScore {
  /** Questions whose first attempt was right: retries are allowed but never raise the score. */
  score: number;
  total: number;
  /** Questions with at least one attempt. */
  answered: number;
  /** Questions answered right at some attempt (first or later). */
  solved: number;
}

export function lessonScore(questions: readonly { id: string }[], attempts: readonly Attempt[]): LessonScore {
  const ids = new Set(questions.map((q) => q.id));
  const first = new Map<string, boolean>();
  const solved = new Set<string>();
  for (const a of attempts) {
    if (!ids.has(a.questionId)) continue;
    if (!first.has(a.questionId)) first.set(a.questionId, a.correct);
    if (a.correct) solved.add(a.questionId);
  }
  return {
    score: [...first.values()].filter(Boolean).length,
    total: ids.size,
    answered: first.size,
    solved: solved.size,
  };
}
