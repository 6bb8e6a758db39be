import { describe, expect, it } from 'vitest';
import { loadBuiltInLibrary } from './builtin';
import { crashComponent, trustedComputingBase } from './faults';
import { testArchitecture } from './testLibrary';

const lib = loadBuiltInLibrary();
const hyperv = lib.architectures.get('hyperv-2008')!;

describe('crashComponent', () => {
  it('follows the dependency graph with a reason chain', () => {
    const r = crashComponent(hyperv, 'storvsp');
    expect(r.failed).toEqual([
      { id: 'storvsp', reason: 'storvsp.sys crashed' },
      { id: 'storvsc', reason: 'storvsc.sys depends on storvsp.sys, which crashed' },
    ]);
    expect(r.failedVms).toEqual([
      { column: 'vm2', reason: 'VM 2: enlightened fails: storvsc.sys depends on storvsp.sys, which crashed' },
    ]);
    expect(r.survivingVms).toEqual(['vm1']);
  });

  it('a root kernel crash takes every VM, with transitive reasons', () => {
    const r = crashComponent(hyperv, 'root-os');
    expect(r.failedVms.map((v) => v.column)).toEqual(['vm1', 'vm2']);
    expect(r.failed.find((f) => f.id === 'vm2-vmbus')?.reason).toBe(
      'VMBus client depends on VMBus (root), which depends on Windows kernel, which crashed',
    );
    expect(r.survivingVms).toEqual([]);
  });

  it('a crash in the hypervisor or the hardware takes all VMs', () => {
    for (const id of ['hypervisor', 'hba']) {
      const r = crashComponent(hyperv, id);
      expect(r.failedVms).toHaveLength(2);
      expect(r.failedVms[0]?.reason).toContain('runs under every VM');
    }
  });

  it('a crash in a guest column takes only that VM; a guest app crash takes only the app', () => {
    expect(crashComponent(hyperv, 'vm1-ata')).toMatchObject({ failedVms: [{ column: 'vm1' }], survivingVms: ['vm2'] });
    expect(crashComponent(hyperv, 'vm2-app')).toMatchObject({ failedVms: [], survivingVms: ['vm1', 'vm2'] });
  });

  it('ESX: the service console is management only; a VMM takes its own VM', () => {
    const esx = lib.architectures.get('esx-3-classic')!;
    expect(crashComponent(esx, 'cos-kernel')).toMatchObject({ failedVms: [], survivingVms: ['vm1', 'vm2'] });
    expect(crashComponent(esx, 'vmm1')).toMatchObject({ failedVms: [{ column: 'vm1' }], survivingVms: ['vm2'] });
    expect(crashComponent(esx, 'nic-drv').failedVms).toHaveLength(2);
  });

  it('throws for an unknown component', () => {
    expect(() => crashComponent(testArchitecture(), 'ghost')).toThrow('has no component "ghost"');
  });
});

describe('trustedComputingBase', () => {
  it('lists the root partition in Hyper-V and vmkernel in ESX, never guest code', () => {
    const ids = trustedComputingBase(hyperv).map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['hypervisor', 'root-os', 'storvsp', 'vid', 'vmwp1', 'vmms']));
    expect(ids).not.toContain('storvsc');
    for (const arch of lib.architectures.values())
      for (const c of trustedComputingBase(arch))
        expect(arch.layers.find((l) => l.id === c.layer)?.context.domain).not.toBe('guest');
  });
});
