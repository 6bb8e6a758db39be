/**
 * Did-you-mean for unknown ids: the closest known id by edit distance (fastest-levenshtein), suggested only when it
 * is close, so a typo ("storvsp2") gets its fix ("storvsp") and an unrelated name gets no guess.
 */
import { distance } from 'fastest-levenshtein';

/** Two neighbouring characters swapped ("strat" for "start"): one slip, though edit distance counts it as two. */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

/**
 * Close enough to suggest: at most one edit per three characters of the longer id (at least one), or one swapped
 * pair of neighbours. Ids under 3 characters get no suggestion.
 */
function close(a: string, b: string, d: number): boolean {
  const longer = Math.max(a.length, b.length);
  if (longer < 3) return false;
  return d <= Math.max(1, Math.floor(longer / 3)) || swapped(a.toLowerCase(), b.toLowerCase());
}

/** The closest known id to `word` when it is close enough, else undefined. Case is ignored when comparing. */
export function closestId(word: string, known: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    if (candidate === word) continue;
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && close(word, best, bestDistance) ? best : undefined;
}

/** `; did you mean "storvsp"?` to append to an "unknown ..." message, or '' when nothing known is close. */
export function didYouMean(word: string, known: Iterable<string>): string {
  const best = closestId(word, known);
  return best === undefined ? '' : `; did you mean "${best}"?`;
}

/** The ids of an architecture's components (the candidates of an unknown component). */
export function componentIds(arch: { components: readonly { id: string }[] }): string[] {
  return arch.components.map((c) => c.id);
}
