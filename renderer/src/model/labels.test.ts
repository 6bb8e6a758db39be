import { describe, expect, it } from 'vitest';
import { loadBuiltInLibrary } from './builtin';
import { MARK_ORDER, hopMark, markLabel, parameterLabel, sourceLabel, weakestMark } from './labels';
import { param, testLibrary } from './testLibrary';

describe('labels', () => {
  it('labels marks', () => {
    expect(MARK_ORDER).toEqual(['confirmed', 'secondary', 'unverified', 'estimate']);
    expect(MARK_ORDER.map(markLabel)).toEqual(['✔ confirmed', '~ secondary', '⚠ approximate', 'model estimate']);
  });

  it('labels sources', () => {
    const lib = testLibrary();
    expect(sourceLabel(lib, 'S1')).toBe('S1: Source one');
    expect(sourceLabel(lib, 'H99')).toBe('H99 (unknown source)');
  });

  it('labels parameters with value, unit and provenance', () => {
    expect(parameterLabel(param('x', 2000))).toBe('2,000 cycles [S1, ✔ confirmed]');
    expect(parameterLabel(param('x', 7.45, { unit: 'us', mark: 'unverified' }))).toBe('7.45 µs [S1, ⚠ approximate]');
    expect(parameterLabel(param('x', 30, { unit: 'percent' }), 12)).toBe('12% [S1, ✔ confirmed]');
    expect(parameterLabel(param('x', 7, { unit: 'count', source: null, mark: 'estimate' }))).toBe('7 [model estimate]');
    expect(parameterLabel(param('x', 3, { unit: 'GHz', source: null, mark: 'estimate', basedOn: ['P8', 'P9'] }))).toBe(
      '3 GHz [model estimate, based on P8, P9]',
    );
  });
});

describe('marks: a hop shows the weakest mark of what it shows', () => {
  it('weakestMark orders ✔ > ~ > ⚠ > estimate', () => {
    expect(weakestMark([])).toBe('confirmed');
    expect(weakestMark(['confirmed', 'secondary'])).toBe('secondary');
    expect(weakestMark(['unverified', 'secondary'])).toBe('unverified');
    expect(weakestMark(['confirmed', 'estimate', 'unverified'])).toBe('estimate');
  });

  it('no built-in hop is shown as stronger than a cost it spends', () => {
    const lib = loadBuiltInLibrary();
    for (const p of lib.paths.values())
      for (const h of p.hops) {
        const shown = MARK_ORDER.indexOf(hopMark(lib, h));
        for (const id of [...h.params, ...(h.repeat ? [h.repeat] : [])])
          expect(shown, `${p.id} ${h.id} ${id}`).toBeGreaterThanOrEqual(
            MARK_ORDER.indexOf(lib.parameters.get(id)!.mark),
          );
      }
    const a1 = lib.paths.get('hyperv-synthetic-disk-write')!.hops[0]!;
    expect(a1.mark).toBe('confirmed');
    expect(hopMark(lib, a1)).toBe('estimate');
  });
});
