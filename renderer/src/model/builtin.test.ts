import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { builtInFiles, loadBuiltInLibrary } from './builtin';
import { computeCost } from './cost';
import { parseScenarioFile } from './parseScenario';
import { JSON_SCHEMA_FILE, scenarioJsonSchema, scenarioJsonSchemaText } from './schemaJson';
import { validatePath } from './validatePath';

const ROOT = join(__dirname, '../../..');
const SCENARIOS = join(ROOT, 'assets/scenarios');

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'schema' ? [] : jsonFiles(full);
    return name.endsWith('.json') ? [full] : [];
  });
}

describe('built-in content', () => {
  const lib = loadBuiltInLibrary();

  it('validates every file under assets/scenarios/ through the schema', () => {
    const files = jsonFiles(SCENARIOS);
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const file of files) {
      const r = parseScenarioFile(JSON.parse(readFileSync(file, 'utf8')), relative(SCENARIOS, file));
      expect(r.ok ? [] : r.errors).toEqual([]);
    }
    expect(builtInFiles().names).toEqual(files.map((f) => relative(SCENARIOS, f)).sort());
  });

  it("every file also validates against the generated JSON Schema (what authors' editors use)", () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
    const validate = ajv.compile(scenarioJsonSchema());
    for (const file of jsonFiles(SCENARIOS)) {
      const ok = validate(JSON.parse(readFileSync(file, 'utf8')));
      expect(ok ? [] : validate.errors).toEqual([]);
    }
    expect(validate({ schemaVersion: 1, id: 'x', title: 'x', paths: [{ id: 'p' }] })).toBe(false);
  });

  it('the committed JSON Schema is what the generator produces (run `npm run schema`)', () => {
    expect(readFileSync(join(ROOT, JSON_SCHEMA_FILE), 'utf8')).toBe(scenarioJsonSchemaText());
  });

  it('has the required architectures and paths, all valid', () => {
    expect([...lib.architectures.keys()].sort()).toEqual([
      'esx-3-classic',
      'esx-4',
      'esxi',
      'hyperv-2008',
      'hyperv-2012r2',
      'kvm',
      'type2-hosted',
      'xen',
    ]);
    const letters = [...lib.paths.values()].map((p) => p.letter).filter(Boolean);
    expect(new Set(letters)).toEqual(new Set(['A', 'B', 'C', 'D', 'E']));
    expect(lib.paths.size).toBeGreaterThanOrEqual(12);
    for (const p of lib.paths.values()) expect(validatePath(lib.architectures.get(p.architecture)!, p)).toEqual([]);
  });

  it('keeps architectures readable: 10-24 components, short labels, host columns first', () => {
    for (const a of lib.architectures.values()) {
      expect(a.components.length).toBeGreaterThanOrEqual(10);
      expect(a.components.length).toBeLessThanOrEqual(24);
      for (const c of a.components) expect(c.name.length).toBeLessThanOrEqual(18);
      const roles = a.columns.map((c) => c.role);
      expect(roles.indexOf('guest')).toBeGreaterThan(roles.lastIndexOf('host'));
    }
  });

  it('cites every reference of hypervisors.md, and every estimate says how it was made', () => {
    // Every reference key of hypervisors.md (H1-H18, E1-E17, T1, X1-X4, K1-K7, P1-P9, C1-C7, F1-F3), plus E18
    // (VMware's open-source vmxnet driver in open-vm-tools, for the enhanced vmxnet path) and F4 (Robin & Irvine,
    // named in hypervisors.md section 6, for the x86 foundation).
    expect(lib.sources.size).toBe(18 + 17 + 1 + 4 + 7 + 9 + 7 + 3 + 1 + 1);
    for (const p of lib.parameters.values()) {
      if (p.source === null) expect(p.mark).toBe('estimate');
      expect(p.note.length).toBeGreaterThan(10);
      expect(p.era.year).toBeGreaterThanOrEqual(2000);
    }
    const byKey = (k: string) => lib.parameters.get(k);
    expect(byKey('exit-direct')).toMatchObject({ value: 2000, unit: 'cycles', source: 'P1', mark: 'confirmed' });
    expect(lib.figures.get('k6-hypercall-kvm-x86')).toMatchObject({ value: 1300, source: 'K6', mark: 'unverified' });
    expect(lib.figures.get('p9-whp-exit-user')).toMatchObject({ value: 67778, unit: 'per-second', source: 'P9' });
  });

  it('every parameter is spent by a path, an option or an alternative; published figures live apart', () => {
    const used = new Set<string>();
    for (const p of lib.paths.values()) {
      for (const h of p.hops) {
        h.params.forEach((id) => used.add(id));
        if (h.repeat) used.add(h.repeat);
      }
      for (const o of p.options) Object.values(o.replaceParams).forEach((id) => used.add(id));
    }
    for (const p of lib.parameters.values()) {
      if (p.withHardwareAssist) used.add(p.withHardwareAssist);
      if (p.withoutHardwareAssist) used.add(p.withoutHardwareAssist);
    }
    expect([...lib.parameters.keys()].filter((id) => !used.has(id))).toEqual([]);
    // A rate or a percentage is a figure, not a cost parameter; counts are counts of something per request.
    for (const p of lib.parameters.values()) expect(['cycles', 'us', 'count']).toContain(p.unit);
  });

  it('a derived number is an estimate, never a secondary source; a range is stored as a range', () => {
    expect(lib.parameters.get('bt-io-callout')).toMatchObject({ source: null, mark: 'estimate', basedOn: ['P4'] });
    expect(lib.figures.get('e12-pvscsi-saving')).toMatchObject({ range: [10, 30] });
  });

  it('Hyper-V comes first-class: hardware, hypervisor, root kernel and user space, a Gen1 and an enlightened child', () => {
    const h = lib.architectures.get('hyperv-2008')!;
    const ids = h.components.map((c) => c.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'hypervisor',
        'vmbus-root',
        'storvsp',
        'vmswitch',
        'vid',
        'vmms',
        'vmwp1',
        'vm1-ata',
        'vm1-nic',
        'storvsc',
        'netvsc',
        'enlightenments',
      ]),
    );
    expect(h.columns.map((c) => c.id)).toEqual(['root', 'vm1', 'vm2']);
  });

  it('every built-in path has a finite cost, and the emulated paths cost more than their synthetic pairs', () => {
    for (const p of lib.paths.values()) {
      const c = computeCost(lib, p);
      expect(Number.isFinite(c.cpuMicrosecondsPerRequest)).toBe(true);
      expect(c.perHop.length).toBeLessThanOrEqual(p.hops.length);
      expect(c.perHop.length).toBe(p.hops.filter((h) => h.onlyWith === undefined).length);
    }
    const us = (id: string) => computeCost(lib, lib.paths.get(id)!).cpuMicrosecondsPerRequest;
    expect(us('hyperv-emulated-ide-write')).toBeGreaterThan(4 * us('hyperv-synthetic-disk-write'));
    expect(us('esx4-lsi-logic-write')).toBeGreaterThan(us('esx-pvscsi-write'));
    expect(us('esx-e1000-transmit')).toBeGreaterThan(us('esx-vmxnet2-transmit'));
    expect(us('kvm-virtio-qemu')).toBeGreaterThan(us('kvm-virtio-vhost'));
  });
});

describe('loadBuiltInLibrary with bad content', () => {
  it('throws one clear message listing each problem with its file and place', () => {
    const good = JSON.parse(readFileSync(join(SCENARIOS, 'core/sources.json'), 'utf8'));
    const raw = {
      '../../../assets/scenarios/a.json': { title: 'no version' },
      '../../../assets/scenarios/b.json': {
        ...good,
        id: 'b',
        sources: [{ key: 'bad key', title: 't', group: 'VMware' }],
      },
      '../../../assets/scenarios/c.json': { schemaVersion: 2, id: 'c', title: 'c', paths: [] },
      '../../../assets/scenarios/d.json': good,
      '../../../assets/scenarios/e.json': { ...good, id: 'e', sources: [good.sources[0]] },
    };
    expect(() => loadBuiltInLibrary(raw)).toThrow(/Built-in scenario content is invalid \(3 errors\)/);
    try {
      loadBuiltInLibrary(raw);
    } catch (e) {
      const message = (e as Error).message;
      expect(message).toContain('a.json: "schemaVersion" is missing');
      expect(message).toContain('b.json: sources[0].key: a source key is a letter and a number');
      expect(message).toContain('e.json: sources[0]: duplicate source "H1" (first defined in d.json at sources[0])');
    }
    expect(loadBuiltInLibrary({ 'x/assets/scenarios/ok.json': good }).sources.size).toBe(68);
    expect(builtInFiles({ 'elsewhere.json': good }).names).toEqual(['elsewhere.json']);
  });
});
