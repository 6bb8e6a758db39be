import type { ContentError } from '../../model';

/** Errors of one part of the file (`lessons[0]`, `paths[2]`, or the file as a whole). */
export interface ErrorGroup {
  title: string;
  errors: ContentError[];
}

/**
 * Groups errors by the item they are in (the first step of their path: `lessons[0]`, `architectures[1]`), in the
 * order the items come in the file; errors about the whole file (syntax, limits) come first.
 */
export function groupErrors(errors: readonly ContentError[]): ErrorGroup[] {
  const groups = new Map<string, ContentError[]>();
  for (const e of errors) {
    const title = e.path === '' ? 'The whole file' : (/^[^.[]+(\[\d+\])?/.exec(e.path)?.[0] ?? e.path);
    groups.set(title, [...(groups.get(title) ?? []), e]);
  }
  const line = (g: ContentError[]) => Math.min(...g.map((e) => e.line ?? Number.MAX_SAFE_INTEGER));
  return [...groups]
    .map(([title, list]) => ({ title, errors: list }))
    .sort((a, b) =>
      a.title === 'The whole file' ? -1 : b.title === 'The whole file' ? 1 : line(a.errors) - line(b.errors),
    );
}

/** "line 12, column 5" (or nothing when the place is not known). */
export function placeText(e: ContentError): string {
  return e.line === undefined ? '' : `line ${e.line}, column ${e.column ?? 1}`;
}
