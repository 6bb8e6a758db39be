import type { RingMinusOneApi } from '../../../electron/preload';
import type { Platform } from './Platform';
import { readSettings, type Settings, type SettingsProblem } from './settings';

declare global {
  interface Window {
    /** Present only inside the Electron app (exposed by electron/preload.ts through contextBridge). */
    ringMinusOne?: RingMinusOneApi;
  }
}

/** The renderer inside Electron: every host service goes through the preload's typed API. */
export class ElectronPlatform implements Platform {
  readonly kind = 'electron' as const;
  constructor(private readonly api: RingMinusOneApi) {}

  async loadSettings(): Promise<{ settings: Settings; problems: SettingsProblem[] }> {
    // Main has validated the file already; read it again here so a mismatch can never reach the UI unchecked.
    return readSettings(await this.api.loadSettings());
  }

  async saveSettings(settings: Settings): Promise<Settings> {
    return (await this.api.saveSettings(settings)) as Settings;
  }

  openExternal(url: string): Promise<boolean> {
    return this.api.openExternal(url);
  }
}
