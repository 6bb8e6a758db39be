import type { Progress, ProgressSaveStatus } from './progress';
import type { Settings, SettingsProblem } from './settings';

/** What the host provides to the renderer. One interface; an Electron and a browser implementation. */
export interface Platform extends ProgressHost {
  readonly kind: 'electron' | 'browser';
  /** Loads saved settings; problems describe anything that had to fall back to defaults (where and what). */
  loadSettings(): Promise<{ settings: Settings; problems: SettingsProblem[] }>;
  /** Saves settings and resolves with what was saved. */
  saveSettings(settings: Settings): Promise<Settings>;
  /** Opens an http(s) address in the system browser (a new tab in a browser). */
  openExternal(url: string): Promise<boolean>;
  /**
   * Swaps the displays of the presenter and the audience window; resolves whether they are now swapped. A browser
   * cannot place windows on displays: it answers false (the instructor drags the audience window).
   */
  swapDisplays(): Promise<boolean>;

  // ---- handouts ----
  /**
   * Prints the page as it stands (its print stylesheet shows only the open handout) to a PDF: Electron makes the PDF,
   * asks where to save it and writes it; a browser opens its print dialog, where "Save as PDF" is a printer.
   */
  printHandout(fileName: string): Promise<HandoutExport>;
}

/** What a handout export did: saved to a path, canceled in the save dialog, or handed to the browser's print dialog. */
export type HandoutExport = { kind: 'saved'; path: string } | { kind: 'canceled' } | { kind: 'print-dialog' };

/** Where the student's course progress is kept (part of Platform; both platforms implement it). */
export interface ProgressHost {
  /**
   * Loads the progress. Never rejects: when the stored progress cannot be used, it answers fresh progress and
   * `problems` says, in sentences for the student, what was wrong and where the old copy was kept.
   */
  loadProgress(): Promise<{ progress: Progress; problems: string[] }>;
  /**
   * Saves the progress. Never rejects: see ProgressSaveStatus for how a failure is reported (once). Refused until
   * loadProgress has read the stored progress, so fresh progress can never replace progress that was not read.
   */
  saveProgress(progress: Progress): Promise<ProgressSaveStatus>;
}
