import { describe, expect, it } from 'vitest';
import { contextOf } from './architecture';
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

  it('Hyper-V with drivers in the hypervisor skips the root partition, and stays valid', () => {
    const v = deriveVariant(lib, 'hyperv-2008', { driversIn: 'hypervisor' });
    for (const p of v.paths) {
      expect(validatePath(v.architecture, p)).toEqual([]);
      expect(p.hops.every((h) => contextOf(v.architecture, h.from).domain !== 'host')).toBe(true);
      expect(p.hops.every((h) => contextOf(v.architecture, h.to).domain !== 'host')).toBe(true);
    }
    const a = v.paths.find((p) => p.id === 'hyperv-synthetic-disk-write')!;
    expect(a.hops.map((h) => `${h.from}>${h.to}`)).toContain('hypervisor>vendor-storage');
    // The work (VSP dispatch, storage stack) is kept; the crossings into the root disappear.
    const params = a.hops.flatMap((h) => h.params);
    expect(params).toContain('host-storage-stack');
    expect(params.filter((p) => p === 'synthetic-interrupt')).toHaveLength(0);
    const before = computeCost(lib, lib.paths.get(a.id)!).perRequest;
    const after = computeCost(lib, a, { architecture: v.architecture }).perRequest;
    expect(after.cycles).toBeLessThan(before.cycles);
    expect(after.exits).toBe(before.exits);
    expect(v.notes).toEqual([expect.stringContaining('Vendor HBA driver, Vendor NIC driver')]);
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

  it('hardware assist off uses binary-translation costs for guest exits', () => {
    const v = deriveVariant(lib, 'esx-3-classic', { hardwareAssist: false });
    const c = v.paths.find((p) => p.id === 'esx-e1000-transmit')!;
    const exit = c.hops.find((h) => h.id === 'c2')!;
    expect(exit.mechanism).toBe('trap');
    expect(exit.params).toEqual(['bt-io-callout']);
    expect(validatePath(v.architecture, c)).toEqual([]);
    expect(v.notes).toEqual([expect.stringContaining('binary translation')]);
    expect(deriveVariant(lib, 'hyperv-2008', { hardwareAssist: false }).notes[0]).toContain('needs VT-x or AMD-V');
    // The variant costs the same as computeCost with the same what-if on the original path.
    const viaVariant = computeCost(lib, c, { architecture: v.architecture }).perRequest.cycles;
    const direct = computeCost(lib, lib.paths.get(c.id)!, { whatIfs: { hardwareAssist: false } }).perRequest.cycles;
    expect(viaVariant).toBe(direct);
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
    expect(l2.paths.get('hyperv-synthetic-disk-write')!.hops.length).toBeLessThan(
      lib.paths.get('hyperv-synthetic-disk-write')!.hops.length,
    );
    expect(lib.architectures.get('hyperv-2008')?.components.find((c) => c.id === 'vendor-storage')?.layer).toBe(
      'root-k',
    );
    expect(inGuest(v.architecture, 'storvsc')).toBe(true);
    expect(inGuest(v.architecture, 'storvsp')).toBe(false);
  });
});
