import { WalkthroughPlayer } from '../../model';
import type { Library, Mechanism, PlayerSnapshot, WhatIfs } from '../../model/types';
import { MECHANISMS } from '../../model/types';

export interface PlayerOptions {
  overrides?: Record<string, number>;
  whatIfs?: Partial<WhatIfs>;
}

/** One walkthrough: the player (plain model object) and the snapshot the scene and the UI draw. */
export class WalkthroughState {
  pathId = $state('');
  snapshot = $state.raw<PlayerSnapshot | null>(null);
  /** Mechanisms shown in the event list. */
  filters = $state<Record<Mechanism, boolean>>(
    Object.fromEntries(MECHANISMS.map((m) => [m, true])) as Record<Mechanism, boolean>,
  );
  /** Event whose detail is open (follows the current hop unless the learner picks another). */
  detailHop = $state<number | null>(null);
  private player: WalkthroughPlayer | null = $state.raw(null);

  constructor(
    private library: Library,
    pathId: string,
    private options: PlayerOptions = {},
  ) {
    this.setPath(pathId);
  }

  get playing(): boolean {
    return this.snapshot?.playing ?? false;
  }

  get path() {
    return this.player?.path ?? null;
  }
  get cost() {
    return this.player?.cost ?? null;
  }

  setPath(pathId: string): void {
    if (!this.library.paths.has(pathId)) throw new Error(`Unknown path "${pathId}"`);
    const speed = this.snapshot?.speed ?? 1;
    this.pathId = pathId;
    this.player = new WalkthroughPlayer(this.library, pathId, this.options);
    this.player.setSpeed(speed);
    this.detailHop = null;
    this.refresh();
  }

  /**
   * Rebuilds the player with new costs, what-ifs or a variant library (the Lab), keeping the position in model
   * time when the path still exists, else starting the library's first path.
   */
  reconfigure(options: PlayerOptions, library: Library = this.library): void {
    const time = this.snapshot?.time ?? 0;
    const speed = this.snapshot?.speed ?? 1;
    this.library = library;
    this.options = options;
    if (!library.paths.has(this.pathId)) this.pathId = [...library.paths.keys()][0] ?? this.pathId;
    this.player = new WalkthroughPlayer(this.library, this.pathId, options);
    this.player.setSpeed(speed);
    this.player.seek(Math.min(time, this.player.duration));
    this.refresh();
  }

  private run(action: (p: WalkthroughPlayer) => void): void {
    if (!this.player) return;
    action(this.player);
    this.refresh();
  }

  play = () => this.run((p) => (p.snapshot().finished ? (p.reset(), p.play()) : p.play()));
  pause = () => this.run((p) => p.pause());
  toggle = () => (this.playing ? this.pause() : this.play());
  next = () => this.run((p) => (p.pause(), p.next()));
  prev = () => this.run((p) => (p.pause(), p.prev()));
  goTo = (hop: number) => this.run((p) => (p.pause(), p.goTo(hop)));
  seek = (time: number) => this.run((p) => p.seek(time));
  setSpeed = (speed: number) => this.run((p) => p.setSpeed(speed));
  reset = () => this.run((p) => p.reset());

  /** Advances model time; returns whether it is still playing. */
  tick(dt: number): boolean {
    if (!this.player || !this.playing) return false;
    this.player.step(dt);
    this.refresh();
    return this.playing;
  }

  private refresh(): void {
    this.snapshot = this.player ? this.player.snapshot() : null;
  }
}
