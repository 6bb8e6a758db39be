/**
 * An author's own scenario file (docs/authoring.md): parsed by the same parseScenarioText and built TOGETHER with the
 * built-in files by the same buildLibrary as the built-in content, so it gets exactly the same checks (schema, limits,
 * cross-references, boundary rules of paths, eras, lessons, rich text) and may reference built-in sources, parameters,
 * glossary terms and architectures. Every error is placed in the author's file: its path and, from the file's text,
 * its line and column.
 */
import { buildLibrary } from './buildLibrary';
import { builtInFiles, type BuiltInFiles } from './builtin';
import { jsonLocator } from './jsonText';
import { failure, formatContentError, parseScenarioText } from './parseScenario';
import type { ContentError, Library, ScenarioFile } from './types';

export interface UserScenarioSummary {
  fileName: string;
  /** Ids the file adds. */
  architectures: string[];
  paths: string[];
  lessons: string[];
}

export type UserScenarioResult =
  | { ok: true; library: Library; summary: UserScenarioSummary; warnings: ContentError[] }
  | { ok: false; errors: ContentError[]; errorCount: number };

let defaultBase: BuiltInFiles | undefined;

function summarize(file: ScenarioFile, fileName: string): UserScenarioSummary {
  return {
    fileName,
    architectures: (file.architectures ?? []).map((a) => a.id),
    paths: (file.paths ?? []).map((p) => p.id),
    lessons: (file.lessons ?? []).map((l) => l.id),
  };
}

/**
 * Parses an author's scenario file text and builds it together with the built-in content. Never throws. Errors carry
 * the file, the path ("paths[0].hops[3].to"), the line and column where they can be located, and a plain message; at
 * most MAX_LISTED_ERRORS are listed, then one line with the number left out. `base` defaults to the built-in files.
 */
export function loadUserScenario(text: string, fileName: string, base?: BuiltInFiles): UserScenarioResult {
  try {
    return load(text, fileName, base ?? (defaultBase ??= builtInFiles()));
  } catch (error) {
    // Nothing above should throw on any input (the bad-file corpus and the fuzz test say so); if it ever does, the
    // author still gets a message instead of a crash.
    const message = `the file could not be checked: ${(error as Error).message}`;
    return { ok: false, errors: [{ file: fileName, path: '', message }], errorCount: 1 };
  }
}

function load(text: string, fileName: string, base: BuiltInFiles): UserScenarioResult {
  const parsed = parseScenarioText(text, fileName);
  // The locator parses the text once more into a tree; only a file with errors needs it.
  let locator: ReturnType<typeof jsonLocator> | undefined;
  const locate = (errors: ContentError[]): ContentError[] =>
    errors.map((e) => {
      if (e.line !== undefined || e.file !== fileName || e.path === '') return e;
      const at = (locator ??= jsonLocator(text))(e.path, e.message);
      return at ? { ...e, ...at } : e;
    });
  if (!parsed.ok) return { ...parsed, errors: locate(parsed.errors) };

  const built = buildLibrary([...base.files, parsed.file], [...base.names, fileName]);
  // Every error of the build is the author's: the built-in files build without errors on their own
  // (builtin.test.ts). An error that lands in a built-in file (e.g. a built-in foundation whose id the author's claim
  // takes) is still caused by this file, so it is reported here with the built-in place it conflicts with.
  const all = [...base.errors, ...built.errors].map((e) =>
    e.file === fileName
      ? e
      : { file: fileName, path: '', message: `conflicts with the built-in content: ${formatContentError(e)}` },
  );
  if (all.length > 0) {
    const f = failure(fileName, all);
    return { ...f, errors: locate(f.errors) };
  }
  const summary = summarize(parsed.file, fileName);
  const warnings: ContentError[] = [];
  if (summary.architectures.length + summary.paths.length + summary.lessons.length === 0)
    warnings.push({
      file: fileName,
      path: '',
      message: 'the file adds no architecture, path or lesson, so there is nothing new to show',
    });
  return { ok: true, library: built.library, summary, warnings };
}
