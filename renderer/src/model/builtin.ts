/**
 * The built-in content: every JSON file under assets/scenarios/ (except the generated schema/ folder), bundled by
 * Vite's import.meta.glob (works in Vite and Vitest), parsed through the same schema as instructors' files. The app
 * imports this module after its first 3D frame (renderer/src/ui/start.ts), so this content is not in the initial JS;
 * the files the first frame needed (firstStack.ts) come in already parsed.
 */
import { buildLibrary } from './buildLibrary';
import { relativeName } from './firstStack';
import { formatContentError, parseScenarioFile } from './parseScenario';
import type { ContentError, Library, ScenarioFile } from './types';

const modules = import.meta.glob(['../../../assets/scenarios/**/*.json', '!../../../assets/scenarios/schema/**'], {
  eager: true,
  import: 'default',
});

export interface BuiltInFiles {
  files: ScenarioFile[];
  names: string[];
  errors: ContentError[];
}

/**
 * Parses every built-in file (sorted by name, so the order is stable); a file found in `parsed` (by name relative to
 * assets/scenarios/) was parsed already and is taken as it is.
 */
export function builtInFiles(
  raw: Record<string, unknown> = modules,
  parsed: ReadonlyMap<string, ScenarioFile> = new Map(),
): BuiltInFiles {
  const files: ScenarioFile[] = [];
  const names: string[] = [];
  const errors: ContentError[] = [];
  for (const key of Object.keys(raw).sort()) {
    const name = relativeName(key);
    const known = parsed.get(name);
    const result = known ? { ok: true as const, file: known } : parseScenarioFile(raw[key], name);
    if (result.ok) {
      files.push(result.file);
      names.push(name);
    } else errors.push(...result.errors);
  }
  return { files, names, errors };
}

/** The library of parsed built-in files, cross-checked. Throws with every problem listed if any is invalid. */
export function checkedLibrary(files: BuiltInFiles): Library {
  const { library, errors } = buildLibrary(files.files, files.names);
  const all = [...files.errors, ...errors];
  if (all.length > 0)
    throw new Error(
      `Built-in scenario content is invalid (${all.length} errors):\n${all.map(formatContentError).join('\n')}`,
    );
  return library;
}

let cached: Library | undefined;

/**
 * The built-in library, cross-checked. Throws with every problem listed if built-in content is invalid. `parsed`:
 * files parsed already (see builtInFiles).
 */
export function loadBuiltInLibrary(raw?: Record<string, unknown>, parsed?: ReadonlyMap<string, ScenarioFile>): Library {
  if (!raw && cached) return cached;
  const library = checkedLibrary(builtInFiles(raw, parsed));
  if (!raw) cached = library;
  return library;
}
