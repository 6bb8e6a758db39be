/**
 * The canvas and WebGL context of the first 3D frame, made before the app's JS runs (issue 11: first frame).
 *
 * index.html runs this module as a small classic script in <head> (scripts/earlyContext.ts makes it: inline in the built
 * page, with its hash in the CSP; a file the dev server serves otherwise). It runs as the parser reaches it and does its
 * work in a task of its own, so it does not hold up the parser (which goes on to request the app's chunks and stylesheet);
 * that task runs while the browser is still fetching and compiling the app's module chunks on other threads (module
 * scripts run only after the document is parsed). Measured against the script loaded from its own file (async in <head>,
 * or at the end of <body>) and against it inline but run at once (start-up marks, the app and the bench's baseline page
 * loaded in turn), this gave the earliest first frame. So two waits on the GPU process that would otherwise block the
 * main thread after the chunks have run happen in that idle time instead:
 * - making the WebGL context (the GPU process makes it after getContext returns; the first call that waits is here);
 * - allocating its drawing buffer at the size it is drawn at: the canvas is sized from its place in the page before
 *   the context is made, so three does not resize (and reallocate) it on the first frame.
 * renderer/src/firstFrame.ts then takes the stand-in element, canvas and context (takeEarlyContext) and gives the
 * context to three's WebGLRenderer (StackScene).
 *
 * This module is turned into a classic script: it imports nothing, and what the script runs is `earlyContext(window)`.
 */

/**
 * The attributes three's WebGLRenderer asks for with the app's renderer settings (antialias, a discrete GPU where
 * there is one). The early context is made with these, so a frame drawn on it is the frame three would draw on its
 * own context; StackScene passes the same settings to three for the case where there is no early context.
 */
export const GL_ATTRIBUTES = {
  alpha: true,
  depth: true,
  stencil: false,
  antialias: true,
  premultipliedAlpha: true,
  preserveDrawingBuffer: false,
  powerPreference: 'high-performance',
  failIfMajorPerformanceCaveat: false,
} as const satisfies WebGLContextAttributes;

/**
 * The extensions three's WebGLRenderer enables when it sets up on a context (WebGLExtensions.init in three r187).
 * Enabling one is a round trip to the GPU process (about 1 ms each on the bench's machine); the early script enables
 * them while the app's chunks load, so three finds them enabled. scripts/earlyContext.test.ts checks this list
 * against three's source.
 */
export const THREE_SETUP_EXTENSIONS = [
  'EXT_color_buffer_float',
  'WEBGL_clip_cull_distance',
  'OES_texture_float_linear',
  'EXT_color_buffer_half_float',
  'WEBGL_multisampled_render_to_texture',
  'WEBGL_render_shared_exponent',
] as const;

/** The window property the early script leaves its work in (null once taken, or when it made none). */
export const EARLY_GLOBAL = '__ringMinusOneEarlyGl';
/** The class of the element the first frame is drawn in (placed by FIRST_STAGE_CSS where the app's 3D view will be). */
export const FIRST_STAGE_CLASS = 'first-stage';
/** The `id` of the <style> element that holds FIRST_STAGE_CSS. */
export const FIRST_STAGE_STYLE_ID = 'first-stage-style';
/**
 * Where the first frame is drawn: about where the app's 3D view will be (under the toolbar, which takes two rows below
 * about 1540 px; left of the side panel: see Shell.svelte) until the app's viewport adopts the scene and gives it its
 * exact size. Here rather than in global.css because the early script lays the stage out before that stylesheet has
 * loaded. It depends on nothing the app's settings change: `rem` is the browser's root font size (the text-size
 * setting scales --text-scale, not the root font), and --bg-viewport is the theme's, once global.css is there.
 */
export const FIRST_STAGE_CSS = [
  '.first-stage{position:fixed;inset:3rem max(300px,26vw) 0 0;background:var(--bg-viewport)}',
  '@media (max-width:1540px){.first-stage{top:5.8rem}}',
  '@media (max-width:900px){.first-stage{inset:8.4rem 0 auto 0;height:max(460px,72vh)}}',
].join('\n');
/** How the first frame's canvas fills that element. */
const FIRST_CANVAS_STYLE = 'position:absolute;inset:0;width:100%;height:100%;display:block;touch-action:none';

/** The pixel ratio the scene draws still frames at: the screen's, at most 2 (StackScene). */
export function fullPixelRatio(devicePixelRatio: number): number {
  return Math.min(devicePixelRatio || 1, 2);
}

export interface EarlyContext {
  /** The `.first-stage` element, in the page, holding `canvas`. */
  host: HTMLElement;
  canvas: HTMLCanvasElement;
  gl: WebGL2RenderingContext;
}

/**
 * Whether this page starts in Explore with a first-frame stage: not the audience or presenter window
 * (`?window=...`), nor a reload after a crash that puts another view back (`?recovered`).
 */
export function startsWithFirstStage(search: string): boolean {
  const query = new URLSearchParams(search);
  return !query.has('window') && !query.has('recovered');
}

/**
 * The first frame's stand-in element (placed by FIRST_STAGE_CSS, which this puts in the page once) and its canvas, hidden
 * until its first frame is drawn: a visible, still empty WebGL canvas costs the compositor a read-back of its buffer
 * (about 15 ms with software WebGL) on the main thread's way to that frame. Made here by the early script, or by
 * firstFrame.ts when the early script made none.
 */
export function firstStageElements(doc: Document): { host: HTMLElement; canvas: HTMLCanvasElement } {
  if (!doc.getElementById(FIRST_STAGE_STYLE_ID)) {
    const style = doc.createElement('style');
    style.id = FIRST_STAGE_STYLE_ID;
    style.textContent = FIRST_STAGE_CSS;
    (doc.head ?? doc.documentElement).append(style);
  }
  const host = doc.createElement('div');
  host.className = FIRST_STAGE_CLASS;
  const canvas = doc.createElement('canvas');
  canvas.style.cssText = FIRST_CANVAS_STYLE;
  canvas.style.visibility = 'hidden';
  host.append(canvas);
  return { host, canvas };
}

/**
 * What the early script runs: the first stage's element and canvas, put in the page and sized there, and the
 * canvas's WebGL2 context, left on `window` for firstFrame.ts. It makes none when the app has already looked for it
 * (its task, or the dev server's async file, may in principle come after the app's chunks have run). Run before the
 * parser has reached <body>, the stage goes in <html> (the parser puts <body> after it; position: fixed lays it out
 * the same) and firstFrame.ts moves it into <body>.
 */
export function earlyContext(win: Window & typeof globalThis): void {
  const slot = win as unknown as Record<string, EarlyContext | null | undefined>;
  if (EARLY_GLOBAL in slot || !startsWithFirstStage(win.location.search)) return;
  const { host, canvas } = firstStageElements(win.document);
  (win.document.body ?? win.document.documentElement).append(host);
  try {
    // What StackScene's resize will ask for: the element's size in whole CSS pixels, times the pixel ratio.
    const ratio = fullPixelRatio(win.devicePixelRatio);
    canvas.width = Math.floor(Math.max(1, Math.floor(host.clientWidth)) * ratio);
    canvas.height = Math.floor(Math.max(1, Math.floor(host.clientHeight)) * ratio);
    const gl = canvas.getContext('webgl2', GL_ATTRIBUTES as WebGLContextAttributes);
    if (gl) {
      for (const name of THREE_SETUP_EXTENSIONS) gl.getExtension(name);
      // Waits for the GPU process to make the context and its drawing buffer: here, not in three's set-up later.
      gl.getError();
      slot[EARLY_GLOBAL] = { host, canvas, gl };
      // The bench reports this beside the app's other start-up marks (scripts/bench.mjs).
      win.performance?.mark('rmo:early');
      return;
    }
  } catch {
    // No early context: three makes its own (or says that WebGL is missing) when the app starts.
  }
  host.remove();
}

/**
 * Takes what the early script made, once: null when it made nothing (or has not run, when it then makes nothing).
 */
export function takeEarlyContext(win: Window = window): EarlyContext | null {
  const slot = win as unknown as Record<string, EarlyContext | null | undefined>;
  const early = slot[EARLY_GLOBAL] ?? null;
  slot[EARLY_GLOBAL] = null;
  return early;
}
