/**
 * Did-you-mean for unknown ids: the closest known id by edit distance (fastest-levenshtein), suggested only when it
 * is close, so a typo ("storvsp2") gets its fix ("storvsp") and an unrelated name gets no guess.
 */
import { distance } from 'fastest-levenshtein';

/**
 * Close enough to suggest: one edit for ids of 3 characters, two (a swapped pair of letters) from 4 characters, and
 * one more per three characters beyond that. Ids under 3 characters get no suggestion.
 */
function close(a: string, b: string, d: number): boolean {
  const longer = Math.max(a.length, b.length);
  if (longer < 3) return false;
  return d <= (longer === 3 ? 1 : Math.max(2, Math.floor(longer / 3)));
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
