import { loadUserScenario, RUN_SHEET_FORMAT, type ContentError, type UserScenarioResult } from '../../model';
import type { OpenedFile, RecentFile } from '../../platform/Platform';
import type { AppState } from './AppState.svelte';

/** The author's file on stage: its last good version. */
export interface LoadedFile {
  name: string;
  location: string;
  lessons: number;
  architectures: number;
  paths: number;
  warnings: ContentError[];
}

/** The last attempt that failed: every error (the panel lists them) and how many there were in all. */
export interface FailedFile {
  name: string;
  location: string;
  errors: ContentError[];
  errorCount: number;
}

/** Where a run sheet goes: the presenter's own opener (PresenterState.open), which shows its errors itself. */
export interface RunSheetOpener {
  open(text: string, fileName: string): boolean;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** A run sheet is told apart from a scenario by what it holds (`format`), not by its name. */
export function isRunSheetText(text: string): boolean {
  try {
    const raw: unknown = JSON.parse(text);
    return typeof raw === 'object' && raw !== null && (raw as { format?: unknown }).format === RUN_SHEET_FORMAT;
  } catch {
    return false;
  }
}

/**
 * The author's file in the app: every file the host hands over (opened, reloaded, changed on disk) is validated; a
 * valid scenario replaces the library (built-in + the file) keeping what is on stage, an invalid one leaves the last
 * good version on stage and lists its errors; a run sheet goes to the presenter.
 */
export class AuthorFileState {
  loaded = $state.raw<LoadedFile | null>(null);
  failed = $state.raw<FailedFile | null>(null);
  /** The validation panel is open. */
  panelOpen = $state(false);
  /** What the polite live region says after a file arrived. */
  status = $state('');
  recent = $state.raw<RecentFile[]>([]);
  /** A browser's file input copy went stale: the author must choose the file again (the UI opens the input). */
  reopenNeeded = $state(false);
  private stop: (() => void) | null = null;
  /** The library on stage before the first author's file (built-in content, however it arrived). */
  private base: AppState['library'] | null = null;

  constructor(
    private readonly app: AppState,
    private readonly runSheets: RunSheetOpener | null,
    private readonly load: (text: string, name: string) => UserScenarioResult = loadUserScenario,
  ) {}

  /** Starts taking files from the host (once). */
  start(): void {
    this.stop ??= this.app.platform.files.listen((file) => this.receive(file));
    void this.refreshRecent();
  }

  dispose(): void {
    this.stop?.();
    this.stop = null;
  }

  receive(file: OpenedFile): void {
    this.reopenNeeded = false;
    if (!file.ok) {
      this.fail(file, [{ file: file.name, path: '', message: file.error }], 1);
    } else if (this.runSheets && isRunSheetText(file.text)) {
      // The presenter shows a run sheet's errors beside the sheet, as for one opened there.
      this.runSheets.open(file.text, file.name);
      this.app.presenting = true;
      this.status = `Opened the run sheet ${file.name} in the presenter view.`;
    } else {
      const result = this.load(file.text, file.name);
      if (result.ok) this.succeed(file, result);
      else this.fail(file, result.errors, result.errorCount);
    }
    void this.refreshRecent();
  }

  private succeed(file: OpenedFile, result: Extract<UserScenarioResult, { ok: true }>): void {
    const before = { library: this.app.library, authored: this.app.authored };
    let dropped: string[];
    try {
      dropped = this.app.replaceLibrary(result.library, result.summary);
    } catch (error) {
      // Content that validated should always go on stage; if it ever does not, what was there goes back.
      this.app.replaceLibrary(before.library, before.authored);
      const message = `the file validated but could not be put on stage: ${error instanceof Error ? error.message : String(error)}`;
      this.fail(file, [{ file: file.name, path: '', message }], 1);
      return;
    }
    if (before.authored === null) this.base = before.library;
    const s = result.summary;
    this.loaded = {
      name: file.name,
      location: file.location,
      lessons: s.lessons.length,
      architectures: s.architectures.length,
      paths: s.paths.length,
      warnings: result.warnings,
    };
    this.failed = null;
    this.panelOpen = false;
    const verb = file.reason === 'open' ? 'Opened' : 'Reloaded';
    const what = [
      plural(s.lessons.length, 'lesson'),
      plural(s.architectures.length, 'architecture'),
      plural(s.paths.length, 'path'),
    ];
    const gone = dropped.length > 0 ? ` No longer in the file, so not on stage: ${dropped.join(', ')}.` : '';
    this.status = `${verb} ${file.name}: ${what.join(', ')}.${gone}`;
  }

  private fail(file: OpenedFile, errors: ContentError[], errorCount: number): void {
    this.failed = { name: file.name, location: file.location, errors, errorCount };
    this.panelOpen = true;
    const kept = this.loaded ? ` The last good version of ${this.loaded.name} stays on screen.` : '';
    this.status = `${file.name} has ${plural(errorCount, 'error')}.${kept}`;
  }

  // ---- commands from the UI ----

  /** Whose files these are: Electron's (dialog, recent list, watcher) or a browser's (file input, polling). */
  get host(): 'electron' | 'browser' {
    return this.app.platform.files.kind;
  }

  /** The host's picker; false when the page's file input must be used instead. */
  async pick(): Promise<boolean> {
    return (await this.app.platform.files.pick()) !== 'unsupported';
  }

  openFile(file: File): Promise<void> {
    return this.app.platform.files.openFile(file);
  }

  async reload(): Promise<void> {
    const outcome = await this.app.platform.files.reload();
    this.reopenNeeded = outcome === 'reopen';
    if (outcome === 'reopen')
      this.status = 'The browser cannot read that copy of the file again: choose the file again.';
  }

  openRecent(id: string): Promise<void> {
    return this.app.platform.files.openRecent(id);
  }

  async clearRecent(): Promise<void> {
    this.recent = await this.app.platform.files.clearRecent();
  }

  async refreshRecent(): Promise<void> {
    this.recent = await this.app.platform.files.recent();
  }

  /** Puts the library from before the first author's file back on stage (the file is closed). */
  closeFile(): void {
    if (this.base) this.app.replaceLibrary(this.base, null);
    this.base = null;
    this.status = this.loaded ? `Closed ${this.loaded.name}: the built-in content only.` : '';
    this.loaded = null;
    this.failed = null;
    this.panelOpen = false;
  }
}
