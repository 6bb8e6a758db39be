import type { SettingsLoad } from '../../../electron/ipc/settings';
import type { RingMinusOneApi } from '../../../electron/preload';
import { ElectronFiles } from './ElectronFiles';
import type { HandoutExport, Platform } from './Platform';
import { describeProgressProblem, emptyProgress, type Progress, type ProgressSaveStatus } from './progress';
import { ProgressSaveGate } from './ProgressSaveGate';
import { readSettings, type Settings, type SettingsProblem } from './settings';

declare global {
  interface Window {
    /** Present only inside the Electron app (exposed by electron/preload.ts through contextBridge). */
    ringMinusOne?: RingMinusOneApi;
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The renderer inside Electron: every host service goes through the preload's typed API. */
export class ElectronPlatform implements Platform {
  readonly kind = 'electron' as const;
  private readonly progressGate = new ProgressSaveGate();
  readonly files: ElectronFiles;
  constructor(
    private readonly api: RingMinusOneApi,
    /** Main's reply to the start-up's `settings:load` (platform/startup.ts), read by the first loadSettings. */
    private startupSettings: Promise<SettingsLoad> | null = null,
  ) {
    this.files = new ElectronFiles(api);
  }

  async loadSettings(): Promise<{ settings: Settings; problems: SettingsProblem[] }> {
    const reply = this.startupSettings ?? this.api.loadSettings();
    this.startupSettings = null;
    const { settings: stored, problem } = await reply;
    // Main has validated the file already; read it again here so a mismatch can never reach the UI unchecked.
    const { settings, problems } = readSettings(stored);
    if (problem) {
      const where = problem.movedTo ? `kept as ${problem.movedTo}` : 'left in place';
      problems.unshift({ field: 'settings.json', message: `${problem.reason} (${where})` });
    }
    return { settings, problems };
  }

  async saveSettings(settings: Settings): Promise<Settings> {
    return (await this.api.saveSettings(settings)) as Settings;
  }

  async loadProgress(): Promise<{ progress: Progress; problems: string[] }> {
    try {
      // Main validated the file with the same schema and set aside anything it could not use.
      const { progress, problem } = await this.api.loadProgress();
      this.progressGate.open();
      return { progress, problems: problem ? [describeProgressProblem(problem)] : [] };
    } catch (error) {
      const reason =
        `Saved progress could not be loaded (${messageOf(error)}). The course starts from fresh progress, which ` +
        'is not saved in this session so that it cannot replace the stored progress.';
      this.progressGate.refuse(reason, true);
      return { progress: emptyProgress(), problems: [reason] };
    }
  }

  saveProgress(progress: Progress): Promise<ProgressSaveStatus> {
    return this.progressGate.save(
      () => this.api.saveProgress(progress),
      (error) => `Progress is not being saved (${messageOf(error)}). The course keeps running.`,
    );
  }

  openExternal(url: string): Promise<boolean> {
    return this.api.openExternal(url);
  }

  swapDisplays(): Promise<boolean> {
    return this.api.swapDisplays();
  }

  async printHandout(fileName: string): Promise<HandoutExport> {
    const result = await this.api.saveHandoutPdf(fileName);
    return result.saved ? { kind: 'saved', path: result.path } : { kind: 'canceled' };
  }
}
