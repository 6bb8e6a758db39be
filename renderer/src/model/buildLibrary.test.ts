import { describe, expect, it } from 'vitest';
import { buildLibrary } from './buildLibrary';
import { errorLines, testFile } from './testLibrary';
import type { ScenarioFile } from './types';

const clone = (): ScenarioFile => structuredClone(testFile());
const errorsOf = (f: ScenarioFile, ...more: ScenarioFile[]) => buildLibrary([f, ...more], ['a.json', 'b.json']).errors;
/** The file's errors include this one, in a.json at `path`. */
const expectError = (f: ScenarioFile, path: string, message: string): void =>
  expect(errorsOf(f)).toContainEqual({ file: 'a.json', path, message });

describe('buildLibrary', () => {
  it('merges a clean file without errors', () => {
    const { library, errors } = buildLibrary([clone()]);
    expect(errors).toEqual([]);
    expect([...library.paths.keys()]).toEqual(['syn', 'emu']);
    expect(library.parameters.get('exit')?.value).toBe(2000);
  });

  it('names an unknown component in a hop', () => {
    const f = clone();
    f.paths![0]!.hops[3]!.to = 'nowhere';
    expectError(f, 'paths[0].hops[3].to', 'hop 3 "s4": unknown component "nowhere" in "arch"');
  });

  it('rejects a wrong mechanism across the guest/hypervisor boundary', () => {
    const f = clone();
    f.paths![0]!.hops[2]!.mechanism = 'call';
    const e = errorsOf(f).find((x) => x.path === 'paths[0].hops[2].mechanism');
    expect(e?.message).toContain('hop 2 "s3": "call" cannot go from vsc');
    expect(e?.message).toContain('allowed: trap, vmexit, hypercall');
  });

  it('reports duplicate ids with the first place they were defined', () => {
    const dup = clone();
    dup.id = 'other';
    dup.sources = [];
    dup.parameters = [dup.parameters![0]!];
    dup.paths = [];
    const errors = errorsOf(clone(), dup);
    expect(errors).toContainEqual({
      file: 'b.json',
      path: 'parameters[0]',
      message: 'duplicate parameter "work" (first defined in a.json at parameters[0])',
    });
    expect(errors).toContainEqual(expect.objectContaining({ file: 'b.json', path: 'architectures[0]' }));
    expect(errorsOf(clone(), clone())).toContainEqual(
      expect.objectContaining({ path: 'id', message: expect.stringContaining('duplicate scenario file id "test"') }),
    );
  });

  it('checks source keys, parameters and repeat units', () => {
    const f = clone();
    f.paths![0]!.hops[0]!.sources = ['Z9'];
    f.paths![0]!.hops[0]!.params = ['missing', 'accesses'];
    f.paths![1]!.hops[0]!.repeat = 'work';
    f.paths![1]!.hops[1]!.repeat = 'gone';
    f.parameters![0]!.source = 'Q1';
    f.parameters![1]!.basedOn = ['Q2'];
    f.parameters![2]!.withoutHardwareAssist = 'nope';
    f.parameters![3]!.measuredAtGHz = 1;
    const messages = errorLines(errorsOf(f));
    expect(messages).toEqual(
      expect.arrayContaining([
        'paths[0].hops[0].sources[0]: unknown source key "Z9"',
        'paths[0].hops[0].params[0]: hop 0 "s1": unknown parameter "missing"',
        'paths[0].hops[0].params[1]: hop 0 "s1": parameter "accesses" is in count, a hop cost must be cycles or us',
        'paths[1].hops[0].repeat: hop 0 "e1": repeat parameter "work" must be a count, not cycles',
        'paths[1].hops[1].repeat: hop 1 "e2": unknown parameter "gone"',
        'parameters[0].source: unknown source key "Q1"',
        'parameters[1].basedOn[0]: unknown source key "Q2"',
        'parameters[2].withoutHardwareAssist: unknown parameter "nope"',
        'parameters[3].measuredAtGHz: measuredAtGHz only applies to a value in us, not cycles',
      ]),
    );
  });

  it('checks a replacement cost unit', () => {
    const f = clone();
    f.parameters![2]!.withoutHardwareAssist = 'accesses';
    expect(errorsOf(f).map((e) => e.message)).toContain(
      '"accesses" is in count; a replacement cost must be in cycles or us',
    );
  });

  it('checks the structure of an architecture', () => {
    const f = clone();
    const a = f.architectures![0]!;
    a.columns.push({ ...a.columns[0]!, vm: true });
    a.layers.push({ id: 'hw', name: 'again', context: { ring: 'ring0', domain: 'hardware' }, column: 'ghost' });
    a.components.push({ ...a.components[0]!, layer: 'nolayer', dependsOn: ['dev', 'zzz'] });
    a.components[1]!.dependsOn = ['hv'];
    a.sources = ['Y1'];
    const messages = errorLines(errorsOf(f));
    expect(messages).toEqual(
      expect.arrayContaining([
        'architectures[0].sources[0]: unknown source key "Y1"',
        'architectures[0].columns[3].id: duplicate column "host"',
        'architectures[0].columns[3].role: column "host" is a VM, so its role must be "guest"',
        'architectures[0].layers[7].id: duplicate layer "hw"',
        'architectures[0].layers[7].column: unknown column "ghost" in "arch"; did you mean "host"?',
        'architectures[0].layers[7].context: ring "ring0" and domain "hardware" do not fit together',
        'architectures[0].components[10].id: duplicate component "dev"',
        'architectures[0].components[10].layer: unknown layer "nolayer" in "arch"',
        'architectures[0].components[10].dependsOn[0]: "dev" cannot depend on itself',
        'architectures[0].components[10].dependsOn[1]: unknown component "zzz" in "arch"',
        'architectures[0].components[1].dependsOn[0]: "hv" cannot depend on itself',
      ]),
    );
  });

  it('reports a path on an unknown architecture', () => {
    const f = clone();
    f.paths![0]!.architecture = 'mystery';
    expectError(f, 'paths[0].architecture', 'unknown architecture "mystery"');
  });

  it('uses the file id when no name is given', () => {
    const f = clone();
    f.paths![0]!.hops[0]!.from = 'x';
    expect(buildLibrary([f]).errors[0]?.file).toBe('test.json');
  });
});
