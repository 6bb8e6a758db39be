import { describe, expect, it } from 'vitest';
import { buildLibrary } from './buildLibrary';
import { loadBuiltInLibrary } from './builtin';
import { citationKey, citedBy, uncitedSources } from './references';
import { testFile } from './testLibrary';

describe('citedBy', () => {
  it('finds every kind of citer of a known source (H3) in the built-in library', () => {
    const lib = loadBuiltInLibrary();
    const h3 = citedBy(lib).get('H3') ?? [];
    const keys = h3.map(citationKey);
    expect(keys).toContain('path:hyperv-synthetic-disk-write');
    expect(keys).toContain('hop:hyperv-synthetic-disk-write/a1');
    expect(keys).toContain('component:hyperv-2008/storvsc');
    expect(keys).toContain('claim:paravirtualization');
    expect(keys).toContain('parameter:ring-write');
    expect(h3.find((c) => c.kind === 'hop')?.label).toBe(
      `Hyper-V: synthetic disk write › step 1: ${lib.paths.get('hyperv-synthetic-disk-write')!.hops[0]!.label}`,
    );
    expect(new Set(keys).size).toBe(keys.length);
    // Ordered by kind: architectures and components first, claims and foundations last.
    const kinds = h3.map((c) => c.kind);
    expect(kinds.indexOf('component')).toBeLessThan(kinds.indexOf('path'));
    expect(kinds.lastIndexOf('hop')).toBeLessThan(kinds.indexOf('claim'));
  });

  it('counts estimates "based on" a source, claims and foundations', () => {
    const lib = loadBuiltInLibrary();
    const cited = citedBy(lib);
    expect(
      cited.get('P8')?.find((c) => c.kind === 'parameter' && c.parameterId === 'hyperv-root-user-switch')?.label,
    ).toMatch(/model estimate based on it/);
    expect(cited.get('C6')?.map(citationKey)).toEqual(['claim:esx-error-prone']);
    expect(cited.get('F1')?.map(citationKey)).toContain('foundation:popek-goldberg');
    for (const key of ['H17', 'H18', 'E17', 'X4']) expect(lib.sources.has(key), key).toBe(true);
  });

  it('counts what an architecture says about its CPU and a host kernel crash, path what-ifs and calibration figures', () => {
    const lib = loadBuiltInLibrary();
    const cited = citedBy(lib);
    expect(cited.get('X4')?.find((c) => c.kind === 'architecture')?.label).toBe(
      `${lib.architectures.get('xen')!.name} › what a host kernel crash does`,
    );
    const cpu = lib.architectures.get('esx-3-classic')!.cpu.sources[0]!;
    expect(cited.get(cpu)?.map(citationKey)).toContain('architecture:esx-3-classic');
    const withOption = [...lib.paths.values()].find((p) => p.options.some((o) => o.sources.length > 0))!;
    const option = withOption.options.find((o) => o.sources.length > 0)!;
    expect(cited.get(option.sources[0]!)?.map((c) => c.label)).toContain(
      `${withOption.name} › what-if: ${option.label}`,
    );
    const figure = [...lib.figures.values()][0]!;
    expect(cited.get(figure.source)?.map(citationKey)).toContain(`figure:${figure.id}`);
  });

  it('lists the sources nobody cites', () => {
    const f = structuredClone(testFile());
    f.sources = [...(f.sources ?? []), { key: 'S2', title: 'Nobody reads me', group: 'Foundations' }];
    const { library } = buildLibrary([f]);
    expect(uncitedSources(library)).toEqual(['S2']);
    f.paths![0]!.hops[1]!.sources = ['S2'];
    const again = buildLibrary([f]).library;
    expect(uncitedSources(again)).toEqual([]);
    expect(citedBy(again).get('S2')?.map(citationKey)).toEqual(['hop:syn/s2']);
  });

  it('keeps keys cited by content but missing from the sources, so they can be reported', () => {
    const f = structuredClone(testFile());
    f.paths![0]!.sources = ['GONE1'];
    const { library } = buildLibrary([f]);
    expect(citedBy(library).get('GONE1')?.map(citationKey)).toEqual(['path:syn']);
    expect(uncitedSources(library)).not.toContain('GONE1');
  });
});
