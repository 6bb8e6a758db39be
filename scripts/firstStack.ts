import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { DEFAULTS, loadFirstStack } from '../renderer/src/model/firstStack';
import type { Architecture, ScenarioFile } from '../renderer/src/model/types';

/** The module renderer/src/firstFrame.ts imports for the stack of its first 3D frame. */
export const FIRST_STACK_MODULE = 'virtual:first-stack';
// Vite's convention for virtual modules: a leading \0 keeps other plugins from resolving the id as a file.
const RESOLVED = `\0${FIRST_STACK_MODULE}`;
const SCENARIOS = fileURLToPath(new URL('../assets/scenarios/', import.meta.url));

/** What `virtual:first-stack` exports: the default architecture and the files parsed for it, or null. */
export interface FirstStackData {
  architecture: Architecture;
  /** [name relative to assets/scenarios/, parsed file] */
  parsed: [string, ScenarioFile][];
}

/**
 * The first stack of the built-in content in `dir` (by renderer/src/model/firstStack.ts, through the same schema as
 * every file), or null when the content does not give one (the app then starts the ordinary way and its second phase
 * reports what is wrong). Also returns the files it read, which the dev server watches.
 */
export async function firstStackData(
  dir: string = SCENARIOS,
): Promise<{ data: FirstStackData | null; read: string[] }> {
  const read: string[] = [];
  const json = (name: string): unknown => {
    const file = join(dir, name);
    read.push(file);
    return JSON.parse(readFileSync(file, 'utf8'));
  };
  let defaults: Record<string, unknown> = {};
  try {
    defaults = { [DEFAULTS]: json(DEFAULTS) };
  } catch {
    return { data: null, read };
  }
  let names: string[] = [];
  try {
    names = readdirSync(join(dir, 'architectures')).filter((n) => n.endsWith('.json'));
  } catch {
    names = [];
  }
  const architectures = Object.fromEntries(
    names.map((n) => [`architectures/${n}`, () => Promise.resolve().then(() => json(`architectures/${n}`))]),
  );
  const first = await loadFirstStack(defaults, architectures).catch(() => null);
  return { data: first && { architecture: first.architecture, parsed: [...first.parsed] }, read };
}

/**
 * Builds `virtual:first-stack` when the renderer is built: the default architecture, parsed at build time, in the
 * initial chunk, so the first 3D frame waits for no second request and the initial chunk needs no schema (issue 11).
 * The module is JSON.parse of a string (parsed faster than an object literal of this size).
 */
export function firstStackPlugin(dir: string = SCENARIOS): Plugin {
  return {
    name: 'ring-minus-one-first-stack',
    resolveId: (id) => (id === FIRST_STACK_MODULE ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      const { data, read } = await firstStackData(dir);
      for (const file of read) this.addWatchFile(file);
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`;
    },
  };
}
