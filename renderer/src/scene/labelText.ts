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

/**
 * A component's name or a column's title made narrower for a crowded view, as lines, or null when it cannot be: one
 * line without what its kind glyph already says or a reader can do without (a parenthesis "VMBus (root)", a file
 * extension "vmswitch.sys", a trailing "driver" or "hypervisor", which the ⚙ and ▲ glyphs say, a subtitle after a colon
 * "VM 1: Gen1, emulated"); or, when none of that applies, the whole name broken onto two lines ("VMBus / client").
 * Read before resorting to the bare glyph (or, for a column title, to hiding it).
 */
export function shortLabel(lines: readonly string[]): string[] | null {
  const full = lines.join(' ').trim();
  const short = full
    .replace(/\s*\([^)]*\)/g, '')
    .replace(/:\s.*$/, '')
    .replace(/\.(sys|exe|dll|ko)\b/gi, '')
    .replace(/\s+(driver|hypervisor)$/i, '')
    .trim();
  if (short.length > 0 && short.length < full.length) return [short];
  const broken = lines.length === 1 ? wrapLabel(full, 0) : [];
  return broken.length === 2 ? broken : null;
}
