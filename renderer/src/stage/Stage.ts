/**
 * The Stage: everything on stage, in plain TypeScript (no Svelte, no DOM). It owns the players, the Lab's what-if
 * variant (derived once, in LabSession), the selection, the morph, the camera preset, the spotlight and the
 * blackout, and it is the one clock.
 *
 * Commands go in (`setMode`, `select`, `player.play()`, `lab.setWhatIf(...)`, `restore(presentation)`); snapshots come
 * out: after every command and every frame the Stage builds one immutable `StageSnapshot` and hands it to its
 * subscribers (the UI mirrors it in one `$state.raw`) and syncs the view.
 *
 * A frame is, synchronously and in this order (PhET's joist order): every running source (the player on screen, a
 * Type 1 <-> Type 2 morph) steps its model by dt; the Stage builds the snapshot and syncs the view to it
 * (`setStacks`); then the view renders (the scene draws right after its ticker returns, in the same animation
 * frame). So a frame never shows the previous frame's state. When nothing moves, the Stage stops the view's ticker and
 * the scene goes back to rendering on demand (an idle app draws no frames).
 */
import { demoArchitecture, type Presentation, type View } from '../model';
import { morphCaption, morphTarget } from '../model/morph';
import {
  checkPresentation,
  fitPresentation,
  type CameraPreset,
  type PresentationDefaults,
} from '../model/presentation';
import type { Architecture, Library } from '../model/types';
import type { PickResult, StackInput } from '../scene/sceneTypes';
import {
  CompareSession,
  LabSession,
  WalkthroughSession,
  type CompareView,
  type LabView,
  type ActivePlayer,
  type WalkthroughView,
} from './sessions';

/** What the Stage drives: the 3D scene (StackScene implements it). */
export interface StageView {
  /** Calls `tick(dt)` every animation frame until it returns false, then renders on demand again. */
  setTicker(tick: ((dtSeconds: number) => boolean) | null): void;
  /** Syncs the drawn stacks to the model. */
  setStacks(stacks: StackInput[]): void;
}

/** How long the Type 1 <-> Type 2 morph takes (model time; a cut under reduced motion). */
export const MORPH_SECONDS = 2.4;

/** A morph between two architectures in Explore: t runs 0 -> 1; the caption says what changed. */
export interface MorphRun {
  from: string;
  to: string;
  t: number;
  caption: string;
}

/** Everything the UI draws, at one moment. Immutable: a new one comes after every change. */
export interface StageSnapshot {
  /** Counts snapshots: a later state has a higher number. */
  version: number;
  mode: View;
  /** The architecture of Explore. */
  architectureId: string;
  selection: PickResult | null;
  morph: MorphRun | null;
  /** Where "Morph to Type 1 / Type 2" goes from the architecture of Explore, if anywhere. */
  morphTarget: Architecture | null;
  camera: CameraPreset;
  spotlight: readonly string[];
  blackout: boolean;
  /** The claim or foundation open in the Claims view. */
  claim: string | null;
  /** The architecture the Claims view shows beside the open claim (that of its first demonstration). */
  claimsArchitectureId: string;
  walkthrough: WalkthroughView;
  compare: CompareView;
  lab: LabView;
  /** What the 3D view draws. */
  stacks: StackInput[];
  /** The player of the view on screen is playing. */
  playing: boolean;
}

export class Stage {
  readonly walkthrough: WalkthroughSession;
  readonly compare: CompareSession;
  readonly lab: LabSession;
  private mode: View = 'explore';
  private architectureId: string;
  private selection: PickResult | null = null;
  private morph: MorphRun | null = null;
  private camera: CameraPreset = 'overview';
  private spotlight: string[] = [];
  private blackout = false;
  private claim: string | null = null;
  private reducedMotion = false;
  private current: StageSnapshot;
  private readonly listeners = new Set<(s: StageSnapshot) => void>();
  private view: StageView | null = null;
  private ticking = false;
  /** Frames run so far (for tests and the debug hook). */
  frames = 0;

  private lib: Library;

  constructor(library: Library) {
    this.lib = library;
    const first = stageDefaults(library);
    this.architectureId = first.architectureId;
    const changed = () => this.changed();
    this.walkthrough = new WalkthroughSession(library, first.pathId, changed);
    this.compare = new CompareSession(library, first.compare.left, first.compare.right, changed);
    this.lab = new LabSession(library, this.architectureId, changed);
    this.claim = firstClaim(library);
    this.current = this.build(0);
  }

  /** The content on stage: the built-in library, or that plus an author's file (replaceLibrary). */
  get library(): Library {
    return this.lib;
  }

  /**
   * Puts another library on stage (an author's file opened or reloaded) without a page reload: the same view, path,
   * model time, architecture, what-ifs and camera stay on stage wherever the new library still has them; what it
   * lacks falls back to the library's defaults. Returns what could not be kept (empty when everything was).
   */
  replaceLibrary(library: Library): string[] {
    const before = this.presentation();
    const defaults = stageDefaults(library);
    const { presentation, dropped } = fitPresentation(library, before, defaults);
    this.lib = library;
    this.batch(() => {
      this.morph = null;
      this.walkthrough.setLibrary(library, presentation.pathId);
      this.compare.setLibrary(library, presentation.compare.left, presentation.compare.right);
      this.lab.setLibrary(library, defaults.architectureId);
      if (!library.architectures.has(this.architectureId)) this.architectureId = defaults.architectureId;
      if (this.claim !== null && !library.claims.has(this.claim) && !library.foundations.has(this.claim))
        this.claim = firstClaim(library);
    });
    const problems = this.restore(presentation);
    return [...dropped, ...problems];
  }

  // ---- snapshots out ----

  get snapshot(): StageSnapshot {
    return this.current;
  }

  /** Calls `listener` with every new snapshot; returns the unsubscribe function. */
  subscribe(listener: (s: StageSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** After any change: a new snapshot to the subscribers and the view, and the clock running if anything moves. */
  private changed(): void {
    if (this.batching) return;
    this.publish();
    this.wake();
  }

  private publish(): void {
    this.current = this.build(this.current.version + 1);
    this.view?.setStacks(this.current.stacks);
    for (const l of this.listeners) l(this.current);
  }

  private build(version: number): StageSnapshot {
    const lab = this.lab.view();
    return {
      version,
      mode: this.mode,
      architectureId: this.architectureId,
      selection: this.selection,
      morph: this.morph,
      morphTarget: this.morphTarget ?? null,
      camera: this.camera,
      spotlight: this.spotlight,
      blackout: this.blackout,
      claim: this.claim,
      claimsArchitectureId: this.claimsArchitecture(),
      walkthrough: this.walkthrough.view(),
      compare: this.compare.view(),
      lab,
      stacks: this.stacks(lab),
      playing: this.player?.playing ?? false,
    };
  }

  private stacks(lab: LabView): StackInput[] {
    switch (this.mode) {
      case 'explore': {
        const architecture = this.architecture(this.architectureId);
        const m = this.morph;
        const morph = m && m.t < 1 && m.to === architecture.id ? { from: this.architecture(m.from), t: m.t } : null;
        return [{ key: 'main', architecture, snapshot: null, morph }];
      }
      case 'walkthrough': {
        const w = this.walkthrough.view();
        return [
          { key: 'main', architecture: this.architecture(w.path.architecture), snapshot: w.player, path: w.path },
        ];
      }
      case 'compare': {
        const snap = this.compare.view().player;
        return [
          ['left', snap.left],
          ['right', snap.right],
        ].flatMap(([key, s]) => {
          const side = s as typeof snap.left;
          const path = this.lib.paths.get(side.pathId);
          const architecture = this.lib.architectures.get(side.architectureId);
          return architecture
            ? [{ key: key as string, architecture, snapshot: side, path, title: path?.name ?? architecture.name }]
            : [];
        });
      }
      case 'lab':
        return [
          {
            key: 'main',
            architecture: lab.variant.architecture,
            snapshot: lab.showPlayer ? lab.walkthrough.player : null,
            path: lab.showPlayer ? lab.walkthrough.path : null,
            failed: lab.failedIds,
          },
        ];
      case 'claims':
        return [{ key: 'main', architecture: this.architecture(this.claimsArchitecture()), snapshot: null }];
      case 'references':
        return [];
    }
  }

  private architecture(id: string): Architecture {
    const arch = this.lib.architectures.get(id);
    if (!arch) throw new Error(`Unknown architecture "${id}"`);
    return arch;
  }

  private claimsArchitecture(): string {
    const id = this.claim;
    const item = id ? (this.lib.claims.get(id) ?? this.lib.foundations.get(id)) : undefined;
    for (const demo of item?.demos ?? []) {
      const arch = demoArchitecture(this.lib, demo);
      if (arch && this.lib.architectures.has(arch)) return arch;
    }
    return this.architectureId;
  }

  // ---- commands in ----

  /** The player of the view on screen (Play, the arrow keys and the controls act on it), or null. */
  get player(): ActivePlayer | null {
    if (this.mode === 'walkthrough') return this.walkthrough;
    if (this.mode === 'compare') return this.compare;
    if (this.mode === 'lab' && this.lab.showingPlayer) return this.lab.walkthrough;
    return null;
  }

  setMode(mode: View): void {
    this.sleep();
    for (const p of [this.walkthrough, this.compare, this.lab.walkthrough]) if (p.playing) p.pause();
    this.morph = null;
    this.mode = mode;
    this.selection = null;
    this.spotlight = [];
    this.changed();
  }

  setArchitecture(id: string): void {
    this.architecture(id);
    this.morph = null;
    this.architectureId = id;
    this.selection = null;
    this.spotlight = [];
    this.changed();
  }

  /** Selection names a component of a stack that is on screen (null clears it). */
  select(selection: PickResult | null): void {
    this.put({ selection });
  }

  setCamera(camera: CameraPreset): void {
    this.put({ camera });
  }

  setSpotlight(ids: readonly string[]): void {
    this.put({ spotlight: [...ids] });
  }

  setBlackout(on: boolean): void {
    this.put({ blackout: on });
  }

  /** Opens a claim or foundation in the Claims view (null closes it). */
  setClaim(id: string | null): void {
    this.put({ claim: id });
  }

  /** Sets plain fields of what is on stage and publishes the change. */
  private put(
    patch: Partial<Pick<StageSnapshot, 'selection' | 'camera' | 'blackout' | 'claim'> & { spotlight: string[] }>,
  ): void {
    Object.assign(this, patch);
    this.changed();
  }

  /** Reduced motion cuts a running morph to its end (and later ones start at their end). */
  setReducedMotion(on: boolean): void {
    this.reducedMotion = on;
    if (on && this.morph && this.morph.t < 1) {
      this.morph = { ...this.morph, t: 1 };
      this.changed();
    }
  }

  /** Where "Morph to Type 1 / Type 2" goes from the architecture shown in Explore, if anywhere. */
  get morphTarget(): Architecture | undefined {
    const arch = this.lib.architectures.get(this.architectureId);
    return arch ? morphTarget(arch, this.lib.architectures) : undefined;
  }

  /** Morphs the stack to its Type 1 / Type 2 partner; under reduced motion it cuts straight to the end. */
  startMorph(): void {
    const from = this.lib.architectures.get(this.architectureId);
    const to = this.morphTarget;
    if (this.mode !== 'explore' || !from || !to) return;
    this.selection = null;
    this.architectureId = to.id;
    this.morph = { from: from.id, to: to.id, t: this.reducedMotion ? 1 : 0, caption: morphCaption(from, to) };
    this.changed();
  }

  // ---- the presentation state ----

  /** What is on stage, as a small serializable object (to save, restore, or send to another window). */
  presentation(): Presentation {
    const s = this.current;
    const lab = s.mode === 'lab';
    const clock = s.mode === 'compare' ? s.compare.player.left : lab ? s.lab.walkthrough.player : s.walkthrough.player;
    return {
      version: 1,
      view: s.mode,
      architectureId: lab ? s.lab.architectureId : s.architectureId,
      pathId: lab ? s.lab.walkthrough.pathId : s.walkthrough.pathId,
      compare: { left: s.compare.leftId, right: s.compare.rightId },
      time: clock.time,
      playing: clock.playing,
      speed: clock.speed,
      whatIfs: { ...s.lab.whatIfs, options: [...s.lab.whatIfs.options] },
      crashed: s.lab.crashed,
      showPlayer: s.lab.showPlayer,
      selection: s.selection,
      claim: s.claim,
      camera: s.camera,
      spotlight: [...s.spotlight],
      blackout: s.blackout,
    };
  }

  /** Puts a presentation state on stage. Returns the problems (unknown ids) instead of applying a state that does not fit. */
  restore(p: Presentation): string[] {
    const errors = checkPresentation(this.lib, p);
    if (errors.length > 0) return errors;
    this.batch(() => {
      this.setMode(p.view);
      if (this.walkthrough.pathId !== p.pathId && p.view !== 'lab') this.walkthrough.setPath(p.pathId);
      const c = this.compare.view();
      if (c.leftId !== p.compare.left || c.rightId !== p.compare.right)
        this.compare.setPaths(p.compare.left, p.compare.right);
      if (p.view === 'lab') {
        if (this.lab.view().architectureId !== p.architectureId) this.lab.setArchitecture(p.architectureId);
        this.lab.setWhatIfs(p.whatIfs);
        this.lab.setShowPlayer(p.showPlayer);
        if (this.lab.walkthrough.pathId !== p.pathId) this.lab.walkthrough.setPath(p.pathId);
        this.lab.crash(p.crashed);
      } else this.setArchitecture(p.architectureId);
      const player = this.player;
      if (player) {
        player.setSpeed(p.speed);
        player.seek(p.time);
        if (p.playing) player.play();
        else player.pause();
      }
      const { selection, camera, blackout, claim } = p;
      this.put({ selection, camera, spotlight: [...p.spotlight], blackout, claim });
    });
    return [];
  }

  /** Runs several commands as one change: one snapshot at the end. */
  private batching = false;
  private batch(run: () => void): void {
    this.batching = true;
    try {
      run();
    } finally {
      this.batching = false;
    }
    this.changed();
  }

  // ---- the clock ----

  /** Connects the view (null when it goes away). */
  attach(view: StageView | null): void {
    if (this.view && this.view !== view) this.view.setTicker(null);
    this.view = view;
    this.ticking = false;
    if (view) {
      view.setStacks(this.current.stacks);
      this.wake();
    }
  }

  /** Runs frames while anything moves. */
  private wake(): void {
    if (!this.view || this.ticking || !this.moving()) return;
    this.ticking = true;
    this.view.setTicker(this.frame);
  }

  /** Stops asking for frames (pauses nothing). */
  private sleep(): void {
    this.ticking = false;
    this.view?.setTicker(null);
  }

  private moving(): boolean {
    return (this.player?.playing ?? false) || (this.morph !== null && this.morph.t < 1);
  }

  /** One frame: step what moves, then publish the snapshot and sync the view; the view renders when this returns. */
  frame = (dt: number): boolean => {
    this.frames++;
    const player = this.player;
    if (player?.playing) player.step(dt);
    const m = this.morph;
    if (m && m.t < 1)
      this.morph = { ...m, t: this.reducedMotion ? 1 : Math.min(1, m.t + Math.max(0, dt) / MORPH_SECONDS) };
    this.publish();
    const running = this.moving();
    if (!running) this.ticking = false;
    return running;
  };
}

/** What a library shows first: its declared defaults, else its first architecture and paths. */
export function stageDefaults(library: Library): PresentationDefaults {
  const paths = [...library.paths.values()];
  const defaults = library.defaults;
  const known = <T>(map: Map<string, T>, id: string | undefined) => (id !== undefined && map.has(id) ? id : undefined);
  const architectureId =
    known(library.architectures, defaults?.architecture) ?? [...library.architectures.keys()][0] ?? '';
  const firstPath = paths.find((p) => p.architecture === architectureId) ?? paths[0];
  if (!firstPath) throw new Error('The library has no I/O paths.');
  return {
    architectureId,
    pathId: firstPath.id,
    compare: {
      left: known(library.paths, defaults?.compare.left) ?? firstPath.id,
      right: known(library.paths, defaults?.compare.right) ?? paths.find((p) => p !== firstPath)?.id ?? firstPath.id,
    },
  };
}

function firstClaim(library: Library): string | null {
  return [...library.claims.values()].sort((a, b) => a.number - b.number)[0]?.id ?? null;
}
