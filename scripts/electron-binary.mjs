// Finds the Electron executable WITHOUT triggering a download (require('electron') would try to fetch it).
// Order: $ELECTRON_OVERRIDE_DIST_PATH/<executable>, then node_modules/electron/dist/<path.txt>. Null when neither exists.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const defaultProjectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The executable's path inside an Electron dist folder, per platform (as Electron's own install.js names it). */
export function electronExecutableName(platform = process.platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/** What node_modules/electron/path.txt records as the executable's path inside a dist folder ('' when absent). */
function recordedExecutable(projectDir) {
  const pathFile = path.join(projectDir, 'node_modules', 'electron', 'path.txt');
  return existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
}

/** Where the executable must be inside an ELECTRON_OVERRIDE_DIST_PATH folder. */
function overrideExecutable(override, projectDir, platform) {
  return path.resolve(override, recordedExecutable(projectDir) || electronExecutableName(platform));
}

/**
 * @param {{ env?: Record<string, string | undefined>, projectDir?: string, platform?: string }} [options]
 * @returns {string | null} absolute path of an existing Electron executable, or null
 */
export function resolveElectronBinary(options = {}) {
  const env = options.env ?? process.env;
  const projectDir = options.projectDir ?? defaultProjectDir;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = overrideExecutable(override, projectDir, options.platform);
    return existsSync(candidate) ? candidate : null;
  }
  const recorded = recordedExecutable(projectDir);
  if (recorded) {
    const candidate = path.join(projectDir, 'node_modules', 'electron', 'dist', recorded);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * When ELECTRON_OVERRIDE_DIST_PATH is set but holds no Electron executable: one line that says so, with the path
 * that was looked for. Null when the variable is unset or usable. A wrong override is a mistake to report, not a
 * reason to fall back quietly (or to skip the Electron tests).
 * @param {{ env?: Record<string, string | undefined>, projectDir?: string, platform?: string }} [options]
 * @returns {string | null}
 */
export function electronOverrideProblem(options = {}) {
  const env = options.env ?? process.env;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!override || resolveElectronBinary(options) !== null) return null;
  const expected = overrideExecutable(override, options.projectDir ?? defaultProjectDir, options.platform);
  const what = existsSync(override) ? `has no Electron executable at ${expected}` : 'does not exist';
  return (
    `Ring Minus One: ELECTRON_OVERRIDE_DIST_PATH is set to "${override}", which ${what}. ` +
    'Point it at the folder of an unpacked Electron 45 release (the one holding the executable), or unset it.'
  );
}

export const NO_ELECTRON_MESSAGE =
  'Ring Minus One: the Electron binary is not installed and cannot be downloaded here. ' +
  'Set ELECTRON_OVERRIDE_DIST_PATH to a local Electron 45 folder, or run `npm run web` to use the app in a browser.';
