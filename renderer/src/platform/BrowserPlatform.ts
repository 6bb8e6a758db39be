import type { Platform } from './Platform';
import { readSettings, type Settings, type SettingsProblem } from './settings';

export const SETTINGS_KEY = 'ring-minus-one.settings';

/** The renderer in a plain browser: settings in localStorage, links in a new tab. */
export class BrowserPlatform implements Platform {
  readonly kind = 'browser' as const;
  constructor(private readonly storage: Storage = globalThis.localStorage) {}

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
    this.storage.setItem(SETTINGS_KEY, JSON.stringify(clean));
    return clean;
  }

  async openExternal(url: string): Promise<boolean> {
    if (!/^https?:\/\//i.test(url)) return false;
    return globalThis.open(url, '_blank', 'noopener,noreferrer') !== null;
  }
}
