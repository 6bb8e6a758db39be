import { describe, expect, it } from 'vitest';
import { loadBuiltInLibrary } from './builtin';
import { CALIBRATION_CHECKS, CALIBRATION_REASONS, calibrate, calibrationTable } from './calibration';

const lib = loadBuiltInLibrary();
const rows = calibrate(lib);

describe('calibration: the model against the published figures', () => {
  it.each(rows.filter((r) => r.pass !== null).map((r) => [r.figure, r] as const))(
    '%s is within its tolerance',
    (_id, row) => {
      expect(row.pass, `${row.name}: model ${row.model}, published ${row.published}, ${row.how}`).toBe(true);
    },
  );

  it('lists every published figure: checked, or with the reason it cannot be reproduced', () => {
    expect(rows.map((r) => r.figure).sort()).toEqual([...lib.figures.keys()].sort());
    for (const r of rows) if (r.pass === null) expect(CALIBRATION_REASONS, r.figure).toContain(r.figure);
    for (const id of [...CALIBRATION_CHECKS, ...CALIBRATION_REASONS]) expect(lib.figures.has(id), id).toBe(true);
  });

  it('checks at least the figures the issue names', () => {
    const checked = rows.filter((r) => r.pass !== null).map((r) => r.figure);
    expect(checked).toEqual(
      expect.arrayContaining([
        'e12-pvscsi-saving',
        't1-throughput-before',
        't1-throughput-after',
        't1-speedup-350',
        'p8-inl-kernel',
        'p8-inl-qemu',
        'p4-in-vt',
        'p4-in-bt-speedup',
        'h3-one-exit-per-batch',
      ]),
    );
  });

  it('would have caught the old model: a 9.5x KVM user-space exit and a 225 Mb/s hosted NIC', () => {
    const kvm = rows.find((r) => r.figure === 'p8-inl-kernel');
    expect(kvm?.model).toBeGreaterThan(2.5);
    expect(kvm?.model).toBeLessThan(3.2);
    const hosted = rows.find((r) => r.figure === 't1-throughput-before');
    expect(hosted?.model).toBeLessThan(70);
  });

  it('prints a Markdown table with a row per figure', () => {
    const table = calibrationTable(rows).split('\n');
    expect(table[0]).toBe('| figure | source | published | model | ratio | tolerance | pass |');
    expect(table).toHaveLength(rows.length + 2);
  });
});
