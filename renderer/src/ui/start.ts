/**
 * The app's second phase (a lazy chunk, loaded after the first 3D frame, see renderer/src/main.ts): the rest of the
 * built-in content, parsed; every cross-check over all of it; then the UI, whose viewport adopts the first frame's
 * scene. Each step is its own task, so the main thread is never blocked for all of it at once.
 */
import { mount } from 'svelte';
import { builtInFiles, checkedLibrary } from '../model/builtin';
import type { Library, ScenarioFile } from '../model/types';
import type { Platform } from '../platform/Platform';
import { yieldToMain } from '../platform/yieldToMain';
import App from './App.svelte';
import type { FirstScene } from './context';

export type Content = { library: Library } | { error: unknown };

/**
 * Mounts the app in `target`. `firstScene`: the 3D view drawn before the app, which the app's viewport adopts (and
 * then releases); `parsed`: the content files parsed for it. Resolves false when the built-in content could not load
 * (the app then shows why, and nothing adopts the first scene).
 */
export async function startApp(
  target: HTMLElement,
  platform: Platform,
  firstScene: FirstScene | null,
  parsed?: ReadonlyMap<string, ScenarioFile>,
): Promise<boolean> {
  performance.mark('rmo:app-chunk');
  await yieldToMain();
  let content: Content;
  try {
    const files = builtInFiles(undefined, parsed);
    await yieldToMain();
    content = { library: checkedLibrary(files) };
  } catch (error) {
    content = { error };
  }
  performance.mark('rmo:library');
  await yieldToMain();
  mount(App, { target, props: { platform, content, firstScene } });
  performance.mark('rmo:mounted');
  return 'library' in content;
}
