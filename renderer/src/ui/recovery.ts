/**
 * Crash recovery, renderer side. The presentation state (what is on stage) is kept in sessionStorage as it changes;
 * when the main process reloads a window whose renderer went away, it adds `?recovered=<reason>` to the address,
 * and the app puts the stage back where it was and says what happened. sessionStorage belongs to the window, so a
 * reload keeps it and nothing is written to disk.
 */
import { parsePresentation } from '../model/presentation';
import type { Stage } from '../stage/Stage';

export const PRESENTATION_KEY = 'ring-minus-one.presentation';
/** Saving at most this often keeps a playing walkthrough from writing every frame. */
const SAVE_EVERY_MS = 500;

/** Keeps the stage's presentation state in `storage` (throttled); returns the way to stop. */
export function keepPresentation(stage: Stage, storage: Storage | null): () => void {
  if (!storage) return () => {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    timer = undefined;
    try {
      storage.setItem(PRESENTATION_KEY, JSON.stringify(stage.presentation()));
    } catch {
      // Full or blocked storage: recovery just starts fresh.
    }
  };
  const stop = stage.subscribe(() => {
    timer ??= setTimeout(save, SAVE_EVERY_MS);
  });
  return () => {
    stop();
    clearTimeout(timer);
  };
}

/**
 * After a crash reload (`?recovered=<reason>` in `search`), puts the kept presentation back on stage. Returns what to
 * tell the learner, or null when this was no crash reload.
 */
export function recoverPresentation(stage: Stage, search: string, storage: Storage | null): string | null {
  const reason = new URLSearchParams(search).get('recovered');
  if (reason === null) return null;
  const what = `The window stopped unexpectedly (${reason || 'unknown reason'}) and was reloaded`;
  let text: string | null = null;
  try {
    text = storage?.getItem(PRESENTATION_KEY) ?? null;
  } catch {
    text = null;
  }
  if (text === null) return `${what}; there was no saved place to go back to.`;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return `${what}; the saved place could not be read, so the app starts fresh.`;
  }
  const parsed = parsePresentation(raw);
  const errors = parsed.ok ? stage.restore(parsed.presentation) : parsed.errors;
  return errors.length === 0
    ? `${what}; you are back where you were.`
    : `${what}; the saved place did not fit (${errors[0]}), so the app starts fresh.`;
}
