/**
 * The scene content without a renderer: the three.js object tree, the stack views, their packet meshes (one instanced
 * mesh per stack, in the stack's group, so a split view draws each stack's packets in its own pane), the material
 * cache and the resource counter. StackScene wraps it with WebGL, controls and labels; tests drive it headless.
 */
import {
  AmbientLight,
  Box3,
  DirectionalLight,
  HemisphereLight,
  Scene,
  Vector3,
  type Intersection,
  type Object3D,
} from 'three';
import type { LabelFactory } from './labels';
import { MaterialCache } from './MaterialCache';
import type { ThemeName } from './palette';
import { PacketsView, type PacketDraw } from './PacketsView';
import { ResourceTracker } from './ResourceTracker';
import type { LayoutTarget } from './layout';
import type { Highlight, PickResult, StackInput, StackLayoutMode } from './sceneTypes';
import { StackView, type ViewTally } from './StackView';

export const STACK_GAP_X = 3;
export const STACK_GAP_Y = 3;

export interface GraphChange {
  /** Something visible changed (render needed). */
  changed: boolean;
  /** Stack geometry or placement changed (camera should re-fit, labels re-checked). */
  relayout: boolean;
  /** The re-fit belongs to a morph starting or ending: move the camera smoothly (a cut under reduced motion). */
  animate?: boolean;
}

export class StackGraph {
  readonly scene = new Scene();
  readonly tracker = new ResourceTracker();
  readonly cache: MaterialCache;
  readonly stacks = new Map<string, StackView>();
  readonly tally: ViewTally = { created: 0, disposed: 0 };
  /** One instanced packet mesh per stack that has had packets (one draw call per stack), and what it last drew. */
  private readonly packets = new Map<string, { view: PacketsView; sig: string }>();
  private order: string[] = [];
  private mode: StackLayoutMode = 'side-by-side';
  private viewportAspect = 1.6;
  private lastInputs: readonly StackInput[] = [];
  private selection: PickResult | null = null;
  private hover: PickResult | null = null;
  private spotlight: readonly string[] = [];
  private readonly content: Object3D;

  constructor(
    private readonly labels: LabelFactory,
    theme: ThemeName,
  ) {
    this.cache = new MaterialCache(this.tracker, theme);
    const hemi = new HemisphereLight(0xffffff, 0x8a8a8a, 1.6);
    const key = new DirectionalLight(0xffffff, 1.5);
    key.position.set(-0.4, 1, 0.8);
    const fill = new AmbientLight(0xffffff, 0.85);
    this.content = new Scene();
    this.content.name = 'stacks';
    this.scene.add(hemi, key, fill, this.content);
    // Runs at the start of every render, after the camera's matrices are updated: the stacks it is about to draw
    // (a split view's pane shows one) order their transparent boxes for it.
    this.scene.onBeforeRender = (_renderer, _scene, camera) => {
      for (const v of this.stacks.values()) if (v.group.visible) v.sortFor(camera);
    };
  }

  get theme(): ThemeName {
    return this.cache.theme;
  }

  /** Packets drawn, over every stack. */
  get packetCount(): number {
    let n = 0;
    for (const p of this.packets.values()) n += p.view.count;
    return n;
  }

  setStacks(inputs: readonly StackInput[]): GraphChange {
    this.lastInputs = inputs;
    let changed = false;
    let relayout = false;
    let animate = false;
    const keys = inputs.map((i) => i.key);
    for (const [k, v] of this.stacks) {
      if (keys.includes(k)) continue;
      this.packets.get(k)?.view.dispose();
      this.packets.delete(k);
      v.dispose();
      this.stacks.delete(k);
      changed = relayout = true;
    }
    if (keys.join('\u0000') !== this.order.join('\u0000')) relayout = true;
    this.order = keys;
    for (const input of inputs) {
      let v = this.stacks.get(input.key);
      if (!v) {
        v = new StackView(
          { cache: this.cache, tracker: this.tracker, labels: this.labels, stackKey: input.key },
          this.tally,
        );
        this.stacks.set(input.key, v);
        this.content.add(v.group);
        relayout = true;
      }
      const before = v.layout;
      const beforeFrame = v.frameKey;
      const wasMorphing = v.morphView !== null;
      changed = v.update(input, this.highlight, this.targetAspect(inputs.length)) || changed;
      if (v.layout !== before) relayout = true;
      if (v.frameKey !== beforeFrame) {
        relayout = true;
        if (wasMorphing !== (v.morphView !== null)) animate = true;
      }
    }
    if (relayout) {
      this.place();
      changed = true;
    }
    if (this.stacks.size === 0) {
      this.cache.dispose();
      return { changed, relayout, ...(animate ? { animate } : {}) };
    }
    changed = this.updatePackets() || changed;
    return { changed, relayout, ...(animate ? { animate } : {}) };
  }

  setLayout(mode: StackLayoutMode): boolean {
    if (mode === this.mode) return false;
    this.mode = mode;
    this.replay();
    return true;
  }

  /** Width / height of the canvas: stacks are wrapped to fit it (re-laid out only when the best row width changes). */
  setViewportAspect(aspect: number): GraphChange {
    if (!(aspect > 0) || Math.abs(aspect - this.viewportAspect) < 1e-3) return { changed: false, relayout: false };
    this.viewportAspect = aspect;
    return this.replay();
  }

  /** One stack fills the view; two or more each get a pane of their own (StackScene splits the canvas). */
  private targetAspect(count: number): LayoutTarget {
    const n = Math.max(1, count);
    if (n === 1) return { aspect: this.viewportAspect };
    return { aspect: this.mode === 'side-by-side' ? this.viewportAspect / n : this.viewportAspect * n, split: true };
  }

  /** Re-applies the last inputs (after a layout-affecting setting changed) and re-places the stacks. */
  private replay(): GraphChange {
    const r = this.setStacks(this.lastInputs);
    this.place();
    this.updatePackets(true);
    return r;
  }

  get layoutMode(): StackLayoutMode {
    return this.mode;
  }

  setTheme(theme: ThemeName): boolean {
    if (theme === this.cache.theme) return false;
    this.cache.setTheme(theme);
    for (const v of this.stacks.values()) v.applyTheme();
    for (const p of this.packets.values()) p.view.applyTheme();
    this.updatePackets(true);
    return true;
  }

  setSelection(sel: PickResult | null): boolean {
    if (samePick(sel, this.selection)) return false;
    this.selection = sel;
    return this.reapply();
  }

  /** Dims every component not listed (empty: none dims). */
  setSpotlight(ids: readonly string[]): boolean {
    if (ids.length === this.spotlight.length && ids.every((id, i) => id === this.spotlight[i])) return false;
    this.spotlight = [...ids];
    return this.reapply();
  }

  private get highlight(): Highlight {
    return { selection: this.selection, hover: this.hover, spotlight: this.spotlight };
  }

  setHover(sel: PickResult | null): boolean {
    if (samePick(sel, this.hover)) return false;
    this.hover = sel;
    return this.reapply();
  }

  get selected(): PickResult | null {
    return this.selection;
  }

  /** Keys of the stacks in screen order. */
  get stackKeys(): readonly string[] {
    return this.order;
  }

  /** Block meshes, for raycasting (of the given stacks only, when keys are given); `pickOf` reads a hit. */
  pickables(keys?: readonly string[]): Object3D[] {
    const out: Object3D[] = [];
    for (const [k, v] of this.stacks) {
      if (keys && keys.length > 0 && !keys.includes(k)) continue;
      out.push(...v.pickMeshes);
    }
    return out;
  }

  /** The component a ray hit on one of `pickables` found, or null. */
  pickOf(hit: Intersection<Object3D> | undefined): PickResult | null {
    if (!hit) return null;
    for (const v of this.stacks.values()) {
      const p = v.pickAt(hit);
      if (p) return p;
    }
    return null;
  }

  /** World box the default camera must show (all stacks, or the given ones, with label room). */
  frameBox(keys?: readonly string[]): Box3 {
    const box = new Box3();
    for (const [k, v] of this.stacks) {
      if (keys && keys.length > 0 && !keys.includes(k)) continue;
      const f = v.worldFrame();
      if (f) box.union(new Box3(f.min, f.max));
    }
    return box;
  }

  /**
   * Shows only the given stacks (with their arcs and packets), for drawing one pane of a split view; no keys (or an
   * empty list) shows every stack again.
   */
  showOnly(keys?: readonly string[]): void {
    for (const [k, v] of this.stacks) v.group.visible = !keys || keys.length === 0 || keys.includes(k);
  }

  /** The object holding a stack's views and labels (a pane renders its labels from it). */
  stackGroup(key: string): Object3D | null {
    return this.stacks.get(key)?.group ?? null;
  }

  /** Front-face centres of every slab in world coordinates, with the slab's palette colour (for pixel probes). */
  slabFaces(): { stackKey: string; layerId: string; color: number; point: Vector3 }[] {
    const out: { stackKey: string; layerId: string; color: number; point: Vector3 }[] = [];
    const p = this.cache.palette;
    for (const [key, v] of this.stacks) {
      for (const s of v.layout?.slabs ?? []) {
        const point = new Vector3(s.x, s.y, s.z + s.d / 2 + 0.01).add(v.group.position);
        out.push({ stackKey: key, layerId: s.layerId, color: p.slab(s.ring, s.domain), point });
      }
    }
    return out;
  }

  /** World points on the front face of a component's block (see ComponentBlockView.frontPoints). */
  blockFrontPoints(sel: PickResult): Vector3[] {
    const v = this.stacks.get(sel.stackKey);
    const b = v?.blocks.get(sel.componentId);
    if (!v || !b) return [];
    return b.frontPoints.map((p) => new Vector3(p.x, p.y, p.z).add(v.group.position));
  }

  /** A component's block as a world-space box, or null (blocks are instances of a batch, not meshes of their own). */
  blockBox(sel: PickResult): Box3 | null {
    const v = this.stacks.get(sel.stackKey);
    const b = v?.blocks.get(sel.componentId);
    if (!v || !b) return null;
    v.group.updateMatrixWorld();
    return b.bounds.applyMatrix4(v.group.matrixWorld);
  }

  /** World centre of a component's block, or null. */
  blockCenter(sel: PickResult): Vector3 | null {
    const v = this.stacks.get(sel.stackKey);
    const b = v?.blocks.get(sel.componentId);
    if (!v || !b) return null;
    const c = b.center;
    return new Vector3(c.x, c.y, c.z).add(v.group.position);
  }

  dispose(): void {
    for (const p of this.packets.values()) p.view.dispose();
    this.packets.clear();
    for (const v of this.stacks.values()) v.dispose();
    this.stacks.clear();
    this.cache.dispose();
    this.tracker.disposeAll();
    this.scene.clear();
  }

  private reapply(): boolean {
    let changed = false;
    for (const v of this.stacks.values()) changed = v.applyHighlight(this.highlight) || changed;
    return changed;
  }

  private place(): void {
    const views = this.order.map((k) => this.stacks.get(k)).filter((v): v is StackView => v !== undefined);
    if (this.mode === 'side-by-side') {
      const widths = views.map((v) => (v.layout ? v.layout.frame.max.x - v.layout.frame.min.x : 0));
      const total = widths.reduce((s, w) => s + w, 0) + Math.max(0, views.length - 1) * STACK_GAP_X;
      let x = -total / 2;
      views.forEach((v, i) => {
        const f = v.layout?.frame;
        v.group.position.set(f ? x - f.min.x : 0, 0, 0);
        x += (widths[i] ?? 0) + STACK_GAP_X;
      });
    } else {
      let y = 0;
      views.forEach((v) => {
        const f = v.layout?.frame;
        const h = f ? f.max.y - f.min.y + 2 : 0;
        const cx = f ? -(f.min.x + f.max.x) / 2 : 0;
        v.group.position.set(cx, y - (f ? f.max.y + 2 : 0), 0);
        y -= h + STACK_GAP_Y;
      });
    }
  }

  private updatePackets(force = false): boolean {
    let changed = false;
    for (const [key, v] of this.stacks) {
      const draws: PacketDraw[] = [];
      v.collectPackets(draws);
      let p = this.packets.get(key);
      if (!p) {
        if (draws.length === 0) continue;
        p = { view: new PacketsView(this.cache), sig: '' };
        this.packets.set(key, p);
        v.group.add(p.view.mesh);
      }
      const sig = draws
        .map((d) => `${d.moves}:${d.position.x.toFixed(3)},${d.position.y.toFixed(3)},${d.position.z.toFixed(3)}`)
        .join(';');
      if (!force && sig === p.sig) continue;
      p.sig = sig;
      p.view.set(draws);
      changed = true;
    }
    return changed;
  }
}

function samePick(a: PickResult | null, b: PickResult | null): boolean {
  return a === b || (a !== null && b !== null && a.stackKey === b.stackKey && a.componentId === b.componentId);
}
