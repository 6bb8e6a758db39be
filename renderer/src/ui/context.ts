/**
 * The app's state as typed Svelte context (svelte.dev's `context.ts` pattern): App sets it once, and a component
 * that needs the Stage's snapshot or sends it commands reads it with `getApp()` instead of taking an `app` prop
 * passed down through every level.
 */
import { getContext, setContext } from 'svelte';
import type { AppState } from './state/AppState.svelte';
import type { ErrorLog } from './errors/errorLog.svelte';
import type { AuthorFileState } from './state/AuthorFileState.svelte';
import type { StackScene } from '../scene';

/** A value App sets once as context, and its getter, which fails loudly where App has not set it. */
function appContext<T>(name: string, getter: string): [set: (value: T) => T, get: () => T] {
  const key = Symbol(`ring-minus-one/${name}`);
  const set = (value: T): T => setContext(key, value);
  const get = (): T => {
    const value = getContext<T | undefined>(key);
    if (!value) throw new Error(`${getter}() outside the app: App.svelte sets the context.`);
    return value;
  };
  return [set, get];
}

/** The app state (App sets it first). */
export const [setApp, getApp] = appContext<AppState>('app', 'getApp');
/** The log of errors nobody caught (App sets it before anything else can fail). */
export const [setErrorLog, getErrorLog] = appContext<ErrorLog>('errors', 'getErrorLog');
/** The author's file (App sets it beside the app state). */
export const [setAuthorFiles, getAuthorFiles] = appContext<AuthorFileState>('author-files', 'getAuthorFiles');

const FIRST_SCENE = Symbol('ring-minus-one/first-scene');

/** The 3D view drawn before the app mounted (renderer/src/firstFrame.ts). */
export interface FirstScene {
  scene: StackScene;
  /** Removes the element it was drawn in; disposes the scene unless the app's viewport adopted it. Call once. */
  release(): void;
}

/** The 3D view drawn before the app, for the app's viewport to adopt. */
export function setFirstScene(first: FirstScene | null): void {
  setContext(FIRST_SCENE, { first });
}

/** The 3D view drawn before the app, once (a later viewport, or a reload of the 3D view, makes its own); or null. */
export function takeFirstScene(): FirstScene | null {
  const box = getContext<{ first: FirstScene | null } | undefined>(FIRST_SCENE);
  const first = box?.first ?? null;
  if (box) box.first = null;
  return first;
}
