import type { Architecture, Library } from '../../model/types';
import type { PickResult, StackInput } from '../../scene';
import type { Platform } from '../../platform/Platform';
import { SettingsState } from './SettingsState.svelte';
import { WalkthroughState } from './WalkthroughState.svelte';
import { CompareState } from './CompareState.svelte';
import { LabState } from './LabState.svelte';
import { ClaimsState } from './ClaimsState.svelte';

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

/** What the keys, the dock and the frame loop need of a player (a walkthrough or a comparison). */
export interface Playable {
  readonly playing: boolean;
  toggle(): void;
  pause(): void;
  next(): void;
  prev(): void;
  reset(): void;
  /** Advances model time; returns whether it still plays. */
  tick(dt: number): boolean;
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
  /** True while a player is playing: the 3D view's frame loop then calls `tick` every frame. */
  clockRunning = $state(false);

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
      case 'explore':
        return [{ key: 'main', architecture: this.architecture(this.architectureId), snapshot: null }];
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
    this.mode = mode;
    this.selection = null;
    this.hover = null;
    this.origin = null;
  }

  requestFocus(selector: string): void {
    this.focusRequest = selector;
  }

  setArchitecture(id: string): void {
    this.architectureId = id;
    this.selection = null;
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
  get player(): Playable | null {
    if (this.mode === 'walkthrough') return this.walkthrough;
    if (this.mode === 'compare') return this.compare;
    if (this.mode === 'lab' && this.lab.showWalkthrough) return this.lab.walkthrough;
    return null;
  }

  /** Call after any player command: keeps the clock running while something plays. */
  syncClock(): void {
    if (this.player?.playing) this.clockRunning = true;
  }

  /** Advances model time by one frame (called from the scene's frame loop); false once nothing plays. */
  tick = (dt: number): boolean => {
    const playing = this.player?.tick(dt) ?? false;
    if (!playing) this.clockRunning = false;
    return playing;
  };

  private pauseAll(): void {
    this.clockRunning = false;
    for (const p of [this.walkthrough, this.compare, this.lab.walkthrough]) if (p.playing) p.pause();
  }
}
