import { describe, expect, it } from 'vitest';
import { hop, testArchitecture, testPaths } from './testLibrary';
import { allowedMechanisms, validatePath } from './validatePath';
import type { IoPath } from './types';

const arch = testArchitecture();
const allowed = (from: string, to: string, a = arch) => allowedMechanisms(a, from, to).allowed;
const pathOf = (...hops: IoPath['hops']): IoPath => ({ ...testPaths()[0]!, hops });

describe('boundary rules', () => {
  it.each([
    ['vsc', 'hv', ['trap', 'vmexit', 'hypercall', 'ring-write']],
    ['hv', 'g1k', ['interrupt', 'call', 'ring-write']],
    ['vsc', 'vsp', ['ring-write', 'copy']],
    ['vsp', 'vsc', ['ring-write', 'copy']],
    ['hostk', 'hv', ['hypercall']],
    ['worker', 'hv', ['syscall']],
    ['hv', 'hostk', ['interrupt', 'signal']],
    ['hv', 'worker', ['call', 'signal']],
    ['worker', 'hostk', ['syscall']],
    ['hostk', 'worker', ['call', 'signal']],
    ['app', 'g1k', ['syscall']],
    ['drv', 'dev', ['call', 'signal', 'dma']],
    ['dev', 'drv', ['interrupt', 'dma']],
    ['vsp', 'drv', ['call', 'ring-write', 'copy', 'signal']],
    ['vsc', 'dev', []],
    ['worker', 'dev', []],
    ['g1k', 'g2k', []],
  ])('%s -> %s allows %j', (from, to, mechanisms) => {
    expect(allowed(from, to)).toEqual(mechanisms);
  });

  it('allows world switches only in a hosted architecture, between host kernel and VMM', () => {
    const hosted = testArchitecture('type2');
    expect(allowed('hostk', 'hv', hosted)).toEqual(['world-switch']);
    expect(allowed('hv', 'hostk', hosted)).toEqual(['world-switch']);
    expect(allowed('worker', 'hv', hosted)).toEqual([]);
    expect(allowed('hostk', 'hv')).not.toContain('world-switch');
  });
});

describe('validatePath', () => {
  it('accepts the test paths', () => {
    for (const p of testPaths()) expect(validatePath(arch, p)).toEqual([]);
  });

  it('names the hop of a violation', () => {
    const errors = validatePath(arch, pathOf(hop('ok', 'g1k', 'vsc', 'call'), hop('bad', 'vsc', 'hv', 'call')));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'syn', path: 'hops[1].mechanism' });
    expect(errors[0]?.message).toMatch(
      /^hop 1 "bad": "call" cannot go from vsc \[guest kernel, ring 0\] to hv \[hypervisor, ring -1 \(VMX root\)\]/,
    );
  });

  it('reports unknown components, self hops, duplicate ids and impossible hops', () => {
    const errors = validatePath(
      arch,
      pathOf(hop('x', 'ghost', 'vsc', 'call'), hop('x', 'vsc', 'vsc', 'call'), hop('y', 'vsc', 'dev', 'dma')),
    );
    expect(errors.map((e) => e.path)).toEqual(['hops[0].from', 'hops[1].id', 'hops[1].to', 'hops[2].mechanism']);
    expect(errors[2]?.message).toContain('a hop must go to another component');
    expect(errors[3]?.message).toContain('no mechanism can make this hop');
  });

  it('reports a path of another architecture and a component on an unknown layer', () => {
    const broken = testArchitecture();
    broken.components.find((c) => c.id === 'vsc')!.layer = 'gone';
    const errors = validatePath(broken, { ...pathOf(hop('a', 'g1k', 'vsc', 'call')), architecture: 'other' });
    expect(errors[0]).toMatchObject({ path: 'architecture' });
    expect(errors[1]?.message).toContain('unknown layer "gone"');
  });
});

describe('a device function assigned to a VM (SR-IOV virtual function)', () => {
  const withVf = () => {
    const a = testArchitecture();
    a.components.push({ ...a.components[0]!, id: 'vf', name: 'vf', assignedTo: 'g1' });
    return a;
  };

  it("is driven directly by that VM's kernel, and reaches it by DMA or a posted interrupt", () => {
    const a = withVf();
    expect(allowed('vsc', 'vf', a)).toEqual(['call', 'signal', 'dma']);
    expect(allowed('vf', 'g1k', a)).toEqual(['interrupt', 'dma']);
    const path = pathOf(
      hop('d1', 'vsc', 'vf', 'signal'),
      hop('d2', 'vf', 'vsc', 'dma'),
      hop('d3', 'vf', 'hv', 'interrupt'),
    );
    expect(validatePath(a, path)).toEqual([]);
  });

  it('stays out of reach of other VMs, of guest user space, and of every guest when it is not assigned', () => {
    const a = withVf();
    expect(allowed('g2k', 'vf', a)).toEqual([]);
    expect(allowed('app', 'vf', a)).toEqual([]);
    expect(allowed('vf', 'g2k', a)).toEqual([]);
    expect(allowed('vsc', 'dev', a)).toEqual([]);
    const errors = validatePath(a, pathOf(hop('d1', 'g2k', 'vf', 'signal')));
    expect(errors.map((e) => [e.path, e.message])).toEqual([
      [
        'hops[0].mechanism',
        'hop 0 "d1": "signal" cannot go from g2k [guest kernel, ring 0] to vf [hardware]: only a kernel or the hypervisor drives real hardware; a guest must trap first; no mechanism can make this hop',
      ],
    ]);
  });
});
