/**
 * One view onto the stacks: a rectangle of the canvas, its own camera rig (orbit controls, fit, tweens) and its own
 * CSS2D label layer over that rectangle (clipped to it, so labels of one pane never cover another). Explore,
 * Walkthrough and Lab have one pane over the whole canvas showing every stack; Compare has one pane per stack.
 */
import type { Box3, Camera, Object3D, Scene, WebGLRenderer } from 'three';
import { CSS2DRenderer } from 'three/addons/renderers/CSS2DRenderer.js';
import { CameraRig } from './CameraRig';
import { setLabelTheme } from './labelStyles';
import type { PaneRect } from './paneSplit';
import type { ThemeName } from './palette';

/** Design scale the layout assumes (labels match block widths at this zoom). */
export const DESIGN_PX_PER_UNIT = 16;

export class ScenePane {
  readonly rig: CameraRig;
  private readonly labelRenderer = new CSS2DRenderer();
  /** Keys of the stacks this pane draws (empty: every stack). */
  keys: readonly string[] = [];
  rect: PaneRect = { x: 0, y: 0, width: 1, height: 1 };
  /** A pane of a split view: small, so its camera fits its stack tightly. */
  private split = false;

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
