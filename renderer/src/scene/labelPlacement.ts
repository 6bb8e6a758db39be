/**
 * Screen-space label placement, pure (no DOM): given each label's box at its anchor, decide where it goes so that no
 * two visible labels overlap. Highest rank first; a movable label that collides is nudged up or down by up to about
 * 1.6 label heights (it stays beside its block); with `slide` (a split view's pane, where labels are often wider than
 * their blocks) it may also slide sideways by up to 0.6 of its width, the smallest move first; failing that, a label
 * with a short name tries that, then one with a compact form (its kind glyph); only when nothing is free is it hidden.
 * With `slide`, a movable label with no place nearby first gets a last chance further away for its name (the scene
 * draws a leader back to its block), before its glyph. With `bounds` (a pane), a label that sticks out at its anchor is
 * first moved inside, and no move takes a label out of them.
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
  /**
   * With `slide`, a label that may not move may still slide this way along what it names (a layer name along its
   * slab's front face, right of its anchor at the slab's left end).
   */
  along?: 'right';
  /** Its box with its short name (labelText.shortLabel), when it has one (centred where the full label is). */
  short?: Rect;
  /** Its box when shrunk to the kind glyph, when it has one (centred where the full label is). */
  compact?: Rect;
}

export interface Placement {
  /** Vertical offset in CSS px. */
  dy: number;
  /** Horizontal offset in CSS px (only present when not 0: labels move sideways only with `slide` or `bounds`). */
  dx?: number;
  /** Shown with its short name. */
  short: boolean;
  compact: boolean;
  hidden: boolean;
}

export interface PlaceOptions {
  /** Where the labels are drawn (a pane): labels are brought inside, and no move takes one out. */
  bounds?: Rect;
  /** Also try sliding movable labels sideways (SLIDES). */
  slide?: boolean;
}

/** Nudges tried, in label heights: stay, then a little up or down, then further. */
export const NUDGES = [0, -0.55, 0.55, -1.05, 1.05, -1.6, 1.6] as const;
/** Sideways slides (with `slide`), in label widths, combined with every nudge; the smallest move is tried first. */
export const SLIDES = [-0.3, 0.3, -0.6, 0.6] as const;
/**
 * With `slide`, a label that found no place nearby for its short name, or even as a glyph, gets a last chance once
 * every other label is placed (so it takes no place another label could have had): its short name, else its glyph,
 * may go a little further (a leader joins it to its block), by these nudges and slides (in box heights and widths).
 */
export const GLYPH_NUDGES = [-2.2, 2.2, -2.8, 2.8, -3.6, 3.6, -4.6, 4.6] as const;
export const GLYPH_SLIDES = [-1, 1, -1.6, 1.6] as const;

/** A move as [slide in label widths, nudge in label heights]. */
type Move = readonly [number, number];
/** Smallest displacement first; a slide of 0.3 widths costs about as much as a nudge of half a height. */
const byCost = (a: Move, b: Move): number =>
  Math.abs(a[1]) + 1.6 * Math.abs(a[0]) - (Math.abs(b[1]) + 1.6 * Math.abs(b[0]));
const grid = (slides: readonly number[], nudges: readonly number[]): Move[] =>
  slides.flatMap((s) => nudges.map((k): Move => [s, k]));
const VERTICAL: readonly Move[] = NUDGES.map((k): Move => [0, k]);
const STAY: readonly Move[] = [[0, 0]];
/** A layer name's slides along its slab (with `slide`), in label widths. */
export const ALONG = [0, 0.6, 1.2, 1.8] as const;
const ALONG_RIGHT: readonly Move[] = ALONG.map((s): Move => [s, 0]);
/** With `slide`: every nudge and slide, smallest displacement first. */
const SLIDING: readonly Move[] = grid([0, ...SLIDES], NUDGES).sort(byCost);
/** A glyph's last chance: the further moves only. */
const FURTHER: readonly Move[] = grid([0, ...SLIDES, ...GLYPH_SLIDES], [...NUDGES, ...GLYPH_NUDGES])
  .filter(([s, k]) => Math.abs(s) > 0.6 || Math.abs(k) > 1.6)
  .sort(byCost);

export function overlaps(a: Rect, b: Rect, pad = 1): boolean {
  return a.left < b.right - pad && a.right > b.left + pad && a.top < b.bottom - pad && a.bottom > b.top + pad;
}

export const shift = (r: Rect, dy: number, dx = 0): Rect => ({
  left: r.left + dx,
  right: r.right + dx,
  top: r.top + dy,
  bottom: r.bottom + dy,
});

export function inside(r: Rect, b: Rect, pad = 0.5): boolean {
  return r.left >= b.left - pad && r.right <= b.right + pad && r.top >= b.top - pad && r.bottom <= b.bottom + pad;
}

/** The whole-pixel offset that brings a rectangle inside bounds (toward the top-left when it is larger than them). */
export function clampInto(r: Rect, b: Rect): [number, number] {
  const along = (lo: number, hi: number, min: number, max: number): number =>
    lo < min ? Math.ceil(min - lo) : hi > max ? Math.max(Math.ceil(min - lo), Math.floor(max - hi)) : 0;
  return [along(r.left, r.right, b.left, b.right), along(r.top, r.bottom, b.top, b.bottom)];
}

/** Places the labels; the result is in the same order as the input. */
export function placeLabels(boxes: readonly LabelBox[], options: PlaceOptions = {}): Placement[] {
  const { bounds, slide = false } = options;
  const order = boxes.map((_, i) => i).sort((a, b) => (boxes[b]?.rank ?? 0) - (boxes[a]?.rank ?? 0));
  const kept: Rect[] = [];
  const out: Placement[] = boxes.map(() => ({ dy: 0, short: false, compact: false, hidden: true }));
  const fit = (r: Rect, movable: boolean, glyph = false, along?: 'right'): [number, number] | undefined => {
    const h = r.bottom - r.top;
    const w = r.right - r.left;
    const fixed = slide && along === 'right' ? ALONG_RIGHT : STAY;
    const moves = !movable ? fixed : glyph ? FURTHER : slide ? SLIDING : VERTICAL;
    // A label that sticks out of the bounds at its anchor is first brought inside (when it fits at all).
    const [cx, cy] = bounds ? clampInto(r, bounds) : [0, 0];
    const base = shift(r, cy, cx);
    const keepIn = bounds && inside(base, bounds) ? bounds : null;
    for (const [s, k] of moves) {
      // Whole pixels: the label is moved by a rounded offset, so the check uses exactly that offset.
      const dx = Math.round(s * w);
      const dy = Math.round(k * h);
      const moved = shift(base, dy, dx);
      if ((!keepIn || inside(moved, keepIn)) && !kept.some((o) => overlaps(moved, o))) return [cx + dx, cy + dy];
    }
    return undefined;
  };
  type Form = 'full' | 'short' | 'compact';
  const place = (i: number, rect: Rect, form: Form, at: [number, number]): void => {
    const [dx, dy] = at;
    kept.push(shift(rect, dy, dx));
    const p = { dy, short: form === 'short', compact: form === 'compact', hidden: false };
    out[i] = dx === 0 ? p : { ...p, dx };
  };
  // Labels waiting for a last chance: it comes once every label with a glyph form (the components) has been placed,
  // before the lower-ranked labels without one (column titles, bands, layer names) take the room.
  let lastChance: number[] = [];
  const lastChances = (): void => {
    for (const i of lastChance) {
      const box = boxes[i];
      if (!box) continue;
      // Its name (the short one when it has one) further away, else its glyph nearby, else further away.
      const [name, form]: [Rect, Form] = box.short ? [box.short, 'short'] : [box.rect, 'full'];
      const atName = fit(name, true, true);
      const { compact } = box;
      const at = !atName && compact && (fit(compact, true) ?? fit(compact, true, true));
      if (atName) place(i, name, form, atName);
      else if (compact && at) place(i, compact, 'compact', at);
    }
    lastChance = [];
  };
  for (const i of order) {
    const box = boxes[i];
    if (!box) continue;
    const waiting = boxes[lastChance.at(-1) ?? -1];
    if (waiting && !box.compact && box.rank < waiting.rank) lastChances();
    const at = fit(box.rect, box.movable, false, box.along);
    const atShort = !at && box.short && fit(box.short, box.movable);
    if (at) place(i, box.rect, 'full', at);
    else if (box.short && atShort) place(i, box.short, 'short', atShort);
    // With `slide`, a name a little further away (a leader joins it to its block) reads better than a bare glyph.
    else if (slide && box.movable && box.compact) lastChance.push(i);
    else if (box.compact) {
      const c = fit(box.compact, box.movable);
      if (c) place(i, box.compact, 'compact', c);
    }
  }
  lastChances();
  return out;
}
