import { describe, expect, it } from 'vitest';
import { columnById, columnOf, componentById, contextOf, describeContext, layerById, vmColumns } from './architecture';
import { testArchitecture } from './testLibrary';

const arch = testArchitecture();

describe('architecture lookups', () => {
  it('finds components, layers, columns and contexts', () => {
    expect(componentById(arch, 'vsc')?.layer).toBe('g1k');
    expect(componentById(arch, 'nope')).toBeUndefined();
    expect(layerById(arch, 'hk')?.column).toBe('host');
    expect(columnById(arch, 'g2')?.vm).toBe(true);
    expect(contextOf(arch, 'worker')).toEqual({ ring: 'ring3', domain: 'host' });
    expect(columnOf(arch, 'hv')).toBeUndefined();
    expect(columnOf(arch, 'app')).toBe('g1');
    expect(vmColumns(arch).map((c) => c.id)).toEqual(['g1', 'g2']);
  });

  it('throws for unknown components', () => {
    expect(() => contextOf(arch, 'ghost')).toThrow('architecture "arch" has no component "ghost"');
  });

  it('describes contexts in words', () => {
    expect(describeContext({ ring: 'hardware', domain: 'hardware' })).toBe('hardware');
    expect(describeContext({ ring: 'ring-1', domain: 'hypervisor' })).toBe('hypervisor (ring -1)');
    expect(describeContext({ ring: 'ring3', domain: 'hypervisor' })).toBe('hypervisor user world (ring 3)');
    expect(describeContext({ ring: 'ring0', domain: 'guest' })).toBe('guest kernel (ring 0)');
    expect(describeContext({ ring: 'ring3', domain: 'host' })).toBe('host user space (ring 3)');
  });
});
