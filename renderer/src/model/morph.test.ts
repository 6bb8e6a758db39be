import { describe, expect, it } from 'vitest';
import { loadBuiltInLibrary } from './builtin';
import { morphActionLabel, morphCaption, morphKeys, morphTarget, TYPE1_PARTNER_ID, TYPE2_ID } from './morph';

const library = loadBuiltInLibrary();
const get = (id: string) => {
  const a = library.architectures.get(id);
  if (!a) throw new Error(`no ${id}`);
  return a;
};

describe('Type 1 <-> Type 2 morph pairs', () => {
  it('sends the Type 2 to ESX 3.x classic and every built-in Type 1 back to the Type 2; KVM (debated) nowhere', () => {
    expect(morphTarget(get(TYPE2_ID), library.architectures)?.id).toBe(TYPE1_PARTNER_ID);
    for (const a of library.architectures.values()) {
      if (a.type === 'type1') expect(morphTarget(a, library.architectures)?.id, a.id).toBe(TYPE2_ID);
    }
    expect(morphTarget(get('kvm'), library.architectures)).toBeUndefined();
    const noPartner = new Map([...library.architectures].filter(([id]) => id !== TYPE1_PARTNER_ID));
    expect(morphTarget(get(TYPE2_ID), noPartner)).toBeUndefined();
  });

  it('declares keys only for layers and components that exist, each key once per architecture', () => {
    for (const a of library.architectures.values()) {
      const keys = morphKeys(a.id);
      if (!keys) continue;
      for (const id of Object.keys(keys.layers))
        expect(
          a.layers.map((l) => l.id),
          `${a.id} ${id}`,
        ).toContain(id);
      for (const id of Object.keys(keys.components))
        expect(
          a.components.map((c) => c.id),
          `${a.id} ${id}`,
        ).toContain(id);
      const values = [...Object.values(keys.layers), ...Object.values(keys.components)];
      expect(new Set(Object.values(keys.layers)).size).toBe(Object.values(keys.layers).length);
      expect(new Set(Object.values(keys.components)).size).toBe(Object.values(keys.components).length);
      expect(values.length).toBeGreaterThan(0);
    }
  });

  it('names the button and says what changed, both ways', () => {
    const t2 = get(TYPE2_ID);
    const esx = get(TYPE1_PARTNER_ID);
    expect(morphActionLabel(esx)).toBe(`Morph to Type 1: ${esx.name}`);
    expect(morphActionLabel(t2)).toBe(`Morph to Type 2: ${t2.name}`);
    const up = morphCaption(t2, esx);
    expect(up).toMatch(/^Type 1: the hypervisor sits directly on the hardware\./);
    expect(up).toContain('privileged VM above it');
    expect(up).toContain('entered by a world switch');
    const down = morphCaption(esx, t2);
    expect(down).toMatch(/^Type 2: the host OS owns the hardware\./);
    expect(down).toContain('In ESX 3.x, vmkernel sat on the hardware');
    expect(morphCaption(get('hyperv-2008'), t2)).toContain('root partition, which still owns the devices');
  });
});
