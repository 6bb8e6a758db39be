import type { Settings, SettingsProblem } from './settings';

/** What the host provides to the renderer. One interface; an Electron and a browser implementation. */
export interface Platform {
  readonly kind: 'electron' | 'browser';
  /** Loads saved settings; problems describe anything that had to fall back to defaults (where and what). */
  loadSettings(): Promise<{ settings: Settings; problems: SettingsProblem[] }>;
  /** Saves settings and resolves with what was saved. */
  saveSettings(settings: Settings): Promise<Settings>;
  /** Opens an http(s) address in the system browser (a new tab in a browser). */
  openExternal(url: string): Promise<boolean>;
}
