/** The executable's path inside an Electron dist folder for a platform (`electron`, `electron.exe`, `Electron.app/…`). */
export function electronExecutableName(platform?: string): string;
/** Absolute path of an existing Electron executable, or null; never downloads. */
export function resolveElectronBinary(options?: {
  env?: Record<string, string | undefined>;
  projectDir?: string;
  platform?: string;
}): string | null;
/** One line when ELECTRON_OVERRIDE_DIST_PATH is set but holds no Electron executable; null otherwise. */
export function electronOverrideProblem(options?: {
  env?: Record<string, string | undefined>;
  projectDir?: string;
  platform?: string;
}): string | null;
/** The one line printed when no Electron binary is available. */
export const NO_ELECTRON_MESSAGE: string;
