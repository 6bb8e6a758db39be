/**
 * The hosted (Type 2) stack as built in: it must read "the host OS owns the machine; the VMM is a world beside it"
 * (T1's figure; hypervisors.md §3 path E step 5), and no CPU without VT-x may show a VMX root.
 */
import { describe, expect, it } from 'vitest';
import { loadBuiltInLibrary } from '../model';
import { layoutArchitecture, type StackLayout } from './layout';

const library = loadBuiltInLibrary();
const architectures = [...library.architectures.values()];
const hosted = library.architectures.get('type2-hosted');
if (!hosted) throw new Error('type2-hosted is not built in');

const slab = (l: StackLayout, id: string) => {
  const s = l.slabs.find((x) => x.layerId === id);
  if (!s) throw new Error(`no slab ${id}`);
  return s;
};
const bottom = (s: { y: number; h: number }) => s.y - s.h / 2;

describe.each([1.0, 1.6, 2.4])('type2-hosted laid out for aspect %s', (aspect) => {
  const l = layoutArchitecture(hosted, aspect);
  const hw = slab(l, 'hw');
  const hostK = slab(l, 'host-k');
  const vmm = slab(l, 'vmm-world');

  it('rests the host kernel slab directly on the hardware band, in the host world column', () => {
    expect(hostK.columnId).toBe('host');
    expect(hostK.sublevel).toBe(0);
    const hwBand = l.bands.find((b) => b.ring === 'hardware');
    const ring0 = l.bands.find((b) => b.ring === 'ring0');
    expect(hwBand && ring0).toBeTruthy();
    // The ring 0 band is the first band above the hardware, and the host kernel is at its bottom.
    expect(l.bands.map((b) => b.ring).slice(0, 2)).toEqual(['hardware', 'ring0']);
    expect(bottom(hostK)).toBeCloseTo(ring0?.y0 ?? NaN);
    // Nothing lies between the hardware and the host kernel.
    expect(l.slabs.filter((s) => s.y > hw.y && s.y < hostK.y)).toEqual([]);
  });

  it('lays no slab of the VMM world below the host kernel', () => {
    const vmmWorld = l.slabs.filter((s) => s.columnId === 'vm1');
    expect(vmmWorld.length).toBeGreaterThanOrEqual(3);
    for (const s of vmmWorld) expect(s.y, s.layerId).toBeGreaterThanOrEqual(hostK.y);
  });

  it('puts the VMM world and the host kernel side by side in the ring 0 band (disjoint x ranges)', () => {
    expect(vmm.ring).toBe('ring0');
    expect(hostK.ring).toBe('ring0');
    expect(vmm.y).toBe(hostK.y);
    const [a, b] = hostK.x < vmm.x ? [hostK, vmm] : [vmm, hostK];
    expect(a.x + a.w / 2).toBeLessThan(b.x - b.w / 2);
    // The guest kernel is deprivileged: above the VMM, below user space.
    const guestK = slab(l, 'vm1-k');
    expect(guestK.ring).toBe('deprivileged');
    expect(guestK.y).toBeGreaterThan(vmm.y);
    expect(guestK.y).toBeLessThan(slab(l, 'vm1-u').y);
  });

  it('stands every device under the host world and wires it to a host driver only', () => {
    const host = l.columns.find((c) => c.columnId === 'host');
    if (!host) throw new Error('no host column');
    const devices = l.blocks.filter((b) => b.layerId === 'hw');
    expect(devices.map((d) => d.componentId).sort()).toEqual(['disk', 'nic']);
    for (const d of devices) {
      expect(d.x - d.w / 2).toBeGreaterThanOrEqual(host.x - host.w / 2 - 1e-9);
      expect(d.x + d.w / 2).toBeLessThanOrEqual(host.x + host.w / 2 + 1e-9);
    }
    const wires = l.links.filter((k) => k.kind === 'device');
    expect(wires.map((k) => `${k.fromId}>${k.toId}`).sort()).toEqual(['disk>host-disk-drv', 'nic>host-nic-drv']);
  });

  it('gates the world switch between VMDriver and the VMM world', () => {
    expect(l.links.filter((k) => k.kind === 'world-switch').map((k) => `${k.fromId}>${k.toId}`)).toEqual([
      'vmdriver>vmm',
    ]);
    const [gate] = l.gates;
    expect(l.gates).toHaveLength(1);
    expect(gate?.x).toBeGreaterThan(hostK.x + hostK.w / 2);
    expect(gate?.x).toBeLessThan(vmm.x - vmm.w / 2);
    expect(gate?.y0).toBeCloseTo(hw.top);
  });
});

describe('era-true band labels', () => {
  it.each(architectures.filter((a) => a.cpu.mode === 'bt').map((a) => [a.id, a] as const))(
    '%s (binary translation): no band says ring -1 or VMX root',
    (_id, arch) => {
      for (const b of layoutArchitecture(arch).bands) expect(b.text).not.toMatch(/ring -1|VMX root/);
    },
  );

  it.each(architectures.filter((a) => a.cpu.mode === 'vt').map((a) => [a.id, a] as const))(
    '%s (VT-x): the hypervisor band is ring -1',
    (_id, arch) => {
      const bands = layoutArchitecture(arch).bands;
      expect(bands.find((b) => b.ring === 'ring-1')?.text).toBe('ring -1 — hypervisor');
    },
  );

  it('names the Type 2 bands for what shares them', () => {
    expect(layoutArchitecture(hosted).bands.map((b) => b.text)).toEqual([
      'hardware',
      'ring 0 — host kernel — and VMM world',
      'guest kernel — deprivileged — (BT)',
      'ring 3 — user',
    ]);
  });
});
