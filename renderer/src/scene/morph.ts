/**
 * The Type 1 <-> Type 2 morph as pure data: which slabs and blocks of two layouts are the same thing (by the keys the
 * model declares), and where everything is at time t in [0, 1]. Things in both stacks move from their place in one to
 * their place in the other; the rest fade out (first) or in (last); band labels and column titles cross-fade. Nothing
 * here touches three.js: MorphView draws a frame, the tests check it.
 */
import type { MorphKeys } from '../model/morph';
import type { Architecture, ComponentKind, Domain, Ring } from '../model/types';
import type { BandLayout, Box, Box3Like, ColumnLayout, GateLayout, LinkLayout, StackLayout } from './layout';

export type MorphBox = Box;

/** One end of an actor: a slab or a block as it is in one of the two layouts. */
export interface MorphEnd {
  id: string;
  box: MorphBox;
  ring: Ring;
  domain: Domain;
  /** Blocks only. */
  kind?: ComponentKind;
  lines: string[];
}

export interface MorphActor {
  key: string;
  type: 'slab' | 'block';
  from: MorphEnd | null;
  to: MorphEnd | null;
}

export interface MorphPlan {
  fromId: string;
  toId: string;
  actors: MorphActor[];
  from: { bands: BandLayout[]; columns: ColumnLayout[]; links: LinkLayout[]; gates: GateLayout[] };
  to: { bands: BandLayout[]; columns: ColumnLayout[]; links: LinkLayout[]; gates: GateLayout[] };
  /** Both layouts' frames together: what the camera shows while the morph runs. */
  frame: Box3Like;
}

/**
 * Phases of t: what only the old stack has fades out first, shared things move, and what only the new one has fades in
 * during the second half of the move (so vmkernel is seen sliding in under the rising host kernel).
 */
export const FADE_OUT: readonly [number, number] = [0, 0.35];
export const MOVE: readonly [number, number] = [0.15, 0.85];
export const FADE_IN: readonly [number, number] = [0.45, 1];
/** Shared things change their name and colour half-way. */
export const SWITCH_AT = 0.5;

const clamp01 = (v: number): number => Math.min(1, Math.max(0, v));
const phase = (t: number, [a, b]: readonly [number, number]): number => clamp01((t - a) / (b - a));
/** Cubic ease in-out. */
export const ease = (k: number): number => (k < 0.5 ? 4 * k * k * k : 1 - (-2 * k + 2) ** 3 / 2);
const lerp = (a: number, b: number, k: number): number => (k <= 0 ? a : k >= 1 ? b : a + (b - a) * k);

function lerpBox(a: MorphBox, b: MorphBox, k: number): MorphBox {
  return {
    x: lerp(a.x, b.x, k),
    y: lerp(a.y, b.y, k),
    z: lerp(a.z, b.z, k),
    w: lerp(a.w, b.w, k),
    h: lerp(a.h, b.h, k),
    d: lerp(a.d, b.d, k),
  };
}

const box = (b: { x: number; y: number; z: number; w: number; h: number; d: number }): MorphBox => ({
  x: b.x,
  y: b.y,
  z: b.z,
  w: b.w,
  h: b.h,
  d: b.d,
});

function ends(arch: Architecture, layout: StackLayout): { slabs: MorphEnd[]; blocks: MorphEnd[] } {
  const layers = new Map(arch.layers.map((l) => [l.id, l]));
  const comps = new Map(arch.components.map((c) => [c.id, c]));
  return {
    slabs: layout.slabs.map((s) => ({ id: s.layerId, box: box(s), ring: s.ring, domain: s.domain, lines: [s.name] })),
    blocks: layout.blocks.map((b) => {
      const ctx = layers.get(b.layerId)?.context;
      return {
        id: b.componentId,
        box: box(b),
        ring: ctx?.ring ?? 'hardware',
        domain: ctx?.domain ?? 'hardware',
        kind: comps.get(b.componentId)?.kind ?? 'hardware',
        lines: b.labelLines,
      };
    }),
  };
}

function pair(
  type: MorphActor['type'],
  a: MorphEnd[],
  b: MorphEnd[],
  keysA: Readonly<Record<string, string>> | undefined,
  keysB: Readonly<Record<string, string>> | undefined,
): MorphActor[] {
  const actors: MorphActor[] = [];
  const byKey = new Map<string, MorphEnd>();
  for (const e of b) {
    const k = keysB?.[e.id];
    if (k !== undefined && !byKey.has(k)) byKey.set(k, e);
  }
  const used = new Set<MorphEnd>();
  for (const e of a) {
    const k = keysA?.[e.id];
    const match = k === undefined ? undefined : byKey.get(k);
    if (match && !used.has(match)) {
      used.add(match);
      actors.push({ key: `${type}:${k}`, type, from: e, to: match });
    } else actors.push({ key: `${type}:from:${e.id}`, type, from: e, to: null });
  }
  for (const e of b) if (!used.has(e)) actors.push({ key: `${type}:to:${e.id}`, type, from: null, to: e });
  return actors;
}

/** Pairs the slabs and blocks of two layouts by the declared keys. */
export function planMorph(
  from: Architecture,
  fromLayout: StackLayout,
  fromKeys: MorphKeys | undefined,
  to: Architecture,
  toLayout: StackLayout,
  toKeys: MorphKeys | undefined,
): MorphPlan {
  const a = ends(from, fromLayout);
  const b = ends(to, toLayout);
  const fa = fromLayout.frame;
  const fb = toLayout.frame;
  const decor = (l: StackLayout) => ({ bands: l.bands, columns: l.columns, links: l.links, gates: l.gates });
  return {
    fromId: from.id,
    toId: to.id,
    actors: [
      ...pair('slab', a.slabs, b.slabs, fromKeys?.layers, toKeys?.layers),
      ...pair('block', a.blocks, b.blocks, fromKeys?.components, toKeys?.components),
    ],
    from: decor(fromLayout),
    to: decor(toLayout),
    frame: {
      min: { x: Math.min(fa.min.x, fb.min.x), y: Math.min(fa.min.y, fb.min.y), z: Math.min(fa.min.z, fb.min.z) },
      max: { x: Math.max(fa.max.x, fb.max.x), y: Math.max(fa.max.y, fb.max.y), z: Math.max(fa.max.z, fb.max.z) },
    },
  };
}

/** One actor at time t. */
export interface ActorFrame {
  key: string;
  type: MorphActor['type'];
  box: MorphBox;
  opacity: number;
  /** 0: the old end's colour, 1: the new end's (eased over the move). */
  colorMix: number;
  /** The end whose name (and kind) is shown. */
  shows: MorphEnd;
  /** In both stacks. */
  shared: boolean;
}

export interface MorphFrame {
  t: number;
  actors: ActorFrame[];
  /** Opacity of the old stack's band labels, column titles and Type 2 decorations, and of the new stack's. */
  fromDecor: number;
  toDecor: number;
}

/** Where everything is at time t (clamped to [0, 1]). At 0 it is the old layout, at 1 the new one. */
export function morphFrame(plan: MorphPlan, tIn: number): MorphFrame {
  const t = clamp01(tIn);
  const move = ease(phase(t, MOVE));
  const out = 1 - ease(phase(t, FADE_OUT));
  const into = ease(phase(t, FADE_IN));
  const actors = plan.actors.map((a): ActorFrame => {
    if (a.from && a.to) {
      return {
        key: a.key,
        type: a.type,
        box: lerpBox(a.from.box, a.to.box, move),
        opacity: 1,
        colorMix: move,
        shows: t < SWITCH_AT ? a.from : a.to,
        shared: true,
      };
    }
    const end = (a.from ?? a.to) as MorphEnd;
    return {
      key: a.key,
      type: a.type,
      box: end.box,
      opacity: a.from ? out : into,
      colorMix: a.from ? 0 : 1,
      shows: end,
      shared: false,
    };
  });
  return { t, actors, fromDecor: out, toDecor: into };
}
