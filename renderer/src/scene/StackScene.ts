/**
 * The 3D view: wraps StackGraph with a WebGLRenderer, CSS2D labels, camera rigs and pointer picking.
 * One ticker (renderer.setAnimationLoop) renders on demand: it runs only while something changes (invalidation, a camera
 * tween, damping settling) and then sets the loop to null, so an idle scene draws no frames.
 *
 * One stack (Explore, Walkthrough, Lab): one pane over the whole canvas. Two or more (Compare): the canvas is split
 * (paneSplit.ts) into one pane per stack, left/right or top/bottom, each drawn with its own camera fitted to its stack
 * (viewport + scissor), its own clipped label layer and its own label overlap pass. Pointer input goes to the pane under
 * the pointer: it picks with that pane's camera, and only that pane's camera orbits (the stacks differ in size, and
 * framing a component in one must not fly the other to an unrelated point; Home resets both).
 */
import { Color, Raycaster, Vector2, WebGLRenderer } from 'three';
import type { CameraPreset } from '../model/presentation';
import { composeCapture } from './captureImage';
import { CssLabelFactory } from './CssLabels';
import { fullPixelRatio, GL_ATTRIBUTES } from './earlyContext';
import { LABEL_CSS } from './labelStyles';
import { MotionQuality } from './motionQuality';
import type { ThemeName } from './palette';
import { paneNdc } from './paneSplit';
import { ScenePanes } from './ScenePanes';
import type { PickResult, StackInput, StackLayoutMode } from './sceneTypes';
import { StackGraph } from './StackGraph';

export interface SceneStats {
  drawCalls: number;
  triangles: number;
  geometries: number;
  textures: number;
  framesRendered: number;
  programs: number;
  /** The pixel ratio of the last frame (lower than the device's while moving on a slow machine, see motionQuality). */
  pixelRatio: number;
  /** True while the WebGL context is lost. */
  contextLost: boolean;
  /** True when nothing moves: the frame loop has stopped (camera, packets and labels have settled). */
  settled: boolean;
}

export interface StackSceneOptions {
  theme: ThemeName;
  reducedMotion: boolean;
  /**
   * The attribute of <html> (as `dataset` names it) set to "true" once a frame has been drawn and its labels placed:
   * `sceneReady` by default (the app is up; tests wait for it). The stage drawn before the app (renderer/src/
   * firstFrame.ts) passes null, and says `sceneReady` once the app's viewport has adopted it (`moveTo`). Every scene
   * also sets `firstFrame` when it draws its first frame.
   */
  readyAttribute?: string | null;
  /**
   * A WebGL2 context already made on `canvas` with GL_ATTRIBUTES (renderer/src/scene/earlyContext.ts: made before the
   * app's chunks ran). Without one, three makes the context with the same attributes.
   */
  context?: WebGL2RenderingContext | null;
}

const hex = (c: number): string => `#${c.toString(16).padStart(6, '0')}`;

const OVERLAP_INTERVAL_MS = 150;

export class StackScene {
  onHover?: (p: PickResult | null) => void;
  onSelect?: (p: PickResult | null) => void;
  /** Resolves when the first frame with a stack in it has been drawn. */
  readonly ready: Promise<void>;

  private readonly renderer: WebGLRenderer;
  private readonly fullPixelRatio = fullPixelRatio(globalThis.devicePixelRatio);
  private readonly quality = new MotionQuality();
  /** The fraction of the full pixel ratio the canvas is drawn at now. */
  private drawScale = 1;
  /** Time of the last frame drawn while something moved, or -1 after a still frame. */
  private lastMovingTime = -1;
  private readonly labels = new CssLabelFactory();
  private readonly graph: StackGraph;
  /** One pane (whole canvas) or, with two or more stacks, one per stack in screen order. */
  private readonly panes: ScenePanes;
  private readonly raycaster = new Raycaster();
  private readonly styleEl: HTMLStyleElement;
  private readonly cleanups: (() => void)[] = [];
  /** Undoes what `bindParent` set up on the canvas's parent element. */
  private unbindParent: () => void = () => {};
  private readyAttribute: string | null;
  /** Shader programs are being compiled (drawFirstFrame): no frame is drawn until they are ready. */
  private compiling = false;
  /** A frame with a stack in it has been drawn. */
  private drewStack = false;
  /** The label overlap pass has run after such a frame (the label layer is not displayed until then). */
  private labelsPlaced = false;
  private resolveReady: () => void = () => {};
  private isReady = false;
  private ticker: ((dtSeconds: number) => boolean) | null = null;
  private lastTickTime = -1;
  private loopRunning = false;
  private dirty = true;
  private labelsDirty = true;
  private lastOverlap = 0;
  private frames = 0;
  private lost = false;
  private disposed = false;
  private width = 1;
  private height = 1;
  private down: { x: number; y: number } | null = null;
  /** Waiting for the frame loop to stop (whenSettled). */
  private settledWaiters: (() => void)[] = [];

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly labelRoot: HTMLElement,
    options: StackSceneOptions,
  ) {
    this.readyAttribute = options.readyAttribute === undefined ? 'sceneReady' : options.readyAttribute;
    // Out of layout until the first overlap pass (laying out the labels' text is a large part of a first frame).
    labelRoot.style.display = 'none';
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
    this.renderer = new WebGLRenderer({
      canvas,
      ...(options.context ? { context: options.context } : {}),
      antialias: GL_ATTRIBUTES.antialias,
      powerPreference: GL_ATTRIBUTES.powerPreference,
      depth: GL_ATTRIBUTES.depth,
      stencil: GL_ATTRIBUTES.stencil,
      premultipliedAlpha: GL_ATTRIBUTES.premultipliedAlpha,
      preserveDrawingBuffer: GL_ATTRIBUTES.preserveDrawingBuffer,
      failIfMajorPerformanceCaveat: GL_ATTRIBUTES.failIfMajorPerformanceCaveat,
    });
    this.renderer.setPixelRatio(this.fullPixelRatio);
    // A frame may draw several panes: the counters are reset once per frame, not per render() call.
    this.renderer.info.autoReset = false;
    this.graph = new StackGraph(this.labels, options.theme);
    this.styleEl = document.createElement('style');
    this.styleEl.textContent = LABEL_CSS;
    labelRoot.append(this.styleEl);
    this.panes = new ScenePanes(canvas, labelRoot, options, () => {
      this.labelsDirty = true;
      this.invalidate();
    });
    this.applyThemeClass();

    this.on(canvas, 'webglcontextlost', (e) => {
      e.preventDefault();
      this.lost = true;
      this.stopLoop();
    });
    this.on(canvas, 'webglcontextrestored', () => {
      this.lost = false;
      this.invalidate();
    });
    this.on(canvas, 'pointermove', (e) => this.onPointerMove(e as PointerEvent));
    this.on(canvas, 'pointerleave', () => this.hoverTo(null));
    this.on(canvas, 'pointerdown', (e) => {
      const p = e as PointerEvent;
      this.down = { x: p.clientX, y: p.clientY };
    });
    this.on(canvas, 'pointerup', (e) => this.onPointerUp(e as PointerEvent));
    // Label sizes change when web fonts finish loading: check overlaps again then.
    const fonts = (document as Document & { fonts?: FontFaceSet }).fonts;
    if (fonts) {
      void fonts.ready.then(() => this.invalidate());
      this.on(fonts, 'loadingdone', () => this.invalidate());
    }

    this.bindParent();
    this.resize();
    this.invalidate();
  }

  /**
   * Moves the canvas and its labels into `parent` (the app's viewport adopting the stage drawn before the app, see
   * renderer/src/firstFrame.ts): the renderer, its compiled programs and the laid-out stack are kept; the view takes
   * the new size, and the next frame drawn there sets the `readyAttribute` (default `sceneReady`) on <html>.
   */
  moveTo(parent: HTMLElement, readyAttribute: string | null = 'sceneReady'): void {
    if (this.disposed) return;
    this.unbindParent();
    parent.append(this.canvas, this.labelRoot);
    this.bindParent();
    this.readyAttribute = readyAttribute;
    this.isReady = false;
    this.resize();
    this.invalidate();
  }

  /**
   * Draws the first frame as soon as it can (issue 11: first frame). Where the GPU links shader programs in parallel
   * (KHR_parallel_shader_compile), three's compileAsync first polls them without blocking the main thread, and the
   * frame is drawn in the task that finds them linked; where it does not (SwiftShader, the software WebGL of machines
   * whose GPU is blocklisted), the frame is drawn at once and compiles its 3 programs on the way: compiling ahead and
   * polling a fence there made the first frame about 20 ms later (the bench's start-up marks, medians of 9 runs: 51 ms
   * from layout to frame with the fence poll, 30 ms without); drawing it in a task of its own after the set-up (a
   * message to itself) made it about 8 ms later in CI's runs. The loop then places the labels on the next frame
   * (tick). Resolves when the frame has been drawn.
   */
  async drawFirstFrame(): Promise<void> {
    const camera = this.panes.list[0]?.camera;
    if (!camera || this.disposed) return;
    if (this.renderer.extensions.has('KHR_parallel_shader_compile')) {
      this.compiling = true;
      try {
        await this.renderer.compileAsync(this.graph.scene, camera);
      } finally {
        this.compiling = false;
      }
    }
    if (this.drewStack || this.disposed || this.lost) {
      this.invalidate();
      return;
    }
    this.dirty = true;
    this.tick(performance.now());
    this.startLoop();
  }

  /** Listens on the canvas's parent: pointer routing between panes, and its size. */
  private bindParent(): void {
    const host = this.canvas.parentElement;
    if (!host) return;
    // Split view: before the orbit controls see a press or a wheel turn, only the pane under the pointer listens.
    const route = (e: Event): void => {
      // Not in the middle of a drag: the pane being dragged keeps the controls until the button is released.
      if (e.type === 'wheel' && this.down) return;
      this.panes.route((e as PointerEvent).clientX, (e as PointerEvent).clientY);
    };
    host.addEventListener('pointerdown', route, { capture: true });
    host.addEventListener('wheel', route, { capture: true, passive: true });
    const observer = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(() => this.resize()) : null;
    observer?.observe(host);
    this.unbindParent = () => {
      host.removeEventListener('pointerdown', route, { capture: true });
      host.removeEventListener('wheel', route, { capture: true });
      observer?.disconnect();
    };
  }

  setStacks(stacks: StackInput[]): void {
    if (this.disposed) return;
    const { changed, relayout, animate } = this.graph.setStacks(stacks);
    if (relayout) {
      this.layoutPanes();
      this.refit(false, animate === true);
    }
    if (changed) {
      this.labelsDirty = true;
      this.invalidate();
    }
  }

  setLayout(layout: StackLayoutMode): void {
    if (this.graph.setLayout(layout)) {
      this.layoutPanes();
      this.refit(false);
      this.invalidate();
    }
  }

  setTheme(theme: ThemeName): void {
    if (!this.graph.setTheme(theme)) return;
    this.applyThemeClass();
    this.invalidate();
  }

  setReducedMotion(on: boolean): void {
    this.panes.setReducedMotion(on);
    this.invalidate();
  }

  setSelection(sel: PickResult | null): void {
    if (this.graph.setSelection(sel)) {
      this.labelsDirty = true;
      this.invalidate();
    }
  }

  /** Flies every pane to the view of a camera preset (a cut under reduced motion). */
  setCameraPreset(preset: CameraPreset): void {
    if (this.panes.setPreset(preset)) this.resetView();
  }

  /** Dims every component not listed (empty: nothing dims): the presenter's spotlight. */
  setSpotlight(ids: readonly string[]): void {
    if (this.graph.setSpotlight(ids)) {
      this.labelsDirty = true;
      this.invalidate();
    }
  }

  setHover(sel: PickResult | null): void {
    if (this.graph.setHover(sel)) this.invalidate();
  }

  /** The component under a client point: a label first, else a block hit by a ray of the pane under the point. */
  pick(clientX: number, clientY: number): PickResult | null {
    const fromLabel = this.labels.componentAt(clientX, clientY);
    if (fromLabel) return fromLabel;
    const at = this.panes.paneUnder(clientX, clientY);
    if (!at) return null;
    const ndc = paneNdc(at.pane.rect, at.x, at.y);
    this.raycaster.setFromCamera(new Vector2(ndc.x, ndc.y), at.pane.camera);
    return this.graph.pickOf(this.raycaster.intersectObjects(this.graph.pickables(at.pane.keys), false)[0]);
  }

  /** Moves the camera of the pane that shows the selection close to it. */
  frameSelection(): void {
    const sel = this.graph.selected;
    const c = sel ? this.graph.blockCenter(sel) : null;
    const pane = sel ? this.panes.paneOf(sel.stackKey) : null;
    if (!c || !pane) return;
    pane.rig.focus(c, 0.45);
    this.invalidate();
  }

  /** Back to the default view, in every pane. */
  resetView(): void {
    for (const p of this.panes.list) p.fit(this.graph.frameBox(p.keys), true);
    this.labelsDirty = true;
    this.invalidate();
  }

  /** Requests one render (and a label overlap check: call it after changing --label-font-scale). */
  invalidate(): void {
    this.dirty = true;
    this.labelsDirty = true;
    this.startLoop();
  }

  stats(): SceneStats {
    const info = this.renderer.info;
    return {
      drawCalls: info.render.calls,
      triangles: info.render.triangles,
      geometries: info.memory.geometries,
      textures: info.memory.textures,
      framesRendered: this.frames,
      programs: info.programs?.length ?? 0,
      pixelRatio: this.renderer.getPixelRatio(),
      contextLost: this.lost,
      settled: !this.loopRunning,
    };
  }

  /**
   * Test hook: where each layer's slab shows on the canvas (front-face centre, CSS px from the canvas's top-left) and
   * the colour it is drawn in.
   */
  layerProbes(): { stackKey: string; layerId: string; color: string; x: number; y: number }[] {
    return this.graph.slabFaces().flatMap((f) => {
      const at = this.panes.toCanvas(f.stackKey, f.point);
      return at ? [{ stackKey: f.stackKey, layerId: f.layerId, color: hex(f.color), x: at.x, y: at.y }] : [];
    });
  }

  /**
   * Test hook: a point on a block's visible front face that no label covers, in CSS px from the canvas's top-left,
   * or null when every candidate point is covered or off screen.
   */
  blockProbe(sel: PickResult): { x: number; y: number } | null {
    const rect = this.canvas.getBoundingClientRect();
    for (const p of this.graph.blockFrontPoints(sel)) {
      const at = this.panes.toCanvas(sel.stackKey, p);
      if (!at) continue;
      if (this.labels.componentAt(rect.left + at.x, rect.top + at.y)) continue;
      return at;
    }
    return null;
  }

  /**
   * Test hook: the rectangle around a block on the canvas (its box's corners as its pane's camera sees them), or with no
   * component, around the whole stack's geometry; CSS px from the canvas's top-left, or null.
   */
  screenRect(
    stackKey: string,
    componentId?: string,
  ): { left: number; right: number; top: number; bottom: number } | null {
    if (componentId) {
      const box = this.graph.blockBox({ stackKey, componentId });
      return box ? this.panes.screenRect(stackKey, box) : null;
    }
    const root = this.graph.stackGroup(stackKey);
    return root ? this.panes.screenRect(stackKey, [root]) : null;
  }

  /** Test hook: the background colour of the current theme, as #rrggbb. */
  clearColor(): string {
    return hex(this.graph.cache.palette.background);
  }

  /** Test hook: loses the WebGL context and restores it; resolves once a frame has been drawn again. */
  async simulateContextLoss(): Promise<void> {
    const ext = this.renderer.getContext().getExtension('WEBGL_lose_context');
    if (!ext) throw new Error('WEBGL_lose_context is not available');
    const restored = new Promise<void>((resolve) =>
      this.canvas.addEventListener('webglcontextrestored', () => resolve(), { once: true }),
    );
    ext.loseContext();
    await new Promise((r) => setTimeout(r, 50));
    ext.restoreContext();
    await restored;
    const before = this.frames;
    this.invalidate();
    while (this.frames === before && !this.disposed) await new Promise((r) => setTimeout(r, 16));
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.ticker = null;
    this.stopLoop();
    this.unbindParent();
    for (const c of this.cleanups) c();
    this.cleanups.length = 0;
    this.panes.dispose();
    this.graph.dispose();
    this.styleEl.remove();
    this.renderer.dispose();
  }

  private on(
    target: {
      addEventListener: (t: string, l: (e: Event) => void) => void;
      removeEventListener: (t: string, l: (e: Event) => void) => void;
    },
    type: string,
    listener: (e: Event) => void,
  ): void {
    target.addEventListener(type, listener);
    this.cleanups.push(() => target.removeEventListener(type, listener));
  }

  /**
   * Hands the frame loop a model clock (DESIGN.md convention 3: one ticker). While set, every frame first calls
   * `tick(dt)` (seconds since the last frame), which advances the model and syncs the scene; the loop keeps running
   * until it returns false. Null stops it; the scene then renders on demand again.
   */
  setTicker(tick: ((dtSeconds: number) => boolean) | null): void {
    this.ticker = tick;
    this.lastTickTime = -1;
    if (tick) this.startLoop();
  }

  private startLoop(): void {
    if (this.loopRunning || this.disposed || this.lost) return;
    this.loopRunning = true;
    this.renderer.setAnimationLoop((t) => this.tick(t));
  }

  private stopLoop(): void {
    if (!this.loopRunning) return;
    this.loopRunning = false;
    this.renderer.setAnimationLoop(null);
    const waiters = this.settledWaiters;
    this.settledWaiters = [];
    for (const w of waiters) w();
  }

  /** Resolves once nothing moves: the frame loop has stopped (camera, packets and labels have settled). */
  whenSettled(): Promise<void> {
    if (!this.loopRunning) return Promise.resolve();
    return new Promise((resolve) => this.settledWaiters.push(resolve));
  }

  /**
   * A picture of the view as it stands, labels included (PNG data URL): a still frame is drawn at full resolution and
   * read in the same task, so the drawing buffer need not be preserved. Call it once the view has settled.
   */
  capture(): string {
    if (this.lost || this.disposed) throw new Error('The 3D view has no drawing context to take a picture from.');
    if (this.drawScale !== 1) {
      this.drawScale = 1;
      this.renderer.setPixelRatio(this.fullPixelRatio);
    }
    this.renderer.info.reset();
    this.panes.draw(this.renderer, this.graph);
    return composeCapture(this.canvas, this.labelRoot);
  }

  private tick(time: number): void {
    if (this.compiling) {
      this.stopLoop();
      return;
    }
    let moving = this.panes.step(time);
    if (this.ticker) {
      const dt = this.lastTickTime < 0 ? 0 : (time - this.lastTickTime) / 1000;
      this.lastTickTime = time;
      if (this.ticker(dt)) moving = true;
      else this.setTicker(null);
    }
    if (moving) this.labelsDirty = true;
    // Moving frames may draw at a lower resolution; a still frame always at full (when motion has just ended, this
    // frame is drawn again at full resolution now, in the same task as the resize, so nothing blank is shown).
    const scale = moving ? this.movingScale(time) : 1;
    if (!moving) {
      this.lastMovingTime = -1;
      this.quality.rest();
    }
    if (scale !== this.drawScale) {
      this.drawScale = scale;
      this.renderer.setPixelRatio(this.fullPixelRatio * scale);
      this.dirty = true;
    }
    if (this.dirty || moving) {
      this.dirty = false;
      this.renderer.info.reset();
      this.panes.draw(this.renderer, this.graph);
      this.frames++;
      if (!this.drewStack && this.graph.stacks.size > 0) {
        this.drewStack = true;
        document.documentElement.dataset.firstFrame = 'true';
        performance.mark('rmo:first-frame');
        this.resolveReady();
      }
      // The first frame is shown as soon as it is drawn: its labels (not displayed until then) are laid out and placed
      // by the overlap pass of the next frame, in a task of its own (issue 11: first frame, blocking time).
      if (this.labelsDirty && this.labelsPlaced && time - this.lastOverlap > OVERLAP_INTERVAL_MS) this.runOverlap(time);
      this.announceReady();
      return;
    }
    if (this.labelsDirty) this.runOverlap(time);
    this.announceReady();
    // Now that the labels are placed, a split view's panes fit their stacks with them (ScenePanes.refineFits).
    if (this.panes.refineFits(this.graph, (layer) => this.labels.placedIn(layer))) {
      this.invalidate();
      return;
    }
    this.stopLoop();
  }

  /** Judges the frame time of moving frames (rAF intervals) and returns the resolution scale to draw at. */
  private movingScale(time: number): number {
    if (this.lastMovingTime >= 0) this.quality.movingFrame(time - this.lastMovingTime);
    this.lastMovingTime = time;
    return this.quality.scale;
  }

  private runOverlap(time: number): void {
    this.labelsDirty = false;
    this.lastOverlap = time;
    if (!this.labelsPlaced && this.drewStack) {
      this.labelsPlaced = true;
      this.labelRoot.style.display = '';
    }
    for (const p of this.panes.list) this.labels.resolveOverlaps(p.labelLayer, this.panes.split);
  }

  /** Sets the ready attribute once a frame has been drawn with its labels placed. */
  private announceReady(): void {
    if (this.isReady || !this.labelsPlaced || this.readyAttribute === null) return;
    this.isReady = true;
    document.documentElement.dataset[this.readyAttribute] = 'true';
    performance.mark(`rmo:${this.readyAttribute}`);
  }

  private resize(): void {
    const parent = this.canvas.parentElement;
    const w = Math.max(1, Math.floor(parent?.clientWidth ?? this.canvas.clientWidth ?? 1));
    const h = Math.max(1, Math.floor(parent?.clientHeight ?? this.canvas.clientHeight ?? 1));
    if (w === this.width && h === this.height) return;
    this.width = w;
    this.height = h;
    this.renderer.setSize(w, h, false);
    const r = this.graph.setViewportAspect(w / h);
    this.layoutPanes();
    // A new layout always re-frames; otherwise a view the user moved to is kept.
    this.refit(!r.relayout);
    this.invalidate();
  }

  /** Re-frames the default view of every pane (keeps a view the user moved to when only the size changed). */
  private refit(onResize: boolean, animate = false): void {
    for (const p of this.panes.list) p.refit(this.graph.frameBox(p.keys), onResize, animate);
    this.labelsDirty = true;
  }

  /** One pane for one stack, one pane per stack for more (see ScenePanes). */
  private layoutPanes(): void {
    this.panes.layout(this.graph, this.width, this.height);
    this.labelsDirty = true;
  }

  private applyThemeClass(): void {
    this.panes.setTheme(this.graph.theme);
    // The scene background (not the renderer's clear colour) survives a WebGL context restore.
    this.graph.scene.background = new Color(this.graph.cache.palette.background);
  }

  private onPointerMove(e: PointerEvent): void {
    if (e.buttons !== 0) return;
    this.hoverTo(this.pick(e.clientX, e.clientY));
  }

  private hoverTo(p: PickResult | null): void {
    if (this.graph.setHover(p)) {
      this.canvas.style.cursor = p ? 'pointer' : '';
      this.invalidate();
      this.onHover?.(p);
    }
  }

  private onPointerUp(e: PointerEvent): void {
    const d = this.down;
    this.down = null;
    if (!d || Math.hypot(e.clientX - d.x, e.clientY - d.y) > 5) return;
    const p = this.pick(e.clientX, e.clientY);
    this.onSelect?.(p);
  }
}
