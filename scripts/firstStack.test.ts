import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBuiltInLibrary } from '../renderer/src/model/builtin';
import { parseScenarioFile } from '../renderer/src/model/parseScenario';
import { firstStackData } from './firstStack';

const SCENARIOS = join(import.meta.dirname, '../assets/scenarios');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
/** A copy of the built-in content that a test may break. */
function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rmo-first-stack-'));
  dirs.push(dir);
  cpSync(SCENARIOS, dir, { recursive: true });
  return dir;
}

describe('virtual:first-stack (the first 3D frame, parsed when the renderer is built)', () => {
  it('is the default architecture of the built-in content, parsed by the schema, surviving JSON', async () => {
    const { data, read } = await firstStackData();
    const library = loadBuiltInLibrary();
    const id = library.defaults?.architecture;
    expect(data?.architecture.id).toBe(id);
    // What the module carries (JSON) is what the app's own parse of that file gives.
    const name = `architectures/${id}.json`;
    const reparsed = parseScenarioFile(JSON.parse(readFileSync(join(SCENARIOS, name), 'utf8')), name);
    expect(reparsed.ok && JSON.parse(JSON.stringify(data))).toEqual({
      architecture: library.architectures.get(id!),
      parsed: [
        ['core/defaults.json', expect.objectContaining({ defaults: library.defaults })],
        [name, reparsed.ok ? JSON.parse(JSON.stringify(reparsed.file)) : null],
      ],
    });
    // The dev server rebuilds the module when either file changes.
    expect(read.map((f) => f.slice(SCENARIOS.length + 1))).toEqual(['core/defaults.json', name]);
  });

  it('is null when the default architecture is invalid, so the app starts the ordinary way and reports it', async () => {
    const dir = copy();
    const file = join(dir, 'architectures/hyperv-2008.json');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    json.architectures[0].layers = 'not a list';
    writeFileSync(file, JSON.stringify(json));
    expect((await firstStackData(dir)).data).toBeNull();
  });

  it('is null when the defaults are missing or name no architecture file', async () => {
    const noDefaults = copy();
    rmSync(join(noDefaults, 'core/defaults.json'));
    expect((await firstStackData(noDefaults)).data).toBeNull();
    const unknown = copy();
    const defaults = join(unknown, 'core/defaults.json');
    const json = JSON.parse(readFileSync(defaults, 'utf8'));
    json.defaults.architecture = 'no-such-architecture';
    writeFileSync(defaults, JSON.stringify(json));
    expect((await firstStackData(unknown)).data).toBeNull();
  });
});
