/**
 * The built-in content: every JSON file under assets/scenarios/ (except the generated schema/ folder), bundled by
 * Vite's import.meta.glob (works in Vite and Vitest), parsed through the same schema as instructors' files.
 */
import { buildLibrary } from './buildLibrary';
import { formatContentError, parseScenarioFile } from './parseScenario';
import type { ContentError, Library, ScenarioFile } from './types';

const modules = import.meta.glob(['../../../assets/scenarios/**/*.json', '!../../../assets/scenarios/schema/**'], {
  eager: true,
  import: 'default',
});

/** File name relative to assets/scenarios/, e.g. "architectures/hyperv-2008.json". */
function relativeName(key: string): string {
  const i = key.indexOf('assets/scenarios/');
  return i >= 0 ? key.slice(i + 'assets/scenarios/'.length) : key;
}

export interface BuiltInFiles {
  files: ScenarioFile[];
  names: string[];
  errors: ContentError[];
}

/** Parses every built-in file (sorted by name, so the order is stable). */
export function builtInFiles(raw: Record<string, unknown> = modules): BuiltInFiles {
  const files: ScenarioFile[] = [];
  const names: string[] = [];
  const errors: ContentError[] = [];
  for (const key of Object.keys(raw).sort()) {
    const name = relativeName(key);
    const parsed = parseScenarioFile(raw[key], name);
    if (parsed.ok) {
      files.push(parsed.file);
      names.push(name);
    } else errors.push(...parsed.errors);
  }
  return { files, names, errors };
}

let cached: Library | undefined;

/** The built-in library, cross-checked. Throws with every problem listed if built-in content is invalid. */
export function loadBuiltInLibrary(raw?: Record<string, unknown>): Library {
  if (!raw && cached) return cached;
  const parsed = builtInFiles(raw);
  const { library, errors } = buildLibrary(parsed.files, parsed.names);
  const all = [...parsed.errors, ...errors];
  if (all.length > 0)
    throw new Error(
      `Built-in scenario content is invalid (${all.length} errors):\n${all.map(formatContentError).join('\n')}`,
    );
  if (!raw) cached = library;
  return library;
}
