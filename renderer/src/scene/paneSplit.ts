/**
 * Pure maths of Compare's split view: the canvas is cut into one pane per stack (left/right side by side, top/bottom
 * stacked), each with its own camera fitted to its stack. The cut is not always at the middle: each pane gets the
 * share that lets the stacks be drawn as large as possible (max-min fair: the smaller of the two scales is as large as
 * it can be), within limits so that the two panes still read as a pair. No three.js, no DOM.
 */
import { DEFAULT_ELEVATION, FIT_MARGIN, type Vec3 } from './cameraFit';
import type { StackLayoutMode } from './sceneTypes';

/** A pane in CSS px from the canvas's top-left corner. */
export interface PaneRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What a stack needs on screen: the width and apparent height of its frame box seen by the default camera. */
export interface FrameNeed {
  width: number;
  height: number;
}

/** Gap between two panes, in CSS px (a divider line is drawn in it). */
export const PANE_GAP = 3;
/** No pane gets less than this share of the split axis. */
export const MIN_PANE_SHARE = 0.36;

/** Width and apparent height of a frame box as the default camera sees it (see cameraFit.defaultPose). */
export function frameNeed(min: Vec3, max: Vec3): FrameNeed {
  const e = (DEFAULT_ELEVATION * Math.PI) / 180;
  return {
    width: Math.max(0, max.x - min.x),
    height: Math.max(0, (max.y - min.y) * Math.cos(e) + (max.z - min.z) * Math.sin(e)),
  };
}

/** Pixels per world unit at which a frame of this need fits a pane (the fit margin included). */
export function paneScale(rect: { width: number; height: number }, need: FrameNeed): number {
  const sw = need.width > 0 ? rect.width / (need.width * FIT_MARGIN) : Infinity;
  const sh = need.height > 0 ? rect.height / (need.height * FIT_MARGIN) : Infinity;
  const s = Math.min(sw, sh);
  return Number.isFinite(s) ? s : 0;
}

/**
 * Lengths along the split axis (summing to `length`) for frames that need `along` units along it and `across` units
 * across it, with `cross` px across. Water filling: every pane gets the same scale, except a pane that the cross axis
 * already limits, which gets only what it can use; then each share is kept within [minShare, 1 - ...].
 */
export function splitLengths(
  length: number,
  cross: number,
  along: readonly number[],
  across: readonly number[],
  minShare = MIN_PANE_SHARE,
): number[] {
  const n = along.length;
  if (n === 0) return [];
  if (n === 1) return [length];
  const a = along.map((v) => (Number.isFinite(v) ? Math.max(v, 1e-6) : 1e-6));
  const cap = across.map((c) => (Number.isFinite(c) && c > 0 ? cross / c : Infinity));
  const out = new Array<number>(n).fill(0);
  let active = a.map((_, i) => i);
  let left = length;
  for (;;) {
    const sum = active.reduce((s, i) => s + (a[i] ?? 0), 0);
    const s = left / sum;
    const capped = active.filter((i) => (cap[i] ?? Infinity) < s);
    if (capped.length === 0 || capped.length === active.length) {
      if (capped.length === active.length && capped.length > 0) {
        // Every pane is limited across: give each what it can use, and share what is left by need.
        const used = active.reduce((t, i) => t + (a[i] ?? 0) * (cap[i] ?? 0), 0);
        for (const i of active) out[i] = (a[i] ?? 0) * (cap[i] ?? 0) + ((left - used) * (a[i] ?? 0)) / sum;
      } else for (const i of active) out[i] = (a[i] ?? 0) * s;
      break;
    }
    for (const i of capped) {
      out[i] = (a[i] ?? 0) * (cap[i] ?? 0);
      left -= out[i] ?? 0;
    }
    active = active.filter((i) => !capped.includes(i));
  }
  return clampShares(out, length, Math.min(minShare, 1 / n));
}

/** Raises every share below `minShare` to it and takes the difference from the others, in proportion. */
function clampShares(lengths: number[], total: number, minShare: number): number[] {
  const min = total * minShare;
  const low = lengths.map((l) => l < min);
  if (!low.some(Boolean)) return lengths;
  const fixed = low.filter(Boolean).length * min;
  const restSum = lengths.reduce((s, l, i) => (low[i] ? s : s + l), 0);
  return lengths.map((l, i) => (low[i] ? min : restSum > 0 ? (l * (total - fixed)) / restSum : 0));
}

/**
 * The panes for `needs.length` stacks: one pane for none or one stack; otherwise one per stack, left to right
 * (side by side) or top to bottom (stacked), with PANE_GAP px between them. Whole CSS pixels.
 */
export function splitPanes(
  width: number,
  height: number,
  needs: readonly FrameNeed[],
  mode: StackLayoutMode,
  gap = PANE_GAP,
): PaneRect[] {
  const n = needs.length;
  if (n <= 1) return [{ x: 0, y: 0, width, height }];
  const horizontal = mode === 'side-by-side';
  const length = (horizontal ? width : height) - gap * (n - 1);
  const cross = horizontal ? height : width;
  const along = needs.map((f) => (horizontal ? f.width : f.height));
  const across = needs.map((f) => (horizontal ? f.height : f.width));
  const lengths = splitLengths(Math.max(n, length), cross, along, across);
  const rects: PaneRect[] = [];
  let pos = 0;
  lengths.forEach((l, i) => {
    const start = Math.round(pos);
    const end = i === n - 1 ? Math.max(start + 1, horizontal ? width : height) : Math.round(pos + l);
    const size = Math.max(1, end - start);
    rects.push(horizontal ? { x: start, y: 0, width: size, height } : { x: 0, y: start, width, height: size });
    pos = end + gap;
  });
  return rects;
}

/** Index of the pane that holds a point (CSS px from the canvas's top-left), or -1 (outside, or in a gap). */
export function paneAt(rects: readonly PaneRect[], x: number, y: number): number {
  return rects.findIndex((r) => x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height);
}

/** Normalized device coordinates (-1..1, y up) of a point inside a pane, for raycasting with the pane's camera. */
export function paneNdc(rect: PaneRect, x: number, y: number): { x: number; y: number } {
  return { x: ((x - rect.x) / rect.width) * 2 - 1, y: -((y - rect.y) / rect.height) * 2 + 1 };
}

/** Where a point at normalized device coordinates of a pane lands on the canvas (CSS px from its top-left). */
export function ndcToCanvas(rect: PaneRect, ndcX: number, ndcY: number): { x: number; y: number } {
  return { x: rect.x + ((ndcX + 1) / 2) * rect.width, y: rect.y + ((1 - ndcY) / 2) * rect.height };
}
