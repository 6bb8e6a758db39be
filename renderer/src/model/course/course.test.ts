import { describe, expect, it } from 'vitest';
import { loadBuiltInLibrary } from '../builtin';
import { checkPresentation, presentationSchema } from '../presentation';
import { WalkthroughPlayer } from '../WalkthroughPlayer';
import { courseLessons } from './lessons';
import { gradeAnswer, instantiateQuestion, lessonScore, type ConcreteQuestion } from './questions';
import { parseRichText, termLinks } from './richText';
import type { Lesson, Question } from './schema';
import { playedHops, stepPresentation } from './stepPresentation';

const lib = loadBuiltInLibrary();
const lessons = courseLessons(lib);

/** Every rich text of a lesson, with its place. */
function richTexts(l: Lesson): [string, string][] {
  return [
    ['intro', l.intro],
    ...l.steps.flatMap((s, i): [string, string][] => [
      [`steps[${i}].narration`, s.narration],
      [`steps[${i}].notes`, s.notes],
    ]),
    ...l.questions.flatMap((q, i): [string, string][] => [
      [`questions[${i}].prompt`, q.prompt],
      [`questions[${i}].explanation`, q.explanation],
    ]),
  ];
}

describe('the built-in course', () => {
  it('has ten lessons numbered 1..10, each of 3-8 steps and 3-6 questions', () => {
    expect(lessons.map((l) => l.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const l of lessons) {
      expect(l.steps.length, l.id).toBeGreaterThanOrEqual(3);
      expect(l.steps.length, l.id).toBeLessThanOrEqual(8);
      expect(l.questions.length, l.id).toBeGreaterThanOrEqual(3);
      expect(l.questions.length, l.id).toBeLessThanOrEqual(6);
    }
  });

  it("every step's presentation is a valid presentation the library accepts", () => {
    for (const l of lessons)
      l.steps.forEach((s, i) => {
        const p = stepPresentation(lib, l, i);
        expect(presentationSchema.safeParse(p).success, `${l.id} ${s.id}`).toBe(true);
        expect(checkPresentation(lib, p), `${l.id} ${s.id}`).toEqual([]);
        expect(p.view).toBe(s.state.view);
        expect(p.playing).toBe(false);
      });
  });

  it('uses every question kind, and the views the curriculum asks for', () => {
    const kinds = new Set(lessons.flatMap((l) => l.questions.map((q) => q.kind)));
    expect([...kinds].sort()).toEqual(['classify', 'multiple', 'numeric', 'order', 'predict-next', 'single']);
    const byNumber = (n: number) => lessons.find((l) => l.number === n) as Lesson;
    const has = (n: number, kind: Question['kind']) => byNumber(n).questions.some((q) => q.kind === kind);
    expect(has(2, 'classify')).toBe(true);
    expect(has(4, 'predict-next') || has(5, 'predict-next')).toBe(true);
    expect(has(4, 'order') || has(5, 'order')).toBe(true);
    expect(has(8, 'numeric')).toBe(true);
    const states = (n: number) => byNumber(n).steps.map((s) => s.state);
    expect(states(5).some((s) => s.view === 'compare')).toBe(true);
    expect(states(8).some((s) => s.view === 'lab' && s.whatIfs !== undefined)).toBe(true);
    expect(states(9).some((s) => s.view === 'lab' && s.crashed !== undefined)).toBe(true);
    expect(states(10).some((s) => s.view === 'claims' && s.claim !== undefined)).toBe(true);
  });

  it('every [[term]] link resolves, and every lesson links at least two different terms', () => {
    for (const l of lessons) {
      const linked = new Set<string>();
      for (const [where, text] of richTexts(l))
        for (const id of termLinks(text)) {
          expect(lib.glossary.has(id), `${l.id} ${where}: [[${id}]]`).toBe(true);
          linked.add(id);
        }
      expect(linked.size, l.id).toBeGreaterThanOrEqual(2);
    }
    for (const t of lib.glossary.values()) {
      expect(t.sources.length, t.id).toBeGreaterThanOrEqual(1);
      for (const id of termLinks(t.definition)) expect(lib.glossary.has(id), `${t.id}: [[${id}]]`).toBe(true);
    }
  });

  it('the glossary has the terms the course is built on', () => {
    const terms = [...lib.glossary.values()].map((t) => t.term.toLowerCase());
    for (const word of [
      'vm exit',
      'hypercall',
      'vmbus',
      'vsp',
      'vsc',
      'world switch',
      'ring -1',
      'tcb',
      'trap-and-emulate',
    ])
      expect(
        terms.some((t) => t.includes(word)),
        word,
      ).toBe(true);
  });
});

describe('predict-next, over 1,000 seeds of every built-in path', () => {
  const lesson = lessons[0] as Lesson;
  for (const path of lib.paths.values()) {
    it(path.id, () => {
      const hops = playedHops(lib, path.id);
      const components = new Set(lib.architectures.get(path.architecture)?.components.map((c) => c.id));
      const question: Question = {
        kind: 'predict-next',
        id: 'q',
        prompt: 'P.',
        explanation: 'E.',
        showStep: 's',
        pathId: path.id,
      };
      for (let seed = 0; seed < 1000; seed++) {
        const q = instantiateQuestion(lib, lesson, question, seed);
        if (q.kind !== 'predict-next') throw new Error('wrong kind');
        const asked = q.shown.length; // hops 0..i shown: the question is about hop i+1
        const next = hops[asked];
        expect(next, `seed ${seed}`).toBeDefined();
        expect(q.shown.map((h) => h.label)).toEqual(hops.slice(0, asked).map((h) => h.label));
        const right = q.options.filter((o) => gradeAnswer(q, { kind: 'choice', optionId: o.id }).correct);
        expect(right.map((o) => o.id)).toEqual([next?.to]);
        expect(new Set(q.options.map((o) => o.id)).size).toBe(q.options.length);
        expect(new Set(q.options.map((o) => o.text)).size).toBe(q.options.length);
        expect(q.options.length).toBeGreaterThanOrEqual(2);
        for (const o of q.options) expect(components.has(o.id)).toBe(true);
      }
    });
  }

  it('the same seed gives the same question; seeds vary the question', () => {
    const q: Question = {
      kind: 'predict-next',
      id: 'q',
      prompt: 'P.',
      explanation: 'E.',
      showStep: 's',
      pathId: [...lib.paths.keys()][0] as string,
    };
    const a = instantiateQuestion(lib, lesson, q, 42);
    expect(instantiateQuestion(lib, lesson, q, 42)).toEqual(a);
    const variants = new Set(
      Array.from({ length: 50 }, (_, s) => JSON.stringify(instantiateQuestion(lib, lesson, q, s))),
    );
    expect(variants.size).toBeGreaterThan(5);
  });
});

describe('grading', () => {
  const lesson = lessons[0] as Lesson;
  const base = { id: 'q', prompt: 'P.', explanation: 'Because.', showStep: 'step' };
  type Own<Q> = Q extends Question ? Omit<Q, keyof typeof base> : never;
  /** A question of the test lesson: `base` plus what makes it its kind, instantiated with `seed`. */
  const make = (q: Own<Question>, seed: number) => instantiateQuestion(lib, lesson, { ...base, ...q }, seed);
  const idsAs = <K extends string>(key: K, ids: string[]) =>
    ids.map((id) => ({ id, [key]: id.toUpperCase() }) as { id: string } & Record<K, string>);

  it('an order question grades the path order right and any swap wrong', () => {
    for (const path of lib.paths.values()) {
      const q = make({ kind: 'order', pathId: path.id, from: 0, to: 4 }, 7);
      if (q.kind !== 'order') throw new Error('wrong kind');
      const right = playedHops(lib, path.id)
        .slice(0, 5)
        .map((h) => h.id);
      expect(q.expected.itemIds).toEqual(right);
      expect(q.items.map((x) => x.text)).not.toEqual(
        q.items.map((_, i) => q.items.find((x) => x.id === right[i])?.text),
      );
      const g = gradeAnswer(q, { kind: 'order', itemIds: right });
      expect(g).toMatchObject({ correct: true, explanation: 'Because.', showStep: 'step' });
      const swapped = [...right];
      [swapped[1], swapped[2]] = [swapped[2] as string, swapped[1] as string];
      expect(gradeAnswer(q, { kind: 'order', itemIds: swapped }).correct).toBe(false);
      expect(gradeAnswer(q, { kind: 'order', itemIds: right.slice(0, 4) }).correct).toBe(false);
    }
  });

  it('an order question accepts two hops with the same label in either order', () => {
    const path = [...lib.paths.values()].find((p) => {
      const labels = playedHops(lib, p.id).map((h) => h.label);
      return new Set(labels).size < labels.length;
    });
    expect(path).toBeDefined();
    const hops = playedHops(lib, path!.id);
    const q = make({ kind: 'order', pathId: path!.id }, 1);
    const ids = hops.map((h) => h.id);
    const i = hops.findIndex((h, k) => hops.some((o, m) => m > k && o.label === h.label));
    const j = hops.findIndex((o, m) => m > i && o.label === hops[i]?.label);
    [ids[i], ids[j]] = [ids[j] as string, ids[i] as string];
    expect(gradeAnswer(q, { kind: 'order', itemIds: ids }).correct).toBe(true);
  });

  it('a numeric answer is right within the relative tolerance, inclusive, and wrong just outside', () => {
    const pathId = [...lib.paths.keys()][0] as string;
    const q = make({ kind: 'numeric', pathId, metric: 'microseconds', tolerance: 0.2 }, 3);
    if (q.kind !== 'numeric') throw new Error('wrong kind');
    const v = new WalkthroughPlayer(lib, pathId).cost.perRequest.microseconds;
    expect(q.expected.value).toBe(v);
    expect(q.explanation).toMatch(/^Because\. The model gives /);
    const at = (value: number) => gradeAnswer(q, { kind: 'numeric', value }).correct;
    expect(at(v)).toBe(true);
    expect(at(v * 1.2)).toBe(true);
    expect(at(v * 0.8)).toBe(true);
    expect(at(v * 1.2001)).toBe(false);
    expect(at(v * 0.7999)).toBe(false);
    expect(at(Number.NaN)).toBe(false);
    expect(gradeAnswer(q, { kind: 'choice', optionId: 'x' }).correct).toBe(false);
  });

  it('a numeric question applies its what-ifs and overrides through the cost model', () => {
    const path = [...lib.paths.values()].find((p) => p.hops.some((h) => h.perBatch))!;
    const exits = (batchSize: number) => {
      const q = make(
        { kind: 'numeric', pathId: path.id, metric: 'exits', tolerance: 0.01, whatIfs: { batchSize } },
        0,
      ) as Extract<ConcreteQuestion, { kind: 'numeric' }>;
      return q.expected.value;
    };
    expect(exits(1)).toBeCloseTo(4 * exits(4));
  });

  it('single, multiple and classify answers', () => {
    const single = make({ kind: 'single', options: idsAs('text', ['a', 'b']), correct: 'b' }, 5);
    expect(gradeAnswer(single, { kind: 'choice', optionId: 'b' })).toMatchObject({ correct: true, expectedText: 'B' });
    expect(gradeAnswer(single, { kind: 'choice', optionId: 'a' }).correct).toBe(false);
    const options = idsAs('text', ['a', 'b', 'c']);
    const multi = make({ kind: 'multiple', options, correct: ['a', 'c'] }, 5);
    expect(gradeAnswer(multi, { kind: 'choices', optionIds: ['c', 'a'] }).correct).toBe(true);
    expect(gradeAnswer(multi, { kind: 'choices', optionIds: ['a'] }).correct).toBe(false);
    expect(gradeAnswer(multi, { kind: 'choices', optionIds: ['a', 'b', 'c'] }).correct).toBe(false);
    const classify = make(
      {
        kind: 'classify',
        categories: idsAs('label', ['x', 'y']),
        items: [
          { id: 'i1', text: 'one', category: 'x' },
          { id: 'i2', text: 'two', category: 'y' },
        ],
      },
      5,
    );
    expect(gradeAnswer(classify, { kind: 'classify', categories: { i1: 'x', i2: 'y' } }).correct).toBe(true);
    expect(gradeAnswer(classify, { kind: 'classify', categories: { i1: 'x' } }).correct).toBe(false);
  });

  it('every built-in question instantiates and its expected answer grades right', () => {
    for (const l of lessons)
      for (const question of l.questions)
        for (const seed of [0, 1, 99]) {
          const q = instantiateQuestion(lib, l, question, seed);
          expect(gradeAnswer(q, q.expected).correct, `${l.id} ${question.id}`).toBe(true);
          expect(l.steps.some((s) => s.id === q.showStep)).toBe(true);
        }
  });
});

describe('lessonScore', () => {
  const questions = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  it('counts first attempts only: a retry never raises the score', () => {
    const s = lessonScore(questions, [
      { questionId: 'a', correct: false },
      { questionId: 'a', correct: true },
      { questionId: 'b', correct: true },
      { questionId: 'b', correct: false },
      { questionId: 'zz', correct: true },
    ]);
    expect(s).toEqual({ score: 1, total: 3, answered: 2, solved: 2 });
    expect(lessonScore(questions, [])).toEqual({ score: 0, total: 3, answered: 0, solved: 0 });
  });
});

describe('parseRichText', () => {
  it('splits text and term links, with or without shown text', () => {
    expect(parseRichText('A [[vm-exit]] and a [[vmbus|bus]].')).toEqual([
      { kind: 'text', text: 'A ' },
      { kind: 'term', termId: 'vm-exit', text: 'vm-exit' },
      { kind: 'text', text: ' and a ' },
      { kind: 'term', termId: 'vmbus', text: 'bus' },
      { kind: 'text', text: '.' },
    ]);
    expect(parseRichText('[[vmbus]]', lib.glossary)).toEqual([{ kind: 'term', termId: 'vmbus', text: 'VMBus' }]);
    expect(parseRichText('no links, an unclosed [[ stays')).toEqual([
      { kind: 'text', text: 'no links, an unclosed [[ stays' },
    ]);
    expect(parseRichText('')).toEqual([]);
  });
});
