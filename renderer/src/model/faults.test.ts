import { describe, expect, it } from 'vitest';
import { vmColumns } from './architecture';
import { loadBuiltInLibrary } from './builtin';
import { blastRadius, crashComponent, inTrustedBase, trustedBaseText, trustedComputingBase } from './faults';
import { testArchitecture } from './testLibrary';
import type { BlastScope } from './types';

const lib = loadBuiltInLibrary();
const arch = (id: string) => {
  const a = lib.architectures.get(id);
  if (!a) throw new Error(`no architecture ${id}`);
  return a;
};
const hyperv = arch('hyperv-2008');

/** hypervisors.md §7, row by row, on the built-in architectures. */
const SECTION_7: [string, string, BlastScope, string[]][] = [
  // hardware, the hypervisor, vmkernel or any vmkernel driver: the host
  ['hyperv-2008', 'hba', 'host', ['vm1', 'vm2']],
  ['hyperv-2008', 'hypervisor', 'host', ['vm1', 'vm2']],
  ['esx-3-classic', 'vmkernel', 'host', ['vm1', 'vm2']],
  ['esx-3-classic', 'nic-drv', 'host', ['vm1', 'vm2']],
  // a kernel-mode component of the root partition: the root bugchecks, the whole host goes down
  ['hyperv-2008', 'root-os', 'host', ['vm1', 'vm2']],
  ['hyperv-2008', 'vendor-storage', 'host', ['vm1', 'vm2']],
  ['hyperv-2008', 'vendor-nic', 'host', ['vm1', 'vm2']],
  ['hyperv-2008', 'vmbus-root', 'host', ['vm1', 'vm2']],
  ['hyperv-2008', 'storvsp', 'host', ['vm1', 'vm2']],
  ['hyperv-2008', 'vmswitch', 'host', ['vm1', 'vm2']],
  ['hyperv-2008', 'vid', 'host', ['vm1', 'vm2']],
  // ESX classic's Console OS kernel: a purple screen
  ['esx-3-classic', 'cos-kernel', 'host', ['vm1', 'vm2']],
  // a dom0 kernel driver or backend: dom0 crashes, Xen reboots the host
  ['xen', 'dom0-kernel', 'host', ['domu1', 'domu2']],
  ['xen', 'dom0-disk-drv', 'host', ['domu1', 'domu2']],
  ['xen', 'blkback', 'host', ['domu1', 'domu2']],
  ['xen', 'netback', 'host', ['domu1', 'domu2']],
  // a host OS kernel driver (Type 2) or the KVM host kernel
  ['type2-hosted', 'host-nic-drv', 'host', ['vm1']],
  ['type2-hosted', 'vmdriver', 'host', ['vm1']],
  ['kvm', 'host-nic-drv', 'host', ['vm1', 'vm2']],
  ['kvm', 'vhost-net', 'host', ['vm1', 'vm2']],
  // a per-VM user-mode process: that VM only
  ['hyperv-2008', 'vmwp1', 'vms', ['vm1']],
  ['hyperv-2008', 'vmwp2', 'vms', ['vm2']],
  ['kvm', 'qemu1', 'vms', ['vm1']],
  ['xen', 'qemu-dm', 'vms', ['domu2']],
  ['esx-3-classic', 'vmx1', 'vms', ['vm1']],
  ['type2-hosted', 'vmapp', 'vms', ['vm1']],
  // a management service: management only
  ['hyperv-2008', 'vmms', 'management', []],
  ['kvm', 'libvirtd', 'management', []],
  ['esx-3-classic', 'mgmt-agents', 'management', []],
  ['esxi', 'mgmt-agents', 'management', []],
  ['xen', 'toolstack', 'management', []],
];

describe('blastRadius follows hypervisors.md §7', () => {
  it.each(SECTION_7)('%s: a crash of %s takes down %s %j', (archId, id, scope, vms) => {
    const b = blastRadius(arch(archId), id);
    expect(b.scope).toBe(scope);
    expect(b.vms).toEqual(vms);
  });

  it('says why in the architecture’s own words, with its source', () => {
    expect(blastRadius(hyperv, 'storvsp')).toMatchObject({
      reason: expect.stringContaining('root partition bugchecks'),
      sources: ['C2'],
    });
    expect(blastRadius(arch('esx-3-classic'), 'cos-kernel')).toMatchObject({
      reason: expect.stringContaining('purple diagnostic screen'),
      sources: ['E17'],
      mark: 'confirmed',
    });
    expect(blastRadius(arch('xen'), 'blkback').reason).toContain('Domain 0 crashed: rebooting machine');
  });

  it('a guest kernel component takes its VM only; an application only itself', () => {
    expect(blastRadius(hyperv, 'vm1-ata')).toMatchObject({ scope: 'vms', vms: ['vm1'] });
    expect(blastRadius(hyperv, 'vm2-app')).toMatchObject({ scope: 'self', vms: [] });
    expect(blastRadius(arch('type2-hosted'), 'host-apps')).toMatchObject({ scope: 'self', vms: [] });
  });

  it('throws for an unknown component', () => {
    expect(() => blastRadius(testArchitecture(), 'ghost')).toThrow('has no component "ghost"');
  });
});

describe('crashComponent', () => {
  it('a root driver crash takes the whole host, as a vmkernel driver crash does', () => {
    for (const [a, id] of [
      ['hyperv-2008', 'vendor-storage'],
      ['esx-3-classic', 'hba-drv'],
      ['xen', 'dom0-nic-drv'],
      ['type2-hosted', 'host-disk-drv'],
    ] as const) {
      const r = crashComponent(arch(a), id);
      expect(r.survivingVms, `${a} ${id}`).toEqual([]);
      expect(r.failedVms.map((v) => v.column)).toEqual(vmColumns(arch(a)).map((v) => v.id));
    }
  });

  it('a worker process crash takes its own VM only, with the reason', () => {
    const r = crashComponent(hyperv, 'vmwp1');
    expect(r.failedVms).toEqual([{ column: 'vm1', reason: expect.stringContaining('per-VM part outside the guest') }]);
    expect(r.survivingVms).toEqual(['vm2']);
    expect(r.failed.map((f) => f.id)).toContain('vm1-kernel');
    expect(r.failed.map((f) => f.id)).not.toContain('vm2-kernel');
  });

  it('a management crash leaves every VM running', () => {
    const r = crashComponent(hyperv, 'vmms');
    expect(r.failedVms).toEqual([]);
    expect(r.survivingVms).toEqual(['vm1', 'vm2']);
    expect(r.blast.scope).toBe('management');
  });

  it('follows the dependency graph with a reason chain for the components that fail', () => {
    const r = crashComponent(hyperv, 'root-os');
    expect(r.failed.find((f) => f.id === 'vm2-vmbus')?.reason).toBe(
      'VMBus client depends on VMBus (root), which depends on Windows kernel, which crashed',
    );
  });

  it('throws for an unknown component', () => {
    expect(() => crashComponent(testArchitecture(), 'ghost')).toThrow('has no component "ghost"');
  });
});

describe('one rule for the fault lab and the trusted computing base', () => {
  it('for every component of every architecture, the TCB text and the fault lab agree', () => {
    for (const a of lib.architectures.values())
      for (const c of a.components) {
        const r = crashComponent(a, c.id);
        const text = trustedBaseText(a, c.id);
        const host = r.blast.scope === 'host';
        expect(r.failedVms.map((v) => v.column)).toEqual(r.blast.vms);
        if (host) expect(r.survivingVms).toEqual([]);
        expect(inTrustedBase(a, c.id), `${a.id} ${c.id}`).toBe(host);
        expect(text.startsWith('Yes'), `${a.id} ${c.id}: ${text}`).toBe(host);
        if (!host && r.failedVms.length > 0)
          for (const v of r.failedVms) expect(text).toContain(vmColumns(a).find((x) => x.id === v.column)?.name);
      }
  });

  it('vmwp.exe is not called the TCB of every VM (it was, while the lab said one VM)', () => {
    expect(trustedBaseText(hyperv, 'vmwp1')).toMatch(/^Only of VM 1/);
    expect(inTrustedBase(hyperv, 'vmwp1')).toBe(false);
  });

  it('lists the root partition’s kernel side in Hyper-V and vmkernel in ESX, never guest code', () => {
    const ids = trustedComputingBase(hyperv).map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['hypervisor', 'root-os', 'storvsp', 'vid', 'vmswitch']));
    expect(ids).not.toContain('vmms');
    expect(ids).not.toContain('storvsc');
    for (const a of lib.architectures.values())
      for (const c of trustedComputingBase(a))
        expect(a.layers.find((l) => l.id === c.layer)?.context.domain).not.toBe('guest');
  });
});
