import { WalkthroughPlayer, type PlayerOptions } from '../../model';
import type { Library, Mechanism, PlayerSnapshot } from '../../model/types';
import { MECHANISMS } from '../../model/types';
import { PlayerState } from './PlayerState.svelte';

/** One walkthrough: the player (plain model object) and the snapshot the scene and the UI draw. */
export class WalkthroughState extends PlayerState<WalkthroughPlayer, PlayerSnapshot> {
  pathId = $state('');
  /** Mechanisms shown in the event list. */
  filters = $state<Record<Mechanism, boolean>>(
    Object.fromEntries(MECHANISMS.map((m) => [m, true])) as Record<Mechanism, boolean>,
  );
  /** Event whose detail is open (follows the current hop unless the learner picks another). */
  detailHop = $state<number | null>(null);

  constructor(
    private library: Library,
    pathId: string,
    private options: PlayerOptions = {},
  ) {
    super();
    this.setPath(pathId);
  }

  protected isPlaying(s: PlayerSnapshot): boolean {
    return s.playing;
  }
  protected isFinished(s: PlayerSnapshot): boolean {
    return s.finished;
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

  goTo = (hop: number) => this.run((p) => (p.pause(), p.goTo(hop)));
}
