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

/**
 * @param {{ env?: Record<string, string | undefined>, projectDir?: string, platform?: string }} [options]
 * @returns {string | null} absolute path of an existing Electron executable, or null
 */
export function resolveElectronBinary(options = {}) {
  const env = options.env ?? process.env;
  const projectDir = options.projectDir ?? defaultProjectDir;
  const electronPkg = path.join(projectDir, 'node_modules', 'electron');
  const pathFile = path.join(electronPkg, 'path.txt');
  const recorded = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';

  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = path.resolve(override, recorded || electronExecutableName(options.platform));
    return existsSync(candidate) ? candidate : null;
  }
  if (recorded) {
    const candidate = path.join(electronPkg, 'dist', recorded);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

export const NO_ELECTRON_MESSAGE =
  'Ring Minus One: the Electron binary is not installed and cannot be downloaded here. ' +
  'Set ELECTRON_OVERRIDE_DIST_PATH to a local Electron 45 folder, or run `npm run web` to use the app in a browser.';
