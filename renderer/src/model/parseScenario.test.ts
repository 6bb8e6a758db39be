import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from './migrations';
import { formatContentError, formatPath, parseScenarioFile } from './parseScenario';
import { testFile } from './testLibrary';

describe('parseScenarioFile', () => {
  it('accepts a valid file and fills defaults', () => {
    const json = JSON.parse(JSON.stringify(testFile()));
    delete json.paths[0].hops[0].sources;
    delete json.architectures[0].components[0].dependsOn;
    const r = parseScenarioFile({ $schema: './schema/scenario.schema.json', ...json }, 'ok.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.file.paths?.[0]?.hops[0]?.sources).toEqual([]);
    expect(r.file.architectures?.[0]?.components[0]?.dependsOn).toEqual([]);
    expect('$schema' in r.file).toBe(false);
  });

  it.each([
    [[1, 2], 'must be a JSON object, but this is an array'],
    [null, 'this is null'],
    ['text', 'this is a string'],
  ])('rejects non-object JSON %j', (json, message) => {
    const r = parseScenarioFile(json, 'bad.json');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors[0]).toMatchObject({ file: 'bad.json', path: '', message: expect.stringContaining(message) });
  });

  it('says what to add when schemaVersion is missing', () => {
    const { schemaVersion: _v, ...rest } = testFile();
    const r = parseScenarioFile(rest, 'old.json');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors[0]?.message).toBe('"schemaVersion" is missing; add "schemaVersion": 2 at the top of the file');
  });

  it('rejects a newer or malformed schemaVersion', () => {
    const newer = parseScenarioFile({ ...testFile(), schemaVersion: 7 }, 'new.json');
    expect(!newer.ok && newer.errors[0]?.message).toContain('newer than this app understands (2)');
    const bad = parseScenarioFile({ ...testFile(), schemaVersion: '1' }, 'x.json');
    expect(!bad.ok && bad.errors[0]?.message).toContain('must be a whole number');
  });

  it('reports a structural error with its JSON path', () => {
    const json = JSON.parse(JSON.stringify(testFile()));
    json.paths[1].hops[3].mechanism = 'teleport';
    json.paths[0].hops[2].extra = true;
    const r = parseScenarioFile(json, 'paths.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['paths[1].hops[3].mechanism', 'paths[0].hops[2]']),
    );
    expect(r.errors.find((e) => e.path === 'paths[0].hops[2]')?.message).toBe('unknown field: extra');
    expect(formatContentError(r.errors[0]!)).toMatch(/^paths\.json: paths\[\d\]\.hops\[\d\]/);
  });

  it('checks parameter ranges and estimate marks', () => {
    const json = JSON.parse(JSON.stringify(testFile()));
    json.parameters[0].value = -5;
    json.parameters[1].min = 10;
    json.parameters[1].max = 5;
    json.parameters[2].source = null;
    const r = parseScenarioFile(json, 'p.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byPath = Object.fromEntries(r.errors.map((e) => [e.path, e.message]));
    expect(byPath['parameters[0].value']).toBeDefined();
    expect(byPath['parameters[1].min']).toBe('min 10 is above max 5');
    expect(byPath['parameters[2].mark']).toBe('a parameter without a source must be marked "estimate"');
  });
});

describe('migrations', () => {
  it('migrates a version-1 file: the hand-written tcb flag goes (the fault rule decides it)', () => {
    const current = testFile();
    const v1 = JSON.parse(JSON.stringify(current));
    v1.schemaVersion = 1;
    for (const c of v1.architectures[0].components) c.tcb = true;
    const r = parseScenarioFile(v1, 'v1.json');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.file).toEqual(current);
  });

  it('a version-1 file without the facts of version 2 gets an error for each, with its place', () => {
    const v1 = JSON.parse(JSON.stringify(testFile()));
    v1.schemaVersion = 1;
    delete v1.architectures[0].release;
    delete v1.parameters[0].era;
    const r = parseScenarioFile(v1, 'old.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.errors.map((e) => e.path);
    expect(paths).toContain('architectures[0].release');
    expect(paths).toContain('parameters[0].era');
  });

  it('migrates a version-0 file (via/costs/arch) to the current version', () => {
    const current = testFile();
    const v0 = JSON.parse(JSON.stringify(current));
    v0.schemaVersion = 0;
    for (const p of v0.paths) {
      p.arch = p.architecture;
      delete p.architecture;
      for (const h of p.hops) {
        h.via = h.mechanism;
        h.costs = h.params;
        delete h.mechanism;
        delete h.params;
      }
    }
    const r = parseScenarioFile(v0, 'v0.json');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.file).toEqual(current);
  });

  it('runs the steps of a registry in order and stops at a gap', () => {
    const steps = {
      0: (f: Record<string, unknown>) => ({ ...f, a: 1, schemaVersion: 1 }),
      1: (f: Record<string, unknown>) => ({ ...f, b: 2, schemaVersion: 2 }),
    };
    expect(migrate({ schemaVersion: 0 }, steps, 2)).toEqual({
      ok: true,
      file: { schemaVersion: 2, a: 1, b: 2 },
      from: 0,
    });
    expect(migrate({ schemaVersion: 0 }, { 1: steps[1] }, 2)).toEqual({
      ok: false,
      message: 'no migration from schemaVersion 0 to 1',
    });
    expect(Object.keys(MIGRATIONS)).toEqual(['0', '1']);
  });

  it('leaves malformed v0 content for the schema to report', () => {
    const r = migrate({ schemaVersion: 0, paths: ['x', { hops: 'no' }] });
    expect(r).toEqual({ ok: true, file: { schemaVersion: 2, paths: ['x', { hops: 'no' }] }, from: 0 });
  });
});

describe('formatPath', () => {
  it('formats zod paths as JSON-pointer-like strings', () => {
    expect(formatPath(['paths', 2, 'hops', 3, 'to'])).toBe('paths[2].hops[3].to');
    expect(formatPath([])).toBe('');
    expect(formatPath([0, 'a'])).toBe('[0].a');
  });
});
