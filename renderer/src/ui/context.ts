/**
 * The app's state as typed Svelte context (svelte.dev's `context.ts` pattern): App sets it once, and a component
 * that needs the Stage's snapshot or sends it commands reads it with `getApp()` instead of taking an `app` prop
 * passed down through every level.
 */
import { getContext, setContext } from 'svelte';
import type { AppState } from './state/AppState.svelte';

const KEY = Symbol('ring-minus-one/app');

export function setApp(app: AppState): AppState {
  return setContext(KEY, app);
}

export function getApp(): AppState {
  const app = getContext<AppState | undefined>(KEY);
  if (!app) throw new Error('getApp() outside the app: App.svelte sets the context.');
  return app;
}
