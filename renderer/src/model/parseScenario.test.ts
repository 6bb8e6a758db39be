import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from './migrations';
import { MAX_LISTED_ERRORS, MAX_LIST_ITEMS, MAX_SCENARIO_CHARS, MAX_STRING_LENGTH } from './limits';
import {
  formatContentError,
  formatPath,
  parseScenarioFile,
  parseScenarioText,
  type ParseResult,
} from './parseScenario';
import { errorLines, testFile } from './testLibrary';

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

  it('names the choices of an enum and the closest one, and an unknown question kind', () => {
    const json = JSON.parse(JSON.stringify(testFile()));
    json.architectures[0].components[0].mark = 'confirmd';
    json.paths[0].hops[0].mechanism = 'zzz';
    const r = parseScenarioFile(json, 'enum.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toContainEqual({
      file: 'enum.json',
      path: 'architectures[0].components[0].mark',
      message:
        'expected one of "confirmed", "secondary", "unverified", "estimate"; found the text "confirmd"; did you mean "confirmed"?',
    });
    const mechanism = r.errors.find((e) => e.path === 'paths[0].hops[0].mechanism');
    expect(mechanism?.message).toMatch(/^expected one of "[a-z-]+"(, "[a-z-]+")+; found the text "zzz"$/);
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

describe('limits and messages', () => {
  const withParameters = (parameters: unknown[]) => ({ ...testFile(), parameters });
  const elapsed = (run: () => unknown) => {
    const start = performance.now();
    run();
    return performance.now() - start;
  };
  const messages = (r: ParseResult) => (r.ok ? [] : errorLines(r.errors));

  it('refuses a path of 1,000,000 hops quickly, without validating them', () => {
    const json = testFile() as unknown as { paths: { hops: unknown[] }[] };
    const hop = json.paths[0]!.hops[0];
    json.paths[0]!.hops = Array.from({ length: 1_000_000 }, () => hop);
    let r: ParseResult | undefined;
    expect(elapsed(() => (r = parseScenarioFile(json, 'big.json')))).toBeLessThan(1000);
    expect(messages(r!)).toEqual([`paths[0].hops: too many items: 1000000 (at most ${MAX_LIST_ITEMS})`]);
  });

  it('lists at most 50 errors and counts the rest', () => {
    const bad = Array.from({ length: 900 }, (_, i) => ({ id: `p${i}` }));
    const r = parseScenarioFile(withParameters(bad), 'bad.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(MAX_LISTED_ERRORS + 1);
    expect(r.errorCount).toBeGreaterThan(900);
    expect(r.errors.at(-1)?.message).toBe(`… and ${r.errorCount - 50} more errors (${r.errorCount} in all)`);
    // The limits walk counts past what it lists, too.
    const numbers = parseScenarioFile({ ...testFile(), description: 'x', extra: Array(500).fill(1e300) }, 'n.json');
    expect(!numbers.ok && numbers.errorCount).toBe(500);
    expect(!numbers.ok && numbers.errors).toHaveLength(51);
  });

  it('refuses text before parsing it when the file is too large, and long strings when it is not', () => {
    const huge = `{"schemaVersion": 2, "id": "x", "title": "${'a'.repeat(MAX_SCENARIO_CHARS)}"}`;
    expect(messages(parseScenarioText(huge, 'huge.json'))).toEqual([
      ': the file is too large (2.0 MB; a scenario file may have at most 2.0 MB)',
    ]);
    const long = parseScenarioFile({ ...testFile(), title: 'a'.repeat(MAX_STRING_LENGTH + 1) }, 'long.json');
    expect(messages(long)).toEqual([`title: text too long: ${MAX_STRING_LENGTH + 1} characters (at most 10000)`]);
    const cut = parseScenarioText('{"schemaVersion": 2,', 'cut.json');
    expect(messages(cut)).toEqual([': expected a field name in double quotes, found the end of the file']);
    expect(!cut.ok && cut.errors[0]).toMatchObject({ line: 1, column: 21 });
  });

  it('refuses reserved names as ids and as keys', () => {
    const file = testFile();
    const constructorParam = { ...file.parameters![0]!, id: 'constructor' };
    expect(messages(parseScenarioFile(withParameters([constructorParam]), 'r.json'))).toEqual([
      'parameters[0].id: this name is reserved and cannot be an id',
    ]);
    // JSON.parse makes "__proto__" an own key; copied by assignment it would replace a prototype.
    const json = JSON.parse(`{"__proto__": {"polluted": 1}, ${JSON.stringify(testFile()).slice(1)}`);
    expect(messages(parseScenarioFile(json, 'p.json'))).toEqual([
      '__proto__: "__proto__" is a reserved name and cannot be a key',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('numbers must be finite and within bounds', () => {
    const [first] = testFile().parameters!;
    const huge = parseScenarioFile(withParameters([{ ...first, value: 1e308, max: 1e308 }]), 'n.json');
    expect(messages(huge)).toEqual([
      'parameters[0].value: 1e+308 is out of range (at most ±1000000000000)',
      'parameters[0].max: 1e+308 is out of range (at most ±1000000000000)',
    ]);
    const text = JSON.stringify(withParameters([first])).replace(/"value":\d+/, '"value":1e309');
    expect(messages(parseScenarioText(text, 'inf.json'))).toEqual(['parameters[0].value: not a finite number']);
  });

  it('links are http or https only', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'file:///etc/passwd', 'vbscript:x']) {
      const file = { ...testFile(), sources: [{ key: 'S1', title: 'S', group: 'Performance', url }] };
      expect(messages(parseScenarioFile(file, 'u.json')), url).toEqual([
        'sources[0].url: must be an http:// or https:// address',
      ]);
    }
    const ok = {
      ...testFile(),
      sources: [{ key: 'S1', title: 'S', group: 'Performance', url: 'https://a.example/x' }],
    };
    expect(parseScenarioFile(ok, 'u.json').ok).toBe(true);
  });

  it('messages say what is wrong in the author’s terms', () => {
    const { id: _id, ...noId } = testFile().parameters![0]!;
    expect(messages(parseScenarioFile(withParameters([noId]), 'm.json'))).toEqual([
      'parameters[0].id: missing field `id`',
    ]);
    const [first] = testFile().parameters!;
    expect(messages(parseScenarioFile(withParameters([{ ...first, value: 'fast' }]), 'm.json'))).toEqual([
      'parameters[0].value: expected a number, found the text "fast"',
    ]);
    expect(messages(parseScenarioFile({ ...testFile(), title: 7 }, 'm.json'))).toEqual([
      'title: expected text, found the number 7',
    ]);
  });
});
