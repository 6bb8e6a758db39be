import { describe, expect, it } from 'vitest';
import { latencyVsBatchSize, throughputVsRequestRate } from './sweep';
import { testLibrary } from './testLibrary';

const lib = testLibrary();

describe('sweeps', () => {
  it('latency per request falls with the batch size only on ring-based paths', () => {
    const [syn, emu] = latencyVsBatchSize(lib, ['syn', 'emu'], [1, 2, 8]);
    // syn: 100 + 50 + 3000 + 50 fixed, plus (2000 + 1000) / batch
    expect(syn?.name).toBe('synthetic');
    expect(syn?.points.map((p) => p.x)).toEqual([1, 2, 8]);
    const ys = syn?.points.map((p) => p.y) ?? [];
    [6200, 4700, 3575].forEach((cycles, i) => expect(ys[i]).toBeCloseTo(cycles / 3000, 9));
    expect(emu?.points.map((p) => p.y)).toEqual([49, 49, 49]);
  });

  it('throughput follows offered load until the CPU saturates', () => {
    const [emu] = throughputVsRequestRate(lib, ['emu'], [10000, 20000, 50000], { cores: 2 });
    // 49 us per request: 20,408 requests/s per core, 40,816 on two cores
    expect(emu?.capacity).toBeCloseTo(2e6 / 49, 6);
    expect(emu?.points.map((p) => p.y)).toEqual([10000, 20000, expect.closeTo(2e6 / 49, 6)]);
    expect(emu?.utilization[0]).toBeCloseTo(10000 / (2e6 / 49), 9);
    expect(emu?.utilization[2]).toBe(1);
    const [one] = throughputVsRequestRate(lib, ['emu'], [1e6]);
    expect(one?.points[0]?.y).toBeCloseTo(1e6 / 49, 6);
  });

  it('throws for an unknown path', () => {
    expect(() => latencyVsBatchSize(lib, ['nope'], [1])).toThrow('unknown path "nope"');
  });
});
