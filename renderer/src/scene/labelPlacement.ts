/**
 * Screen-space label placement, pure (no DOM): given each label's box at its anchor, decide where it goes so that no
 * two visible labels overlap. Highest rank first; a movable label that collides is nudged up or down by up to about
 * 1.6 label heights (it stays beside its block); failing that, a label with a compact form (its kind glyph) tries that;
 * only when nothing is free is it hidden.
 */
export interface Rect {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface LabelBox {
  /** The label's box at its anchor, without any nudge. */
  rect: Rect;
  rank: number;
  /** Component and mechanism labels may move; titles, bands and layer names keep their place. */
  movable: boolean;
  /** Its box when shrunk to the kind glyph, when it has one (centred where the full label is). */
  compact?: Rect;
}

export interface Placement {
  /** Vertical offset in CSS px. */
  dy: number;
  compact: boolean;
  hidden: boolean;
}

/** Nudges tried, in label heights: stay, then a little up or down, then further. */
export const NUDGES = [0, -0.55, 0.55, -1.05, 1.05, -1.6, 1.6] as const;

export function overlaps(a: Rect, b: Rect, pad = 1): boolean {
  return a.left < b.right - pad && a.right > b.left + pad && a.top < b.bottom - pad && a.bottom > b.top + pad;
}

export const shift = (r: Rect, dy: number): Rect => ({ ...r, top: r.top + dy, bottom: r.bottom + dy });

/** Places the labels; the result is in the same order as the input. */
export function placeLabels(boxes: readonly LabelBox[]): Placement[] {
  const order = boxes.map((_, i) => i).sort((a, b) => (boxes[b]?.rank ?? 0) - (boxes[a]?.rank ?? 0));
  const kept: Rect[] = [];
  const out: Placement[] = boxes.map(() => ({ dy: 0, compact: false, hidden: true }));
  const fit = (r: Rect, movable: boolean): number | undefined => {
    const h = r.bottom - r.top;
    const offsets = movable ? NUDGES.map((k) => k * h) : [0];
    return offsets.find((o) => !kept.some((k) => overlaps(shift(r, o), k)));
  };
  for (const i of order) {
    const box = boxes[i];
    if (!box) continue;
    let rect = box.rect;
    let compact = false;
    let dy = fit(rect, box.movable);
    if (dy === undefined && box.compact) {
      rect = box.compact;
      compact = true;
      dy = fit(rect, box.movable);
    }
    if (dy === undefined) continue;
    kept.push(shift(rect, dy));
    out[i] = { dy, compact, hidden: false };
  }
  return out;
}
