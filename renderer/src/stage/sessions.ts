/**
 * The players on stage, as plain objects (no Svelte, no DOM): a walkthrough of one path, a comparison of two paths
 * on one clock, and the Lab (cost parameters, what-ifs, a crash, and a walkthrough of the what-if variant).
 *
 * Each session owns its model player and reports every change to the Stage through `changed`, which publishes a
 * new snapshot and wakes the clock. One player abstraction: `PlayerSession` runs the commands of any model `Player`.
 */
import {
  ComparePlayer,
  DEFAULT_WHATIFS,
  WalkthroughPlayer,
  compareSummary,
  crashComponent,
  deriveVariant,
  withVariant,
  type CompareSnapshot,
  type PlayerOptions,
} from '../model';
import type { CostReport, FaultResult, IoPath, Library, Player, PlayerSnapshot, WhatIfs } from '../model/types';
import type { Variant } from '../model/whatIfs';

/** The commands every player takes (play/pause/step/seek/speed); the UI's controls and keys send these. */
export interface PlayerControls {
  play(): void;
  pause(): void;
  toggle(): void;
  next(): void;
  prev(): void;
  seek(time: number): void;
  setSpeed(speed: number): void;
  reset(): void;
}

/** A player the Stage's clock drives. */
export interface ActivePlayer extends PlayerControls {
  readonly playing: boolean;
  /** Advances model time by dt seconds; returns whether it still plays. */
  step(dt: number): boolean;
}

/** Runs commands on a model player and tells the Stage after each one. */
export abstract class PlayerSession<P extends Player<S>, S> implements ActivePlayer {
  protected player: P;

  constructor(
    player: P,
    protected readonly changed: () => void,
  ) {
    this.player = player;
  }

  abstract readonly playing: boolean;
  protected abstract readonly finished: boolean;

  snapshot(): S {
    return this.player.snapshot();
  }

  protected run(action: (p: P) => void): void {
    action(this.player);
    this.changed();
  }

  /** Play; at the end, play again from the start at the chosen speed. */
  play = () => this.run((p) => (this.finished ? p.replay() : p.play()));
  pause = () => this.run((p) => p.pause());
  toggle = () => (this.playing ? this.pause() : this.play());
  next = () => this.run((p) => (p.pause(), p.next()));
  prev = () => this.run((p) => (p.pause(), p.prev()));
  seek = (time: number) => this.run((p) => p.seek(time));
  setSpeed = (speed: number) => this.run((p) => p.setSpeed(speed));
  reset = () => this.run((p) => p.reset());

  /** Advances model time by dt seconds (the Stage's frame); returns whether it still plays. */
  step(dt: number): boolean {
    if (!this.playing) return false;
    this.player.step(dt);
    return this.playing;
  }

  /** Replaces the player, keeping the speed (a new path, new costs). */
  protected replace(next: P, speed: number): void {
    next.setSpeed(speed);
    this.player = next;
  }
}

/** What the UI draws of a walkthrough. */
export interface WalkthroughView {
  pathId: string;
  path: IoPath;
  cost: CostReport;
  player: PlayerSnapshot;
  /** Start time of each hop (model seconds). */
  hopStarts: readonly number[];
}

/** One walkthrough: a path, its player. */
export class WalkthroughSession extends PlayerSession<WalkthroughPlayer, PlayerSnapshot> {
  constructor(
    private library: Library,
    pathId: string,
    changed: () => void,
    private options: PlayerOptions = {},
  ) {
    super(new WalkthroughPlayer(library, pathId, options), changed);
  }

  get playing(): boolean {
    return this.player.playing;
  }
  protected get finished(): boolean {
    return this.player.snapshot().finished;
  }
  get pathId(): string {
    return this.player.pathId;
  }

  view(): WalkthroughView {
    const p = this.player;
    return { pathId: p.pathId, path: p.path, cost: p.cost, player: p.snapshot(), hopStarts: p.hopStarts };
  }

  setPath(pathId: string): void {
    if (!this.library.paths.has(pathId)) throw new Error(`Unknown path "${pathId}"`);
    this.replace(new WalkthroughPlayer(this.library, pathId, this.options), this.player.speed);
    this.changed();
  }

  /** Rebuilds the player on another library (an author's file reloaded), on `pathId`, keeping its place in time. */
  setLibrary(library: Library, pathId: string): void {
    if (!library.paths.has(pathId)) throw new Error(`Unknown path "${pathId}"`);
    const { time, speed } = this.player;
    const same = pathId === this.pathId;
    this.library = library;
    const next = new WalkthroughPlayer(library, pathId, this.options);
    if (same) next.seek(Math.min(time, next.duration));
    this.replace(next, speed);
  }

  /** Jumps to the start of a hop and pauses. */
  goTo = (hop: number) => this.run((p) => (p.pause(), p.goTo(hop)));

  /**
   * Rebuilds the player on a new library or new options (the Lab's variant), keeping the place in model time when
   * the path still exists, else starting that library's first path.
   */
  reconfigure(library: Library, options: PlayerOptions): void {
    const { time, speed } = this.player;
    const pathId = library.paths.has(this.pathId) ? this.pathId : ([...library.paths.keys()][0] ?? this.pathId);
    this.library = library;
    this.options = options;
    const next = new WalkthroughPlayer(library, pathId, options);
    next.seek(Math.min(time, next.duration));
    this.replace(next, speed);
  }
}

/** What the UI draws of a comparison. */
export interface CompareView {
  leftId: string;
  rightId: string;
  player: CompareSnapshot;
  costs: { left: CostReport; right: CostReport };
  summary: string;
}

/** Two paths on one clock. */
export class CompareSession extends PlayerSession<ComparePlayer, CompareSnapshot> {
  private summary: string;

  constructor(
    private library: Library,
    leftId: string,
    rightId: string,
    changed: () => void,
  ) {
    super(new ComparePlayer(library, leftId, rightId), changed);
    this.summary = compareSummary(library, leftId, rightId);
  }

  /** Both sides share one clock, so the left side's state is the comparison's. */
  get playing(): boolean {
    return this.player.snapshot().left.playing;
  }
  protected get finished(): boolean {
    const s = this.player.snapshot();
    return s.left.finished && s.right.finished;
  }

  view(): CompareView {
    const p = this.player;
    const snap = p.snapshot();
    return {
      leftId: snap.left.pathId,
      rightId: snap.right.pathId,
      player: snap,
      costs: { left: p.left.cost, right: p.right.cost },
      summary: this.summary,
    };
  }

  /** Another library (an author's file reloaded): the pair is rebuilt on it, at the start of its clock. */
  setLibrary(library: Library, leftId: string, rightId: string): void {
    this.library = library;
    this.setPaths(leftId, rightId);
  }

  setPaths(leftId: string, rightId: string): void {
    const speed = this.player.snapshot().left.speed;
    this.replace(new ComparePlayer(this.library, leftId, rightId), speed);
    this.summary = compareSummary(this.library, leftId, rightId);
    this.changed();
  }
}

/** What the UI draws of the Lab. */
export interface LabView {
  architectureId: string;
  overrides: Readonly<Record<string, number>>;
  whatIfs: Readonly<WhatIfs>;
  chartPathIds: readonly string[];
  crashed: string | null;
  showPlayer: boolean;
  /** The architecture with the what-ifs applied, its re-routed paths and what changed: derived once, here. */
  variant: Variant;
  /** The library as the variant sees it (same sources and parameters; the variant's architecture and paths). */
  variantLibrary: Library;
  fault: FaultResult | null;
  /** The crashed component and everything it took down. */
  failedIds: string[];
  /** The Lab's walkthrough of one path of the variant. */
  walkthrough: WalkthroughView;
  /** The options every cost computation of the Lab uses. */
  costOptions: { overrides: Record<string, number>; whatIfs: WhatIfs };
}

/**
 * The Lab: the learner's cost parameters and what-ifs, the variant they produce (derived once, when they change),
 * fault injection, and a walkthrough of one path of the variant. The walkthrough's player is handed the variant, so
 * the what-ifs are applied once and narrated once.
 */
export class LabSession {
  private architectureId: string;
  private overrides: Record<string, number> = {};
  private whatIfs: WhatIfs = { ...DEFAULT_WHATIFS, options: [] };
  private chartPathIds: string[] = [];
  private crashed: string | null = null;
  private showPlayer = false;
  private variant!: Variant;
  private variantLibrary!: Library;
  private fault: FaultResult | null = null;
  /** The view without the walkthrough, kept until something in it changes (charts recompute only then). */
  private cached: Omit<LabView, 'walkthrough'> | null = null;
  readonly walkthrough: WalkthroughSession;

  constructor(
    private library: Library,
    architectureId: string,
    private readonly changed: () => void,
  ) {
    this.architectureId = architectureId;
    this.derive();
    const first = this.variant.paths[0] ?? [...library.paths.values()][0];
    if (!first) throw new Error('The library has no I/O paths.');
    this.walkthrough = new WalkthroughSession(this.variantLibrary, first.id, changed, this.playerOptions());
    this.chartPathIds = this.pathsOf(architectureId)
      .slice(0, 2)
      .map((p) => p.id);
  }

  pathsOf(architectureId: string): IoPath[] {
    return [...this.library.paths.values()].filter((p) => p.architecture === architectureId);
  }

  /** The packet and its player are shown (the Lab's player is then the one on screen). */
  get showingPlayer(): boolean {
    return this.showPlayer;
  }

  view(): LabView {
    this.cached ??= this.settledView();
    return { ...this.cached, walkthrough: this.walkthrough.view() };
  }

  private settledView(): Omit<LabView, 'walkthrough'> {
    const fault = this.fault;
    return {
      architectureId: this.architectureId,
      overrides: this.overrides,
      whatIfs: this.whatIfs,
      chartPathIds: this.chartPathIds,
      crashed: this.crashed,
      showPlayer: this.showPlayer,
      variant: this.variant,
      variantLibrary: this.variantLibrary,
      fault,
      failedIds: fault ? [fault.crashed, ...fault.failed.map((f) => f.id)] : [],
      costOptions: {
        overrides: { ...this.overrides },
        whatIfs: { ...this.whatIfs, options: [...this.whatIfs.options] },
      },
    };
  }

  setArchitecture(id: string): void {
    if (!this.library.architectures.has(id)) throw new Error(`Unknown architecture "${id}"`);
    this.architectureId = id;
    this.crashed = null;
    this.chartPathIds = this.pathsOf(id)
      .slice(0, 2)
      .map((p) => p.id);
    this.update();
    const first = this.variant.paths[0];
    if (first) this.walkthrough.setPath(first.id);
  }

  /**
   * Another library (an author's file reloaded): the Lab keeps its architecture, parameters and what-ifs where the
   * library still has them (else `fallback`, with no crash), and derives its variant again.
   */
  setLibrary(library: Library, fallback: string): void {
    this.library = library;
    if (!library.architectures.has(this.architectureId)) {
      this.architectureId = fallback;
      this.crashed = null;
    }
    this.overrides = Object.fromEntries(Object.entries(this.overrides).filter(([id]) => library.parameters.has(id)));
    const paths = new Set(this.pathsOf(this.architectureId).map((p) => p.id));
    this.chartPathIds = this.chartPathIds.filter((id) => paths.has(id));
    if (this.chartPathIds.length === 0) this.chartPathIds = [...paths].slice(0, 2);
    if (
      this.crashed !== null &&
      !library.architectures.get(this.architectureId)?.components.some((c) => c.id === this.crashed)
    )
      this.crashed = null;
    this.update();
  }

  setParameter(id: string, value: number): void {
    this.overrides = { ...this.overrides, [id]: value };
    this.update();
  }

  resetParameters(): void {
    this.overrides = {};
    this.whatIfs = { ...DEFAULT_WHATIFS, options: [] };
    this.update();
  }

  setWhatIf<K extends keyof WhatIfs>(key: K, value: WhatIfs[K]): void {
    this.whatIfs = { ...this.whatIfs, [key]: value };
    this.crashed = null;
    this.update();
  }

  /** Sets every what-if at once (a restored presentation state). */
  setWhatIfs(whatIfs: WhatIfs): void {
    this.whatIfs = { ...whatIfs, options: [...whatIfs.options] };
    this.update();
  }

  /** Turns a path's own what-if (e.g. "pio") on or off. */
  setOption(id: string, on: boolean): void {
    const rest = this.whatIfs.options.filter((o) => o !== id);
    this.setWhatIf('options', on ? [...rest, id] : rest);
  }

  toggleChartPath(id: string): void {
    this.chartPathIds = this.chartPathIds.includes(id)
      ? this.chartPathIds.filter((p) => p !== id)
      : [...this.chartPathIds, id];
    this.touched();
  }

  /** Crashes a component of the variant (null: nothing crashed). */
  crash(componentId: string | null): void {
    if (componentId !== null && !this.variant.architecture.components.some((c) => c.id === componentId))
      throw new Error(`"${componentId}" is not a component of ${this.variant.architecture.name}`);
    this.crashed = componentId;
    this.fault = componentId ? crashComponent(this.variant.architecture, componentId) : null;
    this.touched();
  }

  /** Shows or hides the packet and its player; hiding pauses it. */
  setShowPlayer(on: boolean): void {
    this.showPlayer = on;
    if (!on && this.walkthrough.playing) this.walkthrough.pause();
    this.touched();
  }

  private playerOptions(): PlayerOptions {
    return { overrides: { ...this.overrides }, whatIfs: this.whatIfs, variant: this.variant };
  }

  private derive(): void {
    this.variant = deriveVariant(this.library, this.architectureId, this.whatIfs);
    this.variantLibrary = withVariant(this.library, this.variant);
    this.fault = this.crashed ? crashComponent(this.variant.architecture, this.crashed) : null;
  }

  /** Derives the variant again and rebuilds the walkthrough on it, so the packet follows the re-routed path. */
  private update(): void {
    this.derive();
    this.walkthrough.reconfigure(this.variantLibrary, this.playerOptions());
    this.touched();
  }

  private touched(): void {
    this.cached = null;
    this.changed();
  }
}
