import { describe, expect, it } from 'vitest';
import { loadBuiltInLibrary } from './builtin';
import { ComparePlayer, compareSummary } from './ComparePlayer';
import { testLibrary } from './testLibrary';

const lib = testLibrary();

describe('ComparePlayer', () => {
  it('runs both walkthroughs on one clock; the shorter one waits at its end', () => {
    const c = new ComparePlayer(lib, 'syn', 'emu');
    expect(c.duration).toBeCloseTo(10.2, 9);
    expect(c.right.duration).toBeCloseTo(8.4, 9);
    c.play();
    for (let i = 0; i < 90; i++) c.step(0.1);
    const s = c.snapshot();
    expect(s.time).toBeCloseTo(9, 6);
    expect(s.right.finished).toBe(true);
    expect(s.left.finished).toBe(false);
    expect(s.left.playing).toBe(true);
    expect(s.right.playing).toBe(true);
    expect(s.left.time).toBe(s.time);
  });

  it('steps by the hop boundaries of both timelines', () => {
    const c = new ComparePlayer(lib, 'syn', 'emu');
    c.next();
    expect(c.time).toBeCloseTo(1.2, 9);
    c.next();
    expect(c.time).toBeCloseTo(1.8, 9);
    expect(c.snapshot().right).toMatchObject({ hopIndex: 1, progress: 0 });
    c.next();
    c.next();
    c.next();
    expect(c.time).toBeCloseTo(4.2, 9);
    c.next();
    expect(c.time).toBeCloseTo(5.4, 9);
    c.prev();
    expect(c.time).toBeCloseTo(4.2, 9);
    c.seek(4.5);
    c.prev();
    expect(c.time).toBeCloseTo(4.2, 9);
    c.seek(0);
    c.prev();
    expect(c.time).toBe(0);
    c.seek(100);
    c.next();
    expect(c.time).toBe(c.duration);
    expect(c.playing).toBe(false);
  });

  it('shares play state and speed, and resets both', () => {
    const c = new ComparePlayer(lib, 'syn', 'emu');
    c.setSpeed(2);
    c.toggle();
    expect(c.playing).toBe(true);
    c.step(0.1);
    expect(c.time).toBeCloseTo(0.2, 9);
    expect(c.speed).toBe(2);
    c.toggle();
    expect(c.playing).toBe(false);
    c.reset();
    expect(c.snapshot()).toEqual(new ComparePlayer(lib, 'syn', 'emu').snapshot());
  });
});

describe('compareSummary', () => {
  const builtIn = loadBuiltInLibrary();
  it('states exits from the cost model', () => {
    expect(compareSummary(builtIn, 'hyperv-emulated-ide-write', 'hyperv-synthetic-disk-write')).toBe(
      'emulated IDE: 11 exits; synthetic: 0.125 exits per request (1 per batch of 8)',
    );
    expect(
      compareSummary(builtIn, 'hyperv-emulated-ide-write', 'hyperv-synthetic-disk-write', {
        whatIfs: { batching: false },
      }),
    ).toBe('emulated IDE: 11 exits; synthetic: 1 exit');
    expect(() => compareSummary(builtIn, 'nope', 'hyperv-synthetic-disk-write')).toThrow('unknown path "nope"');
  });

  it('falls back to the device model without a short name', () => {
    const l = testLibrary();
    const p = l.paths.get('emu')!;
    l.paths.set('emu', { ...p, shortName: undefined });
    expect(compareSummary(l, 'emu', 'syn')).toBe(
      'emulated: 10 exits; synthetic: 0.125 exits per request (1 per batch of 8)',
    );
  });
});
