import { describe, expect, it } from 'vitest';
import { buildLibrary } from '../buildLibrary';
import { errorLines, singleQuestion, testFile } from '../testLibrary';
import type { ScenarioFile } from '../types';
import type { Lesson } from './schema';
import { stepPresentation } from './stepPresentation';
import { checkPresentation } from '../presentation';
import { parseScenarioFile } from '../parseScenario';

/** The test library plus a glossary and one lesson on its architecture "arch" and paths "syn" and "emu". */
function courseFile(): ScenarioFile {
  const lesson: Lesson = {
    id: 'lesson',
    number: 1,
    title: 'A lesson',
    minutes: 5,
    intro: 'About [[exit]].',
    sources: ['S1'],
    steps: [
      {
        id: 'start',
        title: 'Start',
        narration: 'The [[exit|exit]] and the [[ring]].',
        notes: 'Notes.',
        state: { view: 'walkthrough', pathId: 'syn', hop: 2, spotlight: ['vsc', 'hv'] },
      },
      {
        id: 'lab',
        title: 'Lab',
        narration: 'Crash it.',
        notes: 'Notes.',
        state: { view: 'lab', architectureId: 'arch', pathId: 'emu', crashed: 'worker', whatIfs: { batchSize: 2 } },
      },
      {
        id: 'both',
        title: 'Both',
        narration: 'Side by side.',
        notes: 'Notes.',
        state: { view: 'compare', compare: { left: 'emu', right: 'syn' }, hop: 5 },
      },
    ],
    questions: [
      singleQuestion('q1', 'start'),
      {
        kind: 'order',
        id: 'q2',
        prompt: 'Order.',
        pathId: 'syn',
        from: 0,
        to: 3,
        explanation: 'E.',
        showStep: 'start',
      },
      { kind: 'predict-next', id: 'q3', prompt: 'Next?', pathId: 'emu', explanation: 'E.', showStep: 'lab' },
    ],
  };
  return {
    ...testFile(),
    glossary: [
      { id: 'exit', term: 'VM exit', definition: 'Leaves the guest; see [[ring]].', sources: ['S1'] },
      { id: 'ring', term: 'ring buffer', definition: 'Shared memory.', sources: ['S1'] },
    ],
    lessons: [lesson],
  };
}

const errorsOf = (f: ScenarioFile) => buildLibrary([f], ['course.json']).errors;
/** The file's errors include this one, in course.json at `path`. */
const expectError = (f: ScenarioFile, path: string, message: string): void =>
  expect(errorsOf(f)).toContainEqual({ file: 'course.json', path, message });
const lessonOf = (f: ScenarioFile) => f.lessons![0]!;

describe('checkCourse', () => {
  it('accepts a clean course, and its steps present', () => {
    const f = courseFile();
    const { library, errors } = buildLibrary([f]);
    expect(errors).toEqual([]);
    expect([...library.glossary.keys()]).toEqual(['exit', 'ring']);
    const lesson = library.lessons.get('lesson')!;
    lesson.steps.forEach((_, i) =>
      expect(checkPresentation(library, stepPresentation(library, lesson, i))).toEqual([]),
    );
  });

  it('a step starts paused at the model time its hop starts (the player on stage, with the Lab what-ifs)', () => {
    const { library } = buildLibrary([courseFile()]);
    const lesson = library.lessons.get('lesson')!;
    const walk = stepPresentation(library, lesson, 0);
    expect(walk).toMatchObject({ architectureId: 'arch', pathId: 'syn', playing: false, speed: 1, camera: 'overview' });
    // syn: two ordinary hops (1.2 s each) before hop 2.
    expect(walk.time).toBeCloseTo(2.4);
    const compare = stepPresentation(library, lesson, 2);
    expect(compare).toMatchObject({ pathId: 'emu', architectureId: 'arch', compare: { left: 'emu', right: 'syn' } });
    const lab = stepPresentation(library, lesson, 1);
    expect(lab).toMatchObject({ crashed: 'worker', whatIfs: { batchSize: 2, batching: true, options: [] }, time: 0 });
  });

  it('names an unknown spotlight component with its place', () => {
    const f = courseFile();
    lessonOf(f).steps[0]!.state.spotlight = ['vsc', 'storvsp2'];
    expectError(f, 'lessons[0].steps[0].state.spotlight[1]', 'unknown component "storvsp2" in architecture "arch"');
  });

  it('names an unknown glossary link, wherever it is', () => {
    const f = courseFile();
    lessonOf(f).steps[1]!.notes = 'See [[nowhere|there]].';
    lessonOf(f).questions[0]!.explanation = 'See [[gone]].';
    f.glossary![1]!.definition = 'See [[missing]].';
    const errors = errorsOf(f);
    expect(errors).toContainEqual({
      file: 'course.json',
      path: 'lessons[0].steps[1].notes',
      message: 'unknown glossary term "nowhere" (linked as [[nowhere]])',
    });
    expect(errors).toContainEqual(expect.objectContaining({ path: 'lessons[0].questions[0].explanation' }));
    expect(errors).toContainEqual(expect.objectContaining({ path: 'glossary[1].definition' }));
  });

  it('names an unknown showStep', () => {
    const f = courseFile();
    lessonOf(f).questions[1]!.showStep = 'later';
    expectError(f, 'lessons[0].questions[1].showStep', 'unknown step "later" in lesson "lesson"');
  });

  it('names a hop out of range, counted on the path the step plays (compare.left in Compare)', () => {
    const f = courseFile();
    lessonOf(f).steps[0]!.state.hop = 8;
    lessonOf(f).steps[2]!.state.hop = 6; // emu has 6 hops, syn 8
    expect(errorsOf(f)).toEqual([
      {
        file: 'course.json',
        path: 'lessons[0].steps[0].state.hop',
        message: 'hop 8 is out of range: path "syn" has 8 hops (0..7)',
      },
      {
        file: 'course.json',
        path: 'lessons[0].steps[2].state.hop',
        message: 'hop 6 is out of range: path "emu" has 6 hops (0..5)',
      },
    ]);
  });

  it('checks ids, duplicates, sources, what-ifs and question integrity', () => {
    const f = courseFile();
    const l = lessonOf(f);
    l.sources = ['S1', 'Z9'];
    l.steps[1]!.id = 'start';
    l.steps[0]!.state.pathId = 'nope';
    l.steps[0]!.state.whatIfs = { batchSize: 4 };
    l.steps[1]!.state.whatIfs = { options: ['pio'] };
    l.steps[1]!.state.claim = 'no-claim';
    l.steps[2]!.state.compare = { left: 'emu', right: 'gone' };
    const q = l.questions[0]!;
    if (q.kind === 'single') q.correct = 'c';
    l.questions.push(
      { ...l.questions[1]!, id: 'q2' },
      { kind: 'predict-next', id: 'q4', prompt: 'P.', pathId: 'none', explanation: 'E.', showStep: 'lab' },
    );
    const order = l.questions[1]!;
    if (order.kind === 'order') order.to = 9;
    f.glossary![1]!.sources = ['Q1'];
    f.glossary![1]!.aliases = ['VM exit'];
    const messages = errorLines(errorsOf(f));
    expect(messages).toEqual(
      expect.arrayContaining([
        'lessons[0].sources[1]: unknown source key "Z9"',
        'lessons[0].steps[1].id: duplicate step "start"',
        'lessons[0].steps[0].state.pathId: unknown path "nope"',
        'lessons[0].steps[0].state.whatIfs: only the Lab applies what-ifs (this step\'s view is "walkthrough")',
        'lessons[0].steps[1].state.whatIfs.options[0]: unknown option "pio" of path "emu" (its options: none)',
        'lessons[0].steps[1].state.claim: unknown claim "no-claim"',
        'lessons[0].steps[2].state.compare.right: unknown path "gone"',
        'lessons[0].questions[0].correct: "c" is not an option of this question',
        'lessons[0].questions[1].to: hop 9 is out of range: path "syn" has 8 hops (0..7)',
        'lessons[0].questions[3].id: duplicate question "q2"',
        'lessons[0].questions[4].pathId: unknown path "none"',
        'glossary[1].sources[0]: unknown source key "Q1"',
        'glossary[1].aliases[0]: "VM exit" is also a name of glossary term "exit"',
      ]),
    );
  });

  it('reports, never throws, when a step or question names a path that is itself broken', () => {
    const f = courseFile();
    f.paths![0]!.architecture = 'ghost';
    const errors = errorsOf(f);
    expect(errors).toContainEqual(expect.objectContaining({ path: 'paths[0].architecture' }));
    expect(errors.filter((e) => e.path.startsWith('lessons'))).toEqual([]);
  });

  it('reports duplicate lessons, terms and lesson numbers across files', () => {
    const a = courseFile();
    const b: ScenarioFile = {
      schemaVersion: a.schemaVersion,
      id: 'more',
      title: 'More',
      glossary: [a.glossary![0]!],
      lessons: [lessonOf(a), { ...lessonOf(a), id: 'other' }],
    };
    const messages = buildLibrary([a, b], ['a.json', 'b.json']).errors.map((e) => `${e.file}: ${e.path}: ${e.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'b.json: glossary[0]: duplicate glossary term "exit" (first defined in a.json at glossary[0])',
        'b.json: lessons[0]: duplicate lesson "lesson" (first defined in a.json at lessons[0])',
        'b.json: lessons[1].number: lesson number 1 is also used by "lesson"',
      ]),
    );
  });
});

describe('the course schema', () => {
  it('rejects a glossary term without a source, and a lesson with too few questions, with their places', () => {
    const f = courseFile();
    f.glossary![0]!.sources = [];
    lessonOf(f).questions = lessonOf(f).questions.slice(0, 2);
    const r = parseScenarioFile(JSON.parse(JSON.stringify(f)), 'course.json');
    expect(r.ok ? [] : errorLines(r.errors)).toEqual([
      'glossary[0].sources: a glossary term needs at least one source',
      'lessons[0].questions: needs at least 3 items, found 2',
    ]);
  });
});
