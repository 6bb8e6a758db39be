import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBuiltInLibrary } from './builtin';
import { DEFAULT_WHATIFS, computeCost, effectiveBatch, paramCycles, paramValue } from './cost';
import { buildLibrary } from './buildLibrary';
import { param, testFile, testLibrary } from './testLibrary';

const lib = testLibrary();
const syn = lib.paths.get('syn')!;
const emu = lib.paths.get('emu')!;

describe('computeCost (hand-computed)', () => {
  it('synthetic path: batched exit and interrupt, 3 GHz', () => {
    const c = computeCost(lib, syn);
    // 100 + 50 + 2000/8 + 1000/8 + 3000 + 50 = 3575 cycles
    expect(c.perRequest).toEqual({
      exits: 0.125,
      worldSwitches: 0,
      interrupts: 1.125,
      copies: 0,
      contextSwitches: 0,
      cycles: 3575,
      microseconds: 3575 / 3000,
    });
    expect(c.perHop[2]).toMatchObject({
      hopId: 's3',
      times: 0.125,
      perBatch: true,
      params: [{ id: 'exit', cycles: 2000 }],
    });
    expect(c.clockGHz).toBe(3);
    expect(c.estimate).toBe(false);
  });

  it('emulated path: repeated exits, a µs parameter, a host hypercall that is not a guest exit', () => {
    const c = computeCost(lib, emu);
    // 10 x (2000 + 4 us x 3000 + 100) + 3000 + 2000 + 1000 = 147,000 cycles = 49 us
    expect(c.perRequest).toEqual({
      exits: 10,
      worldSwitches: 0,
      interrupts: 1,
      copies: 1,
      contextSwitches: 10,
      cycles: 147000,
      microseconds: 49,
    });
    expect(c.requestsPerSecondPerCore).toBeCloseTo(1e6 / 49, 6);
    expect(c.cpuMicrosecondsPerRequest).toBe(49);
  });

  it('uses the chosen clock for µs parameters and for microseconds', () => {
    const c = computeCost(lib, emu, { clockGHz: 2 });
    // switch: 4 us x 2000 = 8000 cycles; 10 x 10100 + 6000 = 107,000 cycles at 2 GHz = 53.5 us
    expect(c.perRequest.cycles).toBe(107000);
    expect(c.perRequest.microseconds).toBe(53.5);
  });

  it('applies overrides, batching off and hardware assist off', () => {
    expect(computeCost(lib, emu, { overrides: { accesses: 2 } }).perRequest.exits).toBe(2);
    expect(computeCost(lib, syn, { whatIfs: { batching: false } }).perRequest.cycles).toBe(6200);
    expect(computeCost(lib, syn, { whatIfs: { batchSize: 2 } }).perRequest.exits).toBe(0.5);
    const bt = computeCost(lib, emu, { whatIfs: { hardwareAssist: false } });
    expect(bt.perRequest.cycles).toBe(147000 - 10 * 1800);
    expect(bt.perHop[0]?.params).toEqual([{ id: 'bt', cycles: 200 }]);
    expect(bt.perHop[4]?.params).toEqual([{ id: 'exit', cycles: 2000 }]);
    expect(bt.estimate).toBe(true);
  });

  it('honours an explicit contextSwitch flag and counts world switches', () => {
    const flagged = { ...syn, hops: syn.hops.map((h, i) => (i === 0 ? { ...h, contextSwitch: true } : h)) };
    expect(computeCost(lib, flagged).perRequest.contextSwitches).toBe(1);
    const arch = structuredClone(lib.architectures.get('arch')!);
    arch.type = 'type2';
    const ws = { ...emu, hops: [{ ...emu.hops[4]!, mechanism: 'world-switch' as const }] };
    expect(computeCost(lib, ws, { architecture: arch }).perRequest).toMatchObject({
      worldSwitches: 1,
      exits: 0,
      cycles: 2000,
    });
  });

  it('throws on unknown architectures and parameters', () => {
    expect(() => computeCost(lib, { ...syn, architecture: 'none' })).toThrow('unknown architecture "none"');
    const bad = { ...syn, hops: [{ ...syn.hops[0]!, params: ['ghost'] }] };
    expect(() => computeCost(lib, bad)).toThrow('unknown cost parameter "ghost"');
    expect(() => paramCycles(param('n', 1, { unit: 'count' }), 1, 3)).toThrow('not a time');
  });

  it('converts a µs value at the clock it was measured on', () => {
    const p = param('t', 7.45, { unit: 'us', measuredAtGHz: 0.733 });
    expect(paramCycles(p, 7.45, 3)).toBeCloseTo(5460.85, 6);
    expect(paramValue(lib, 'exit', { exit: 5 })).toBe(5);
    // Only own keys override: "constructor" is on every object's prototype and once gave NaN cycles.
    const named = buildLibrary([{ ...testFile(), parameters: [param('constructor', 7)] }]);
    expect(paramValue(named.library, 'constructor', {})).toBe(7);
    expect(effectiveBatch({ ...DEFAULT_WHATIFS, batchSize: 0 })).toBe(1);
    expect(effectiveBatch({ ...DEFAULT_WHATIFS, batching: false })).toBe(1);
  });
});

describe('built-in paths (hand-computed)', () => {
  const builtIn = loadBuiltInLibrary();
  const cost = (id: string, options = {}) => computeCost(builtIn, builtIn.paths.get(id)!, options);

  it('path A: 83,600 cycles (60,000 of them the guest storage stack) with batches of 8; one exit per batch', () => {
    // 60000 + 500 + 300 + 2000/8 + 2000/8 + 2000 + 15000 + 2000 + 2000 + 300 + 2000/8 + 2000/8 + 500
    expect(cost('hyperv-synthetic-disk-write').perRequest).toMatchObject({ exits: 0.125, cycles: 83600 });
    expect(cost('hyperv-synthetic-disk-write', { whatIfs: { batching: false } }).perRequest).toMatchObject({
      exits: 1,
      cycles: 90600,
    });
  });

  it('path B: bus-master DMA, 7 set-up writes and 4 ISR accesses, each a 30,000-cycle round trip to vmwp', () => {
    // (7 + 4) x (2000 + 3000 + 13000 + 6000 + 6000) + 60000 + 500 + 15000 + 2000 + 2000 + 2000 + 500
    const b = cost('hyperv-emulated-ide-write');
    expect(b.perRequest).toMatchObject({ exits: 11, contextSwitches: 12, interrupts: 2, cycles: 412000 });
    expect(b.estimate).toBe(true);
    // PIO is the what-if, not the default: 2,048 more round trips.
    const pio = computeCost(builtIn, builtIn.paths.get('hyperv-emulated-ide-write')!, {
      whatIfs: { options: ['pio'] },
    });
    expect(pio.perRequest.exits).toBe(11 + 2048);
    expect(pio.perRequest.cycles).toBe(412000 + 2048 * 30000);
  });

  it('path E at the 733 MHz clock of T1: 187 µs per frame, CPU-bound at 64 Mb/s', () => {
    const e = cost('type2-lance-transmit');
    expect(e.clockGHz).toBe(0.733);
    expect(e.perRequest).toMatchObject({ exits: 9, worldSwitches: 14, contextSwitches: 7 });
    // 52.9 + 2 x 1.36 + 5 x (1.36 + 2 x 3.045) + 20 + 5.2 + 13.8 + 40.2 + 2 x (1.36 + 2 x 3.045) µs
    const us = 52.9 + 2 * 1.36 + 7 * (1.36 + 6.09) + 20 + 5.2 + 13.8 + 40.2;
    expect(e.perRequest.cycles).toBeCloseTo(us * 733, 6);
    expect((1500 * 8) / e.perRequest.microseconds).toBeCloseTo(64.2, 1);
  });
});

describe('cost properties (fast-check)', () => {
  const builtIn = loadBuiltInLibrary();
  const paths = [...builtIn.paths.values()];

  it('totals grow with the exit cost', () => {
    fc.assert(
      fc.property(fc.integer({ min: 200, max: 20000 }), fc.integer({ min: 0, max: 20000 }), (a, extra) => {
        for (const p of paths) {
          const lo = computeCost(builtIn, p, { overrides: { 'exit-direct': a } }).perRequest.cycles;
          const hi = computeCost(builtIn, p, { overrides: { 'exit-direct': a + extra } }).perRequest.cycles;
          expect(hi).toBeGreaterThanOrEqual(lo);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('batching never raises the per-request cost', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 0, max: 64 }), (size, more) => {
        for (const p of paths) {
          const off = computeCost(builtIn, p, { whatIfs: { batching: false } }).perRequest.cycles;
          const on = computeCost(builtIn, p, { whatIfs: { batchSize: size } }).perRequest.cycles;
          const bigger = computeCost(builtIn, p, { whatIfs: { batchSize: size + more } }).perRequest.cycles;
          expect(on).toBeLessThanOrEqual(off + 1e-9);
          expect(bigger).toBeLessThanOrEqual(on + 1e-9);
        }
      }),
      { numRuns: 40 },
    );
  });

  const pairs = [
    ['hyperv-synthetic-disk-write', 'hyperv-emulated-ide-write'],
    ['esx-vmxnet3-transmit', 'esx-e1000-transmit'],
    ['esx-pvscsi-write', 'esx-lsi-logic-write'],
    ['kvm-virtio-qemu', 'kvm-emulated-e1000'],
    ['kvm-virtio-vhost', 'kvm-emulated-e1000'],
    ['xen-blk-split', 'xen-hvm-emulated-ide'],
  ] as const;

  it('for the same request, the synthetic path never has more exits than the emulated one', () => {
    const counts = [...builtIn.parameters.values()].filter((p) => p.unit === 'count' && p.source === null);
    fc.assert(
      fc.property(
        fc.tuple(...counts.map((p) => fc.integer({ min: p.min, max: p.max }))),
        fc.integer({ min: 1, max: 64 }),
        fc.boolean(),
        fc.boolean(),
        (values, batchSize, batching, hardwareAssist) => {
          const overrides = Object.fromEntries(counts.map((p, i) => [p.id, values[i] as number]));
          const options = { overrides, whatIfs: { batchSize, batching, hardwareAssist } };
          for (const [synthetic, emulated] of pairs) {
            const s = computeCost(builtIn, builtIn.paths.get(synthetic)!, options).perRequest.exits;
            const e = computeCost(builtIn, builtIn.paths.get(emulated)!, options).perRequest.exits;
            expect(s).toBeLessThanOrEqual(e);
          }
        },
      ),
      { numRuns: 60 },
    );
    for (const [a, b] of pairs) expect(builtIn.paths.get(a)?.request).toBe(builtIn.paths.get(b)?.request);
  });
});
