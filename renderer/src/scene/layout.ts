/**
 * Pure layout of one architecture as a layered stack, in world units (no three.js objects).
 * Privilege is the vertical axis (hardware at the bottom, then ring -1, ring 0, ring 3); layers of one ring share a band;
 * columns (host/parent first, then guests) are laid out left to right; blocks sit on their slab in rows, and back rows are
 * taller (stadium seating) so every block face and label stays visible from the front.
 */
import type { Architecture, Domain, Layer, Ring } from '../model/types';
import { DOMAIN_ORDER, RING_ORDER, bandLabel } from './palette';
import { longestLine, wrapLabel } from './labelText';

/** World units per character of a block label at the design scale (15 px text at ~16 px per unit). */
export const CHAR_W = 0.55;
export const TITLE_CHAR_W = 0.56;
export const BADGE_W = 1.3;
export const BLOCK_PAD = 1.0;
export const MIN_BLOCK_W = 4.2;
export const BLOCK_H = 2.8;
export const BLOCK_D = 1.6;
export const BLOCK_GAP = 0.9;
export const ROW_DEPTH = 2.2;
export const TIER_RISE = 3.1;
export const SLAB_T = 1.1;
export const SLAB_MARGIN = 0.6;
export const EMPTY_LAYER_H = 0.3;
export const SUBLEVEL_GAP = 0.7;
export const BAND_GAP = 1.1;
export const COLUMN_GAP = 1.4;
/** Candidate widths (world units) of a column's row of blocks; the layout picks the one whose frame best fits the view. */
export const COLUMN_ROW_CANDIDATES = [18, 22, 26, 30, 36, 44] as const;
/** More rows than this per layer gets hard to read (back rows hide behind the band above). */
export const MAX_ROWS = 3;
/** Extra gap above a band per back row: seen from above, back rows appear higher than their height. */
export const BACK_ROW_GAP = 0.9;
/** Default aspect (width / height) the layout aims for: a typical viewport. */
export const DEFAULT_TARGET_ASPECT = 1.6;
/** Room kept at the left for band labels and above for column titles, in world units. */
export const BAND_LABEL_ROOM = 9;
export const TITLE_ROOM = 3.2;

export interface Box3Like {
  min: { x: number; y: number; z: number };
  max: { x: number; y: number; z: number };
}

export interface BlockLayout {
  componentId: string;
  layerId: string;
  columnId: string | null;
  /** Centre of the box. */
  x: number;
  y: number;
  z: number;
  w: number;
  h: number;
  d: number;
  row: number;
  labelLines: string[];
  /** Where the label sits: the front face, one block height below the top. */
  label: { x: number; y: number; z: number };
  /** Where hop arcs start and end: at label height, just in front of the slabs (so back-row arcs are not hidden). */
  port: { x: number; y: number; z: number };
}

export interface SlabLayout {
  layerId: string;
  name: string;
  ring: Ring;
  domain: Domain;
  columnId: string | null;
  x: number;
  y: number;
  z: number;
  w: number;
  h: number;
  d: number;
  /** Top face height (blocks stand on it). */
  top: number;
  sublevel: number;
  rows: number;
  /** Layer label anchor: front face, left end. */
  label: { x: number; y: number; z: number };
}

export interface ColumnLayout {
  columnId: string;
  name: string;
  titleLines: string[];
  x: number;
  w: number;
  title: { x: number; y: number; z: number };
}

export interface BandLayout {
  ring: Ring;
  y0: number;
  y1: number;
  text: string;
  label: { x: number; y: number; z: number };
}

export interface StackLayout {
  architectureId: string;
  /** Row width the columns were wrapped at (the candidate chosen for the target aspect). */
  rowWidth: number;
  blocks: BlockLayout[];
  slabs: SlabLayout[];
  columns: ColumnLayout[];
  bands: BandLayout[];
  /** Geometry bounds (slabs and blocks). */
  bounds: Box3Like;
  /** Bounds including room for band labels and column titles (what the camera fits). */
  frame: Box3Like;
  /** Height the arcs of traps, VM exits and hypercalls drop to (just above the hypervisor slab's top face). */
  hypervisorY: number;
  /** Front face z of the slabs. */
  frontZ: number;
}

export function blockWidthFor(lines: readonly string[]): number {
  return Math.max(MIN_BLOCK_W, longestLine(lines) * CHAR_W + BADGE_W + BLOCK_PAD);
}

interface Row {
  ids: string[];
  widths: number[];
  width: number;
}

function packRows(ids: string[], widths: number[], maxRow: number): Row[] {
  const rows: Row[] = [];
  let cur: Row = { ids: [], widths: [], width: 0 };
  ids.forEach((id, i) => {
    const w = widths[i] ?? MIN_BLOCK_W;
    const next = cur.ids.length === 0 ? w : cur.width + BLOCK_GAP + w;
    if (cur.ids.length > 0 && next > maxRow) {
      rows.push(cur);
      cur = { ids: [], widths: [], width: 0 };
    }
    cur.width = cur.ids.length === 0 ? w : cur.width + BLOCK_GAP + w;
    cur.ids.push(id);
    cur.widths.push(w);
  });
  if (cur.ids.length > 0) rows.push(cur);
  return rows;
}

const rowsWidth = (rows: Row[]): number => rows.reduce((m, r) => Math.max(m, r.width), 0);

/**
 * Lays out an architecture. Columns wrap their blocks into rows; among a few row widths it keeps the layout whose
 * frame (width / apparent height) is closest to `targetAspect`, preferring fewer rows on ties.
 */
export function layoutArchitecture(arch: Architecture, targetAspect = DEFAULT_TARGET_ASPECT): StackLayout {
  let best: StackLayout | null = null;
  let bestScore = Infinity;
  for (const maxRow of [...COLUMN_ROW_CANDIDATES].reverse()) {
    const l = layoutWithRowWidth(arch, maxRow);
    const w = l.frame.max.x - l.frame.min.x;
    const h = l.frame.max.y - l.frame.min.y + 0.4 * (l.frame.max.z - l.frame.min.z);
    const tooDeep = Math.max(0, ...l.slabs.map((x) => x.rows)) > MAX_ROWS ? 1 : 0;
    const score = Math.abs(Math.log(w / Math.max(1, h) / targetAspect)) + tooDeep;
    if (score < bestScore - 0.02) {
      best = l;
      bestScore = score;
    }
  }
  return best ?? layoutWithRowWidth(arch, COLUMN_ROW_CANDIDATES[0]);
}

function layoutWithRowWidth(arch: Architecture, columnMaxRow: number): StackLayout {
  const columns = arch.columns.filter((c) => c.role !== 'shared');
  const columnIds = new Set(columns.map((c) => c.id));
  const colOf = (l: Layer): string | null => (l.column !== undefined && columnIds.has(l.column) ? l.column : null);

  // Block label lines and widths per layer, in model order.
  const byLayer = new Map<string, { ids: string[]; widths: number[]; lines: Map<string, string[]> }>();
  for (const l of arch.layers) byLayer.set(l.id, { ids: [], widths: [], lines: new Map() });
  for (const c of arch.components) {
    const entry = byLayer.get(c.layer);
    if (!entry) continue;
    const lines = wrapLabel(c.name);
    entry.ids.push(c.id);
    entry.widths.push(blockWidthFor(lines));
    entry.lines.set(c.id, lines);
  }

  // Column widths: widest row of any of its layers, or its title.
  const colWidth = new Map<string, number>();
  const colTitle = new Map<string, string[]>();
  for (const c of columns) {
    const title = wrapLabel(c.name, 18);
    colTitle.set(c.id, title);
    let w = longestLine(title) * TITLE_CHAR_W + 1;
    for (const l of arch.layers) {
      if (colOf(l) !== c.id) continue;
      const e = byLayer.get(l.id);
      if (!e || e.ids.length === 0) continue;
      const maxRow = Math.max(columnMaxRow, ...e.widths);
      w = Math.max(w, rowsWidth(packRows(e.ids, e.widths, maxRow)) + 2 * SLAB_MARGIN);
    }
    colWidth.set(c.id, Math.max(w, MIN_BLOCK_W + 2 * SLAB_MARGIN));
  }
  let machineW =
    columns.reduce((s, c) => s + (colWidth.get(c.id) ?? 0), 0) + Math.max(0, columns.length - 1) * COLUMN_GAP;
  // Spanning layers may need more width than the columns give.
  const spanRows = new Map<string, Row[]>();
  for (const l of arch.layers) {
    if (colOf(l) !== null) continue;
    const e = byLayer.get(l.id);
    if (!e) continue;
    // Spanning layers wrap at the width the columns already take (or the row width when that is wider).
    const maxRow = Math.max(columnMaxRow * (columns.length > 1 ? 1.5 : 1), machineW - 2 * SLAB_MARGIN, ...e.widths);
    const rows = packRows(e.ids, e.widths, maxRow);
    spanRows.set(l.id, rows);
    machineW = Math.max(machineW, rowsWidth(rows) + 2 * SLAB_MARGIN, MIN_BLOCK_W + 2 * SLAB_MARGIN);
  }
  const columnsW =
    columns.reduce((s, c) => s + (colWidth.get(c.id) ?? 0), 0) + Math.max(0, columns.length - 1) * COLUMN_GAP;
  if (columns.length > 0 && machineW > columnsW) {
    const extra = (machineW - columnsW) / columns.length;
    for (const c of columns) colWidth.set(c.id, (colWidth.get(c.id) ?? 0) + extra);
  }
  const x0 = -machineW / 2;
  const colX = new Map<string, { x0: number; w: number }>();
  let cx = x0;
  for (const c of columns) {
    const w = colWidth.get(c.id) ?? 0;
    colX.set(c.id, { x0: cx, w });
    cx += w + COLUMN_GAP;
  }

  // Rows of every layer.
  const layerRows = new Map<string, Row[]>();
  for (const l of arch.layers) {
    const e = byLayer.get(l.id);
    if (!e) continue;
    const col = colOf(l);
    if (col === null) {
      layerRows.set(l.id, spanRows.get(l.id) ?? []);
    } else {
      const span = colX.get(col)?.w ?? machineW;
      layerRows.set(l.id, packRows(e.ids, e.widths, Math.max(span - 2 * SLAB_MARGIN, ...e.widths)));
    }
  }
  const maxRows = Math.max(1, ...[...layerRows.values()].map((r) => r.length));
  const depth = maxRows * ROW_DEPTH + 2 * SLAB_MARGIN;
  const frontZ = depth / 2;

  // Sublevels within each ring: layers that overlap horizontally (same column, or spanning) stack up.
  const ringIdx = (r: Ring): number => Math.max(0, RING_ORDER.indexOf(r));
  const domIdx = (d: Domain): number => Math.max(0, DOMAIN_ORDER.indexOf(d));
  const ordered = arch.layers
    .map((l, i) => ({ l, i }))
    .sort(
      (a, b) =>
        ringIdx(a.l.context.ring) - ringIdx(b.l.context.ring) ||
        Number(colOf(a.l) !== null) - Number(colOf(b.l) !== null) ||
        domIdx(a.l.context.domain) - domIdx(b.l.context.domain) ||
        a.i - b.i,
    )
    .map((e) => e.l);
  const sub = new Map<string, number>();
  for (const l of ordered) {
    let s = 0;
    for (const p of ordered) {
      if (p === l) break;
      if (p.context.ring !== l.context.ring) continue;
      const overlaps = colOf(p) === null || colOf(l) === null || colOf(p) === colOf(l);
      if (overlaps) s = Math.max(s, (sub.get(p.id) ?? 0) + 1);
    }
    sub.set(l.id, s);
  }
  const contentH = (l: Layer): number => {
    const rows = layerRows.get(l.id)?.length ?? 0;
    return rows === 0 ? EMPTY_LAYER_H : BLOCK_H + (rows - 1) * TIER_RISE;
  };

  const slabs: SlabLayout[] = [];
  const blocks: BlockLayout[] = [];
  const bands: BandLayout[] = [];
  let y = 0;
  for (const ring of RING_ORDER) {
    const inRing = ordered.filter((l) => l.context.ring === ring);
    if (inRing.length === 0) continue;
    const y0 = y;
    const levels = Math.max(...inRing.map((l) => sub.get(l.id) ?? 0)) + 1;
    for (let s = 0; s < levels; s++) {
      const atLevel = inRing.filter((l) => (sub.get(l.id) ?? 0) === s);
      if (atLevel.length === 0) continue;
      const levelH = SLAB_T + Math.max(...atLevel.map(contentH));
      for (const l of atLevel) {
        const col = colOf(l);
        const span = col === null ? { x0, w: machineW } : (colX.get(col) ?? { x0, w: machineW });
        const rows = layerRows.get(l.id) ?? [];
        const top = y + SLAB_T;
        slabs.push({
          layerId: l.id,
          name: l.name,
          ring,
          domain: l.context.domain,
          columnId: col,
          x: span.x0 + span.w / 2,
          y: y + SLAB_T / 2,
          z: 0,
          w: span.w,
          h: SLAB_T,
          d: depth,
          top,
          sublevel: s,
          rows: rows.length,
          label: { x: span.x0 + 0.25, y: y + SLAB_T / 2, z: frontZ + 0.02 },
        });
        const lines = byLayer.get(l.id)?.lines;
        rows.forEach((row, r) => {
          let bx = span.x0 + (span.w - row.width) / 2;
          const h = BLOCK_H + r * TIER_RISE;
          const bz = frontZ - SLAB_MARGIN - BLOCK_D / 2 - r * ROW_DEPTH;
          row.ids.forEach((id, k) => {
            const w = row.widths[k] ?? MIN_BLOCK_W;
            const x = bx + w / 2;
            const labelY = top + h - BLOCK_H / 2;
            blocks.push({
              componentId: id,
              layerId: l.id,
              columnId: col,
              x,
              y: top + h / 2,
              z: bz,
              w,
              h,
              d: BLOCK_D,
              row: r,
              labelLines: lines?.get(id) ?? [id],
              label: { x, y: labelY, z: bz + BLOCK_D / 2 + 0.02 },
              port: { x, y: labelY, z: frontZ + 0.4 },
            });
            bx += w + BLOCK_GAP;
          });
        });
      }
      y += levelH + (s < levels - 1 ? SUBLEVEL_GAP : 0);
    }
    bands.push({ ring, y0, y1: y, text: bandLabel(ring), label: { x: x0 - 0.6, y: (y0 + y) / 2, z: frontZ } });
    const backRows = Math.max(0, ...inRing.map((l) => (layerRows.get(l.id)?.length ?? 1) - 1));
    y += BAND_GAP + backRows * BACK_ROW_GAP;
  }
  const topY = Math.max(y - BAND_GAP, 0);
  const titleY = topY + 1.2;
  const columnLayouts: ColumnLayout[] = columns.map((c) => {
    const span = colX.get(c.id) ?? { x0, w: machineW };
    return {
      columnId: c.id,
      name: c.name,
      titleLines: colTitle.get(c.id) ?? [c.name],
      x: span.x0 + span.w / 2,
      w: span.w,
      title: { x: span.x0 + span.w / 2, y: titleY, z: frontZ },
    };
  });

  const hv =
    slabs.find((s) => s.domain === 'hypervisor' && s.columnId === null) ??
    slabs.find((s) => s.ring === 'ring-1') ??
    slabs.find((s) => s.domain === 'hypervisor') ??
    slabs.find((s) => s.ring === 'hardware');
  const hypervisorY = hv ? hv.top + 0.25 : 0;
  const bounds: Box3Like = {
    min: { x: x0, y: 0, z: -depth / 2 },
    max: { x: x0 + machineW, y: topY, z: depth / 2 },
  };
  const frame: Box3Like = {
    min: { x: x0 - BAND_LABEL_ROOM, y: -0.4, z: -depth / 2 },
    max: { x: x0 + machineW + 0.6, y: topY + (columns.length > 0 ? TITLE_ROOM : 0.6), z: depth / 2 },
  };
  return {
    architectureId: arch.id,
    rowWidth: columnMaxRow,
    blocks,
    slabs,
    columns: columnLayouts,
    bands,
    bounds,
    frame,
    hypervisorY,
    frontZ,
  };
}
