import { describe, expect, it } from 'vitest';
import { BLOCK_D, blockWidthFor, CHAR_W, layoutArchitecture } from './layout';
import { layoutProblems } from './layoutChecks';
import { wrapLabel } from './labelText';
import { fixtureHosted, fixtureMicrokernel } from './testFixtures';

describe('layoutArchitecture', () => {
  const arch = fixtureMicrokernel();
  const layout = layoutArchitecture(arch);

  it('places every component without overlap, inside and on its slab, rings ordered', () => {
    expect(layoutProblems(arch, layout)).toEqual([]);
    expect(layout.blocks).toHaveLength(arch.components.length);
  });

  it('puts layers of the same ring in different columns at the same height', () => {
    const y = (id: string): number => layout.slabs.find((s) => s.layerId === id)?.y ?? NaN;
    expect(y('root-k')).toBe(y('g1-k'));
    expect(y('g1-k')).toBe(y('g2-k'));
    expect(y('root-u')).toBe(y('g1-u'));
    expect(y('hw')).toBeLessThan(y('hv'));
    expect(y('hv')).toBeLessThan(y('root-k'));
    expect(y('root-k')).toBeLessThan(y('root-u'));
  });

  it('keeps guest columns separate, host first, shared columns not drawn as columns', () => {
    expect(layout.columns.map((c) => c.columnId)).toEqual(['root', 'g1', 'g2']);
    const [root, g1, g2] = layout.columns;
    expect(root && g1 && g2).toBeTruthy();
    if (!root || !g1 || !g2) return;
    expect(root.x + root.w / 2).toBeLessThan(g1.x - g1.w / 2);
    expect(g1.x + g1.w / 2).toBeLessThan(g2.x - g2.w / 2);
    const colOfBlock = (id: string): string | null => layout.blocks.find((b) => b.componentId === id)?.columnId ?? null;
    expect(colOfBlock('storvsc')).toBe('g1');
    expect(colOfBlock('k2')).toBe('g2');
    expect(colOfBlock('hvk')).toBeNull();
  });

  it('spans the machine with hardware and hypervisor slabs', () => {
    const hw = layout.slabs.find((s) => s.layerId === 'hw');
    const hv = layout.slabs.find((s) => s.layerId === 'hv');
    expect(hw?.w).toBeCloseTo(layout.bounds.max.x - layout.bounds.min.x);
    expect(hv?.columnId).toBeNull();
    expect(layout.hypervisorY).toBeCloseTo((hv?.top ?? NaN) + 0.25);
  });

  it('makes blocks wide enough for their (wrapped) label', () => {
    for (const b of layout.blocks) {
      const longest = Math.max(...b.labelLines.map((l) => l.length));
      expect(b.w).toBeGreaterThanOrEqual(longest * CHAR_W);
      expect(b.labelLines.length).toBeLessThanOrEqual(2);
    }
    expect(blockWidthFor(['x'])).toBeGreaterThan(4);
  });

  it('puts overflowing blocks in raised back rows so their faces stay visible', () => {
    const rootBlocks = layout.blocks.filter((b) => b.layerId === 'root-k');
    const rows = new Set(rootBlocks.map((b) => b.row));
    expect(rows.size).toBeGreaterThan(1);
    const front = rootBlocks.find((b) => b.row === 0);
    const back = rootBlocks.find((b) => b.row === 1);
    expect(back && front && back.z < front.z - BLOCK_D / 2).toBe(true);
    expect(back && front && back.label.y - front.label.y).toBeGreaterThan(2.5);
  });

  it('draws a Type 2 as two worlds side by side on the hardware, not the VMM under the host (T1)', () => {
    const hosted = fixtureHosted();
    const l = layoutArchitecture(hosted);
    expect(layoutProblems(hosted, l)).toEqual([]);
    const s = (id: string) => {
      const slab = l.slabs.find((x) => x.layerId === id);
      if (!slab) throw new Error(`no slab ${id}`);
      return slab;
    };
    const hw = s('hw');
    const hk = s('hk');
    const vmm = s('vmm');
    // The host kernel and the VMM both stand on the hardware band, at the same height, in different columns.
    expect(hk.sublevel).toBe(0);
    expect(vmm.sublevel).toBe(0);
    expect(vmm.y).toBe(hk.y);
    expect(hk.y).toBeGreaterThan(hw.y);
    expect(l.slabs.filter((x) => x.y > hw.y && x.y < hk.y)).toEqual([]);
    expect(hk.x + hk.w / 2).toBeLessThan(vmm.x - vmm.w / 2);
    // The deprivileged guest kernel sits above the VMM, in its own band; VM exits drop to the VMM's layer.
    expect(s('gk').y).toBeGreaterThan(vmm.y);
    expect(l.bands.map((b) => b.ring)).toEqual(['hardware', 'ring0', 'deprivileged', 'ring3']);
    expect(l.hypervisorY).toBeCloseTo(vmm.top + 0.25);
    // No VMX root on a CPU without VT-x.
    for (const b of l.bands) expect(b.text).not.toMatch(/ring -1|VMX/);
  });

  it('stands the devices under the host world, wires them to the host drivers, and gates the world switch', () => {
    const hosted = fixtureHosted();
    const l = layoutArchitecture(hosted);
    const host = l.columns.find((c) => c.columnId === 'host');
    const vm = l.columns.find((c) => c.columnId === 'vm');
    const nic = l.blocks.find((b) => b.componentId === 'hnic');
    if (!host || !vm || !nic) throw new Error('missing layout parts');
    expect(nic.x - nic.w / 2).toBeGreaterThanOrEqual(host.x - host.w / 2);
    expect(nic.x + nic.w / 2).toBeLessThanOrEqual(host.x + host.w / 2);
    expect(l.links.map((k) => [k.kind, k.fromId, k.toId])).toEqual([
      ['device', 'hnic', 'hdrv'],
      ['world-switch', 'vmdrv', 'vmm'],
    ]);
    expect(l.gates).toHaveLength(1);
    const gate = l.gates[0];
    expect(gate?.x).toBeGreaterThan(host.x + host.w / 2);
    expect(gate?.x).toBeLessThan(vm.x - vm.w / 2);
    expect(gate?.lines).toEqual(['⟲ world switch', '(VMDriver)']);
    // A Type 1 has none of this.
    const t1 = layoutArchitecture(arch);
    expect(t1.links).toEqual([]);
    expect(t1.gates).toEqual([]);
  });

  it('is pure: the same architecture gives the same layout', () => {
    expect(layoutArchitecture(arch)).toEqual(layout);
  });
});

describe('wrapLabel', () => {
  it('keeps short names on one line and splits long ones near the middle', () => {
    expect(wrapLabel('VMMS')).toEqual(['VMMS']);
    expect(wrapLabel('Worker process (vmwp.exe)')).toEqual(['Worker process', '(vmwp.exe)']);
    expect(wrapLabel('Root partition (Windows Server 2008)', 22)).toEqual(['Root partition', '(Windows Server 2008)']);
  });
});
