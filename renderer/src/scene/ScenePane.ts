/**
 * One view onto the stacks: a rectangle of the canvas, its own camera rig (orbit controls, fit, tweens) and its own
 * CSS2D label layer over that rectangle (clipped to it, so labels of one pane never cover another). Explore,
 * Walkthrough and Lab have one pane over the whole canvas showing every stack; Compare has one pane per stack.
 */
import { Vector3, type Box3, type Camera, type Matrix4, type Object3D, type Scene, type WebGLRenderer } from 'three';
import { CSS2DRenderer } from 'three/addons/renderers/CSS2DRenderer.js';
import { CameraRig } from './CameraRig';
import { fillPane, type Span } from './cameraFit';
import { setLabelTheme } from './labelStyles';
import type { PaneRect } from './paneSplit';
import type { ThemeName } from './palette';

/** Design scale the layout assumes (labels match block widths at this zoom). */
export const DESIGN_PX_PER_UNIT = 16;

/** Second fit passes after a fit (see ScenePane.refine). */
const REFINE_PASSES = 2;
/** Share of a split pane's width and height kept free at each side by the second fit pass. */
const REFINE_MARGIN = 0.025;
/** Zoom a single second fit pass may apply at most (or 1 over it at least): it corrects a fit, never replaces it. */
const REFINE_MAX_ZOOM = 1.5;

/** A label a pane draws, as the second fit pass sees it: its anchor in the world and its box on screen. */
export interface PlacedLabel {
  anchor: Vector3;
  box: DOMRect;
}

export class ScenePane {
  readonly rig: CameraRig;
  private readonly labelRenderer = new CSS2DRenderer();
  /** Keys of the stacks this pane draws (empty: every stack). */
  keys: readonly string[] = [];
  rect: PaneRect = { x: 0, y: 0, width: 1, height: 1 };
  /** A pane of a split view: small, so its camera fits its stack tightly. */
  private split = false;
  /** Second fit passes left (see refine), and whether they animate like the fit that set them. */
  private refinePasses = 0;
  private refineAnimate = false;

  constructor(canvas: HTMLElement, labelRoot: HTMLElement, reducedMotion: boolean, theme: ThemeName) {
    this.rig = new CameraRig(canvas, reducedMotion);
    const ld = this.labelRenderer.domElement;
    ld.classList.add('scene-labels');
    ld.style.position = 'absolute';
    ld.style.left = '0px';
    ld.style.top = '0px';
    ld.style.pointerEvents = 'none';
    labelRoot.append(ld);
    this.applyTheme(theme);
  }

  /** The label layer (its children are the label elements of the stacks this pane draws). */
  get labelLayer(): HTMLElement {
    return this.labelRenderer.domElement;
  }

  get camera(): Camera {
    return this.rig.camera;
  }

  /** Places the pane; `clip` clips its labels to it (split view). */
  setRect(rect: PaneRect, clip: boolean): void {
    this.rect = rect;
    this.split = clip;
    const ld = this.labelRenderer.domElement;
    ld.style.left = `${rect.x}px`;
    ld.style.top = `${rect.y}px`;
    ld.style.overflow = clip ? 'hidden' : '';
    // A pane of a split view is small: its labels keep their font size but lose some padding.
    ld.classList.toggle('scene-labels--split', clip);
    this.labelRenderer.setSize(rect.width, rect.height);
    this.rig.setAspect(rect.width / rect.height);
  }

  shows(stackKey: string): boolean {
    return this.keys.length === 0 || this.keys.includes(stackKey);
  }

  /** Moves to the default view of the box. */
  fit(box: Box3, animate: boolean): void {
    this.rig.fit(box, animate, this.split);
    this.refinePasses = this.split ? REFINE_PASSES : 0;
    this.refineAnimate = animate;
  }

  /**
   * A split pane's second fit pass, once its labels are placed: the fit frames the stack's bare frame box, which knows
   * nothing of the labels, so the picture is zoomed and moved until the stack with its labels (geometry drawn under
   * `roots`, `labels` as placed) fills the pane (cameraFit.fillPane). A pass changes the room the labels are placed
   * in, so one more pass follows; then it stops (placement jumps between forms, and the view must not hunt). Returns
   * true when the camera moves.
   */
  refine(roots: readonly Object3D[], labels: readonly PlacedLabel[]): boolean {
    if (this.refinePasses <= 0 || this.rig.tweening) return false;
    this.refinePasses = this.rig.userMoved ? 0 : this.refinePasses - 1;
    if (this.rig.userMoved) return false;
    const { width, height } = this.rect;
    const layer = this.labelLayer.getBoundingClientRect();
    const g = this.geometryRect(roots);
    if (!g) return false;
    // Spans from the pane's centre: the geometry by its extremes (points with no extent), each label by its box.
    const point = (at: number): Span => ({ at, lo: 0, hi: 0 });
    const xs = [point(g.left - width / 2), point(g.right - width / 2)];
    const ys = [point(g.top - height / 2), point(g.bottom - height / 2)];
    for (const { anchor, box } of labels) {
      const a = this.toPane(anchor);
      const [left, top] = [box.left - layer.left, box.top - layer.top];
      xs.push({ at: a.x - width / 2, lo: left - a.x, hi: left + box.width - a.x });
      ys.push({ at: a.y - height / 2, lo: top - a.y, hi: top + box.height - a.y });
    }
    const f = fillPane(xs, ys, width, height, REFINE_MARGIN * Math.min(width, height));
    const zoom = Math.min(REFINE_MAX_ZOOM, Math.max(1 / REFINE_MAX_ZOOM, f.zoom));
    if (Math.abs(zoom - 1) < 0.01 && Math.abs(f.dx) < 2 && Math.abs(f.dy) < 2) {
      this.refinePasses = 0;
      return false;
    }
    // The shift is in px of the zoomed picture; the camera moves the other way (screen y points down).
    const px = this.rig.defaultPixelsPerUnit(height) * zoom;
    this.rig.reframe(zoom, -f.dx / px, f.dy / px, this.refineAnimate);
    return true;
  }

  /** Where a world point shows in the pane, in CSS px from its top-left. */
  toPane(point: Vector3): { x: number; y: number } {
    const ndc = point.clone().project(this.camera);
    return { x: ((ndc.x + 1) / 2) * this.rect.width, y: ((1 - ndc.y) / 2) * this.rect.height };
  }

  /**
   * The screen rectangle (CSS px from the pane's top-left) around every corner of the bounding boxes of the geometry
   * drawn under `roots`, or null when there is none.
   */
  geometryRect(roots: readonly Object3D[]): { left: number; right: number; top: number; bottom: number } | null {
    const r = { left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity };
    const corner = new Vector3();
    this.camera.updateMatrixWorld();
    for (const root of roots) {
      root.updateMatrixWorld();
      root.traverseVisible((o) => {
        // An instanced mesh's own box covers all its instances; a plain mesh's is its geometry's.
        const instanced = o as Object3D & {
          isInstancedMesh?: boolean;
          boundingBox?: Box3 | null;
          computeBoundingBox?: () => void;
        };
        // Measured now: an instanced mesh's box is only as fresh as its last buffer write.
        if (instanced.isInstancedMesh) instanced.computeBoundingBox?.();
        const geometry = (o as Object3D & { geometry?: { boundingBox: Box3 | null; computeBoundingBox(): void } })
          .geometry;
        if (!geometry) return;
        if (!instanced.isInstancedMesh && !geometry.boundingBox) geometry.computeBoundingBox();
        const box = instanced.isInstancedMesh ? instanced.boundingBox : geometry.boundingBox;
        if (box) this.extendRect(r, box, o.matrixWorld, corner);
      });
    }
    return Number.isFinite(r.left) ? r : null;
  }

  /** The rectangle around a world-space box as this pane's camera sees it, or null for an empty box. */
  boxRect(box: Box3): { left: number; right: number; top: number; bottom: number } | null {
    const r = { left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity };
    this.camera.updateMatrixWorld();
    this.extendRect(r, box, null, new Vector3());
    return Number.isFinite(r.left) ? r : null;
  }

  private extendRect(
    r: { left: number; right: number; top: number; bottom: number },
    box: Box3,
    matrix: Matrix4 | null,
    corner: Vector3,
  ): void {
    if (box.isEmpty()) return;
    for (let i = 0; i < 8; i++) {
      corner.set(i & 1 ? box.max.x : box.min.x, i & 2 ? box.max.y : box.min.y, i & 4 ? box.max.z : box.min.z);
      const p = this.toPane(matrix ? corner.applyMatrix4(matrix) : corner);
      [r.left, r.right] = [Math.min(r.left, p.x), Math.max(r.right, p.x)];
      [r.top, r.bottom] = [Math.min(r.top, p.y), Math.max(r.bottom, p.y)];
    }
  }

  /** Re-frames the default view (keeps a view the user moved to when only the size changed) and sets the label fit. */
  refit(box: Box3, onResize: boolean, animate: boolean): void {
    if (box.isEmpty()) return;
    if (!onResize || !this.rig.userMoved) this.fit(box, animate);
    const fit = this.rig.defaultPixelsPerUnit(this.rect.height) / DESIGN_PX_PER_UNIT;
    this.labelRenderer.domElement.style.setProperty('--scene-label-fit', Math.min(1.35, Math.max(0.8, fit)).toFixed(3));
  }

  applyTheme(theme: ThemeName): void {
    setLabelTheme(this.labelRenderer.domElement, theme);
  }

  /**
   * Draws the pane: WebGL into its rectangle (the caller hides stacks of other panes), then its labels. `labelRoots`
   * are the objects whose CSS2D labels belong to this pane (the whole scene for a single pane).
   */
  render(renderer: WebGLRenderer, scene: Scene, labelRoots: readonly Object3D[], canvasHeight: number): void {
    const r = this.rect;
    const y = canvasHeight - r.y - r.height; // WebGL counts from the bottom
    renderer.setViewport(r.x, y, r.width, r.height);
    renderer.setScissor(r.x, y, r.width, r.height);
    renderer.render(scene, this.rig.camera);
    // CSS2DRenderer takes any Object3D as its root ("a scene or any other type of 3D object"); its typings say Scene.
    for (const root of labelRoots) this.labelRenderer.render(root as Scene, this.rig.camera);
  }

  dispose(): void {
    this.rig.dispose();
    this.labelRenderer.domElement.remove();
  }
}
