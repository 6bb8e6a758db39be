/**
 * Cross-checks the glossary and the lessons against the library, in buildLibrary's style: each error names its file,
 * its place (e.g. "lessons[2].steps[3].state.spotlight[0]") and what is wrong. Checked: source keys; `[[term]]` links
 * in every rich text; duplicate ids (steps, questions, options, categories, items) and lesson numbers; every
 * architecture, path, hop, component, claim and compare path a step names (hops as the player on stage shows them,
 * resolveStage's rule); what-ifs only in the Lab, with options of the path and a CPU mode the release can run;
 * `showStep` names a step of the lesson; the ids questions name (options, categories, paths, parameters, hop ranges).
 */
import { hardwareAssistRefusal } from '../pathResolution';
import type { ContentError, Library, WhatIfs } from '../types';
import { termLinks } from './richText';
import type { GlossaryTerm, Lesson, Question, StepState } from './schema';
import { playedHops, resolveStage } from './stepPresentation';
import { componentIds, didYouMean } from '../suggest';

export type CourseOriginOf = (kind: 'glossary term' | 'lesson', id: string) => { file: string; path: string };
type Report = (sub: string, message: string) => void;

export function checkCourse(library: Library, originOf: CourseOriginOf): ContentError[] {
  const errors: ContentError[] = [];
  const reporter =
    (kind: 'glossary term' | 'lesson', itemId: string): Report =>
    (sub, message) => {
      const o = originOf(kind, itemId);
      errors.push({ file: o.file, path: o.path ? `${o.path}.${sub}` : sub, message });
    };

  const names = new Map<string, string>();
  for (const t of library.glossary.values()) checkTerm(t, reporter('glossary term', t.id));
  const numbers = new Map<number, string>();
  for (const l of library.lessons.values()) {
    const report = reporter('lesson', l.id);
    const first = numbers.get(l.number);
    if (first !== undefined) report('number', `lesson number ${l.number} is also used by "${first}"`);
    else numbers.set(l.number, l.id);
    checkLesson(l, report);
  }
  return errors;

  /**
   * How many hops a path plays under these what-ifs, or undefined when the path cannot be resolved: a path with an
   * unknown architecture or component has its own errors already, and buildLibrary must report, never throw.
   */
  function hopCount(pathId: string, whatIfs: Partial<WhatIfs> = {}): number | undefined {
    try {
      return playedHops(library, pathId, whatIfs).length;
    } catch {
      return undefined;
    }
  }

  function checkSources(keys: string[], sub: string, report: Report): void {
    keys.forEach((k, i) => {
      if (!library.sources.has(k))
        report(`${sub}[${i}]`, `unknown source key "${k}"${didYouMean(k, library.sources.keys())}`);
    });
  }

  function checkLinks(text: string, sub: string, report: Report): void {
    for (const id of termLinks(text))
      if (!library.glossary.has(id))
        report(sub, `unknown glossary term "${id}" (linked as [[${id}]])${didYouMean(id, library.glossary.keys())}`);
  }

  function checkTerm(t: GlossaryTerm, report: Report): void {
    checkSources(t.sources, 'sources', report);
    checkLinks(t.definition, 'definition', report);
    for (const [i, name] of [t.term, ...(t.aliases ?? [])].entries()) {
      const key = name.toLowerCase();
      const other = names.get(key);
      if (other !== undefined && other !== t.id)
        report(i === 0 ? 'term' : `aliases[${i - 1}]`, `"${name}" is also a name of glossary term "${other}"`);
      else names.set(key, t.id);
    }
  }

  function duplicates(ids: string[], kind: string, sub: (i: number) => string, report: Report): Set<string> {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) report(sub(i), `duplicate ${kind} "${id}"`);
      seen.add(id);
    });
    return seen;
  }

  /** The ids of `list` (at `field`[i].id) once each; a repeated one is reported. */
  function duplicateIds(list: { id: string }[], kind: string, field: string, report: Report): Set<string> {
    return duplicates(
      list.map((x) => x.id),
      kind,
      (i) => `${field}[${i}].id`,
      report,
    );
  }

  function checkLesson(l: Lesson, report: Report): void {
    checkSources(l.sources, 'sources', report);
    checkLinks(l.intro, 'intro', report);
    const steps = duplicateIds(l.steps, 'step', 'steps', report);
    l.steps.forEach((s, i) => {
      checkLinks(s.narration, `steps[${i}].narration`, report);
      checkLinks(s.notes, `steps[${i}].notes`, report);
      checkState(s.state, (sub, m) => report(`steps[${i}].state${sub ? `.${sub}` : ''}`, m));
    });
    duplicateIds(l.questions, 'question', 'questions', report);
    l.questions.forEach((q, i) => {
      const at: Report = (sub, m) => report(`questions[${i}].${sub}`, m);
      if (!steps.has(q.showStep))
        at('showStep', `unknown step "${q.showStep}" in lesson "${l.id}"${didYouMean(q.showStep, steps)}`);
      checkLinks(q.prompt, 'prompt', at);
      checkLinks(q.explanation, 'explanation', at);
      checkQuestion(q, at);
    });
  }

  function componentIn(archId: string | undefined, componentId: string, sub: string, report: Report): void {
    const arch = archId === undefined ? undefined : library.architectures.get(archId);
    if (arch && !arch.components.some((c) => c.id === componentId))
      report(
        sub,
        `unknown component "${componentId}" in architecture "${arch.id}"${didYouMean(componentId, componentIds(arch))}`,
      );
  }

  function checkWhatIfs(w: Partial<WhatIfs>, pathId: string | undefined, sub: string, report: Report): void {
    const path = pathId === undefined ? undefined : library.paths.get(pathId);
    const arch = path && library.architectures.get(path.architecture);
    (w.options ?? []).forEach((o, i) => {
      if (!path) report(`${sub}.options[${i}]`, `option "${o}" needs a path`);
      else if (!path.options.some((p) => p.id === o))
        report(
          `${sub}.options[${i}]`,
          `unknown option "${o}" of path "${path.id}" (its options: ${path.options.map((p) => p.id).join(', ') || 'none'})`,
        );
    });
    const refusal = arch ? hardwareAssistRefusal(arch, w) : null;
    if (refusal) report(`${sub}.hardwareAssist`, refusal);
  }

  function checkState(s: StepState, report: Report): void {
    const knownPath = (pathId: string, sub: string) => {
      if (!library.paths.has(pathId))
        report(sub, `unknown path "${pathId}"${didYouMean(pathId, library.paths.keys())}`);
    };
    if (s.architectureId !== undefined && !library.architectures.has(s.architectureId))
      report(
        'architectureId',
        `unknown architecture "${s.architectureId}"${didYouMean(s.architectureId, library.architectures.keys())}`,
      );
    if (s.pathId !== undefined) knownPath(s.pathId, 'pathId');
    if (s.compare) {
      knownPath(s.compare.left, 'compare.left');
      knownPath(s.compare.right, 'compare.right');
    } else if (s.view === 'compare') report('compare', 'the Compare view needs "compare": { left, right }');
    const stage = resolveStage(library, s);
    const path = s.pathId === undefined ? undefined : library.paths.get(s.pathId);
    if (path && s.architectureId !== undefined && (s.view === 'walkthrough' || s.view === 'lab'))
      if (path.architecture !== s.architectureId)
        report('pathId', `path "${path.id}" belongs to architecture "${path.architecture}", not "${s.architectureId}"`);
    if (s.whatIfs) {
      if (s.view !== 'lab') report('whatIfs', `only the Lab applies what-ifs (this step's view is "${s.view}")`);
      else checkWhatIfs(s.whatIfs, stage.pathId, 'whatIfs', report);
    }
    if (s.crashed !== undefined) {
      if (s.view !== 'lab') report('crashed', `only the Lab crashes components (this step's view is "${s.view}")`);
      componentIn(stage.architectureId, s.crashed, 'crashed', report);
    }
    if (s.claim !== undefined && !library.claims.has(s.claim) && !library.foundations.has(s.claim))
      report(
        'claim',
        `unknown claim "${s.claim}"${didYouMean(s.claim, [...library.claims.keys(), ...library.foundations.keys()])}`,
      );
    s.spotlight?.forEach((c, i) => componentIn(stage.architectureId, c, `spotlight[${i}]`, report));
    if (s.selection) {
      // A selection names a component of a stack on stage: either side of a comparison, or the main stack.
      const onStage = [stage.architectureId];
      if (s.view === 'compare' && s.compare)
        onStage.push(...[s.compare.left, s.compare.right].map((p) => library.paths.get(p)?.architecture));
      const known = onStage.some((a) =>
        library.architectures.get(a ?? '')?.components.some((c) => c.id === s.selection?.componentId),
      );
      if (!known)
        report(
          'selection.componentId',
          `unknown component "${s.selection.componentId}" in architecture "${stage.architectureId}"${didYouMean(
            s.selection.componentId,
            onStage.flatMap((x) => componentIds(library.architectures.get(x ?? '') ?? { components: [] })),
          )}`,
        );
    }
    if (s.hop !== undefined) {
      if (stage.playedPathId === undefined) report('hop', 'a hop needs a path ("pathId", or "compare" in Compare)');
      else {
        const n = hopCount(stage.playedPathId, stage.whatIfs);
        if (n !== undefined && s.hop >= n)
          report('hop', `hop ${s.hop} is out of range: path "${stage.playedPathId}" has ${n} hops (0..${n - 1})`);
      }
    }
  }

  function checkQuestion(q: Question, report: Report): void {
    switch (q.kind) {
      case 'single':
      case 'multiple': {
        const options = duplicateIds(q.options, 'option', 'options', report);
        const correct = q.kind === 'single' ? [q.correct] : q.correct;
        correct.forEach((c, i) => {
          if (!options.has(c))
            report(q.kind === 'single' ? 'correct' : `correct[${i}]`, `"${c}" is not an option of this question`);
        });
        if (q.kind === 'multiple') duplicates(q.correct, 'correct option', (i) => `correct[${i}]`, report);
        break;
      }
      case 'classify': {
        const categories = duplicateIds(q.categories, 'category', 'categories', report);
        duplicateIds(q.items, 'item', 'items', report);
        q.items.forEach((x, i) => {
          if (!categories.has(x.category))
            report(`items[${i}].category`, `unknown category "${x.category}"${didYouMean(x.category, categories)}`);
        });
        break;
      }
      case 'order': {
        if (!library.paths.has(q.pathId))
          return report('pathId', `unknown path "${q.pathId}"${didYouMean(q.pathId, library.paths.keys())}`);
        const n = hopCount(q.pathId);
        if (n === undefined) return;
        const from = q.from ?? 0;
        const to = q.to ?? n - 1;
        if (to >= n) report('to', `hop ${to} is out of range: path "${q.pathId}" has ${n} hops (0..${n - 1})`);
        else if (to - from < 1) report('to', `an order question needs at least two hops (from ${from} to ${to})`);
        break;
      }
      case 'predict-next': {
        if (!library.paths.has(q.pathId))
          return report('pathId', `unknown path "${q.pathId}"${didYouMean(q.pathId, library.paths.keys())}`);
        if ((hopCount(q.pathId) ?? 2) < 2)
          report('pathId', `path "${q.pathId}" needs at least two hops to predict the next one`);
        break;
      }
      case 'numeric': {
        if (!library.paths.has(q.pathId))
          return report('pathId', `unknown path "${q.pathId}"${didYouMean(q.pathId, library.paths.keys())}`);
        for (const id of Object.keys(q.overrides ?? {}))
          if (!library.parameters.has(id))
            report(`overrides.${id}`, `unknown parameter "${id}"${didYouMean(id, library.parameters.keys())}`);
        if (q.whatIfs) checkWhatIfs(q.whatIfs, q.pathId, 'whatIfs', report);
        break;
      }
    }
  }
}
