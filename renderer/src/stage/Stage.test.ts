import { describe, expect, it } from 'vitest';
import { loadBuiltInLibrary } from '../model/builtin';
import { WalkthroughPlayer } from '../model/WalkthroughPlayer';
import type { StackInput } from '../scene/sceneTypes';
import { Stage, type ClockSource, type StageView } from './Stage';

const lib = loadBuiltInLibrary();

/** A view like the scene: while a ticker is set, each animation frame calls it, then renders. */
class FakeView implements StageView {
  log: string[] = [];
  ticker: ((dt: number) => boolean) | null = null;
  drawn: StackInput[] = [];
  setTicker(t: ((dt: number) => boolean) | null): void {
    this.ticker = t;
    this.log.push(t ? 'ticker on' : 'ticker off');
  }
  setStacks(stacks: StackInput[]): void {
    this.drawn = stacks;
    this.log.push(`sync hop ${stacks[0]?.snapshot?.hopIndex ?? '-'}`);
  }
  /** Runs animation frames of `dt` seconds until the ticker stops or `limit` frames ran. */
  run(dt: number, limit: number): number {
    let n = 0;
    while (this.ticker && n < limit) {
      const more = this.ticker(dt);
      this.log.push(`render hop ${this.drawn[0]?.snapshot?.hopIndex ?? '-'}`);
      if (!more) this.setTicker(null);
      n++;
    }
    return n;
  }
}

function playerSource(p: WalkthroughPlayer): ClockSource {
  return {
    get running() {
      return p.snapshot().playing;
    },
    step(dt) {
      p.step(dt);
      return p.snapshot().playing;
    },
  };
}

function setup() {
  const player = new WalkthroughPlayer(lib, 'hyperv-synthetic-disk-write');
  const view = new FakeView();
  const stage = new Stage(
    () => [playerSource(player)],
    () => [{ key: 'main', architecture: player.architecture, snapshot: player.snapshot(), path: player.path }],
  );
  stage.attach(view);
  return { player, view, stage };
}

describe('Stage: one clock, model -> scene -> render in one frame', () => {
  it('after 2.5 s at 2x the packet is at the fourth hop, and every render shows that frame’s state', () => {
    const { player, view, stage } = setup();
    player.setSpeed(2);
    player.play();
    stage.wake();
    expect(view.ticker).not.toBeNull();
    view.log = [];
    // 2.5 s of wall time in 1/50 s frames at 2x = 5 s of model time.
    view.run(1 / 50, 125);
    const expected = new WalkthroughPlayer(lib, 'hyperv-synthetic-disk-write');
    expected.seek(5);
    expect(player.snapshot().hopIndex).toBe(expected.snapshot().hopIndex);
    expect(player.snapshot().hopIndex).toBe(3); // the fourth hop: 1.2 + 1.2 + 1.8 (a hypercall lasts 1.5x) = 4.2 s < 5 s
    // Each frame synced the scene to the model before rendering, with the same hop (no frame shows the one before).
    for (let i = 0; i < view.log.length; i += 2) {
      expect(view.log[i]).toMatch(/^sync hop/);
      expect(view.log[i + 1]).toBe(view.log[i]!.replace('sync', 'render'));
    }
    expect(view.drawn[0]?.snapshot?.time).toBeCloseTo(5, 6);
  });

  it('stops asking for frames when the player ends or pauses; waking with nothing running starts nothing', () => {
    const { player, view, stage } = setup();
    stage.wake();
    expect(view.ticker).toBeNull();
    player.play();
    stage.wake();
    const frames = view.run(0.1, 10_000);
    expect(player.snapshot().finished).toBe(true);
    expect(view.ticker).toBeNull();
    expect(frames).toBeLessThan(10_000);
    // Play again: the clock starts again without anyone but the Stage knowing.
    player.replay();
    stage.wake();
    expect(view.ticker).not.toBeNull();
    player.pause();
    view.run(0.1, 5);
    expect(view.ticker).toBeNull();
  });

  it('a command while paused (a step) syncs the scene at once, without running the clock', () => {
    const { player, view, stage } = setup();
    player.next();
    stage.wake();
    expect(view.ticker).toBeNull();
    expect(view.drawn[0]?.snapshot?.hopIndex).toBe(1);
  });

  it('detaching stops the ticker of the old view', () => {
    const { player, view, stage } = setup();
    player.play();
    stage.wake();
    stage.attach(null);
    expect(view.ticker).toBeNull();
    stage.wake();
    expect(view.ticker).toBeNull();
  });
});
