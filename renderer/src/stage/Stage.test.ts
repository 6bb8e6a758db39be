import { describe, expect, it } from 'vitest';
import { loadBuiltInLibrary } from '../model/builtin';
import { WalkthroughPlayer } from '../model/WalkthroughPlayer';
import { parsePresentation } from '../model/presentation';
import type { StackInput } from '../scene/sceneTypes';
import { Stage, type StageSnapshot, type StageView } from './Stage';

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

function walkthroughStage(pathId = 'hyperv-synthetic-disk-write') {
  const stage = new Stage(lib);
  const view = new FakeView();
  stage.attach(view);
  stage.setMode('walkthrough');
  stage.walkthrough.setPath(pathId);
  return { stage, view };
}

/** A stage in the Lab on ESX 3 (classic), with the what-if "hardware assist" on. */
function esxLabWithHardwareAssist(): Stage {
  const stage = new Stage(lib);
  stage.setMode('lab');
  stage.lab.setArchitecture('esx-3-classic');
  stage.lab.setWhatIf('hardwareAssist', true);
  return stage;
}

describe('Stage: one clock, model -> scene -> render in one frame', () => {
  it('after 2.5 s at 2x the packet is at the fourth hop, and the scene was synced before the render of every frame', () => {
    const { stage, view } = walkthroughStage();
    stage.walkthrough.setSpeed(2);
    stage.walkthrough.play();
    expect(view.ticker).not.toBeNull();
    view.log = [];
    // 2.5 s of wall time in 1/50 s frames at 2x = 5 s of model time.
    view.run(1 / 50, 125);
    const expected = new WalkthroughPlayer(lib, 'hyperv-synthetic-disk-write');
    expected.seek(5);
    const snap = stage.snapshot.walkthrough.player;
    expect(snap.hopIndex).toBe(expected.snapshot().hopIndex);
    expect(snap.hopIndex).toBe(3); // the fourth hop: 1.2 + 1.2 + 1.8 (a hypercall lasts 1.5x) = 4.2 s < 5 s
    // Each frame synced the scene to the model before rendering, with the same hop (no frame shows the one before).
    expect(view.log.length).toBe(250);
    for (let i = 0; i < view.log.length; i += 2) {
      expect(view.log[i]).toMatch(/^sync hop/);
      expect(view.log[i + 1]).toBe(view.log[i]!.replace('sync', 'render'));
    }
    expect(view.drawn[0]?.snapshot?.time).toBeCloseTo(5, 6);
    expect(stage.frames).toBe(125);
  });

  it('stops asking for frames when the player ends or pauses; Play at the end replays at the chosen speed', () => {
    const { stage, view } = walkthroughStage();
    expect(view.ticker).toBeNull();
    stage.walkthrough.setSpeed(4);
    stage.walkthrough.play();
    const frames = view.run(0.1, 10_000);
    expect(stage.snapshot.walkthrough.player.finished).toBe(true);
    expect(view.ticker).toBeNull();
    expect(frames).toBeLessThan(10_000);
    // Play again: the clock starts without anyone but the Stage knowing, and the speed is kept.
    stage.walkthrough.play();
    expect(view.ticker).not.toBeNull();
    expect(stage.snapshot.walkthrough.player).toMatchObject({ time: 0, speed: 4, playing: true });
    stage.walkthrough.pause();
    view.run(0.1, 5);
    expect(view.ticker).toBeNull();
  });

  it('a command while paused (a step) syncs the scene at once, without running the clock', () => {
    const { stage, view } = walkthroughStage();
    stage.walkthrough.next();
    expect(view.ticker).toBeNull();
    expect(view.drawn[0]?.snapshot?.hopIndex).toBe(1);
  });

  it('detaching stops the ticker of the old view; a new view gets the current state at once', () => {
    const { stage, view } = walkthroughStage();
    stage.walkthrough.play();
    stage.attach(null);
    expect(view.ticker).toBeNull();
    const next = new FakeView();
    stage.attach(next);
    expect(next.drawn[0]?.path?.id).toBe('hyperv-synthetic-disk-write');
    expect(next.ticker).not.toBeNull();
  });

  it('changing the view pauses what played and stops the clock', () => {
    const { stage, view } = walkthroughStage();
    stage.walkthrough.play();
    stage.setMode('explore');
    expect(view.ticker).toBeNull();
    expect(stage.snapshot.walkthrough.player.playing).toBe(false);
    expect(stage.player).toBeNull();
  });
});

describe('Stage: snapshots', () => {
  it('publishes one new immutable snapshot per command, with a rising version', () => {
    const stage = new Stage(lib);
    const seen: StageSnapshot[] = [];
    stage.subscribe((s) => seen.push(s));
    const before = stage.snapshot;
    stage.setMode('walkthrough');
    stage.walkthrough.next();
    expect(seen.map((s) => s.version)).toEqual([before.version + 1, before.version + 2]);
    expect(before.mode).toBe('explore');
    expect(seen[1]!.walkthrough.player.hopIndex).toBe(1);
    expect(seen[0]!.walkthrough.player.hopIndex).toBe(0);
  });

  it('starts on the defaults the content declares', () => {
    const stage = new Stage(lib);
    expect(lib.defaults).not.toBeNull();
    expect(stage.snapshot.architectureId).toBe(lib.defaults!.architecture);
    expect(stage.snapshot.compare).toMatchObject({
      leftId: lib.defaults!.compare.left,
      rightId: lib.defaults!.compare.right,
    });
  });

  it('the Lab derives its variant once: the packet walks the very path of the variant, each what-if noted once', () => {
    const stage = esxLabWithHardwareAssist();
    stage.lab.setWhatIf('batching', false);
    stage.lab.setShowPlayer(true);
    const lab = stage.snapshot.lab;
    const variantPath = lab.variant.paths.find((p) => p.id === lab.walkthrough.pathId);
    expect(lab.walkthrough.path).toBe(variantPath);
    for (const hop of lab.walkthrough.path.hops) {
      const tags = hop.narration.match(/\(What-if: [^)]*\)/g) ?? [];
      expect(new Set(tags).size).toBe(tags.length);
    }
    expect(lab.walkthrough.path.hops.some((h) => h.narration.includes('(What-if:'))).toBe(true);
  });

  it('a crash is checked against the variant and cleared by a new what-if', () => {
    const stage = new Stage(lib);
    stage.setMode('lab');
    expect(() => stage.lab.crash('ghost')).toThrow(/not a component/);
    stage.lab.crash('storvsp');
    expect(stage.snapshot.lab.failedIds[0]).toBe('storvsp');
    stage.lab.setWhatIf('batching', false);
    expect(stage.snapshot.lab.crashed).toBeNull();
  });
});

describe('Stage: the presentation state round-trips', () => {
  it('a walkthrough at 2x, paused mid-path, with a selection, comes back as it was on a fresh stage', () => {
    const a = new Stage(lib);
    a.setMode('walkthrough');
    a.walkthrough.setPath('hyperv-emulated-ide-write');
    a.walkthrough.setSpeed(2);
    a.walkthrough.seek(7.5);
    a.select({ stackKey: 'main', componentId: 'vmwp1' });
    a.setCamera('front');
    a.setSpotlight(['vmwp1']);
    const p = a.presentation();
    expect(p).toMatchObject({ view: 'walkthrough', pathId: 'hyperv-emulated-ide-write', time: 7.5, speed: 2 });
    // It survives JSON (another window, a file) and the schema.
    const parsed = parsePresentation(JSON.parse(JSON.stringify(p)));
    expect(parsed.ok).toBe(true);
    const b = new Stage(lib);
    const seen: number[] = [];
    b.subscribe((s) => seen.push(s.version));
    expect(parsed.ok && b.restore(parsed.presentation)).toEqual([]);
    expect(b.presentation()).toEqual(p);
    expect(seen).toHaveLength(1); // one snapshot for the whole restore
    expect(b.snapshot.walkthrough.player.hopIndex).toBe(a.snapshot.walkthrough.player.hopIndex);
  });

  it('a Lab with what-ifs and a crash comes back as it was', () => {
    const a = esxLabWithHardwareAssist();
    a.lab.setOption('pio', true);
    a.lab.crash('vmx1');
    const p = a.presentation();
    const b = new Stage(lib);
    expect(b.restore(p)).toEqual([]);
    expect(b.presentation()).toEqual(p);
    expect(b.snapshot.lab.variant.notes.join(' ')).toContain('same 2006 Pentium 4');
    expect(b.snapshot.lab.fault?.blast.scope).toBe('vms');
  });

  it('refuses a state that does not fit the library, saying where, and changes nothing', () => {
    const a = new Stage(lib);
    const p = { ...a.presentation(), pathId: 'no-such-path', crashed: 'ghost', spotlight: ['nope'] };
    const before = a.presentation();
    expect(a.restore(p)).toEqual([
      'pathId: unknown path "no-such-path"',
      'crashed: "ghost" is not a component of Hyper-V (Windows Server 2008)',
      'spotlight[0]: "nope" is not a component of Hyper-V (Windows Server 2008)',
    ]);
    expect(a.presentation()).toEqual(before);
    expect(parsePresentation({ ...before, speed: 9 })).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^speed: /)],
    });
  });
});

describe('Stage: the Type 1 <-> Type 2 morph', () => {
  it('runs on the clock and ends at t = 1; reduced motion cuts it to the end', () => {
    const stage = new Stage(lib);
    const view = new FakeView();
    stage.attach(view);
    stage.setArchitecture('esx-3-classic');
    stage.startMorph();
    expect(stage.snapshot.morph).toMatchObject({ from: 'esx-3-classic', to: 'type2-hosted', t: 0 });
    view.run(0.6, 2);
    expect(stage.snapshot.morph!.t).toBeCloseTo(0.5, 6);
    stage.setReducedMotion(true);
    expect(stage.snapshot.morph!.t).toBe(1);
    view.run(0.1, 10);
    expect(view.ticker).toBeNull();
    stage.startMorph();
    expect(stage.snapshot.morph).toMatchObject({ to: 'esx-3-classic', t: 1 });
  });
});

describe('Stage.replaceLibrary: another library on stage, the presentation kept', () => {
  /** A copy of the built-in library with one path or architecture taken out (what a reloaded author file does). */
  function without(kind: 'paths' | 'architectures', id: string) {
    const copy = { ...lib, paths: new Map(lib.paths), architectures: new Map(lib.architectures) };
    copy[kind].delete(id);
    return copy;
  }

  it('keeps the view, the path and the hop when the new library still has them, and publishes one snapshot', () => {
    const { stage, view } = walkthroughStage();
    stage.walkthrough.goTo(3);
    stage.setCamera('side');
    const before = stage.snapshot;
    const seen: StageSnapshot[] = [];
    stage.subscribe((s) => seen.push(s));
    const next = { ...lib, paths: new Map(lib.paths) };
    expect(stage.replaceLibrary(next)).toEqual([]);
    expect(stage.library).toBe(next);
    expect(stage.snapshot.mode).toBe('walkthrough');
    expect(stage.snapshot.walkthrough.pathId).toBe('hyperv-synthetic-disk-write');
    expect(stage.snapshot.walkthrough.player.hopIndex).toBe(3);
    expect(stage.snapshot.walkthrough.player.time).toBeCloseTo(before.walkthrough.player.time, 9);
    expect(stage.snapshot.camera).toBe('side');
    expect(seen.length).toBeGreaterThan(0);
    expect(view.drawn[0]?.snapshot?.hopIndex).toBe(3);
  });

  it('falls back to the first path, at its start, when the path on stage is gone, and says so', () => {
    const { stage } = walkthroughStage('hyperv-emulated-ide-write');
    stage.walkthrough.goTo(2);
    const next = without('paths', 'hyperv-emulated-ide-write');
    const dropped = stage.replaceLibrary(next);
    expect(dropped).toEqual(['path "hyperv-emulated-ide-write"']);
    expect(stage.snapshot.mode).toBe('walkthrough');
    expect(next.paths.has(stage.snapshot.walkthrough.pathId)).toBe(true);
    expect(stage.snapshot.walkthrough.player.time).toBe(0);
    // The session plays the new library: a path only the old one had is refused.
    expect(() => stage.walkthrough.setPath('hyperv-emulated-ide-write')).toThrow(/Unknown path/);
  });

  it('keeps the architecture of Explore, or falls back to the default one when it is gone', () => {
    const stage = new Stage(lib);
    const other = [...lib.architectures.keys()].find((id) => id !== stage.snapshot.architectureId)!;
    stage.setArchitecture(other);
    expect(stage.replaceLibrary({ ...lib })).toEqual([]);
    expect(stage.snapshot.architectureId).toBe(other);
    const dropped = stage.replaceLibrary(without('architectures', other));
    expect(dropped).toContain(`architecture "${other}"`);
    expect(stage.snapshot.architectureId).toBe(lib.defaults?.architecture);
  });

  it('keeps the Lab: its architecture, what-ifs and the player shown', () => {
    const stage = new Stage(lib);
    stage.setMode('lab');
    stage.lab.setWhatIf('batching', false);
    stage.lab.setShowPlayer(true);
    const before = stage.presentation();
    expect(stage.replaceLibrary({ ...lib })).toEqual([]);
    expect(stage.presentation()).toEqual(before);
  });

  it('a library with an architecture of its own: it can be put on stage after the swap', () => {
    const stage = new Stage(lib);
    const base = lib.architectures.get('hyperv-2008')!;
    const own = { ...base, id: 'my-hyperv', name: 'My Hyper-V' };
    const next = { ...lib, architectures: new Map([...lib.architectures, [own.id, own]]) };
    expect(() => stage.setArchitecture('my-hyperv')).toThrow();
    stage.replaceLibrary(next);
    stage.setArchitecture('my-hyperv');
    expect(stage.snapshot.stacks[0]?.architecture.name).toBe('My Hyper-V');
  });
});
