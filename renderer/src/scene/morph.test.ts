import { describe, expect, it } from 'vitest';
import { loadBuiltInLibrary } from '../model';
import { morphKeys } from '../model/morph';
import { layoutArchitecture } from './layout';
import { FADE_IN, FADE_OUT, morphFrame, planMorph, type MorphPlan } from './morph';

const library = loadBuiltInLibrary();
const get = (id: string) => {
  const a = library.architectures.get(id);
  if (!a) throw new Error(`no ${id}`);
  return a;
};
const t2 = get('type2-hosted');
const esx = get('esx-3-classic');
const plan: MorphPlan = planMorph(
  t2,
  layoutArchitecture(t2),
  morphKeys(t2.id),
  esx,
  layoutArchitecture(esx),
  morphKeys(esx.id),
);
const actor = (key: string) => {
  const a = plan.actors.find((x) => x.key === key);
  if (!a) throw new Error(`no actor ${key}`);
  return a;
};
const at = (t: number, key: string) => {
  const f = morphFrame(plan, t).actors.find((x) => x.key === key);
  if (!f) throw new Error(`no frame actor ${key}`);
  return f;
};

describe('planMorph (Type 2 -> ESX 3.x classic)', () => {
  it('pairs what both stacks have by the declared keys, and nothing else', () => {
    expect(actor('slab:host-kernel').from?.id).toBe('host-k');
    expect(actor('slab:host-kernel').to?.id).toBe('cos-k');
    expect(actor('slab:hardware').to?.id).toBe('hw');
    expect(actor('slab:vmm:1').to?.id).toBe('vm1-vmm');
    expect(actor('block:nic-driver').from?.id).toBe('host-nic-drv');
    expect(actor('block:nic-driver').to?.id).toBe('nic-drv');
    expect(actor('block:vm-process:1').to?.id).toBe('vmx1');
    // Only Type 1 has vmkernel; only Type 2 has VMDriver.
    expect(actor('slab:to:vmkernel-l').from).toBeNull();
    expect(actor('block:from:vmdriver').to).toBeNull();
    // Every slab and block of both layouts is in exactly one actor.
    const ids = (side: 'from' | 'to', type: 'slab' | 'block') =>
      plan.actors
        .filter((a) => a.type === type)
        .flatMap((a) => (a[side] ? [a[side].id] : []))
        .sort();
    expect(ids('from', 'slab')).toEqual(t2.layers.map((l) => l.id).sort());
    expect(ids('to', 'block')).toEqual(esx.components.map((c) => c.id).sort());
  });

  it('frames both stacks while it runs', () => {
    const a = layoutArchitecture(t2).frame;
    const b = layoutArchitecture(esx).frame;
    expect(plan.frame.min.x).toBe(Math.min(a.min.x, b.min.x));
    expect(plan.frame.max.y).toBe(Math.max(a.max.y, b.max.y));
  });
});

describe('morphFrame', () => {
  it('is the old layout at 0 and the new one at 1 (and clamps t)', () => {
    for (const a of plan.actors) {
      const f0 = at(0, a.key);
      const f1 = at(1, a.key);
      if (a.from) expect(f0.box).toEqual(a.from.box);
      if (a.to) expect(f1.box).toEqual(a.to.box);
      expect(f0.opacity).toBe(a.from ? 1 : 0);
      expect(f1.opacity).toBe(a.to ? 1 : 0);
      expect(at(-1, a.key)).toEqual(f0);
      expect(at(2, a.key)).toEqual(f1);
    }
  });

  it('lifts the host kernel from the hardware to above vmkernel, steadily', () => {
    const hw = actor('slab:hardware');
    const hostK = actor('slab:host-kernel');
    const vmkernel = actor('slab:to:vmkernel-l');
    // Type 2's host kernel stands where vmkernel stands in Type 1: directly on the hardware.
    expect(hostK.from!.box.y).toBeCloseTo(vmkernel.to!.box.y);
    expect(hostK.to!.box.y).toBeGreaterThan(vmkernel.to!.box.y);
    expect(hostK.from!.box.y).toBeGreaterThan(hw.from!.box.y);
    let last = -Infinity;
    for (let i = 0; i <= 20; i++) {
      const y = at(i / 20, 'slab:host-kernel').box.y;
      expect(y).toBeGreaterThanOrEqual(last);
      last = y;
    }
    const mid = at(0.5, 'slab:host-kernel').box.y;
    expect(mid).toBeGreaterThan(hostK.from!.box.y);
    expect(mid).toBeLessThan(hostK.to!.box.y);
  });

  it('fades out what only the old stack has first and fades in what only the new one has last', () => {
    expect(at(FADE_OUT[1], 'block:from:vmdriver').opacity).toBe(0);
    expect(at(FADE_IN[0], 'slab:to:vmkernel-l').opacity).toBe(0);
    expect(at(1, 'slab:to:vmkernel-l').opacity).toBe(1);
    expect(morphFrame(plan, FADE_OUT[1]).fromDecor).toBe(0);
    expect(morphFrame(plan, FADE_IN[0]).toDecor).toBe(0);
    expect(morphFrame(plan, 0).fromDecor).toBe(1);
    expect(morphFrame(plan, 1).toDecor).toBe(1);
  });

  it('switches the name of a shared thing half-way', () => {
    expect(at(0.49, 'block:host-kernel').shows.lines.join(' ')).toBe('Host OS kernel');
    expect(at(0.51, 'block:host-kernel').shows.lines.join(' ')).toBe('Console Linux');
    expect(at(0.25, 'block:host-kernel').colorMix).toBeLessThan(at(0.75, 'block:host-kernel').colorMix);
  });

  it('runs backwards as well (ESX 3.x -> Type 2)', () => {
    const back = planMorph(
      esx,
      layoutArchitecture(esx),
      morphKeys(esx.id),
      t2,
      layoutArchitecture(t2),
      morphKeys(t2.id),
    );
    const hostK = back.actors.find((a) => a.key === 'slab:host-kernel');
    expect(hostK?.from?.id).toBe('cos-k');
    expect(morphFrame(back, 1).actors.find((a) => a.key === 'slab:host-kernel')?.box).toEqual(hostK?.to?.box);
  });
});
