/**
 * The panes of the 3D view (see ScenePane): one over the whole canvas for one stack; for two or more (Compare), one per
 * stack, left to right (side by side) or top to bottom (stacked), sized by paneSplit.ts from the stacks' frames, with
 * a divider line in each gap. It draws them (viewport + scissor, only the pane's stack visible), finds the pane under
 * a point, projects a stack's points with its pane's camera, and routes the orbit controls to the pane under the
 * pointer: only that pane orbits, pans and zooms (the stacks differ in size, and framing a component in one must not
 * fly the other to an unrelated point).
 */
import { Box3, type Object3D, type Vector3, type WebGLRenderer } from 'three';
import type { CameraPreset } from '../model/presentation';
import { setLabelTheme } from './labelStyles';
import { frameNeed, ndcToCanvas, paneAt, splitPanes, type FrameNeed, type PaneRect } from './paneSplit';
import type { ThemeName } from './palette';
import { ScenePane, type PlacedLabel } from './ScenePane';
import type { StackGraph } from './StackGraph';

export class ScenePanes {
  /** In screen order. */
  readonly list: ScenePane[] = [];
  private readonly cleanups = new Map<ScenePane, () => void>();
  /** Lines in the gaps between panes (DOM, so they stay crisp and follow the theme). */
  private readonly dividers: HTMLDivElement[] = [];
  private theme: ThemeName;
  private reduced: boolean;
  private preset: CameraPreset = 'overview';
  private width = 1;
  private height = 1;

  /** `onChange` runs when a pane's camera moves (orbit, pan, zoom). */
  constructor(
    private readonly canvas: HTMLElement,
    private readonly labelRoot: HTMLElement,
    options: { theme: ThemeName; reducedMotion: boolean },
    private readonly onChange: () => void,
  ) {
    this.theme = options.theme;
    this.reduced = options.reducedMotion;
    this.add();
  }

  /** True when the canvas is split (one pane per stack). */
  get split(): boolean {
    return this.list.length > 1;
  }

  /** One pane for one stack (or none), one pane per stack for more; placed for a canvas of this size. */
  layout(graph: StackGraph, width: number, height: number): void {
    this.width = width;
    this.height = height;
    const keys = graph.stackKeys;
    const split = keys.length >= 2;
    const wanted: string[][] = split ? keys.map((k) => [k]) : [[]];
    while (this.list.length < wanted.length) this.add();
    while (this.list.length > wanted.length) this.remove();
    const needs: FrameNeed[] = split
      ? keys.map((k) => {
          const box = graph.frameBox([k]);
          return box.isEmpty() ? { width: 0, height: 0 } : frameNeed(box.min, box.max);
        })
      : [];
    const rects = splitPanes(width, height, needs, graph.layoutMode);
    this.list.forEach((p, i) => {
      p.keys = wanted[i] ?? [];
      p.setRect(rects[i] ?? { x: 0, y: 0, width, height }, split);
      if (!split) p.rig.controls.enabled = true;
    });
    this.placeDividers(split ? rects : []);
  }

  setTheme(theme: ThemeName): void {
    this.theme = theme;
    for (const p of this.list) p.applyTheme(theme);
    for (const d of this.dividers) setLabelTheme(d, theme);
  }

  /** The camera preset every pane frames from; false when it was already in use. */
  setPreset(preset: CameraPreset): boolean {
    if (preset === this.preset) return false;
    this.preset = preset;
    for (const p of this.list) p.rig.preset = preset;
    return true;
  }

  setReducedMotion(on: boolean): void {
    this.reduced = on;
    for (const p of this.list) p.rig.setReducedMotion(on);
  }

  /** Advances camera tweens and damping; true while any camera moves. */
  step(time: number): boolean {
    let moving = false;
    for (const { rig } of this.list) moving = rig.step(time) || moving;
    for (const { rig } of this.list) {
      if (rig.controls.enableDamping && !rig.tweening) moving = rig.controls.update() || moving;
    }
    return moving;
  }

  /** Draws every pane: one over the whole canvas, or each stack in its own rectangle with only its stack visible. */
  draw(renderer: WebGLRenderer, graph: StackGraph): void {
    const scene = graph.scene;
    const [only] = this.list;
    if (!this.split && only) {
      renderer.setScissorTest(false);
      only.render(renderer, scene, [scene], this.height);
      return;
    }
    // The gaps between panes are not drawn by any pane: clear the whole canvas first.
    renderer.setScissorTest(false);
    renderer.setViewport(0, 0, this.width, this.height);
    renderer.setClearColor(graph.cache.palette.background);
    renderer.clear();
    renderer.setScissorTest(true);
    for (const p of this.list) {
      graph.showOnly(p.keys);
      const roots = p.keys.map((k) => graph.stackGroup(k)).filter((o): o is Object3D => o !== null);
      p.render(renderer, scene, roots, this.height);
    }
    graph.showOnly();
    renderer.setScissorTest(false);
  }

  /** The pane that draws a stack. */
  paneOf(stackKey: string): ScenePane | null {
    return this.list.find((p) => p.shows(stackKey)) ?? null;
  }

  /** The pane under a client point, with the point in CSS px from the canvas's top-left. */
  paneUnder(clientX: number, clientY: number): { pane: ScenePane; x: number; y: number } | null {
    const rect = this.canvas.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) return null;
    const x = ((clientX - rect.left) / rect.width) * this.width;
    const y = ((clientY - rect.top) / rect.height) * this.height;
    const pane = this.list[paneAt(this.rects(), x, y)];
    return pane ? { pane, x, y } : null;
  }

  rects(): PaneRect[] {
    return this.list.map((p) => p.rect);
  }

  /** Where a world point of a stack shows on the canvas (CSS px from its top-left), or null outside its pane. */
  toCanvas(stackKey: string, point: Vector3): { x: number; y: number } | null {
    const pane = this.paneOf(stackKey);
    if (!pane) return null;
    const cam = pane.camera;
    cam.updateMatrixWorld();
    const ndc = point.clone().project(cam);
    const at = ndcToCanvas(pane.rect, ndc.x, ndc.y);
    const r = pane.rect;
    return at.x >= r.x && at.y >= r.y && at.x <= r.x + r.width && at.y <= r.y + r.height ? at : null;
  }

  /**
   * Where the geometry under `roots` (objects of one stack) shows on the canvas, as the rectangle around it in CSS px
   * from the canvas's top-left, or null.
   */
  screenRect(
    stackKey: string,
    what: readonly Object3D[] | Box3,
  ): { left: number; right: number; top: number; bottom: number } | null {
    const pane = this.paneOf(stackKey);
    const r = what instanceof Box3 ? pane?.boxRect(what) : pane?.geometryRect(what);
    if (!pane || !r) return null;
    const { x, y } = pane.rect;
    return { left: r.left + x, right: r.right + x, top: r.top + y, bottom: r.bottom + y };
  }

  /**
   * Split view, once the labels are placed: each pane's second fit pass (ScenePane.refine), with the labels `placed`
   * reports for its label layer. True when a camera moves (the labels must then be placed again).
   */
  refineFits(graph: StackGraph, placed: (layer: HTMLElement) => PlacedLabel[]): boolean {
    if (!this.split) return false;
    let moved = false;
    for (const p of this.list) {
      const roots = p.keys.map((k) => graph.stackGroup(k)).filter((o): o is Object3D => o !== null);
      moved = p.refine(roots, placed(p.labelLayer)) || moved;
    }
    return moved;
  }

  /** Split view: only the pane under the pointer listens to the orbit controls (call before they see the event). */
  route(clientX: number, clientY: number): void {
    if (!this.split) return;
    const under = this.paneUnder(clientX, clientY)?.pane ?? null;
    for (const p of this.list) p.rig.controls.enabled = p === under;
  }

  dispose(): void {
    while (this.list.length > 0) this.remove();
    this.placeDividers([]);
  }

  private add(): void {
    const pane = new ScenePane(this.canvas, this.labelRoot, this.reduced, this.theme);
    pane.rig.preset = this.preset;
    const onChange = (): void => this.onChange();
    pane.rig.controls.addEventListener('change', onChange);
    this.cleanups.set(pane, () => pane.rig.controls.removeEventListener('change', onChange));
    this.list.push(pane);
  }

  private remove(): void {
    const pane = this.list.pop();
    if (!pane) return;
    this.cleanups.get(pane)?.();
    this.cleanups.delete(pane);
    pane.dispose();
  }

  /** A divider line in each gap between neighbouring panes. */
  private placeDividers(rects: readonly PaneRect[]): void {
    const gaps: PaneRect[] = [];
    for (let i = 1; i < rects.length; i++) {
      const a = rects[i - 1];
      const b = rects[i];
      if (!a || !b) continue;
      gaps.push(
        b.x > a.x
          ? { x: a.x + a.width, y: 0, width: Math.max(1, b.x - a.x - a.width), height: this.height }
          : { x: 0, y: a.y + a.height, width: this.width, height: Math.max(1, b.y - a.y - a.height) },
      );
    }
    while (this.dividers.length > gaps.length) this.dividers.pop()?.remove();
    while (this.dividers.length < gaps.length) {
      const d = document.createElement('div');
      d.className = 'scene-divider';
      this.labelRoot.append(d);
      this.dividers.push(d);
    }
    gaps.forEach((g, i) => {
      const d = this.dividers[i];
      if (d)
        Object.assign(d.style, { left: `${g.x}px`, top: `${g.y}px`, width: `${g.width}px`, height: `${g.height}px` });
    });
    this.setTheme(this.theme);
  }
}
