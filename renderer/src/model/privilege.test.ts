import { describe, expect, it } from 'vitest';
import { buildLibrary } from './buildLibrary';
import { loadBuiltInLibrary } from './builtin';
import { allowedMechanisms, validatePath } from './validatePath';
import { bandName, privilegeName, ringName } from './privilege';
import { testFile } from './testLibrary';
import type { Architecture } from './types';

const library = loadBuiltInLibrary();
const arch = (id: string): Architecture => {
  const a = library.architectures.get(id);
  if (!a) throw new Error(`no architecture ${id}`);
  return a;
};
const where = (a: Architecture, componentId: string): string => {
  const layer = a.layers.find((l) => l.id === a.components.find((c) => c.id === componentId)?.layer);
  if (!layer) throw new Error(`no layer for ${componentId}`);
  return privilegeName(a, layer.context);
};

describe('privilege names true to the CPU (hypervisors.md §3 path E, §8)', () => {
  it('the hosted VMM on a CPU without VT-x runs at ring 0 in its own world, never "VMX root" or "ring -1"', () => {
    const t2 = arch('type2-hosted');
    expect(t2.cpu).toMatchObject({ mode: 'bt', switchable: false });
    const vmm = where(t2, 'vmm');
    expect(vmm).toMatch(/^VMM world, ring 0/);
    expect(vmm).toMatch(/beside the host kernel/);
    expect(vmm).not.toMatch(/VMX|ring -1/);
    expect(where(t2, 'host-os')).toBe('host kernel, ring 0: owns the machine');
    expect(where(t2, 'vm1-kernel')).toMatch(/^guest kernel, deprivileged/);
    expect(where(t2, 'vmapp')).toBe('host user space, ring 3');
    for (const c of t2.components) expect(where(t2, c.id)).not.toMatch(/VMX|ring -1/);
  });

  it('keeps "ring -1 (VMX root)" for hardware-assisted hypervisors', () => {
    const hv = arch('hyperv-2008');
    expect(where(hv, 'hypervisor')).toBe('hypervisor, ring -1 (VMX root)');
    expect(where(hv, 'root-os')).toBe('host / parent kernel, ring 0');
    expect(bandName(hv, 'ring-1')).toBe('ring -1 — hypervisor');
  });

  it('names ESX 3.x, which chose BT or VT-x per guest, for both', () => {
    const esx = arch('esx-3-classic');
    expect(ringName(esx, 'ring-1')).toBe(
      'most privileged: ring 0 under binary translation, root mode when VT-x is used',
    );
    expect(where(esx, 'vmkernel')).not.toMatch(/ring -1|VMX root/);
    expect(where(esx, 'vm1-kernel')).toBe('guest kernel, deprivileged: less privileged than the hypervisor');
    expect(bandName(esx, 'ring0')).toBe('kernels — deprivileged');
  });
});

describe('path E on the hosted drawing', () => {
  const t2 = arch('type2-hosted');
  it('still validates hop by hop', () => {
    const e = library.paths.get('type2-lance-transmit');
    expect(e).toBeDefined();
    if (e) expect(validatePath(t2, e)).toEqual([]);
  });

  it('joins VMDriver and the VMM only by world switches, and the guest reaches the VMM by traps', () => {
    expect(allowedMechanisms(t2, 'vmdriver', 'vmm').allowed).toEqual(['world-switch']);
    expect(allowedMechanisms(t2, 'vmm', 'vmdriver').allowed).toEqual(['world-switch']);
    expect(allowedMechanisms(t2, 'vm1-lance', 'vmm').allowed).toContain('trap');
    expect(allowedMechanisms(t2, 'vm1-apps', 'vm1-kernel').allowed).toEqual(['syscall']);
    expect(allowedMechanisms(t2, 'vm1-lance', 'nic').allowed).toEqual([]);
  });
});

describe('content checks that would have caught the Type 2 drawn as a Type 1', () => {
  const file = () => {
    const f = structuredClone(testFile());
    const a = f.architectures?.[0];
    if (!a) throw new Error('no architecture in the test file');
    return { f, a };
  };

  it('rejects a VMX-root layer on a CPU without VT-x', () => {
    const { f, a } = file();
    a.cpu = { mode: 'bt', switchable: false, note: 'Pentium III', sources: [] };
    const errors = buildLibrary([f], ['a.json']).errors.filter((e) => e.message.includes('VMX root'));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toMatch(/^architectures\[0\]\.layers\[\d+\]\.context$/);
  });

  it('accepts it when the product could switch to VT-x (ESX 3.x)', () => {
    const { f, a } = file();
    a.cpu = { mode: 'bt', switchable: true, note: 'BT or VT per guest', sources: [] };
    expect(buildLibrary([f], ['a.json']).errors).toEqual([]);
  });

  it('allows a deprivileged level only for a guest kernel under binary translation', () => {
    const { f, a } = file();
    const guestK = a.layers.find((l) => l.context.domain === 'guest');
    if (!guestK) throw new Error('no guest layer');
    guestK.context.ring = 'deprivileged';
    expect(buildLibrary([f], ['a.json']).errors.map((e) => e.message)).toContain(
      'only a guest kernel under binary translation (cpu.mode "bt") runs "deprivileged"',
    );
  });

  it('checks the source keys of the CPU note', () => {
    const { f, a } = file();
    a.cpu.sources = ['ZZ9'];
    expect(buildLibrary([f], ['a.json']).errors).toContainEqual({
      file: 'a.json',
      path: 'architectures[0].cpu.sources[0]',
      message: 'unknown source key "ZZ9"',
    });
  });
});
