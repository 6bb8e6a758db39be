import path from 'node:path';
import { JsonFileStore, type JsonFileFs } from './jsonFileStore';
import { recentPathsSchema } from './ipc/files';
import {
  DEFAULT_SETTINGS,
  MAX_SETTINGS_BYTES,
  describeIssues,
  readSettingsFields,
  settingsSchema,
  RECENT_FILES_KEY,
  type Settings,
  type SettingsLoad,
} from './ipc/settings';

export const SETTINGS_FILE_NAME = 'settings.json';

/** The file operations the store uses; tests pass variants that fail at a chosen step. */
export type SettingsFs = JsonFileFs;

export interface SettingsStoreOptions {
  /** The folder that holds settings.json (app.getPath('userData') in the app). */
  dir: string;
  fs?: SettingsFs;
  log?: (message: string) => void;
  /** For the name of a set-aside file; defaults to the current time. */
  now?: () => Date;
  /** Files larger than this are set aside unread; defaults to MAX_SETTINGS_BYTES. */
  maxBytes?: number;
}

/** What settings.json holds: the settings plus any keys this version does not know, kept for whoever wrote them. */
type StoredSettings = Settings & Record<string, unknown>;

export function settingsPath(dir: string): string {
  return path.join(dir, SETTINGS_FILE_NAME);
}

/**
 * The user's settings in `<userData>/settings.json`, kept by jsonFileStore.ts's rules (size checked before reading,
 * unusable files set aside as `settings.json.corrupt-<time>`, atomic serialized saves). Read field by field: a wrong
 * field falls back to its default (the file is set aside, the valid fields are kept and written back), and unknown
 * keys are kept through load and save, only logged.
 */
export class SettingsStore {
  private readonly store: JsonFileStore<StoredSettings>;
  /** Unknown keys of the last load, written back with every save (the renderer only sends the known ones). */
  private unknown: Record<string, unknown> = {};
  /** The first load; a save waits for it, so that the unknown keys are known before anything is written. */
  private firstLoad: Promise<SettingsLoad> | null = null;
  /** The recent-files list: main's alone (the renderer never sends paths), kept beside the settings in the file. */
  private recent: string[] = [];
  /** The settings as last loaded or saved, written again when only the recent list changes. */
  private current: Settings = { ...DEFAULT_SETTINGS };
  private readonly log: (message: string) => void;

  constructor(options: SettingsStoreOptions) {
    const log = options.log ?? ((message: string) => console.warn(message));
    this.log = log;
    const file = settingsPath(options.dir);
    this.store = new JsonFileStore<StoredSettings>({
      file,
      what: 'settings',
      label: 'corrupt',
      maxBytes: options.maxBytes ?? MAX_SETTINGS_BYTES,
      fresh: () => ({ ...DEFAULT_SETTINGS }),
      check: (raw) => {
        const { settings, problems, unknown } = readSettingsFields(raw);
        const keys = Object.keys(unknown).filter((key) => key !== RECENT_FILES_KEY);
        if (keys.length > 0) {
          log(`Ring Minus One: settings file ${file}: kept keys this version does not know: ${keys.join(', ')}.`);
        }
        const value = { ...unknown, ...settings };
        if (problems.length === 0) return { ok: true, value };
        const reason = `invalid settings: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`;
        return { ok: false, reason, salvaged: value };
      },
      serialize: (settings) => `${JSON.stringify(settings, null, 2)}\n`,
      fs: options.fs,
      log,
      now: options.now,
    });
  }

  /** Reads settings.json. Never throws: a missing file gives the defaults, a bad one is set aside (problem). */
  load(): Promise<SettingsLoad> {
    const loading = this.loadNow();
    this.firstLoad ??= loading;
    return loading;
  }

  private async loadNow(): Promise<SettingsLoad> {
    const { value, problem } = await this.store.load();
    const { settings, unknown } = readSettingsFields(value);
    const { [RECENT_FILES_KEY]: recent, ...rest } = unknown;
    this.unknown = rest;
    this.current = settings;
    const parsed = recentPathsSchema.safeParse(recent ?? []);
    this.recent = parsed.success ? parsed.data : [];
    if (!parsed.success)
      this.log(`Ring Minus One: the recent-files list in settings.json was unusable and starts empty.`);
    return { settings, problem };
  }

  /** Validates and writes; returns the settings as saved (defaults filled in). */
  async save(settings: unknown): Promise<Settings> {
    const parsed = settingsSchema.safeParse(settings);
    if (!parsed.success) throw new Error(`Refusing to save invalid settings: ${describeIssues(parsed.error)}`);
    await (this.firstLoad ?? this.load());
    this.current = parsed.data;
    await this.write();
    return parsed.data;
  }

  /** The recent-files list (absolute paths, most recent first), as stored. */
  async recentFiles(): Promise<string[]> {
    await (this.firstLoad ?? this.load());
    return [...this.recent];
  }

  /** Replaces the recent-files list and writes it with the settings. */
  async setRecentFiles(paths: readonly string[]): Promise<void> {
    const parsed = recentPathsSchema.safeParse(paths);
    if (!parsed.success)
      throw new Error(`Refusing to save an invalid recent-files list: ${describeIssues(parsed.error)}`);
    await (this.firstLoad ?? this.load());
    this.recent = parsed.data;
    await this.write();
  }

  private write(): Promise<void> {
    const recent = this.recent.length > 0 ? { [RECENT_FILES_KEY]: this.recent } : {};
    return this.store.save({ ...this.unknown, ...recent, ...this.current });
  }
}
