/**
 * Plays one I/O path as a timeline of hops, PhET style: reset(), step(dt), play/pause, next/prev/goTo, seek, speed.
 * The snapshot is a pure function of (path, options, time, play state, speed): nothing is accumulated by hand, so
 * stepping back is exact.
 *
 * Timeline: each hop lasts `hopSeconds` of model time (default 1.2 s); a trap, VM exit, hypercall or world switch
 * lasts 1.5x as long, so the drop to the hypervisor can be seen. next() jumps to the start of the next hop (or the
 * end); prev() from the middle of a hop goes back to that hop's start, and from a hop's start to the previous hop's
 * start. next, prev and goTo pause playback; seek keeps the play state (scrubbing). Counters are those of the hops
 * completed so far, plus the current hop once its progress is above 0.
 */
import { addCounters, computeCost, zeroCounters, type CostOptions } from './cost';
import { ClockedPlayer } from './ClockedPlayer';
import { FixedStepClock } from './FixedStepClock';
import { EXIT_MECHANISMS } from './schema';
import type { Architecture, CostReport, Counters, Hop, IoPath, Library, PlayerSnapshot, WhatIfs } from './types';
import { deriveVariant, type Variant } from './whatIfs';

export interface PlayerOptions {
  overrides?: Record<string, number>;
  whatIfs?: Partial<WhatIfs>;
  clockGHz?: number;
  /** Model seconds per hop (default 1.2). */
  hopSeconds?: number;
  /**
   * The what-if variant, when the caller already derived it (the Stage derives the Lab's variant once and hands it
   * to the player, so the what-ifs are applied in one place and narrated once).
   */
  variant?: Variant;
}

export const DEFAULT_HOP_SECONDS = 1.2;
const SLOW_MECHANISMS: ReadonlySet<string> = new Set([...EXIT_MECHANISMS, 'world-switch']);
const EPS = 1e-6;

export class WalkthroughPlayer extends ClockedPlayer<PlayerSnapshot> {
  readonly pathId: string;
  private readonly _path: IoPath;
  private readonly _architecture: Architecture;
  private readonly _cost: CostReport;
  private readonly starts: number[];
  private readonly lengths: number[];
  /** before[i] = counters of hops 0..i-1. */
  private readonly before: Counters[];
  /** Notes from the what-if variant (empty without what-ifs). */
  readonly notes: string[];

  constructor(library: Library, pathId: string, options: PlayerOptions = {}) {
    super();
    const original = library.paths.get(pathId);
    if (!original) throw new Error(`unknown path "${pathId}"`);
    const variant =
      options.variant && options.variant.architecture.id === original.architecture
        ? options.variant
        : deriveVariant(library, original.architecture, options.whatIfs ?? {});
    this.pathId = pathId;
    this._path = variant.paths.find((p) => p.id === pathId) ?? original;
    this._architecture = variant.architecture;
    this.notes = variant.notes;
    const costOptions: CostOptions = { architecture: variant.architecture };
    if (options.overrides) costOptions.overrides = options.overrides;
    if (options.whatIfs) costOptions.whatIfs = options.whatIfs;
    if (options.clockGHz !== undefined) costOptions.clockGHz = options.clockGHz;
    this._cost = computeCost(library, this._path, costOptions);
    const hopSeconds = options.hopSeconds && options.hopSeconds > 0 ? options.hopSeconds : DEFAULT_HOP_SECONDS;
    this.lengths = this._path.hops.map((h) => (SLOW_MECHANISMS.has(h.mechanism) ? hopSeconds * 1.5 : hopSeconds));
    this.starts = [];
    this.before = [];
    let t = 0;
    let acc = zeroCounters();
    this._path.hops.forEach((_, i) => {
      this.starts.push(t);
      this.before.push(acc);
      t += this.lengths[i] as number;
      acc = addCounters(acc, this.hopCounters(i));
    });
    this.clock = new FixedStepClock(t);
  }

  get path(): IoPath {
    return this._path;
  }
  get hops(): Hop[] {
    return this._path.hops;
  }
  get architecture(): Architecture {
    return this._architecture;
  }
  get cost(): CostReport {
    return this._cost;
  }
  /** Start time of each hop, in model seconds. */
  get hopStarts(): readonly number[] {
    return this.starts;
  }

  /** Jumps to the start of hop i (hops.length = the end) and pauses. */
  goTo(hopIndex: number): void {
    this.clock.pause();
    const n = this.hops.length;
    const i = Math.min(n, Math.max(0, Math.floor(hopIndex)));
    this.clock.seek(i === n ? this.duration : (this.starts[i] as number));
  }

  next(): void {
    this.goTo(this.hopIndexAt(this.clock.time) + 1);
  }

  prev(): void {
    const t = this.clock.time;
    const i = this.hopIndexAt(t);
    if (i >= this.hops.length) this.goTo(this.hops.length - 1);
    else this.goTo(t - (this.starts[i] as number) > EPS ? i : i - 1);
  }

  /** Index of the hop playing at time t; hops.length at the end. */
  hopIndexAt(t: number): number {
    if (t >= this.duration) return this.hops.length;
    let i = 0;
    while (i + 1 < this.starts.length && (this.starts[i + 1] as number) <= t) i++;
    return i;
  }

  private hopCounters(i: number): Counters {
    return this._cost.perHop[i]?.counters ?? zeroCounters();
  }

  snapshot(): PlayerSnapshot {
    const t = this.clock.time;
    const n = this.hops.length;
    const i = this.hopIndexAt(t);
    const finished = i >= n;
    const progress = finished ? 1 : Math.min(1, (t - (this.starts[i] as number)) / (this.lengths[i] as number));
    const hop = finished ? undefined : this.hops[i];
    const counters = finished
      ? { ...this._cost.perRequest }
      : progress > 0
        ? addCounters(this.before[i] as Counters, this.hopCounters(i))
        : { ...(this.before[i] as Counters) };
    return {
      pathId: this.pathId,
      architectureId: this._path.architecture,
      hopIndex: i,
      hopCount: n,
      progress,
      time: t,
      duration: this.duration,
      playing: this.clock.playing,
      speed: this.clock.speed,
      finished,
      packets: hop
        ? [
            {
              id: `${this.pathId}:${hop.id}`,
              hopIndex: i,
              from: hop.from,
              to: hop.to,
              t: progress,
              mechanism: hop.mechanism,
              moves: hop.moves,
            },
          ]
        : [],
      counters,
      activeComponents: hop ? [hop.from, hop.to] : [],
    };
  }
}
