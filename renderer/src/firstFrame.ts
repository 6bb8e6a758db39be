/**
 * The first 3D frame, before the app: the default architecture's stack drawn by the app's own StackScene in the
 * place the app's 3D view will take, while the rest of the content and the UI load (ui/start.ts, a lazy chunk). The
 * app's viewport then adopts this scene (StackScene.moveTo), so the renderer, its compiled shader programs and the laid
 * out stack are made once. <html> gets `data-first-frame` when this frame is drawn and `data-scene-ready` once the
 * app has drawn it in its viewport. The stand-in element, its canvas and WebGL context are the early script's
 * (scene/earlyContext.ts, run by index.html while the chunks compile) when it made them; made here otherwise.
 *
 * Skipped (null) where the app does not start in Explore: the audience and presenter windows, a crash reload that
 * puts another view back; and where this cannot work (no WebGL, content that does not parse): the app then starts the
 * ordinary way and says what is wrong.
 */
import firstStack from 'virtual:first-stack';
import type { ScenarioFile } from './model/types';
import type { FirstFrameSettings } from './platform/startup';
import { yieldToMain } from './platform/yieldToMain';
import { firstStageElements, startsWithFirstStage, takeEarlyContext } from './scene/earlyContext';
import { StackScene } from './scene/StackScene';
import type { ThemeName } from './scene/palette';

export interface FirstStage {
  scene: StackScene;
  /** The files parsed for it (handed to the library, so they are not parsed twice). */
  parsed: ReadonlyMap<string, ScenarioFile>;
  /** Resolves when the frame has been drawn. */
  drawn: Promise<void>;
  /** Removes the stand-in element; disposes the scene unless the app adopted it (idempotent). */
  release(): void;
}

/**
 * The learner's theme and text size go on <html> at once (the app's settings state applies them again when it loads
 * them), so the first frame is drawn as the app shows it; the motion setting as the app reads it.
 */
async function applySavedSettings(
  saved: Promise<FirstFrameSettings>,
): Promise<{ theme: ThemeName; reducedMotion: boolean }> {
  const settings = await saved;
  const root = document.documentElement;
  root.dataset.theme = settings.theme;
  root.style.setProperty('--text-scale', String(settings.textScale));
  const os = matchMedia('(prefers-reduced-motion: reduce)').matches;
  const mode = settings.reducedMotion;
  return { theme: settings.theme, reducedMotion: mode === 'on' || (mode === 'system' && os) };
}

export async function drawFirstStage(search: string, saved: Promise<FirstFrameSettings>): Promise<FirstStage | null> {
  if (!startsWithFirstStage(search)) return null;
  performance.mark('rmo:start');
  // The stand-in element, canvas and WebGL context made by the early script (index.html), if it ran and WebGL 2 is there.
  const early = takeEarlyContext();
  const loseEarly = (): void => {
    early?.gl.getExtension('WEBGL_lose_context')?.loseContext();
    early?.host.remove();
  };
  // Parsed when the renderer was built (scripts/firstStack.ts); null when the content gives no first stack.
  if (!firstStack) {
    loseEarly();
    return null;
  }
  const { host, canvas } = early ?? firstStageElements(document);
  canvas.setAttribute('aria-hidden', 'true');
  canvas.dataset.testid = 'scene-canvas';
  const labels = document.createElement('div');
  labels.className = 'labels';
  labels.setAttribute('aria-hidden', 'true');
  labels.style.cssText = 'position:absolute;inset:0;pointer-events:none;overflow:hidden';
  host.append(canvas, labels);
  document.body.append(host);
  let scene: StackScene | null = null;
  try {
    const settings = await applySavedSettings(saved);
    performance.mark('rmo:settings');
    scene = new StackScene(canvas, labels, { ...settings, readyAttribute: null, context: early?.gl ?? null });
    performance.mark('rmo:renderer');
    // Three steps of 25-40 ms each on the bench's machine (the module and the renderer, the stack's layout, compiling
    // and drawing the frame), each in a task of its own: in one task they held the main thread for about 90 ms.
    await yieldToMain();
    scene.setStacks([{ key: 'main', architecture: firstStack.architecture, snapshot: null }]);
    performance.mark('rmo:first-layout');
    await yieldToMain();
    void scene.drawFirstFrame();
    return handOver(scene, new Map(firstStack.parsed));
  } catch {
    if (scene) scene.dispose();
    else loseEarly();
    host.remove();
    return null;
  }

  function handOver(s: StackScene, parsed: ReadonlyMap<string, ScenarioFile>): FirstStage {
    return {
      scene: s,
      parsed,
      drawn: s.ready.then(() => void canvas.style.removeProperty('visibility')),
      release: () => {
        if (host.contains(canvas)) s.dispose();
        host.remove();
      },
    };
  }
}
