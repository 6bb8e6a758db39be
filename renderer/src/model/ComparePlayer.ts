/**
 * Two walkthroughs on one clock. Time runs for both; the shorter path waits at its end. next() and prev() move by the
 * hop boundaries of the union of both timelines (the next moment either side starts a hop), so every hop of both
 * sides can be stepped to. next, prev and goTo pause; seek keeps the play state.
 */
import { computeCost, type CostOptions } from './cost';
import { FixedStepClock } from './FixedStepClock';
import { ClockedPlayer } from './ClockedPlayer';
import type { Library, PlayerSnapshot } from './types';
import { WalkthroughPlayer, type PlayerOptions } from './WalkthroughPlayer';

const EPS = 1e-6;

export interface CompareSnapshot {
  left: PlayerSnapshot;
  right: PlayerSnapshot;
  time: number;
  duration: number;
}

export class ComparePlayer extends ClockedPlayer<CompareSnapshot> {
  readonly left: WalkthroughPlayer;
  readonly right: WalkthroughPlayer;
  private readonly boundaries: number[];

  constructor(
    library: Library,
    leftPathId: string,
    rightPathId: string,
    options: PlayerOptions = {},
    rightOptions: PlayerOptions = options,
  ) {
    super();
    this.left = new WalkthroughPlayer(library, leftPathId, options);
    this.right = new WalkthroughPlayer(library, rightPathId, rightOptions);
    this.clock = new FixedStepClock(Math.max(this.left.duration, this.right.duration));
    const all = [...this.left.hopStarts, ...this.right.hopStarts, this.left.duration, this.right.duration];
    this.boundaries = all
      .sort((a, b) => a - b)
      .filter((t, i, sorted) => i === 0 || t - (sorted[i - 1] as number) > EPS);
  }

  /** Both walkthroughs follow the one clock. */
  protected override moved(): void {
    this.left.seek(this.clock.time);
    this.right.seek(this.clock.time);
  }

  next(): void {
    const t = this.clock.time;
    this.pause();
    this.seek(this.boundaries.find((b) => b > t + EPS) ?? this.duration);
  }
  prev(): void {
    const t = this.clock.time;
    this.pause();
    const earlier = this.boundaries.filter((b) => b < t - EPS);
    this.seek(earlier[earlier.length - 1] ?? 0);
  }

  snapshot(): CompareSnapshot {
    const shared = { playing: this.clock.playing, speed: this.clock.speed };
    return {
      left: { ...this.left.snapshot(), ...shared },
      right: { ...this.right.snapshot(), ...shared },
      time: this.clock.time,
      duration: this.duration,
    };
  }
}

function formatCount(n: number): string {
  return Number.isInteger(n)
    ? n.toLocaleString('en-US')
    : n.toLocaleString('en-US', { maximumFractionDigits: 3, minimumFractionDigits: 0 });
}

/** e.g. "emulated IDE: 2,058 exits; synthetic: 0.125 exits per request (1 per batch of 8)". */
export function compareSummary(
  library: Library,
  leftPathId: string,
  rightPathId: string,
  options: CostOptions = {},
): string {
  const part = (id: string) => {
    const path = library.paths.get(id);
    if (!path) throw new Error(`unknown path "${id}"`);
    const cost = computeCost(library, path, options);
    const exits = cost.perRequest.exits;
    const batched = cost.perHop.find((h) => h.perBatch && h.counters.exits > 0);
    const label = `${formatCount(exits)} ${exits === 1 ? 'exit' : 'exits'}`;
    const perBatch =
      batched && batched.times < 1 ? ` per request (1 per batch of ${formatCount(1 / batched.times)})` : '';
    return `${path.shortName ?? path.device}: ${label}${perBatch}`;
  };
  return `${part(leftPathId)}; ${part(rightPathId)}`;
}
