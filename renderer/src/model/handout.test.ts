import { describe, expect, it } from 'vitest';
import { loadBuiltInLibrary } from './builtin';
import { courseLessons } from './course/lessons';
import { lessonHandout, runSheetHandout, stepSources } from './handout';
import { lessonRunSheet } from './runSheet';

const lib = loadBuiltInLibrary();
const lessons = courseLessons(lib);

describe('handout plans', () => {
  it('a lesson: its title, intro, sources and every step with its narration and presentation', () => {
    const lesson = lessons[3];
    if (!lesson) throw new Error('no lesson');
    const plan = lessonHandout(lib, lesson);
    expect(plan.title).toBe(`Lesson ${lesson.number}: ${lesson.title}`);
    expect(plan.intro).toBe(lesson.intro);
    expect(plan.sources).toEqual(lesson.sources);
    expect(plan.steps.map((s) => [s.title, s.narration])).toEqual(lesson.steps.map((s) => [s.title, s.narration]));
    expect(plan.steps.map((s) => s.presentation.view)).toEqual(lesson.steps.map((s) => s.state.view));
  });

  it('a run sheet: one step per cue', () => {
    const lesson = lessons[0];
    if (!lesson) throw new Error('no lesson');
    const sheet = lessonRunSheet(lib, lesson);
    const plan = runSheetHandout(sheet);
    expect(plan.title).toBe(sheet.title);
    expect(plan.steps.map((s) => s.presentation)).toEqual(sheet.cues.map((c) => c.presentation));
  });
});

describe('stepSources', () => {
  it('gives every step of every lesson at least one source, each group labelled once', () => {
    for (const lesson of lessons)
      for (const step of lessonHandout(lib, lesson).steps) {
        const groups = stepSources(lib, step.presentation, step.narration, null);
        expect(groups.length, `${lesson.id}: ${step.title}`).toBeGreaterThan(0);
        expect(new Set(groups.map((g) => g.label)).size).toBe(groups.length);
        for (const g of groups) for (const key of g.keys) expect(lib.sources.has(key), key).toBe(true);
      }
  });

  it('walkthrough: architecture, path and hop with their marks, and the glossary terms the narration links', () => {
    const path = [...lib.paths.values()][0];
    const hop = path?.hops[1];
    if (!path || !hop) throw new Error('no path');
    const step = lessonHandout(lib, lessons[0] as never).steps[0];
    if (!step) throw new Error('no step');
    const p = { ...step.presentation, view: 'walkthrough' as const, pathId: path.id, selection: null };
    const groups = stepSources(lib, p, 'See [[vmbus]].', hop);
    const arch = lib.architectures.get(path.architecture);
    expect(groups.map((g) => g.label)).toEqual([
      `Architecture: ${arch?.name}`,
      `Path: ${path.name}`,
      `Hop: ${hop.label}`,
      `Glossary: ${lib.glossary.get('vmbus')?.term}`,
    ]);
    expect(groups[1]?.mark).toBe(path.mark);
    expect(groups[2]).toEqual({ label: `Hop: ${hop.label}`, keys: [...new Set(hop.sources)], mark: hop.mark });
  });

  it('lab: the path options that are on, with their marks', () => {
    const path = [...lib.paths.values()].find((x) => x.options.length > 0);
    const option = path?.options[0];
    if (!path || !option) throw new Error('no path with an option');
    const step = lessonHandout(lib, lessons[0] as never).steps[0];
    if (!step) throw new Error('no step');
    const p = {
      ...step.presentation,
      view: 'lab' as const,
      architectureId: path.architecture,
      pathId: path.id,
      showPlayer: true,
      selection: null,
      whatIfs: { ...step.presentation.whatIfs, options: [option.id] },
    };
    expect(stepSources(lib, p, '', null)).toContainEqual({
      label: `What-if: ${option.label}`,
      keys: [...new Set(option.sources)],
      mark: option.mark,
    });
  });

  it('compare: both paths; claims: the claim; references: only linked terms', () => {
    const step = lessonHandout(lib, lessons[0] as never).steps[0];
    if (!step) throw new Error('no step');
    const [a, b] = [...lib.paths.values()];
    if (!a || !b) throw new Error('no paths');
    const compare = stepSources(
      lib,
      { ...step.presentation, view: 'compare', compare: { left: a.id, right: b.id } },
      '',
      null,
    );
    expect(compare.map((g) => g.label)).toEqual([`Path: ${a.name}`, `Path: ${b.name}`]);
    const claim = [...lib.claims.values()][0];
    if (!claim) throw new Error('no claim');
    const claims = stepSources(
      lib,
      { ...step.presentation, view: 'claims', claim: claim.id, selection: null },
      '',
      null,
    );
    expect(claims).toEqual([
      { label: `Claim ${claim.number}: ${claim.claim}`, keys: [...new Set(claim.evidence.flatMap((e) => e.sources))] },
    ]);
    expect(stepSources(lib, { ...step.presentation, view: 'references', selection: null }, '', null)).toEqual([]);
  });
});
