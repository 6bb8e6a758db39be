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
  /** Authors' files: open, reload, live reload, the recent list. */
  readonly files: FileHost;
}

/** Why a file arrives: the user opened it, asked to read it again, or it changed on disk (live reload). */
export type FileReason = 'open' | 'reload' | 'change';

/** A file as the host hands it to the page: its text, or why it could not be read. */
export type OpenedFile = { name: string; location: string; reason: FileReason } & (
  { ok: true; text: string } | { ok: false; error: string }
);

/** An entry of the recent-files list (Electron only: a browser has no paths to remember). */
export interface RecentFile {
  id: string;
  name: string;
  location: string;
  missing: boolean;
}

/**
 * Authors' files. Every file, however it was opened (the host's picker, the page's file input, a drop, the File menu,
 * a double-click, a change on disk), arrives through `listen`, so the page handles them in one place.
 */
export interface FileHost {
  /** Electron: main's dialog, recent list and watcher. A browser: the file input, and polling where it can. */
  readonly kind: 'electron' | 'browser';
  /** Starts receiving files (Electron: first the one the app was launched with); returns the unsubscribe function. */
  listen(listener: (file: OpenedFile) => void): () => void;
  /**
   * Asks for a file with the host's own picker (Electron's dialog, the File System Access API); 'unsupported' when
   * there is none, and the page's file input is used instead.
   */
  pick(): Promise<'picked' | 'cancelled' | 'unsupported'>;
  /** A file the user gave the page (the file input, a drop on the window). */
  openFile(file: File): Promise<void>;
  /** Reads the current file again; 'reopen' when only choosing it again can (a browser's file input copy went stale). */
  reload(): Promise<'reloading' | 'reopen' | 'none'>;
  recent(): Promise<RecentFile[]>;
  openRecent(id: string): Promise<void>;
  clearRecent(): Promise<RecentFile[]>;
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
