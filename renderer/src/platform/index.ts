import { BrowserPlatform } from './BrowserPlatform';
import { ElectronPlatform } from './ElectronPlatform';
import type { Platform } from './Platform';

export type { HandoutExport, Platform, ProgressHost, FileHost, OpenedFile, RecentFile, FileReason } from './Platform';
export * from './settings';
export * from './progress';
export { exportProgress, importProgress, type ImportResult } from './progressFile';

/** The Electron implementation when the preload's API is present, the browser one otherwise. */
export function detectPlatform(): Platform {
  const api = globalThis.window?.ringMinusOne;
  return api ? new ElectronPlatform(api) : new BrowserPlatform();
}
