import { promises as nodeFs } from 'node:fs';
import path from 'node:path';
import { moveAside, saveFileDurably, type DurableFs } from './durableFile';
import { DEFAULT_SETTINGS, describeIssues, settingsSchema, type Settings } from './ipc/settings';

export const SETTINGS_FILE_NAME = 'settings.json';

/** The file operations the store uses; tests pass a variant whose rename fails. */
export interface SettingsFs extends DurableFs {
  readFile(file: string, encoding: 'utf8'): Promise<string>;
  stat(file: string): Promise<unknown>;
}

export interface SettingsStoreOptions {
  /** The folder that holds settings.json (app.getPath('userData') in the app). */
  dir: string;
  fs?: SettingsFs;
  log?: (message: string) => void;
  /** For the name of a set-aside file; defaults to the current time. */
  now?: () => Date;
}

export interface LoadResult {
  settings: Settings;
  /** Set when the file was unreadable or invalid and was moved aside: where it went and why. */
  problem?: { reason: string; movedTo: string | null };
}

export function settingsPath(dir: string): string {
  return path.join(dir, SETTINGS_FILE_NAME);
}

/**
 * Reads settings.json. A missing file gives the defaults. A file that is not JSON or does not match the schema is
 * never lost: it is renamed to `settings.json.corrupt-<time>` beside it, the defaults are used, and the log says
 * which file, what was wrong, and where the old content now is.
 */
export async function loadSettings(options: SettingsStoreOptions): Promise<LoadResult> {
  const fs = options.fs ?? nodeFs;
  const log = options.log ?? ((message: string) => console.warn(message));
  const file = settingsPath(options.dir);

  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { settings: { ...DEFAULT_SETTINGS } };
    const reason = `cannot read the file (${(error as Error).message})`;
    log(`Ring Minus One: settings file ${file}: ${reason}; using default settings.`);
    return { settings: { ...DEFAULT_SETTINGS }, problem: { reason, movedTo: null } };
  }

  let reason: string;
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { settings: parsed.data };
    reason = `invalid settings: ${describeIssues(parsed.error, '(top level)')}`;
  } catch (error) {
    reason = `not valid JSON (${(error as Error).message})`;
  }

  try {
    const movedTo = await moveAside(file, 'corrupt', (options.now ?? (() => new Date()))(), fs);
    log(`Ring Minus One: settings file ${file}: ${reason}. Kept it as ${movedTo}; using default settings.`);
    return { settings: { ...DEFAULT_SETTINGS }, problem: { reason, movedTo } };
  } catch (error) {
    log(
      `Ring Minus One: settings file ${file}: ${reason}. Could not move it aside (${(error as Error).message}); ` +
        'left it in place and using default settings.',
    );
    return { settings: { ...DEFAULT_SETTINGS }, problem: { reason, movedTo: null } };
  }
}

/**
 * Validates and writes settings atomically and durably (durableFile.ts: temp file, fsync, rename, in call order).
 * If anything fails, the previous settings.json is untouched and the temporary file is removed. Returns the
 * settings as saved (defaults filled in).
 */
export async function saveSettings(options: SettingsStoreOptions, settings: unknown): Promise<Settings> {
  const fs = options.fs ?? nodeFs;
  const parsed = settingsSchema.safeParse(settings);
  if (!parsed.success) throw new Error(`Refusing to save invalid settings: ${describeIssues(parsed.error)}`);

  const file = settingsPath(options.dir);
  try {
    await saveFileDurably(file, `${JSON.stringify(parsed.data, null, 2)}\n`, fs);
  } catch (error) {
    throw new Error(`Could not save settings to ${file}: ${(error as Error).message}`);
  }
  return parsed.data;
}
