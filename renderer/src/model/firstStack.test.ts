import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInFiles, loadBuiltInLibrary } from './builtin';
import { loadFirstStack } from './firstStack';

const SCENARIOS = join(__dirname, '../../../assets/scenarios');
const read = (name: string): unknown => JSON.parse(readFileSync(join(SCENARIOS, name), 'utf8'));
const KEY = '../../../assets/scenarios/';

describe('the first stack (what the first 3D frame needs)', () => {
  it('is the default architecture of the built-in content, from its own file', async () => {
    const first = await loadFirstStack(...builtIn());
    const library = loadBuiltInLibrary();
    expect(first?.architecture.id).toBe(library.defaults?.architecture);
    expect([...(first?.parsed.keys() ?? [])]).toEqual([
      'core/defaults.json',
      `architectures/${library.defaults?.architecture}.json`,
    ]);
  });

  it('hands its parsed files to the library, which takes them as they are (content is parsed once)', async () => {
    const first = await loadFirstStack(...builtIn());
    const parsed = first!.parsed;
    const files = builtInFiles(undefined, parsed);
    for (const [name, file] of parsed) expect(files.files[files.names.indexOf(name)]).toBe(file);
    // The library built from them holds the very architecture object the first frame drew.
    const library = loadBuiltInLibrary({ ...rawAll() }, parsed);
    expect(library.architectures.get(first!.architecture.id)).toBe(first!.architecture);
  });

  it('is null when it cannot be known without the rest of the content, and then nothing is half loaded', async () => {
    const defaults = { [`${KEY}core/defaults.json`]: read('core/defaults.json') };
    const arch = (json: unknown) => ({ [`${KEY}architectures/hyperv-2008.json`]: () => Promise.resolve(json) });
    const good = read('architectures/hyperv-2008.json');
    expect(await loadFirstStack({}, arch(good))).toBeNull();
    expect(await loadFirstStack(defaults, {})).toBeNull();
    expect(await loadFirstStack(defaults, arch({ schemaVersion: 2 }))).toBeNull();
    expect(await loadFirstStack(defaults, arch({ ...(good as object), architectures: [] }))).toBeNull();
    expect((await loadFirstStack(defaults, arch(good)))?.architecture.id).toBe('hyperv-2008');
  });
});

/** The built-in defaults and architecture files, as scripts/firstStack.ts hands them to loadFirstStack. */
function builtIn(): [Record<string, unknown>, Record<string, () => Promise<unknown>>] {
  const names = builtInFiles().names;
  const architectures = names.filter((n) => n.startsWith('architectures/'));
  return [
    { 'core/defaults.json': read('core/defaults.json') },
    Object.fromEntries(architectures.map((n) => [n, () => Promise.resolve(read(n))])),
  ];
}

/** Every built-in file, raw, keyed as Vite's glob keys them. */
function rawAll(): Record<string, unknown> {
  const names = builtInFiles().names;
  return Object.fromEntries(names.map((n) => [`${KEY}${n}`, read(n)]));
}
