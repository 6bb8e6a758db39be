import type { Architecture, Library } from '../../model/types';
import { morphCaption, morphTarget } from '../../model/morph';
import type { PickResult, StackInput } from '../../scene';
import type { Platform } from '../../platform/Platform';
import { SettingsState } from './SettingsState.svelte';
import { WalkthroughState } from './WalkthroughState.svelte';
import { CompareState } from './CompareState.svelte';
import { LabState } from './LabState.svelte';
import { ClaimsState } from './ClaimsState.svelte';
import { Stage, type ClockSource } from '../../stage/Stage';
import { checkPresentation, type Presentation } from '../../model/presentation';

export type Mode = 'explore' | 'walkthrough' | 'compare' | 'lab' | 'claims' | 'references';
export const MODES: { id: Mode; label: string; key: string }[] = [
  { id: 'explore', label: 'Explore', key: '1' },
  { id: 'walkthrough', label: 'Walkthrough', key: '2' },
  { id: 'compare', label: 'Compare', key: '3' },
  { id: 'lab', label: 'Lab', key: '4' },
  { id: 'claims', label: 'Claims', key: '5' },
  { id: 'references', label: 'References', key: '6' },
];

/** Where a learner came from when the app moved them to another view ("Show me", a "cited by" entry). */
export interface Origin {
  kind: 'claim' | 'foundation' | 'references';
  /** The claim's or foundation's id, or the source key in the References. */
  id: string;
  /** e.g. "claim 4", "the References (H3)". */
  label: string;
  /** The demonstration shown, when it was one. */
  demo?: string;
}

export const DEFAULT_ARCHITECTURE = 'hyperv-2008';

/** How long the Type 1 <-> Type 2 morph takes (model time; a cut under reduced motion). */
export const MORPH_SECONDS = 2.4;

/** A morph between two architectures in Explore: t runs 0 -> 1; the caption says what changed. */
export interface MorphRun {
  from: string;
  to: string;
  t: number;
  caption: string;
}

/** The whole app's state: which view, which stack, what is selected, and the per-view states. */
export class AppState {
  mode = $state<Mode>('explore');
  architectureId = $state(DEFAULT_ARCHITECTURE);
  selection = $state.raw<PickResult | null>(null);
  hover = $state.raw<PickResult | null>(null);
  readonly settings: SettingsState;
  readonly walkthrough: WalkthroughState;
  readonly compare: CompareState;
  readonly lab: LabState;
  readonly claims: ClaimsState;
  /** Set when the app moved the learner here from a claim or the References; cleared by any other change of view. */
  origin = $state.raw<Origin | null>(null);
  /** A CSS selector of the element to focus once the view has drawn (after a change of view made for the learner). */
  focusRequest = $state<string | null>(null);
  /** The one clock: steps the player on screen and the morph, then syncs the 3D view, every frame (stage/Stage.ts). */
  readonly stage: Stage;
  /** The Type 1 <-> Type 2 morph of Explore: running while t < 1, then kept (done) for its caption. */
  morph = $state.raw<MorphRun | null>(null);

  constructor(
    readonly library: Library,
    readonly platform: Platform,
  ) {
    this.settings = new SettingsState(platform);
    if (!library.architectures.has(this.architectureId))
      this.architectureId = [...library.architectures.keys()][0] ?? '';
    const firstPath =
      [...library.paths.values()].find((p) => p.architecture === this.architectureId) ?? [...library.paths.values()][0];
    if (!firstPath) throw new Error('The built-in library has no I/O paths.');
    this.walkthrough = new WalkthroughState(library, firstPath.id);
    this.compare = new CompareState(library);
    this.lab = new LabState(library, this.architectureId);
    this.claims = new ClaimsState(library, this.architectureId);
    this.stage = new Stage(
      () => this.clockSources(),
      () => this.stacks,
    );
    // Every player command wakes the clock: nothing else has to remember to start it.
    for (const p of [this.walkthrough, this.compare, this.lab.walkthrough]) p.onCommand = () => this.stage.wake();
  }

  /** What is on stage, as a small serializable object (to save, restore, or send to another window). */
  presentation(): Presentation {
    const lab = this.mode === 'lab';
    const w = this.walkthrough.snapshot;
    const c = this.compare.snapshot;
    const l = this.lab.walkthrough.snapshot;
    const clock =
      this.mode === 'compare' && c
        ? { time: c.time, playing: c.left.playing, speed: c.left.speed }
        : lab && l
          ? { time: l.time, playing: l.playing, speed: l.speed }
          : w
            ? { time: w.time, playing: w.playing, speed: w.speed }
            : { time: 0, playing: false, speed: 1 };
    const whatIfs = $state.snapshot(this.lab.whatIfs);
    return {
      version: 1,
      view: this.mode,
      architectureId: lab ? this.lab.architectureId : this.architectureId,
      pathId: lab ? this.lab.walkthrough.pathId : this.walkthrough.pathId,
      compare: { left: this.compare.leftId, right: this.compare.rightId },
      ...clock,
      whatIfs: { ...whatIfs, options: [...whatIfs.options] },
      crashed: this.lab.crashed,
      showPlayer: this.lab.showWalkthrough,
      selection: this.selection,
      claim: null,
      camera: 'overview',
      spotlight: [],
      blackout: false,
    };
  }

  /** Puts a presentation state on stage. Returns the problems (unknown ids) instead of applying a state that does not fit. */
  restore(p: Presentation): string[] {
    const errors = checkPresentation(this.library, p);
    if (errors.length > 0) return errors;
    this.setMode(p.view);
    this.walkthrough.setPath(p.pathId);
    this.compare.setPaths(p.compare.left, p.compare.right);
    if (p.view === 'lab') {
      if (this.lab.architectureId !== p.architectureId) this.lab.setArchitecture(p.architectureId);
      this.lab.whatIfs = { ...p.whatIfs, options: [...p.whatIfs.options] };
      this.lab.crashed = p.crashed;
      this.lab.showWalkthrough = p.showPlayer;
      this.lab.walkthrough.setPath(p.pathId);
      this.lab.applyToPlayer();
    } else this.setArchitecture(p.architectureId);
    const player = this.player;
    if (player) {
      player.setSpeed(p.speed);
      player.seek(p.time);
      if (p.playing) player.play();
      else player.pause();
    }
    this.selection = p.selection;
    this.stage.wake();
    return [];
  }

  /** What moves with the clock now: the player of the view on screen, and a running morph. */
  private clockSources(): ClockSource[] {
    const out: ClockSource[] = [];
    const player = this.player;
    if (player) out.push({ running: player.playing, step: (dt) => player.tick(dt) });
    const m = this.morph;
    if (m && m.t < 1)
      out.push({
        running: true,
        step: (dt) => {
          const cur = this.morph;
          if (!cur || cur.t >= 1) return false;
          // Reduced motion switched on mid-morph cuts to the end.
          const t = this.settings.reducedMotion ? 1 : Math.min(1, cur.t + Math.max(0, dt) / MORPH_SECONDS);
          this.morph = { ...cur, t };
          return t < 1;
        },
      });
    return out;
  }

  get architectures(): Architecture[] {
    return [...this.library.architectures.values()];
  }

  architecture(id: string): Architecture {
    const arch = this.library.architectures.get(id);
    if (!arch) throw new Error(`Unknown architecture "${id}"`);
    return arch;
  }

  /** What the 3D viewport draws in the current view. */
  stacks = $derived.by((): StackInput[] => {
    switch (this.mode) {
      case 'explore': {
        const architecture = this.architecture(this.architectureId);
        const m = this.morph;
        const morph = m && m.t < 1 && m.to === architecture.id ? { from: this.architecture(m.from), t: m.t } : null;
        return [{ key: 'main', architecture, snapshot: null, morph }];
      }
      case 'walkthrough': {
        const snap = this.walkthrough.snapshot;
        const arch = this.walkthrough.path ? this.architecture(this.walkthrough.path.architecture) : null;
        return arch ? [{ key: 'main', architecture: arch, snapshot: snap, path: this.walkthrough.path }] : [];
      }
      case 'compare':
        return this.compare.stacks(this.library);
      case 'lab':
        return this.lab.stacks();
      case 'claims':
        return [{ key: 'main', architecture: this.architecture(this.claims.architectureId), snapshot: null }];
      case 'references':
        return [];
    }
  });

  setMode(mode: Mode): void {
    this.pauseAll();
    this.morph = null;
    this.mode = mode;
    this.selection = null;
    this.hover = null;
    this.origin = null;
  }

  requestFocus(selector: string): void {
    this.focusRequest = selector;
  }

  setArchitecture(id: string): void {
    this.morph = null;
    this.architectureId = id;
    this.selection = null;
  }

  /** Where "Morph to Type 1 / Type 2" goes from the architecture shown in Explore, if anywhere. */
  get morphTarget(): Architecture | undefined {
    const arch = this.library.architectures.get(this.architectureId);
    return arch ? morphTarget(arch, this.library.architectures) : undefined;
  }

  /** The theme in use (components take it as a prop instead of reaching into the settings). */
  get theme() {
    return this.settings.settings.theme;
  }

  get reducedMotion(): boolean {
    return this.settings.reducedMotion;
  }

  /** The morph's progress as text for tests ("0.42"), or undefined without a morph. */
  get morphProgress(): string | undefined {
    return this.morph ? this.morph.t.toFixed(2) : undefined;
  }

  get morphState(): 'idle' | 'running' | 'done' {
    return this.morph === null ? 'idle' : this.morph.t < 1 ? 'running' : 'done';
  }

  /** Morphs the stack to its Type 1 / Type 2 partner; under reduced motion it cuts straight to the end. */
  startMorph(): void {
    const from = this.library.architectures.get(this.architectureId);
    const to = this.morphTarget;
    if (this.mode !== 'explore' || !from || !to) return;
    this.selection = null;
    this.hover = null;
    this.architectureId = to.id;
    const cut = this.settings.reducedMotion;
    this.morph = { from: from.id, to: to.id, t: cut ? 1 : 0, caption: morphCaption(from, to) };
    this.stage.wake();
  }

  /** Selection can only name a component of a stack that is on screen. */
  select(sel: PickResult | null): void {
    this.selection = sel;
  }

  /** The architecture a pick refers to (the variant in the Lab). */
  architectureOf(sel: PickResult): Architecture | null {
    return this.stacks.find((s) => s.key === sel.stackKey)?.architecture ?? null;
  }

  /** Play/pause, step and the clock go to whichever player the current view shows. */
  get player(): WalkthroughState | CompareState | null {
    if (this.mode === 'walkthrough') return this.walkthrough;
    if (this.mode === 'compare') return this.compare;
    if (this.mode === 'lab' && this.lab.showWalkthrough) return this.lab.walkthrough;
    return null;
  }

  private pauseAll(): void {
    this.stage.sleep();
    for (const p of [this.walkthrough, this.compare, this.lab.walkthrough]) if (p.playing) p.pause();
  }
}
