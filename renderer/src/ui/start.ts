/**
 * The app's second phase (a lazy chunk, loaded after the first 3D frame, see renderer/src/main.ts): the whole built-in
 * library (the rest of the content, parsed, and every cross-check), then the UI. Each step is its own task, so the
 * main thread is never blocked for all of it at once.
 */
import { mount } from 'svelte';
import { loadBuiltInLibrary } from '../model/builtin';
import type { Library, ScenarioFile } from '../model/types';
import type { Platform } from '../platform/Platform';
import type { StackScene } from '../scene/StackScene';
import App from './App.svelte';

/** Lets the browser handle input and draw before the next step (a new task). */
const yieldToMain = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export type Content = { library: Library } | { error: unknown };

/**
 * Mounts the app in `target`. `firstScene`: the 3D view drawn before the app, which the app's viewport adopts;
 * `parsed`: the content files parsed for it.
 */
export async function startApp(
  target: HTMLElement,
  platform: Platform,
  firstScene: StackScene | null,
  parsed?: ReadonlyMap<string, ScenarioFile>,
): Promise<void> {
  performance.mark('rmo:app-chunk');
  await yieldToMain();
  let content: Content;
  try {
    content = { library: loadBuiltInLibrary(undefined, parsed) };
  } catch (error) {
    content = { error };
  }
  performance.mark('rmo:library');
  await yieldToMain();
  mount(App, { target, props: { platform, content, firstScene } });
  performance.mark('rmo:mounted');
}
