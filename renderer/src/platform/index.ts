import { BrowserPlatform } from './BrowserPlatform';
import { ElectronPlatform } from './ElectronPlatform';
import type { Platform } from './Platform';
import type { StartupSettings } from './startup';

export type { HandoutExport, Platform, ProgressHost, FileHost, OpenedFile, RecentFile, FileReason } from './Platform';
export * from './settings';
export * from './progress';
export { exportProgress, importProgress, type ImportResult } from './progressFile';

/**
 * The Electron implementation when the preload's API is present, the browser one otherwise. `startup` is what
 * start-up read of the settings before the platform was loaded (platform/startup.ts), so they are read once.
 */
export function detectPlatform(startup?: StartupSettings): Platform {
  const api = globalThis.window?.ringMinusOne;
  return api ? new ElectronPlatform(api, startup?.electronReply ?? null) : new BrowserPlatform();
}
