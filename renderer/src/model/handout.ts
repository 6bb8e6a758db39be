/**
 * Handouts: a lesson or a run sheet as a printable document, one page section per step with a picture of the stage,
 * the narration and the sources of what the step shows. This module is the pure part: which steps, which texts, and
 * which sources (with their confidence marks) stand behind each step. The UI pictures each step (ui/handout/).
 */
import type { Lesson } from './course/schema';
import { stepPresentation } from './course/stepPresentation';
import { termLinks } from './course/richText';
import type { Presentation } from './presentation';
import type { RunSheet } from './runSheet';
import type { Hop, Library, Mark } from './types';

/** Sources that support one thing on stage; `mark` says how far the thing itself can be trusted. */
export interface HandoutSourceGroup {
  label: string;
  keys: string[];
  mark?: Mark;
}

export interface HandoutStep {
  title: string;
  /** Rich text (Markdown subset with glossary links). */
  narration: string;
  presentation: Presentation;
}

export interface HandoutPlan {
  title: string;
  /** What the handout is made from, e.g. "Lesson 4 · 8 steps". */
  subtitle: string;
  /** Rich text shown before the first step (a lesson's introduction), or empty. */
  intro: string;
  /** Sources of the whole document (a lesson's own list), or empty. */
  sources: string[];
  steps: HandoutStep[];
}

export function lessonHandout(library: Library, lesson: Lesson): HandoutPlan {
  return {
    title: `Lesson ${lesson.number}: ${lesson.title}`,
    subtitle: `${lesson.steps.length} steps · about ${lesson.minutes} minutes`,
    intro: lesson.intro,
    sources: lesson.sources,
    steps: lesson.steps.map((step, i) => ({
      title: step.title,
      narration: step.narration,
      presentation: stepPresentation(library, lesson, i),
    })),
  };
}

export function runSheetHandout(sheet: RunSheet): HandoutPlan {
  return {
    title: sheet.title,
    subtitle: `Run sheet · ${sheet.cues.length} steps · ${sheet.minutes} minutes`,
    intro: '',
    sources: [],
    steps: sheet.cues.map((cue) => ({ title: cue.title, narration: cue.narration, presentation: cue.presentation })),
  };
}

/**
 * The sources behind what a step shows: the architecture (and the selected or crashed component), the path and the
 * hop on stage (walkthrough, Lab), the Lab's path what-ifs that are on, both paths (Compare), the open claim (Claims), and every glossary term the narration
 * links. `hop` is the hop the player stands on once the step is on stage (null when none). Groups without sources are
 * kept when they carry a mark (an estimate says so), others are left out; each label appears once.
 */
export function stepSources(
  library: Library,
  p: Presentation,
  narration: string,
  hop: Hop | null,
): HandoutSourceGroup[] {
  const groups: HandoutSourceGroup[] = [];
  const add = (group: HandoutSourceGroup) => {
    if (group.keys.length === 0 && group.mark === undefined) return;
    if (groups.some((g) => g.label === group.label)) return;
    groups.push({ ...group, keys: [...new Set(group.keys)] });
  };
  const path = (id: string) => {
    const found = library.paths.get(id);
    if (found) add({ label: `Path: ${found.name}`, keys: found.sources, mark: found.mark });
  };
  const component = (architectureId: string, componentId: string | null | undefined, what: string) => {
    const arch = library.architectures.get(architectureId);
    const c = arch?.components.find((x) => x.id === componentId);
    if (arch && c) add({ label: `${what}: ${c.name} (${arch.name})`, keys: c.sources, mark: c.mark });
  };

  const onPath = p.view === 'walkthrough' || (p.view === 'lab' && p.showPlayer);
  const arch = library.architectures.get(
    p.view === 'walkthrough' ? (library.paths.get(p.pathId)?.architecture ?? p.architectureId) : p.architectureId,
  );
  if (p.view === 'compare') {
    path(p.compare.left);
    path(p.compare.right);
  } else if (p.view === 'claims') {
    const claim = p.claim === null ? undefined : library.claims.get(p.claim);
    const foundation = p.claim === null ? undefined : library.foundations.get(p.claim);
    if (claim) add({ label: `Claim ${claim.number}: ${claim.claim}`, keys: claim.evidence.flatMap((e) => e.sources) });
    if (foundation)
      add({
        label: `Foundation: ${foundation.title}`,
        keys: [...foundation.sources, ...foundation.body.flatMap((b) => b.sources)],
      });
  } else if (arch && p.view !== 'references') {
    add({ label: `Architecture: ${arch.name}`, keys: arch.sources });
    if (onPath) path(p.pathId);
    if (onPath && hop) add({ label: `Hop: ${hop.label}`, keys: hop.sources, mark: hop.mark });
    if (p.view === 'lab') {
      const options = library.paths.get(p.pathId)?.options ?? [];
      for (const id of p.whatIfs.options) {
        const option = options.find((o) => o.id === id);
        if (option) add({ label: `What-if: ${option.label}`, keys: option.sources, mark: option.mark });
      }
      component(arch.id, p.crashed, 'Crashed');
    }
  }
  if (p.selection) {
    const { componentId } = p.selection;
    const candidates =
      p.view === 'compare'
        ? [p.compare.left, p.compare.right].map((id) => library.paths.get(id)?.architecture)
        : [arch?.id ?? p.architectureId];
    const owner = candidates.find((id) =>
      library.architectures.get(id ?? '')?.components.some((c) => c.id === componentId),
    );
    if (owner) component(owner, componentId, 'Selected');
  }
  for (const termId of termLinks(narration)) {
    const term = library.glossary.get(termId);
    if (term) add({ label: `Glossary: ${term.term}`, keys: term.sources });
  }
  return groups;
}
