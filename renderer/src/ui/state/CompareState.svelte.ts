import { ComparePlayer, compareSummary } from '../../model';
import type { Library, PlayerSnapshot } from '../../model/types';
import type { StackInput } from '../../scene';

export interface CompareSnapshot {
  left: PlayerSnapshot;
  right: PlayerSnapshot;
  time: number;
  duration: number;
}

/** Two paths on one clock. Default: Hyper-V's emulated IDE write (path B) beside its synthetic disk write (path A). */
export class CompareState {
  leftId = $state('');
  rightId = $state('');
  snapshot = $state.raw<CompareSnapshot | null>(null);
  /** Side by side, one above the other, or automatic (side by side unless the view is tall). */
  layout = $state<'auto' | 'side-by-side' | 'stacked'>('auto');
  private player: ComparePlayer | null = null;

  constructor(private readonly library: Library) {
    const paths = [...library.paths.values()];
    const left = paths.find((p) => p.letter === 'B') ?? paths[0];
    const right = paths.find((p) => p.letter === 'A') ?? paths[1] ?? paths[0];
    if (left && right) this.setPaths(left.id, right.id);
  }

  setPaths(leftId: string, rightId: string): void {
    const speed = this.snapshot?.left.speed ?? 1;
    this.leftId = leftId;
    this.rightId = rightId;
    this.player = new ComparePlayer(this.library, leftId, rightId);
    this.player.setSpeed(speed);
    this.refresh();
  }

  /** Both sides share one clock, so the left side's state is the comparison's. */
  get playing(): boolean {
    return this.snapshot?.left.playing ?? false;
  }

  get summary(): string {
    return this.player ? compareSummary(this.library, this.leftId, this.rightId) : '';
  }

  get costs() {
    return this.player ? { left: this.player.left.cost, right: this.player.right.cost } : null;
  }

  stacks(library: Library): StackInput[] {
    const snap = this.snapshot;
    if (!snap) return [];
    const out: StackInput[] = [];
    for (const [key, s] of [
      ['left', snap.left],
      ['right', snap.right],
    ] as const) {
      const path = library.paths.get(s.pathId);
      const arch = library.architectures.get(s.architectureId);
      if (arch) out.push({ key, architecture: arch, snapshot: s, path, title: path?.name ?? arch.name });
    }
    return out;
  }

  private run(action: (p: ComparePlayer) => void): void {
    if (!this.player) return;
    action(this.player);
    this.refresh();
  }

  play = () =>
    this.run((p) => (p.snapshot().left.finished && p.snapshot().right.finished ? (p.reset(), p.play()) : p.play()));
  pause = () => this.run((p) => p.pause());
  toggle = () => (this.playing ? this.pause() : this.play());
  next = () => this.run((p) => (p.pause(), p.next()));
  prev = () => this.run((p) => (p.pause(), p.prev()));
  seek = (t: number) => this.run((p) => p.seek(t));
  setSpeed = (s: number) => this.run((p) => p.setSpeed(s));
  reset = () => this.run((p) => p.reset());

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
