import { describe, expect, it } from 'vitest';
import { loadBuiltInLibrary } from './builtin';
import { computeCost } from './cost';
import { testLibrary } from './testLibrary';
import { validatePath } from './validatePath';
import { deriveVariant, inGuest, withVariant } from './whatIfs';

const lib = loadBuiltInLibrary();

describe('deriveVariant', () => {
  it('returns the architecture and its paths unchanged without what-ifs', () => {
    const v = deriveVariant(lib, 'hyperv-2008');
    expect(v.notes).toEqual([]);
    expect(v.architecture).toEqual(lib.architectures.get('hyperv-2008'));
    expect(v.architecture).not.toBe(lib.architectures.get('hyperv-2008'));
    expect(v.paths.map((p) => p.id).sort()).toEqual(['hyperv-emulated-ide-write', 'hyperv-synthetic-disk-write']);
  });

  it('Hyper-V with drivers in the hypervisor moves the drivers only: vmwp and StorVSP stay in the root', () => {
    const v = deriveVariant(lib, 'hyperv-2008', { driversIn: 'hypervisor' });
    for (const p of v.paths) expect(validatePath(v.architecture, p)).toEqual([]);
    expect(v.architecture.components.find((c) => c.id === 'vendor-storage')?.layer).toBe('hv');
    expect(v.architecture.components.find((c) => c.id === 'vmwp1')?.layer).toBe('root-u');
    expect(v.architecture.components.find((c) => c.id === 'storvsp')?.layer).toBe('root-k');
    // Path B keeps its device emulation in vmwp.exe (the old what-if removed it and taught "monolithic is 4x faster").
    const b = v.paths.find((p) => p.id === 'hyperv-emulated-ide-write')!;
    expect(b.hops.filter((h) => h.from === 'vmwp1' || h.to === 'vmwp1').length).toBeGreaterThan(0);
    const before = computeCost(lib, lib.paths.get(b.id)!).perRequest;
    const after = computeCost(lib, b, { architecture: v.architecture }).perRequest;
    expect(after.exits).toBe(before.exits);
    expect(after.cycles).toBeGreaterThanOrEqual(before.cycles);
    // Path A now crosses from the root's storage stack to the driver in the hypervisor and back.
    const a = v.paths.find((p) => p.id === 'hyperv-synthetic-disk-write')!;
    expect(a.hops.find((h) => h.from === 'root-os' && h.to === 'vendor-storage')?.mechanism).toBe('hypercall');
    expect(v.notes).toEqual([expect.stringContaining('Only the drivers move')]);
  });

  it('ESX with drivers in the service console crosses to it and back', () => {
    const v = deriveVariant(lib, 'esx-3-classic', { driversIn: 'parent' });
    const c = v.paths.find((p) => p.id === 'esx-e1000-transmit')!;
    expect(validatePath(v.architecture, c)).toEqual([]);
    expect(v.architecture.components.find((x) => x.id === 'nic-drv')?.layer).toBe('cos-k');
    const into = c.hops.find((h) => h.to === 'nic-drv' && h.from === 'vswitch')!;
    expect(into.mechanism).toBe('interrupt');
    expect(into.narration).toContain('What-if');
    expect(c.hops.find((h) => h.from === 'nic-drv' && h.to === 'vmm1')?.mechanism).toBe('hypercall');
    const before = computeCost(lib, lib.paths.get(c.id)!).perRequest.cycles;
    expect(computeCost(lib, c, { architecture: v.architecture }).perRequest.cycles).toBeGreaterThan(before);
  });

  it('reports what cannot move', () => {
    expect(deriveVariant(lib, 'esx-3-classic', { driversIn: 'hypervisor' }).notes[0]).toContain(
      'already live in the hypervisor',
    );
    expect(deriveVariant(lib, 'hyperv-2008', { driversIn: 'parent' }).notes[0]).toContain('already live in the parent');
    expect(deriveVariant(lib, 'type2-hosted', { driversIn: 'hypervisor' }).notes[0]).toContain('hosted (Type 2)');
    expect(deriveVariant(lib, 'type2-hosted', { driversIn: 'parent' }).notes[0]).toContain('hosted (Type 2)');
    expect(deriveVariant(lib, 'kvm', { driversIn: 'parent' }).notes[0]).toContain(
      'host Linux kernel is the hypervisor',
    );
    expect(deriveVariant(lib, 'esxi', { driversIn: 'parent' }).notes[0]).toContain('no parent partition kernel');
    const noHv = testLibrary();
    const arch = noHv.architectures.get('arch')!;
    arch.layers = arch.layers.map((l) => (l.id === 'hv' ? { ...l, column: 'host' } : l));
    expect(deriveVariant(noHv, 'arch', { driversIn: 'hypervisor' }).notes[0]).toContain(
      'no machine-wide hypervisor layer',
    );
  });

  it('batching off makes per-batch hops per-request', () => {
    const v = deriveVariant(lib, 'kvm', { batching: false });
    expect(v.paths.flatMap((p) => p.hops).some((h) => h.perBatch)).toBe(false);
    expect(v.notes[0]).toMatch(/^Batching off: \d+ signal/);
    expect(deriveVariant(lib, 'type2-hosted', { batching: false }).notes[0]).toContain('no path here batches');
    const p = v.paths.find((x) => x.id === 'kvm-virtio-vhost')!;
    expect(computeCost(lib, p).perRequest.exits).toBe(1);
  });

  it('ESX 3.5 runs guests with binary translation; hardware assist on costs the same 2006 Pentium 4 with VT', () => {
    const bt = deriveVariant(lib, 'esx-3-classic');
    const c = bt.paths.find((p) => p.id === 'esx-e1000-transmit')!;
    expect(c.hops.find((h) => h.id === 'c2')).toMatchObject({ mechanism: 'trap', params: ['bt-io-callout'] });
    const vt = deriveVariant(lib, 'esx-3-classic', { hardwareAssist: true });
    const cv = vt.paths.find((p) => p.id === 'esx-e1000-transmit')!;
    const exit = cv.hops.find((h) => h.id === 'c2')!;
    expect(exit).toMatchObject({ mechanism: 'vmexit', params: ['p4-in-vt1'] });
    expect(validatePath(vt.architecture, cv)).toEqual([]);
    expect(vt.notes).toEqual([expect.stringContaining('same 2006 Pentium 4')]);
    // Both costs come from one paper and one machine.
    expect(lib.parameters.get('p4-in-vt1')?.era.year).toBe(lib.parameters.get('bt-io-callout')?.era.year);
    // The variant costs the same as computeCost with the same what-if on the original path.
    const viaVariant = computeCost(lib, cv, { architecture: vt.architecture }).perRequest.cycles;
    const direct = computeCost(lib, lib.paths.get(c.id)!, { whatIfs: { hardwareAssist: true } }).perRequest.cycles;
    expect(viaVariant).toBe(direct);
    // Applying the what-if twice changes nothing (the narration says it once).
    expect(exit.narration.split('What-if').length).toBe(2);
  });

  it('refuses binary translation where the design needs VT, and VT where the CPU had none, with the reason', () => {
    for (const id of ['hyperv-2008', 'kvm', 'xen']) {
      const v = deriveVariant(lib, id, { hardwareAssist: false });
      expect(v.refused, id).toEqual([{ whatIf: 'hardwareAssist', reason: expect.stringContaining('VT') }]);
      const costs = (w: object) =>
        v.paths.map((p) => computeCost(lib, lib.paths.get(p.id)!, { whatIfs: w }).perRequest.cycles);
      expect(costs({ hardwareAssist: false })).toEqual(costs({}));
    }
    const hosted = deriveVariant(lib, 'type2-hosted', { hardwareAssist: true });
    expect(hosted.refused[0]?.reason).toContain('no VT-x');
  });

  it('path options: PIO instead of DMA adds 2,048 exits to path B; the T1 optimizations remove world switches', () => {
    const cost = (id: string, options: string[]) =>
      computeCost(lib, lib.paths.get(id)!, { whatIfs: { options } }).perRequest;
    expect(cost('hyperv-emulated-ide-write', []).exits).toBe(11);
    expect(cost('hyperv-emulated-ide-write', ['pio']).exits).toBe(11 + 2048);
    expect(cost('xen-hvm-emulated-ide', ['pio']).exits - cost('xen-hvm-emulated-ide', []).exits).toBe(2048);
    const e = cost('type2-lance-transmit', []);
    const opt = cost('type2-lance-transmit', ['t1-optimized']);
    expect(e.worldSwitches).toBe(14);
    expect(opt.worldSwitches).toBeCloseTo(2 / 8, 9);
    expect(opt.microseconds).toBeLessThan(e.microseconds / 2);
  });

  it('every variant of every architecture is valid', () => {
    for (const id of lib.architectures.keys())
      for (const driversIn of [undefined, 'hypervisor', 'parent'] as const)
        for (const batching of [true, false])
          for (const hardwareAssist of [true, false]) {
            const v = deriveVariant(lib, id, { driversIn, batching, hardwareAssist });
            expect(v.notes.filter((n) => n.includes('invalid'))).toEqual([]);
          }
  });

  it('throws for an unknown architecture; withVariant swaps it into a library', () => {
    expect(() => deriveVariant(lib, 'nope')).toThrow('unknown architecture "nope"');
    const v = deriveVariant(lib, 'hyperv-2008', { driversIn: 'hypervisor' });
    const l2 = withVariant(lib, v);
    expect(l2.architectures.get('hyperv-2008')).toBe(v.architecture);
    expect(l2.paths.get('hyperv-synthetic-disk-write')).toBe(
      v.paths.find((p) => p.id === 'hyperv-synthetic-disk-write'),
    );
    expect(lib.architectures.get('hyperv-2008')?.components.find((c) => c.id === 'vendor-storage')?.layer).toBe(
      'root-k',
    );
    expect(inGuest(v.architecture, 'storvsc')).toBe(true);
    expect(inGuest(v.architecture, 'storvsp')).toBe(false);
  });
});
