import type { Shell } from 'electron';
import { isSafeExternalUrl } from './security';

/**
 * The app's only door to the user's browser: an http(s) URL is handed to the OS, anything else is refused.
 * Returns whether the URL was opened.
 */
export function openExternalSafely(shell: Pick<Shell, 'openExternal'>, url: string): boolean {
  if (!isSafeExternalUrl(url)) return false;
  shell.openExternal(url).catch((error: unknown) => {
    console.warn(`Ring Minus One: could not open ${url}: ${error instanceof Error ? error.message : String(error)}`);
  });
  return true;
}
