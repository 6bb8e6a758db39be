import { ComparePlayer, compareSummary, type CompareSnapshot } from '../../model';
import type { Library } from '../../model/types';
import type { StackInput } from '../../scene';
import { PlayerState } from './PlayerState.svelte';

/** Two paths on one clock. Default: Hyper-V's emulated IDE write (path B) beside its synthetic disk write (path A). */
export class CompareState extends PlayerState<ComparePlayer, CompareSnapshot> {
  leftId = $state('');
  rightId = $state('');
  /** Side by side, one above the other, or automatic (side by side unless the view is tall). */
  layout = $state<'auto' | 'side-by-side' | 'stacked'>('auto');

  constructor(private readonly library: Library) {
    super();
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
  protected isPlaying(s: CompareSnapshot): boolean {
    return s.left.playing;
  }
  protected isFinished(s: CompareSnapshot): boolean {
    return s.left.finished && s.right.finished;
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
}
