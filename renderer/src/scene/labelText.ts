/** Label text helpers shared by the layout (block widths) and the label views (same line breaks). */

/** Names longer than this wrap to two lines. */
export const WRAP_AT = 16;

/** Splits a name into one or two lines, breaking at the space nearest the middle (never more than two lines). */
export function wrapLabel(text: string, wrapAt = WRAP_AT): string[] {
  const t = text.trim();
  if (t.length <= wrapAt) return [t];
  const mid = t.length / 2;
  let best = -1;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === ' ' && (best < 0 || Math.abs(i - mid) < Math.abs(best - mid))) best = i;
  }
  if (best < 0) {
    // No space: break after a separator near the middle if there is one, else keep one line.
    for (let i = Math.floor(mid); i < t.length - 1; i++) {
      if ('/-_.('.includes(t[i] ?? '')) return [t.slice(0, i + 1), t.slice(i + 1)];
    }
    return [t];
  }
  return [t.slice(0, best), t.slice(best + 1)];
}

/** Longest line, in characters. */
export function longestLine(lines: readonly string[]): number {
  return lines.reduce((m, l) => Math.max(m, l.length), 0);
}
