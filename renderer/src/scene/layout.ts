/**
 * Pure layout of one architecture as a layered stack, in world units (no three.js objects).
 * Privilege is the vertical axis (hardware at the bottom, then ring -1, ring 0, ring 3); layers of one ring share a band;
 * columns (host/parent first, then guests) are laid out left to right; blocks sit on their slab in rows, and back rows are
 * taller (stadium seating) so every block face and label stays visible from the front.
 *
 * A hosted (Type 2) architecture adds two things that make "the host OS owns the machine" readable at a glance: the
 * devices stand under the column of the host drivers that own them, with a wire to each driver, and a world-switch gate
 * stands between the host world and the VMM world where VMDriver switches the CPU from one to the other (T1).
 */
import type { Architecture, Component, Domain, Layer, Ring } from '../model/types';
import { DOMAIN_ORDER, RING_ORDER, bandLabel } from './palette';
import { longestLine, wrapLabel } from './labelText';
import { DEFAULT_ELEVATION, type Vec3 } from './cameraFit';

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
/**
 * A stack in a pane of its own (Compare's split view) may use narrower rows, and more of them: a pane is half the
 * canvas, so the layout that is drawn largest wins, as long as no layer needs more than SPLIT_MAX_ROWS rows.
 */
export const SPLIT_ROW_CANDIDATES = [10, 14, ...COLUMN_ROW_CANDIDATES] as const;
export const SPLIT_MAX_ROWS = 7;
/** Extra gap above a band per back row: seen from above, back rows appear higher than their height. */
export const BACK_ROW_GAP = 0.9;
/** Default aspect (width / height) the layout aims for: a typical viewport. */
export const DEFAULT_TARGET_ASPECT = 1.6;
/** Room kept at the left for band labels and above for column titles, in world units. */
export const BAND_LABEL_ROOM = 9;
export const TITLE_ROOM = 3.2;

/** A box by its corners (the shape of three's Box3). */
export type Box3Like = Record<'min' | 'max', Vec3>;

/** A box by its centre and its size (width x, height y, depth z). */
export interface Box {
  x: number;
  y: number;
  z: number;
  w: number;
  h: number;
  d: number;
}

export interface BlockLayout extends Box {
  componentId: string;
  layerId: string;
  columnId: string | null;
  row: number;
  labelLines: string[];
  /** Where the label sits: the front face, one block height below the top. */
  label: Vec3;
  /** Where hop arcs start and end: at label height, just in front of the slabs (so back-row arcs are not hidden). */
  port: Vec3;
}

export interface SlabLayout extends Box {
  layerId: string;
  name: string;
  ring: Ring;
  domain: Domain;
  columnId: string | null;
  /** Top face height (blocks stand on it). */
  top: number;
  sublevel: number;
  rows: number;
  /** Layer label anchor: front face, left end. */
  label: Vec3;
}

export interface ColumnLayout {
  columnId: string;
  name: string;
  titleLines: string[];
  x: number;
  w: number;
  title: Vec3;
}

export interface BandLayout {
  ring: Ring;
  y0: number;
  y1: number;
  text: string;
  label: Vec3;
}

/** A straight wire between two points: a device to the driver that owns it, or VMDriver to the VMM across the gate. */
export interface LinkLayout {
  id: string;
  kind: 'device' | 'world-switch';
  fromId: string;
  toId: string;
  from: Vec3;
  to: Vec3;
}

/** The world-switch gate between a host column and a VMM world column (Type 2): a thin wall and its label. */
export interface GateLayout {
  id: string;
  /** The host kernel component that switches worlds (VMDriver) and the VMM it switches to. */
  fromId: string;
  toId: string;
  x: number;
  y0: number;
  y1: number;
  w: number;
  d: number;
  lines: string[];
  label: Vec3;
  /** Label anchor within its box (CSS2D `center`): [0, 0.5] left-middle, [1, 1] bottom-right. */
  anchor: [number, number];
}

export interface StackLayout {
  architectureId: string;
  /** Row width the columns were wrapped at (the candidate chosen for the target aspect). */
  rowWidth: number;
  blocks: BlockLayout[];
  slabs: SlabLayout[];
  columns: ColumnLayout[];
  bands: BandLayout[];
  /** Type 2 only: wires from devices to their host drivers, and from VMDriver to the VMM. */
  links: LinkLayout[];
  gates: GateLayout[];
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

/** What a layout is fitted to: the aspect (width / height) of its view, and whether that view is a split-view pane. */
export interface LayoutTarget {
  aspect: number;
  /** The stack has a pane of its own (Compare): choose the layout drawn largest in it (see SPLIT_ROW_CANDIDATES). */
  split?: boolean;
}

/** Apparent height of a frame seen from the default camera's elevation (as cameraFit.defaultPose computes it). */
const ELEVATION_COS = Math.cos((DEFAULT_ELEVATION * Math.PI) / 180);
const ELEVATION_SIN = Math.sin((DEFAULT_ELEVATION * Math.PI) / 180);

/**
 * Lays out an architecture. Columns wrap their blocks into rows; among a few row widths it keeps the layout whose
 * frame (width / apparent height) is closest to the target aspect, preferring fewer rows on ties. In a split-view pane
 * it keeps the one drawn largest in a view of that aspect (the pane is small: size matters more than shape).
 */
export function layoutArchitecture(
  arch: Architecture,
  target: number | LayoutTarget = DEFAULT_TARGET_ASPECT,
): StackLayout {
  const { aspect: targetAspect, split = false } = typeof target === 'number' ? { aspect: target } : target;
  if (split) return largestLayout(arch, targetAspect);
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

/** Among SPLIT_ROW_CANDIDATES, the layout drawn largest in a view of this aspect (height 1), fewer rows on ties. */
function largestLayout(arch: Architecture, aspect: number): StackLayout {
  let best: StackLayout | null = null;
  let bestScale = 0;
  for (const maxRow of [...SPLIT_ROW_CANDIDATES].reverse()) {
    const l = layoutWithRowWidth(arch, maxRow);
    if (Math.max(0, ...l.slabs.map((x) => x.rows)) > SPLIT_MAX_ROWS) continue;
    const w = l.frame.max.x - l.frame.min.x;
    const h = (l.frame.max.y - l.frame.min.y) * ELEVATION_COS + (l.frame.max.z - l.frame.min.z) * ELEVATION_SIN;
    const scale = Math.min(aspect / Math.max(1, w), 1 / Math.max(1, h));
    // Only a clearly larger drawing is worth more rows (candidates come widest first).
    if (scale > bestScale * 1.03) {
      best = l;
      bestScale = scale;
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

  // Type 2: the devices stand under the column whose drivers own them (the host world), not under the VMM world.
  const spanOf = (l: Layer): { x0: number; w: number } => {
    const col = colOf(l);
    if (col !== null) return colX.get(col) ?? { x0, w: machineW };
    const owner = arch.type === 'type2' && l.context.ring === 'hardware' ? ownerColumn(arch, l, colOf) : null;
    const span = owner !== null ? colX.get(owner) : undefined;
    const e = byLayer.get(l.id);
    const need = e ? rowsWidth(packRows(e.ids, e.widths, Infinity)) + 2 * SLAB_MARGIN : 0;
    return span && span.w >= need ? span : { x0, w: machineW };
  };

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
        const slabSpan = col === null ? { x0, w: machineW } : (colX.get(col) ?? { x0, w: machineW });
        const span = spanOf(l);
        const rows = layerRows.get(l.id) ?? [];
        const top = y + SLAB_T;
        slabs.push({
          layerId: l.id,
          name: l.name,
          ring,
          domain: l.context.domain,
          columnId: col,
          x: slabSpan.x0 + slabSpan.w / 2,
          y: y + SLAB_T / 2,
          z: 0,
          w: slabSpan.w,
          h: SLAB_T,
          d: depth,
          top,
          sublevel: s,
          rows: rows.length,
          label: { x: slabSpan.x0 + 0.25, y: y + SLAB_T / 2, z: frontZ + 0.02 },
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
    bands.push({ ring, y0, y1: y, text: bandLabel(ring, arch), label: { x: x0 - 0.6, y: (y0 + y) / 2, z: frontZ } });
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
  const { links, gates } =
    arch.type === 'type2' ? hostedDecor(arch, blocks, slabs, columnLayouts, frontZ, depth) : NO_DECOR;
  return {
    architectureId: arch.id,
    rowWidth: columnMaxRow,
    blocks,
    slabs,
    columns: columnLayouts,
    bands,
    links,
    gates,
    bounds,
    frame,
    hypervisorY,
    frontZ,
  };
}

const NO_DECOR: { links: LinkLayout[]; gates: GateLayout[] } = { links: [], gates: [] };

/** The one column whose components depend on the devices of a spanning layer, or null (none, or several). */
function ownerColumn(arch: Architecture, layer: Layer, colOf: (l: Layer) => string | null): string | null {
  const here = new Set(arch.components.filter((c) => c.layer === layer.id).map((c) => c.id));
  const owners = new Set<string | null>();
  for (const c of arch.components) {
    if (!c.dependsOn.some((d) => here.has(d))) continue;
    const l = arch.layers.find((x) => x.id === c.layer);
    owners.add(l ? colOf(l) : null);
  }
  const [only] = [...owners];
  return owners.size === 1 && only !== undefined ? only : null;
}

/**
 * Where the gate's label goes: beside the gate in the VMM world's column, in the free room above the VMM's blocks when
 * the host kernel's rows make the ring 0 band taller than the VMM needs; otherwise just above the ring 0 band, its
 * bottom-right corner a little right of the gate (over the host column, which has no deprivileged level).
 */
export const GATE_LABEL_RISE = 0.3;
export const GATE_LABEL_SHIFT = 0.5;
export const GATE_LABEL_ROOM = 2.6;
export const GATE_W = 0.35;

/**
 * Type 2 decorations, from the model's dependencies: each device is wired to the host kernel drivers that depend on
 * it; each VMM (hypervisor domain, not user space) that depends on a host kernel component (VMDriver) gets a gate in
 * the gap between their columns and a wire from that component to the VMM.
 */
function hostedDecor(
  arch: Architecture,
  blocks: BlockLayout[],
  slabs: SlabLayout[],
  columns: ColumnLayout[],
  frontZ: number,
  depth: number,
): { links: LinkLayout[]; gates: GateLayout[] } {
  const layerOf = new Map(arch.layers.map((l) => [l.id, l]));
  const ctx = (c: Component) => layerOf.get(c.layer)?.context;
  const block = new Map(blocks.map((b) => [b.componentId, b]));
  const byId = new Map(arch.components.map((c) => [c.id, c]));
  const links: LinkLayout[] = [];
  const gates: GateLayout[] = [];
  for (const c of arch.components) {
    const cc = ctx(c);
    if (!cc) continue;
    for (const d of c.dependsOn) {
      const dep = byId.get(d);
      const dc = dep ? ctx(dep) : undefined;
      const a = block.get(d);
      const b = block.get(c.id);
      if (!dep || !dc || !a || !b) continue;
      if (dc.ring === 'hardware' && cc.domain === 'host' && cc.ring === 'ring0') {
        links.push({ id: `device:${d}>${c.id}`, kind: 'device', fromId: d, toId: c.id, from: a.port, to: b.port });
      }
      if (cc.domain === 'hypervisor' && cc.ring !== 'ring3' && dc.domain === 'host' && dc.ring === 'ring0') {
        links.push({
          id: `world-switch:${d}>${c.id}`,
          kind: 'world-switch',
          fromId: d,
          toId: c.id,
          from: a.port,
          to: b.port,
        });
        const left = columns.find((x) => x.columnId === a.columnId);
        const right = columns.find((x) => x.columnId === b.columnId);
        if (!left || !right) continue;
        const [l, r] = left.x < right.x ? [left, right] : [right, left];
        const x = (l.x + l.w / 2 + (r.x - r.w / 2)) / 2;
        const ring0 = slabs.filter(
          (s) => s.ring === 'ring0' && (s.columnId === a.columnId || s.columnId === b.columnId),
        );
        const hw = slabs.filter((s) => s.ring === 'hardware');
        const y0 = Math.max(0, ...hw.map((s) => s.top));
        const contentTop = (s: SlabLayout) => s.top + (s.rows > 0 ? BLOCK_H + (s.rows - 1) * TIER_RISE : 0);
        const y1 = Math.max(y0 + 1, ...ring0.map(contentTop));
        const vmmTop = Math.max(y0, ...ring0.filter((s) => s.columnId === b.columnId).map(contentTop));
        const beside = y1 - vmmTop >= GATE_LABEL_ROOM;
        const toRight = right.columnId === b.columnId;
        gates.push({
          id: `gate:${d}>${c.id}`,
          fromId: d,
          toId: c.id,
          x,
          y0,
          y1,
          w: GATE_W,
          d: depth,
          lines: ['⟲ world switch', `(${dep.name})`],
          label: beside
            ? { x: x + (toRight ? 1 : -1) * GATE_LABEL_SHIFT, y: (vmmTop + y1) / 2, z: frontZ }
            : { x: x + GATE_LABEL_SHIFT, y: y1 + GATE_LABEL_RISE, z: frontZ },
          anchor: beside ? [toRight ? 0 : 1, 0.5] : [1, 1],
        });
      }
    }
  }
  return { links, gates };
}
