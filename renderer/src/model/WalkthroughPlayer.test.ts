import { describe, expect, it } from 'vitest';
import { loadBuiltInLibrary } from './builtin';
import { addCounters, zeroCounters } from './cost';
import { testLibrary } from './testLibrary';
import { WalkthroughPlayer } from './WalkthroughPlayer';

const lib = testLibrary();
const player = (options = {}) => new WalkthroughPlayer(lib, 'syn', options);
const run = (p: WalkthroughPlayer, seconds: number, dt = 1 / 60) => {
  for (let i = 0; i < Math.round(seconds / dt); i++) p.step(dt);
};

describe('WalkthroughPlayer timeline', () => {
  it('gives each hop 1.2 s and exits/hypercalls 1.5x as long', () => {
    const p = player();
    expect(p.hops).toHaveLength(8);
    expect(p.hopStarts[3]).toBeCloseTo(4.2, 9);
    expect(p.duration).toBeCloseTo(10.2, 9);
    expect(player({ hopSeconds: 2 }).duration).toBeCloseTo(17, 9);
    expect(p.path.id).toBe('syn');
    expect(p.architecture.id).toBe('arch');
    expect(p.cost.perRequest.cycles).toBe(3575);
  });

  it('after 3 s of play the packet is a third of the way along the hypercall (hop 2)', () => {
    const p = player();
    p.play();
    run(p, 3, 0.1);
    const s = p.snapshot();
    expect(s.time).toBeCloseTo(3, 9);
    expect(s.hopIndex).toBe(2);
    expect(s.progress).toBeCloseTo(1 / 3, 6);
    expect(s.packets).toEqual([
      { id: 'syn:s3', hopIndex: 2, from: 'vsc', to: 'hv', t: s.progress, mechanism: 'hypercall', moves: 'command' },
    ]);
    expect(s.activeComponents).toEqual(['vsc', 'hv']);
    expect(s.counters.exits).toBe(0.125);
  });

  it('advances in fixed sub-steps, clamps dt and scales by speed', () => {
    const p = player();
    p.play();
    p.step(5);
    expect(p.time).toBeCloseTo(0.1, 9);
    p.step(1 / 240);
    expect(p.time).toBeCloseTo(0.1, 9);
    p.step(1 / 240);
    expect(p.time).toBeCloseTo(0.1 + 1 / 120, 9);
    p.setSpeed(4);
    p.step(0.1);
    expect(p.time).toBeCloseTo(0.5 + 1 / 120, 9);
    p.step(Number.NaN);
    expect(p.time).toBeCloseTo(0.5 + 1 / 120, 9);
  });

  it('clamps speed to 0.25..4', () => {
    const p = player();
    p.setSpeed(0.1);
    expect(p.speed).toBe(0.25);
    p.setSpeed(10);
    expect(p.speed).toBe(4);
    p.setSpeed(Number.NaN);
    expect(p.speed).toBe(1);
  });

  it('is deterministic: the same calls give deep-equal snapshots', () => {
    const a = player();
    const b = player();
    for (const p of [a, b]) {
      p.play();
      run(p, 4.37, 1 / 50);
      p.setSpeed(2);
      run(p, 1.1, 0.033);
    }
    expect(a.snapshot()).toEqual(b.snapshot());
    expect(a.snapshot()).not.toBe(a.snapshot());
  });

  it('pauses at the end with the counters of the whole request; play() starts again', () => {
    const p = player();
    p.play();
    run(p, 12);
    const s = p.snapshot();
    expect(s).toMatchObject({
      finished: true,
      playing: false,
      hopIndex: 8,
      progress: 1,
      packets: [],
      activeComponents: [],
    });
    expect(s.counters).toEqual(p.cost.perRequest);
    p.play();
    expect(p.time).toBe(0);
    expect(p.playing).toBe(true);
  });
});

describe('WalkthroughPlayer stepping', () => {
  it('goTo(5); prev() equals a fresh goTo(4)', () => {
    const a = player();
    a.goTo(5);
    a.prev();
    const b = player();
    b.goTo(4);
    expect(a.snapshot()).toEqual(b.snapshot());
  });

  it('prev from mid-hop goes to the start of the current hop; next to the next hop', () => {
    const p = player();
    p.seek(5);
    p.prev();
    expect(p.snapshot()).toMatchObject({ hopIndex: 3, progress: 0 });
    p.next();
    expect(p.snapshot()).toMatchObject({ hopIndex: 4, progress: 0 });
    p.goTo(0);
    p.prev();
    expect(p.time).toBe(0);
    p.goTo(99);
    expect(p.snapshot().finished).toBe(true);
    p.next();
    expect(p.snapshot().finished).toBe(true);
    p.prev();
    expect(p.snapshot().hopIndex).toBe(7);
  });

  it('next, prev and goTo pause; seek keeps playing and clamps', () => {
    const p = player();
    p.play();
    p.seek(2);
    expect(p.playing).toBe(true);
    p.seek(-3);
    expect(p.time).toBe(0);
    p.seek(1e6);
    expect(p.time).toBe(p.duration);
    p.play();
    p.next();
    expect(p.playing).toBe(false);
    p.toggle();
    expect(p.playing).toBe(true);
    p.toggle();
    expect(p.playing).toBe(false);
  });

  it('counts hops completed, plus the current one once it has started', () => {
    const p = player();
    const perHop = p.cost.perHop.map((h) => h.counters);
    const sum = (n: number) => perHop.slice(0, n).reduce(addCounters, zeroCounters());
    p.goTo(3);
    expect(p.snapshot().counters).toEqual(sum(3));
    p.seek(p.hopStarts[3]! + 0.01);
    expect(p.snapshot().counters).toEqual(sum(4));
    expect(p.snapshot().counters.interrupts).toBe(0.125);
  });

  it('reset returns to the start, paused, at speed 1', () => {
    const p = player();
    p.setSpeed(3);
    p.play();
    run(p, 1);
    p.reset();
    expect(p.snapshot()).toEqual(player().snapshot());
  });

  it('throws for an unknown path', () => {
    expect(() => new WalkthroughPlayer(lib, 'nope')).toThrow('unknown path "nope"');
  });
});

describe('WalkthroughPlayer with what-ifs', () => {
  const builtIn = loadBuiltInLibrary();
  it('re-routes path A when drivers move into the hypervisor: the root kernel now crosses to them', () => {
    const p = new WalkthroughPlayer(builtIn, 'hyperv-synthetic-disk-write', { whatIfs: { driversIn: 'hypervisor' } });
    expect(p.hops.find((h) => h.from === 'root-os' && h.to === 'vendor-storage')?.mechanism).toBe('hypercall');
    expect(p.hops.some((h) => h.from === 'storvsp')).toBe(true);
    expect(p.notes[0]).toContain('Drivers moved into the hypervisor');
    expect(p.architecture.components.find((c) => c.id === 'vendor-storage')?.layer).toBe('hv');
  });

  it('passes overrides, path options and the clock to the cost', () => {
    const p = new WalkthroughPlayer(builtIn, 'hyperv-emulated-ide-write', {
      overrides: { 'ide-pio-data-words': 1 },
      whatIfs: { options: ['pio'] },
      clockGHz: 2,
    });
    expect(p.cost.perRequest.exits).toBe(12);
    expect(p.hops.some((h) => h.onlyWith === 'pio')).toBe(true);
    expect(new WalkthroughPlayer(builtIn, 'hyperv-emulated-ide-write').hops.some((h) => h.onlyWith === 'pio')).toBe(
      false,
    );
    expect(p.cost.clockGHz).toBe(2);
  });
});

describe('replay', () => {
  it('plays again from the start at the chosen speed (reset would set it back to 1x)', () => {
    const p = new WalkthroughPlayer(loadBuiltInLibrary(), 'hyperv-synthetic-disk-write');
    p.setSpeed(2);
    p.play();
    p.seek(p.duration);
    expect(p.snapshot().finished).toBe(true);
    p.replay();
    expect(p.snapshot()).toMatchObject({ time: 0, playing: true, speed: 2 });
  });
});
