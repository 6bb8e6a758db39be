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

const KEY = Symbol('ring-minus-one/app');

export function setApp(app: AppState): AppState {
  return setContext(KEY, app);
}

export function getApp(): AppState {
  const app = getContext<AppState | undefined>(KEY);
  if (!app) throw new Error('getApp() outside the app: App.svelte sets the context.');
  return app;
}

const ERRORS = Symbol('ring-minus-one/errors');

/** The log of errors nobody caught (App sets it before anything else can fail). */
export function setErrorLog(log: ErrorLog): ErrorLog {
  return setContext(ERRORS, log);
}

export function getErrorLog(): ErrorLog {
  const log = getContext<ErrorLog | undefined>(ERRORS);
  if (!log) throw new Error('getErrorLog() outside the app: App.svelte sets the context.');
  return log;
}

const AUTHOR_FILES = Symbol('ring-minus-one/author-files');

/** The author's file (App sets it beside the app state). */
export function setAuthorFiles(files: AuthorFileState): AuthorFileState {
  return setContext(AUTHOR_FILES, files);
}

export function getAuthorFiles(): AuthorFileState {
  const files = getContext<AuthorFileState | undefined>(AUTHOR_FILES);
  if (!files) throw new Error('getAuthorFiles() outside the app: App.svelte sets the context.');
  return files;
}

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
