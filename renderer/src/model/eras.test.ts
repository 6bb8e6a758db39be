import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLibrary } from './buildLibrary';
import { builtInFiles, loadBuiltInLibrary } from './builtin';
import type { Architecture } from './types';

/** Issue "Teaching accuracy", point 9: each architecture is a named release and shows only what that release had. */
const lib = loadBuiltInLibrary();
const ARCHITECTURES = join(__dirname, '../../../assets/scenarios/architectures');

function arch(id: string): Architecture {
  const a = lib.architectures.get(id);
  if (!a) throw new Error(`no architecture ${id}`);
  return a;
}

const ids = (a: Architecture) => a.components.map((c) => c.id);

/** Components on the layers of one column. */
function inColumn(a: Architecture, column: string) {
  const layers = new Set(a.layers.filter((l) => l.column === column).map((l) => l.id));
  return a.components.filter((c) => layers.has(c.layer));
}

describe('eras: every architecture is a named release', () => {
  it('every built-in architecture has a release and a year', () => {
    expect(lib.architectures.size).toBeGreaterThanOrEqual(8);
    for (const a of lib.architectures.values()) {
      expect(a.release.trim().length, a.id).toBeGreaterThan(0);
      expect(a.year, a.id).toBeGreaterThanOrEqual(2000);
      expect(a.year, a.id).toBeLessThanOrEqual(2025);
    }
  });

  it('no component arrived after its architecture’s release', () => {
    for (const a of lib.architectures.values())
      for (const c of a.components) if (c.since) expect(c.since.year, `${a.id}/${c.id}`).toBeLessThanOrEqual(a.year);
  });

  it('a vmxnet3 planted in ESX 3.5 is an anachronism error, with its file and place', () => {
    const { files, names } = builtInFiles();
    const i = names.indexOf('architectures/esx-3-classic.json');
    expect(i).toBeGreaterThanOrEqual(0);
    const planted = structuredClone(files);
    const esx35 = planted[i]!.architectures![0]!;
    const vmxnet2 = esx35.components.find((c) => c.id === 'vmxnet2')!;
    esx35.components.push({
      ...vmxnet2,
      id: 'vmxnet3',
      name: 'vmxnet3 driver',
      since: { release: 'ESX 4.0', year: 2009 },
    });
    const { errors } = buildLibrary(planted, names);
    const anachronisms = errors.filter((e) => e.message.startsWith('anachronism'));
    expect(anachronisms).toHaveLength(1);
    expect(anachronisms[0]).toMatchObject({
      file: 'architectures/esx-3-classic.json',
      path: `architectures[0].components[${esx35.components.length - 1}].since`,
    });
    expect(anachronisms[0]!.message).toContain('ESX 4.0 (2009)');
    expect(anachronisms[0]!.message).toContain('ESX 3.5 (2007)');
    // The unplanted content has none.
    expect(buildLibrary(files, names).errors).toEqual([]);
  });
});

describe('eras: VMware', () => {
  it('ESX 3.5 shows what it had: enhanced vmxnet and VMI, no vmxnet3 and no PVSCSI', () => {
    const a = arch('esx-3-classic');
    expect(a).toMatchObject({ release: 'ESX 3.5', year: 2007 });
    expect(ids(a)).not.toContain('vmxnet3');
    expect(ids(a)).not.toContain('pvscsi');
    expect(a.components.map((c) => c.name).join(' ')).not.toMatch(/vmxnet3|PVSCSI/i);
    expect(ids(a)).toEqual(expect.arrayContaining(['vmxnet2', 'vmi', 'vm1-e1000', 'vm1-lsi', 'cos-kernel']));
    const paths = [...lib.paths.values()].filter((p) => p.architecture === 'esx-3-classic').map((p) => p.id);
    expect(paths.sort()).toEqual(['esx-e1000-transmit', 'esx-lsi-logic-write', 'esx-vmxnet2-transmit']);
  });

  it('ESX 4.0 brings vmxnet3 and PVSCSI, with the service console still there', () => {
    const a = arch('esx-4');
    expect(a.year).toBe(2009);
    for (const id of ['vmxnet3', 'pvscsi']) {
      const c = a.components.find((x) => x.id === id);
      expect(c?.since, id).toEqual({ release: 'ESX 4.0', year: 2009 });
    }
    expect(ids(a)).toContain('cos-kernel');
    expect(a.hostKernelCrash?.sources).toContain('E17');
    for (const id of ['esx-vmxnet3-transmit', 'esx-pvscsi-write', 'esx4-lsi-logic-write'])
      expect(lib.paths.get(id)?.architecture, id).toBe('esx-4');
  });

  it('the enhanced vmxnet path rings its doorbell once per cluster, caught by binary translation on ESX 3.5', () => {
    const p = lib.paths.get('esx-vmxnet2-transmit')!;
    const doorbell = p.hops.find((h) => h.id === 'v3')!;
    expect(doorbell).toMatchObject({ mechanism: 'trap', params: ['bt-io-callout'], perBatch: true });
    expect(doorbell.sources).toContain('E18');
  });

  it('ESXi 5.x has no service console and no native-driver component', () => {
    const a = arch('esxi');
    expect(ids(a)).not.toContain('cos-kernel');
    expect(a.components.map((c) => c.name).join(' ')).not.toMatch(/native/i);
  });
});

describe('eras: Hyper-V', () => {
  it('Windows Server 2008 had VHD, not VHDX: its file never says VHDX', () => {
    const text = readFileSync(join(ARCHITECTURES, 'hyperv-2008.json'), 'utf8');
    expect(text).not.toMatch(/VHDX/i);
    expect(text).toMatch(/VHD\b/);
  });

  it('Windows Server 2012 R2 has a generation 2 VM with no IDE or emulated device', () => {
    const a = arch('hyperv-2012r2');
    expect(a.year).toBe(2013);
    const gen2 = a.columns.find((c) => c.vm && /generation 2/i.test(c.name));
    expect(gen2).toBeDefined();
    const components = inColumn(a, gen2!.id);
    expect(components.length).toBeGreaterThan(3);
    for (const c of components) {
      expect(c.name, c.id).not.toMatch(/\bIDE\b|\bATA\b|21140|S3/);
      expect(c.kind, c.id).not.toBe('emulator');
    }
    expect(components.map((c) => c.id)).toContain('storvsc');
    // The Gen1 VM keeps its IDE disk, with the integration-services filter on the path.
    const gen1 = inColumn(a, 'vm1').map((c) => c.id);
    expect(gen1).toEqual(expect.arrayContaining(['vm1-ata', 'vm1-idefilter']));
    const ide = lib.paths.get('hyperv2012r2-ide-accelerated-write')!;
    expect(ide.hops.some((h) => h.to === 'vmwp1' || h.from === 'vmwp1')).toBe(false);
    expect(ide.hops.filter((h) => h.mechanism === 'hypercall' && h.from === 'vm1-vmbus')).toHaveLength(1);
  });
});
