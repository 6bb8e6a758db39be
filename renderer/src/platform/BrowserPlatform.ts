import { BrowserFiles, browserFilePicker } from './BrowserFiles';
import type { HandoutExport, Platform } from './Platform';
import {
  checkProgress,
  describeProgressProblem,
  emptyProgress,
  type Progress,
  type ProgressSaveStatus,
} from './progress';
import { ProgressSaveGate } from './ProgressSaveGate';
import { readSettings, unknownSettingsKeys, type Settings, type SettingsProblem } from './settings';
import { SETTINGS_KEY } from './startup';

export { SETTINGS_KEY };
export const PROGRESS_KEY = 'ring-minus-one.progress';

/** Why localStorage refused, in words: it is full, or the browser blocks it (privacy settings, sandboxed frame). */
function storageFailure(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const message = error instanceof Error || error instanceof DOMException ? error.message : String(error);
  // Firefox used its own name for a full storage.
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') {
    return `this browser's storage for the app is full (${message})`;
  }
  if (name === 'SecurityError') return `this browser blocks storage for the app (${message})`;
  return `the browser's storage failed (${name ? `${name}: ` : ''}${message})`;
}

/** A save refused before storage is touched: its message is for the student as it is. */
class InvalidProgressError extends Error {}

const IN_MEMORY = 'The course keeps running, but its progress lasts only until this tab is closed.';

/** The renderer in a plain browser: settings and progress in localStorage, links in a new tab. */
export class BrowserPlatform implements Platform {
  readonly kind = 'browser' as const;
  private readonly progressGate = new ProgressSaveGate();
  readonly files = new BrowserFiles({ showOpenFilePicker: browserFilePicker() });
  constructor(
    /** Defaults to localStorage, looked up at each use: where the browser blocks it, even the lookup throws. */
    private readonly storageOverride?: Storage,
    /** For the key of a set-aside value; defaults to the current time. */
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get storage(): Storage {
    return this.storageOverride ?? globalThis.localStorage;
  }

  async loadSettings(): Promise<{ settings: Settings; problems: SettingsProblem[] }> {
    const text = this.storage.getItem(SETTINGS_KEY);
    if (text === null) return readSettings({ schemaVersion: 1 });
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      // Keep the damaged value beside the live key so nothing saved is lost.
      this.storage.setItem(`${SETTINGS_KEY}.corrupt`, text);
      const reason = error instanceof Error ? error.message : String(error);
      const { settings } = readSettings({ schemaVersion: 1 });
      return { settings, problems: [{ field: `localStorage["${SETTINGS_KEY}"]`, message: `not JSON: ${reason}` }] };
    }
    return readSettings(raw);
  }

  async saveSettings(settings: Settings): Promise<Settings> {
    const { settings: clean, problems } = readSettings(settings);
    if (problems.length > 0) {
      throw new Error(`Settings not saved: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
    }
    this.storage.setItem(SETTINGS_KEY, JSON.stringify({ ...this.storedUnknownSettings(), ...clean }));
    return clean;
  }

  /** What a newer version stored beside our fields is kept through a save, as in settings.json. */
  private storedUnknownSettings(): Record<string, unknown> {
    try {
      return unknownSettingsKeys(JSON.parse(this.storage.getItem(SETTINGS_KEY) ?? '{}'));
    } catch {
      // Unparsable: loadSettings kept it under the .corrupt key already.
      return {};
    }
  }

  async loadProgress(): Promise<{ progress: Progress; problems: string[] }> {
    let text: string | null;
    try {
      text = this.storage.getItem(PROGRESS_KEY);
    } catch (error) {
      const reason = `Progress cannot be kept: ${storageFailure(error)}. ${IN_MEMORY}`;
      this.progressGate.refuse(reason, true);
      return { progress: emptyProgress(), problems: [reason] };
    }
    if (text === null) {
      this.progressGate.open();
      return { progress: emptyProgress(), problems: [] };
    }
    let checked: ReturnType<typeof checkProgress>;
    try {
      checked = checkProgress(JSON.parse(text));
    } catch (error) {
      checked = {
        ok: false,
        reason: `it is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      };
    }
    if (checked.ok) {
      this.progressGate.open();
      return { progress: checked.progress, problems: [] };
    }
    return { progress: emptyProgress(), problems: [this.setProgressAside(text, checked.reason)] };
  }

  /** Keeps an unusable stored value under another key (never deletes it) and says where. */
  private setProgressAside(text: string, reason: string): string {
    const stamp = `${PROGRESS_KEY}.bad-${this.now().toISOString()}`;
    try {
      let backupKey = stamp;
      // Never over an earlier copy.
      for (let n = 1; this.storage.getItem(backupKey) !== null; n++) backupKey = `${stamp}-${n}`;
      this.storage.setItem(backupKey, text);
      this.progressGate.open();
      return describeProgressProblem({ reason, backupPath: `localStorage["${backupKey}"]` });
    } catch (error) {
      const problem = describeProgressProblem({
        reason: `${reason}; a copy could not be kept (${storageFailure(error)})`,
        backupPath: null,
      });
      this.progressGate.refuse(
        `Progress is not saved, so that the stored value is not overwritten. ${IN_MEMORY}`,
        true,
      );
      return `${problem} ${IN_MEMORY}`;
    }
  }

  saveProgress(progress: Progress): Promise<ProgressSaveStatus> {
    return this.progressGate.save(
      () => {
        const checked = checkProgress(progress);
        if (!checked.ok) throw new InvalidProgressError(`Progress not saved: ${checked.reason}.`);
        this.storage.setItem(PROGRESS_KEY, JSON.stringify(checked.progress));
      },
      (error) =>
        error instanceof InvalidProgressError
          ? error.message
          : `Progress is not being saved: ${storageFailure(error)}. ${IN_MEMORY}`,
    );
  }

  async openExternal(url: string): Promise<boolean> {
    if (!/^https?:\/\//i.test(url)) return false;
    return globalThis.open(url, '_blank', 'noopener,noreferrer') !== null;
  }

  async swapDisplays(): Promise<boolean> {
    return false;
  }

  async printHandout(): Promise<HandoutExport> {
    globalThis.print();
    return { kind: 'print-dialog' };
  }
}
