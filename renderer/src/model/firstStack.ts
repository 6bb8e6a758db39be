/**
 * What the first 3D frame needs of the built-in content, and no more: the defaults and the file of the default
 * architecture, parsed through the same schema as every file. This runs when the renderer is built
 * (scripts/firstStack.ts puts the result into the initial chunk as `virtual:first-stack`), so the first frame needs
 * neither a second request nor the schema. The app draws that stack while the rest of the content and the UI load
 * (renderer/src/firstFrame.ts); `loadBuiltInLibrary` then takes these parsed files as they are (content is parsed
 * once) and cross-checks everything together.
 */
import { parseScenarioFile } from './parseScenario';
import type { Architecture, ScenarioFile } from './types';

export const DEFAULTS = 'core/defaults.json';

/** File name relative to assets/scenarios/, e.g. "architectures/hyperv-2008.json". */
export function relativeName(key: string): string {
  const i = key.indexOf('assets/scenarios/');
  return i >= 0 ? key.slice(i + 'assets/scenarios/'.length) : key;
}

export interface FirstStack {
  architecture: Architecture;
  /** The files parsed on the way, by name relative to assets/scenarios/. */
  parsed: Map<string, ScenarioFile>;
}

/**
 * The default architecture, from `architectures/<id>.json`; null when that cannot be known without the rest of the
 * content (no defaults file, no file of that name, a file that does not parse or lacks the architecture): the app
 * then starts the ordinary way, and `loadBuiltInLibrary` reports any problem in full.
 */
export async function loadFirstStack(
  defaults: Record<string, unknown>,
  architectures: Record<string, () => Promise<unknown>>,
): Promise<FirstStack | null> {
  const parsed = new Map<string, ScenarioFile>();
  const defaultsKey = Object.keys(defaults).find((k) => relativeName(k) === DEFAULTS);
  if (!defaultsKey) return null;
  const d = parseScenarioFile(defaults[defaultsKey], DEFAULTS);
  if (!d.ok || !d.file.defaults) return null;
  parsed.set(DEFAULTS, d.file);
  const id = d.file.defaults.architecture;
  const name = `architectures/${id}.json`;
  const key = Object.keys(architectures).find((k) => relativeName(k) === name);
  if (!key) return null;
  const file = parseScenarioFile(await architectures[key]!(), name);
  if (!file.ok) return null;
  parsed.set(name, file.file);
  const architecture = file.file.architectures?.find((a) => a.id === id);
  return architecture ? { architecture, parsed } : null;
}
