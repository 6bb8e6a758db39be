/**
 * What a lesson step puts on stage: its partial state (course/schema.ts `stepStateSchema`) completed into a full
 * Presentation (presentation.ts) that `checkPresentation` accepts. One rule decides which path plays and with which
 * what-ifs (`resolveStage`); checkCourse.ts uses the same rule to check hop indices, so a step that validates always
 * presents.
 */
import { DEFAULT_WHATIFS, resolvePath } from '../pathResolution';
import type { Presentation } from '../presentation';
import type { Hop, Library, WhatIfs } from '../types';
import { WalkthroughPlayer } from '../WalkthroughPlayer';
import type { Lesson, StepState } from './schema';

export interface ResolvedStage {
  /** The path whose player is on stage: compare.left in Compare, else the step's path (or a path of its architecture). */
  playedPathId: string | undefined;
  /** The presentation's pathId (the walkthrough's, or the Lab's player's path). */
  pathId: string | undefined;
  architectureId: string | undefined;
  /** What-ifs the player on stage runs with: only the Lab applies what-ifs; Walkthrough and Compare play paths as they are. */
  whatIfs: Partial<WhatIfs>;
}

/** The defaults of a step's state, by the rules above. Ids are not checked here (checkCourse does). */
export function resolveStage(library: Library, state: StepState): ResolvedStage {
  const paths = [...library.paths.values()];
  const ofArchitecture =
    state.architectureId === undefined ? undefined : paths.find((p) => p.architecture === state.architectureId)?.id;
  const pathId = state.pathId ?? (state.view === 'compare' ? state.compare?.left : undefined) ?? ofArchitecture;
  const playedPathId = state.view === 'compare' && state.compare ? state.compare.left : pathId;
  const architectureId =
    state.architectureId ?? (playedPathId === undefined ? undefined : library.paths.get(playedPathId)?.architecture);
  return { playedPathId, pathId, architectureId, whatIfs: state.view === 'lab' ? (state.whatIfs ?? {}) : {} };
}

/** A path's hops as its player shows them under these what-ifs (option hops in or out). */
export function playedHops(library: Library, pathId: string, whatIfs: Partial<WhatIfs> = {}): Hop[] {
  const path = library.paths.get(pathId);
  if (!path) throw new Error(`unknown path "${pathId}"`);
  const arch = library.architectures.get(path.architecture);
  if (!arch) throw new Error(`unknown architecture "${path.architecture}" for path "${pathId}"`);
  return resolvePath(library, arch, path, whatIfs).hops;
}

/**
 * A full presentation from a step's partial state: the architecture from the path, paused at the model time at which
 * `hop` starts (the WalkthroughPlayer's own timing), speed 1, overview camera, no spotlight, no blackout. Throws on an
 * id the library does not know (content that passed buildLibrary never does).
 */
export function statePresentation(library: Library, state: StepState): Presentation {
  const stage = resolveStage(library, state);
  const fallback = [...library.paths.keys()][0];
  const pathId = stage.pathId ?? fallback;
  const playedPathId = stage.playedPathId ?? pathId;
  if (pathId === undefined || playedPathId === undefined) throw new Error('the library has no I/O paths');
  const architectureId = stage.architectureId ?? library.paths.get(playedPathId)?.architecture;
  if (architectureId === undefined) throw new Error(`unknown path "${playedPathId}"`);
  let time = 0;
  if (state.hop !== undefined) {
    const starts = new WalkthroughPlayer(library, playedPathId, { whatIfs: stage.whatIfs }).hopStarts;
    const start = starts[state.hop];
    if (start === undefined)
      throw new Error(`hop ${state.hop} is out of range: path "${playedPathId}" has ${starts.length} hops`);
    time = start;
  }
  return {
    version: 1,
    view: state.view,
    architectureId,
    pathId,
    compare: state.compare ?? { left: playedPathId, right: playedPathId },
    time,
    playing: false,
    speed: 1,
    whatIfs: { ...DEFAULT_WHATIFS, ...stage.whatIfs, options: [...(stage.whatIfs.options ?? DEFAULT_WHATIFS.options)] },
    crashed: state.crashed ?? null,
    showPlayer: state.showPlayer ?? false,
    selection: state.selection ?? null,
    claim: state.claim ?? null,
    camera: state.camera ?? 'overview',
    spotlight: [...(state.spotlight ?? [])],
    blackout: false,
  };
}

/** The presentation of step `stepIndex` of a lesson. */
export function stepPresentation(library: Library, lesson: Lesson, stepIndex: number): Presentation {
  const step = lesson.steps[stepIndex];
  if (!step) throw new Error(`lesson "${lesson.id}" has no step ${stepIndex} (it has ${lesson.steps.length})`);
  return statePresentation(library, step.state);
}
