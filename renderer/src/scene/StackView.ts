/**
 * One stack (one architecture) on screen: slabs, blocks, column titles, band labels and hop arcs, each a view keyed by
 * model id and diffed on update. A new architecture object triggers a re-layout; a new snapshot only updates glow,
 * arcs and packet positions. The views' boxes and arcs are drawn batched (BoxBatch, ArcBatch): a few draw calls per
 * stack however many guests and hops it has.
 */
import { Group, Vector3, type Camera, type Intersection, type Object3D } from 'three';
import { ArcBatch } from './ArcBatch';
import { BoxBatch } from './BoxBatch';
import { inTrustedBase } from '../model/faults';
import type { Architecture, Component, PlayerSnapshot, Ring } from '../model/types';
import { ComponentBlockView } from './ComponentBlockView';
import { GateView } from './GateView';
import { HopArcView, type ArcSpec } from './HopArcView';
import { BAND_LABEL, COLUMN_TITLE, LabelView } from './LabelView';
import { LayerSlabView } from './LayerSlabView';
import { layoutArchitecture, type BandLayout, type ColumnLayout, type LayoutTarget, type StackLayout } from './layout';
import { LinkView } from './LinkView';
import { planMorph } from './morph';
import { MorphView } from './MorphView';
import { morphKeys } from '../model/morph';
import type { SceneLabel } from './labels';
import type { PacketDraw } from './PacketsView';
import type { Highlight, PickResult, StackInput } from './sceneTypes';
import type { ViewContext } from './ViewContext';

/** What the scene gives a stack; the stack adds its own batches (ViewContext). */
export type StackContext = Omit<ViewContext, 'blocks' | 'decor' | 'labelGroup'>;

export interface ViewTally {
  created: number;
  disposed: number;
}

interface Keyed {
  dispose(): void;
}

/** Diffs a keyed map of views against wanted keys: creates missing ones, updates kept ones, disposes the rest. */
function diff<K, V extends Keyed, D>(
  views: Map<K, V>,
  wanted: Iterable<readonly [K, D]>,
  create: (d: D) => V,
  update: (v: V, d: D) => void,
  tally: ViewTally,
): boolean {
  let changed = false;
  const keep = new Set<K>();
  for (const [k, d] of wanted) {
    keep.add(k);
    const v = views.get(k);
    if (v) update(v, d);
    else {
      views.set(k, create(d));
      tally.created++;
      changed = true;
    }
  }
  for (const [k, v] of views) {
    if (keep.has(k)) continue;
    v.dispose();
    views.delete(k);
    tally.disposed++;
    changed = true;
  }
  return changed;
}

function doneKey(from: string, to: string, mechanism: string): string {
  return `done:${from}>${to}:${mechanism}`;
}

/** What the layout depends on: a new architecture object with the same signature is not re-laid out. */
export function architectureSignature(a: Architecture): string {
  return JSON.stringify([
    a.id,
    a.columns.map((c) => [c.id, c.name, c.role]),
    a.layers.map((l) => [l.id, l.name, l.context.ring, l.context.domain, l.column ?? '']),
    a.components.map((c) => [c.id, c.name, c.layer, c.kind, c.dependsOn.join(' ')]),
  ]);
}

/** Where on its arc a packet is drawn at the start and at the end of a hop (0 and 1 are the blocks' label points). */
export const PACKET_T0 = 0.14;
export const PACKET_T1 = 0.9;

export class StackView {
  readonly group = new Group();
  layout: StackLayout | null = null;
  readonly slabs = new Map<string, LayerSlabView>();
  readonly blocks = new Map<string, ComponentBlockView>();
  readonly columns = new Map<string, LabelView<ColumnLayout>>();
  readonly bands = new Map<Ring, LabelView<BandLayout>>();
  readonly arcs = new Map<string, HopArcView>();
  readonly links = new Map<string, LinkView>();
  readonly gates = new Map<string, GateView>();
  private readonly arcGroup = new Group();
  /** Everything drawn for the architecture itself (hidden while a morph draws the transition instead). */
  private readonly content = new Group();
  private readonly ctx: ViewContext;
  private readonly arcBatch: ArcBatch;
  /**
   * The arc views the ArcBatch was built from, with the state each was drawn in: it is rebuilt only when they change.
   * Views, not keys: a re-layout drops every arc view and makes new ones under the same keys, with new curves.
   */
  private arcsDrawn: { view: HopArcView; done: boolean }[] = [];
  private morph: MorphView | null = null;
  private morphSig = '';
  private arch: Architecture | null = null;
  private title: SceneLabel | null = null;
  private input: StackInput | null = null;
  private archSig = '';
  private target: LayoutTarget = { aspect: 0 };
  private ports = new Map<string, { x: number; y: number; z: number }>();

  constructor(
    base: StackContext,
    private readonly tally: ViewTally,
  ) {
    const box = base.cache.unitBox();
    this.ctx = {
      ...base,
      blocks: new BoxBatch(box, { name: 'blocks', pickable: true }),
      decor: new BoxBatch(box, { name: 'boxes' }),
      labelGroup: this.content,
    };
    this.arcBatch = new ArcBatch(base.tracker);
    this.group.name = `stack:${base.stackKey}`;
    this.content.add(this.ctx.decor.group, this.ctx.blocks.group, this.arcBatch.group, this.arcGroup);
    this.group.add(this.content);
  }

  get key(): string {
    return this.ctx.stackKey;
  }

  /** Applies an input; returns true when anything visible changed. */
  update(input: StackInput, highlight: Highlight, t: LayoutTarget): boolean {
    let changed = false;
    const newTarget = t.aspect !== this.target.aspect || Boolean(t.split) !== Boolean(this.target.split);
    if (input.architecture !== this.arch || newTarget) {
      const sig = architectureSignature(input.architecture);
      if (sig !== this.archSig) {
        this.archSig = sig;
        this.target = t;
        this.relayout(input.architecture, layoutArchitecture(input.architecture, t));
        changed = true;
      } else if (newTarget) {
        this.target = t;
        const layout = layoutArchitecture(input.architecture, t);
        if (layout.rowWidth !== this.layout?.rowWidth) {
          this.relayout(input.architecture, layout);
          changed = true;
        }
      }
      this.arch = input.architecture;
    }
    changed = this.setTitle(input.title) || changed;
    changed = this.applyFlags(input, highlight) || changed;
    changed = this.applyArcs(input) || changed;
    changed = this.applyMorph(input) || changed;
    this.input = input;
    this.syncBoxes();
    return changed;
  }

  /** Block meshes for raycasting (instanced: a hit's instanceId names the block, see `pickAt`). */
  get pickMeshes(): Object3D[] {
    return this.ctx.blocks.meshes;
  }

  /** The component a ray hit on one of `pickMeshes` found. */
  pickAt(hit: Intersection<Object3D>): PickResult | null {
    return (this.ctx.blocks.dataAt(hit) as PickResult | undefined) ?? null;
  }

  /** Orders transparent boxes back to front for the camera about to draw this stack. */
  sortFor(camera: Camera): void {
    this.ctx.decor.sortFor(camera);
  }

  /** The running Type 1 <-> Type 2 morph, if any. */
  get morphView(): MorphView | null {
    return this.morph;
  }

  /** Changes when what the camera must frame changes: a new layout, or a morph starting or ending. */
  get frameKey(): string {
    return `${this.layout?.architectureId ?? ''}:${this.layout?.rowWidth ?? 0}:${this.morph ? this.morph.plan.fromId : ''}`;
  }

  /**
   * While the input carries a morph (t < 1), the architecture's own views hide and a MorphView draws the transition
   * from the `from` architecture's layout to this one's; at t = 1 (or without a morph) it goes and they come back.
   */
  private applyMorph(input: StackInput): boolean {
    const m = input.morph;
    const layout = this.layout;
    if (!m || m.t >= 1 || !layout || m.from.id === input.architecture.id) {
      if (!this.morph) return false;
      this.morph.dispose();
      this.morph = null;
      this.morphSig = '';
      this.content.visible = true;
      return true;
    }
    const sig = `${m.from.id}>${layout.architectureId}:${layout.rowWidth}:${this.target.aspect}`;
    if (!this.morph || sig !== this.morphSig) {
      this.morph?.dispose();
      const from = layoutArchitecture(m.from, this.target.aspect ? this.target : undefined);
      const plan = planMorph(
        m.from,
        from,
        morphKeys(m.from.id),
        input.architecture,
        layout,
        morphKeys(layout.architectureId),
      );
      this.morph = new MorphView(this.ctx, plan);
      this.morphSig = sig;
      this.group.add(this.morph.group);
    }
    this.content.visible = false;
    return this.morph.setT(m.t);
  }

  /** Re-applies selection, hover and spotlight only (cheap). */
  applyHighlight(highlight: Highlight): boolean {
    const changed = this.input ? this.applyFlags(this.input, highlight) : false;
    this.syncBoxes();
    return changed;
  }

  applyTheme(): void {
    for (const v of this.slabs.values()) v.applyTheme();
    for (const v of this.blocks.values()) v.applyTheme();
    for (const v of this.links.values()) v.applyTheme();
    for (const v of this.gates.values()) v.applyTheme();
    this.morph?.applyTheme();
    this.syncArcs(true);
    this.syncBoxes();
  }

  /** Packets of this stack in the stack's own coordinates (its packet mesh lives in its group). */
  collectPackets(out: PacketDraw[]): void {
    const snap = this.input?.snapshot;
    if (!snap || !this.layout) return;
    for (const p of snap.packets) {
      const arc = this.arcs.get(this.arcKeyFor(p.hopIndex, p.from, p.to));
      // Both ends of a hop sit under a block's label (DOM labels are drawn over the canvas), so the packet is drawn
      // from PACKET_T0 to PACKET_T1 along the arc: a learner stepping hop by hop sees it leave the block.
      const t = PACKET_T0 + (PACKET_T1 - PACKET_T0) * Math.min(1, Math.max(0, p.t));
      let pos: Vector3 | null = null;
      if (arc) pos = arc.curve.getPointAt(t);
      else {
        const a = this.blockPort(p.from);
        const b = this.blockPort(p.to);
        if (a && b) pos = new Vector3(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t);
      }
      if (pos) out.push({ position: pos, moves: p.moves });
    }
  }

  /** Frame box of this stack in world coordinates. */
  worldFrame(): { min: Vector3; max: Vector3 } | null {
    if (!this.layout) return null;
    const f = this.morph ? this.morph.plan.frame : this.layout.frame;
    const o = this.group.position;
    return {
      min: new Vector3(f.min.x, f.min.y, f.min.z).add(o),
      max: new Vector3(f.max.x, f.max.y + (this.title ? 2 : 0), f.max.z).add(o),
    };
  }

  dispose(): void {
    const all = [this.slabs, this.blocks, this.columns, this.bands, this.arcs, this.links, this.gates];
    for (const m of all as Map<unknown, Keyed>[]) {
      for (const v of m.values()) {
        v.dispose();
        this.tally.disposed++;
      }
      m.clear();
    }
    this.title?.dispose();
    this.title = null;
    this.morph?.dispose();
    this.morph = null;
    this.arcBatch.dispose();
    this.ctx.blocks.dispose();
    this.ctx.decor.dispose();
    this.group.removeFromParent();
  }

  private syncBoxes(): void {
    this.ctx.blocks.sync();
    this.ctx.decor.sync();
  }

  /** Rebuilds the merged arc meshes when an arc view is new or gone or its state changed (or, `always`, anyway). */
  private syncArcs(always = false): void {
    const now = [...this.arcs.values()].map((view) => ({ view, done: view.isDone }));
    const same =
      now.length === this.arcsDrawn.length &&
      now.every((a, i) => a.view === this.arcsDrawn[i]?.view && a.done === this.arcsDrawn[i]?.done);
    if (same && !always) return;
    this.arcsDrawn = now;
    this.arcBatch.set(now.flatMap((a) => a.view.parts()));
  }

  private blockPort(id: string): { x: number; y: number; z: number } | null {
    return this.ports.get(id) ?? null;
  }

  private relayout(arch: Architecture, layout: StackLayout): void {
    this.arch = arch;
    this.layout = layout;
    this.ports = new Map(layout.blocks.map((b) => [b.componentId, b.port]));
    const comps = new Map<string, Component>(arch.components.map((c) => [c.id, c]));
    const ctx = this.ctx;
    this.diffLaidOut(
      this.slabs,
      layout.slabs.map((s) => [s.layerId, s] as const),
      (s) => new LayerSlabView(ctx, s),
    );
    const blockEntries = layout.blocks.flatMap((b) => {
      const c = comps.get(b.componentId);
      return c ? [[b.componentId, { c, b, tcb: inTrustedBase(arch, c.id) }] as const] : [];
    });
    diff(
      this.blocks,
      blockEntries,
      ({ c, b, tcb }) => new ComponentBlockView(ctx, c, b, tcb),
      (v, { c, b, tcb }) => v.update(c, b, tcb),
      this.tally,
    );
    const label = (v: { object: Object3D }): Object3D => v.object;
    this.diffLaidOut(
      this.columns,
      layout.columns.map((c) => [c.columnId, c] as const),
      (c) => new LabelView(ctx, COLUMN_TITLE, c),
      label,
    );
    this.diffLaidOut(
      this.bands,
      layout.bands.map((b) => [b.ring, b] as const),
      (b) => new LabelView(ctx, BAND_LABEL, b),
      label,
    );
    this.diffLaidOut(
      this.links,
      layout.links.map((k) => [k.id, k] as const),
      (k) => new LinkView(ctx, k),
      (v) => v.mesh,
    );
    this.diffLaidOut(
      this.gates,
      layout.gates.map((g) => [g.id, g] as const),
      (g) => new GateView(ctx, g),
      (v) => v.group,
    );
    // Arcs depend on positions: drop them all; applyArcs rebuilds what is needed.
    for (const v of this.arcs.values()) {
      v.dispose();
      this.tally.disposed++;
    }
    this.arcs.clear();
    if (this.title && this.layout) this.placeTitle();
  }

  /**
   * Diffs views that take their layout item whole (`update(item)`); a new view's object (`objectOf`) goes into the
   * stack's content.
   */
  private diffLaidOut<K, D, V extends Keyed & { update(d: D): void }>(
    views: Map<K, V>,
    wanted: Iterable<readonly [K, D]>,
    create: (d: D) => V,
    objectOf?: (v: V) => Object3D,
  ): void {
    const made = (d: D): V => {
      const v = create(d);
      if (objectOf) this.content.add(objectOf(v));
      return v;
    };
    diff(views, wanted, made, (v, d) => v.update(d), this.tally);
  }

  private setTitle(title: string | undefined): boolean {
    if (!title) {
      if (!this.title) return false;
      this.title.dispose();
      this.title = null;
      return true;
    }
    if (this.title && this.title.spec.lines[0] === title) return false;
    if (!this.title) {
      this.title = this.ctx.labels.create({
        kind: 'stack',
        lines: [title],
        stackKey: this.ctx.stackKey,
        center: [0.5, 1],
      });
      this.group.add(this.title.object);
    } else this.title.setLines([title]);
    this.placeTitle();
    return true;
  }

  private placeTitle(): void {
    if (!this.title || !this.layout) return;
    const f = this.layout.frame;
    this.title.object.position.set((this.layout.bounds.min.x + this.layout.bounds.max.x) / 2, f.max.y + 1.6, f.max.z);
  }

  private applyFlags(input: StackInput, { selection, hover, spotlight }: Highlight): boolean {
    const active = new Set(input.snapshot?.activeComponents ?? []);
    const onPath = new Set<string>();
    for (const h of input.path?.hops ?? []) onPath.add(h.from).add(h.to);
    for (const p of input.snapshot?.packets ?? []) onPath.add(p.from).add(p.to);
    const failed = new Set(input.failed ?? []);
    const key = this.ctx.stackKey;
    const sel = selection?.stackKey === key ? selection.componentId : null;
    const hov = hover?.stackKey === key ? hover.componentId : null;
    const lit = new Set(spotlight);
    let changed = false;
    for (const [id, v] of this.blocks) {
      const flags = {
        active: active.has(id),
        onPath: onPath.has(id),
        failed: failed.has(id),
        selected: sel === id,
        hover: hov === id,
        dimmed: lit.size > 0 && !lit.has(id),
      };
      changed = v.setFlags(flags) || changed;
    }
    return changed;
  }

  private arcKeyFor(hopIndex: number, from: string, to: string): string {
    const path = this.input?.path;
    const hop = path?.hops[hopIndex];
    return hop && hop.from === from && hop.to === to ? `hop:${hop.id}` : `pkt:${hopIndex}:${from}>${to}`;
  }

  private applyArcs(input: StackInput): boolean {
    const layout = this.layout;
    if (!layout) return false;
    this.input = input;
    const snap: PlayerSnapshot | null = input.snapshot;
    const wanted = new Map<string, { spec: ArcSpec; done: boolean; progress: number }>();
    const port = (id: string): { x: number; y: number; z: number } | null => this.blockPort(id);
    const want = (
      key: string,
      from: string,
      to: string,
      mech: ArcSpec['mechanism'],
      done: boolean,
      progress: number,
    ): void => {
      const a = port(from);
      const b = port(to);
      if (!a || !b) return;
      wanted.set(key, { spec: { from: a, to: b, mechanism: mech, hypervisorY: layout.hypervisorY }, done, progress });
    };
    if (snap) {
      const path = input.path && input.path.id === snap.pathId ? input.path : null;
      if (path) {
        // Completed hops: one faded arc per distinct (from, to, mechanism), however often the path repeats it.
        const upTo = Math.min(snap.hopIndex, path.hops.length);
        for (let i = 0; i < upTo; i++) {
          const h = path.hops[i];
          if (h) want(doneKey(h.from, h.to, h.mechanism), h.from, h.to, h.mechanism, true, 1);
        }
        const cur = path.hops[snap.hopIndex];
        if (cur && !snap.finished) want(`hop:${cur.id}`, cur.from, cur.to, cur.mechanism, false, snap.progress);
      }
      for (const p of snap.packets) {
        const k = this.arcKeyFor(p.hopIndex, p.from, p.to);
        if (!wanted.has(k)) want(k, p.from, p.to, p.mechanism, false, p.t);
      }
    }
    let changed = diff(
      this.arcs,
      wanted,
      (w) => {
        const v = new HopArcView(this.ctx, w.spec);
        this.arcGroup.add(v.group);
        return v;
      },
      () => {},
      this.tally,
    );
    for (const [k, w] of wanted) {
      let v = this.arcs.get(k);
      if (v && !v.matches(w.spec)) {
        v.dispose();
        v = new HopArcView(this.ctx, w.spec);
        this.arcGroup.add(v.group);
        this.arcs.set(k, v);
        changed = true;
      }
      if (v) changed = v.set(w.done, w.progress) || changed;
    }
    this.syncArcs();
    return changed;
  }
}
