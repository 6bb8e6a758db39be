import { promises as nodeFs } from 'node:fs';
import path from 'node:path';
import { FileWatcher, type FileWatcherOptions } from './fileWatcher';
import type { OpenedFileEvent, RecentFile } from './ipc/files';
import { isOpenableName, OPENABLE_EXTENSIONS } from './ipc/files';
import { OpenedFiles, readOpenedFile, type ReadFs } from './openedFiles';
import { addRecent } from './recentFiles';

/** Where the recent list is kept (SettingsStore in the app). */
export interface RecentStore {
  recentFiles(): Promise<string[]>;
  setRecentFiles(paths: readonly string[]): Promise<void>;
}

export interface AuthorFilesOptions {
  recent: RecentStore;
  /** Shows the Open dialog; resolves to the chosen path, or null when cancelled. */
  showOpenDialog(): Promise<string | null>;
  /** Hands a file to the renderer (webContents.send on the main window). */
  send(event: OpenedFileEvent): void;
  /** The File menu's recent list changed (the menu is built again). */
  onRecentChanged?(paths: readonly string[]): void;
  fs?: ReadFs;
  watch?: FileWatcherOptions['watch'];
  debounceMs?: number;
  log?: (message: string) => void;
  openedFiles?: OpenedFiles;
}

/** What the Open dialog filters on. */
export const OPEN_DIALOG_FILTERS = [
  { name: 'Ring Minus One scenarios and run sheets', extensions: [...OPENABLE_EXTENSIONS] },
];

/**
 * The main process's side of authors' files: opening (dialog, drop, argv, recent list), the allow-list, reading with
 * the size cap, the recent list, and watching the file on stage for changes (live reload). Every file goes to the
 * renderer as one `OpenedFileEvent`. Until the renderer says it is ready, the last file opened waits here (a file
 * double-clicked to start the app arrives before the page has loaded).
 */
export class AuthorFiles {
  readonly opened: OpenedFiles;
  private readonly watcher: FileWatcher;
  private ready = false;
  private pending: OpenedFileEvent | null = null;
  /** The text last handed over for the watched file: a change event that changes nothing is not sent. */
  private lastText: string | null = null;

  constructor(private readonly options: AuthorFilesOptions) {
    this.opened = options.openedFiles ?? new OpenedFiles();
    this.watcher = new FileWatcher({
      onChange: (file) => void this.read(file, 'change'),
      watch: options.watch,
      debounceMs: options.debounceMs,
      log: options.log,
    });
  }

  /** The renderer can take files now: answers the one that waited, if any. */
  rendererReady(): OpenedFileEvent | null {
    this.ready = true;
    const waiting = this.pending;
    this.pending = null;
    return waiting;
  }

  /**
   * The page that took files is going away (a reload, a crash): it loses the file, so the watch stops, and later
   * files wait for the next `rendererReady`. The first load of the window changes nothing: a file opened at launch
   * is waiting for that very page, and stays watched.
   */
  rendererGone(): void {
    if (!this.ready) return;
    this.ready = false;
    this.watcher.close();
    this.lastText = null;
  }

  /** File › Open: the dialog, then the chosen file. Resolves whether a file was chosen. */
  async showOpenDialog(): Promise<boolean> {
    const file = await this.options.showOpenDialog();
    if (file === null) return false;
    await this.open(file);
    return true;
  }

  /** Opens a file the user chose (dialog, argv, `open-file`, a second instance): allowed, read, sent, watched. */
  async open(file: string): Promise<void> {
    const resolved = path.resolve(file);
    this.opened.allow(resolved);
    await this.remember(resolved);
    this.watcher.watch(resolved);
    this.lastText = null;
    await this.read(resolved, 'open');
  }

  /** A file dropped on the window: only openable names (`.rmo`, `.json`) and absolute paths. */
  async openDropped(file: string): Promise<boolean> {
    if (!path.isAbsolute(file) || !isOpenableName(file)) return false;
    await this.open(file);
    return true;
  }

  /** Reads an allow-listed file again (the Reload button). False for a token main never gave out. */
  async reload(token: string): Promise<boolean> {
    const file = this.opened.pathOf(token);
    if (file === null) return false;
    this.watcher.watch(file);
    this.lastText = null;
    await this.read(file, 'reload');
    return true;
  }

  /** Opens an entry of the recent list by its token. */
  async openRecent(token: string): Promise<boolean> {
    const file = this.opened.pathOf(token);
    if (file === null || !(await this.options.recent.recentFiles()).includes(file)) return false;
    await this.open(file);
    return true;
  }

  /** The recent list with tokens (the files on it were opened by the user) and whether each is still there. */
  async recentList(): Promise<RecentFile[]> {
    const paths = await this.options.recent.recentFiles();
    return Promise.all(
      paths.map(async (file) => ({
        token: this.opened.allow(file),
        name: path.basename(file),
        location: file,
        missing: !(await this.exists(file)),
      })),
    );
  }

  async clearRecent(): Promise<RecentFile[]> {
    await this.options.recent.setRecentFiles([]);
    this.options.onRecentChanged?.([]);
    return [];
  }

  /** Paths of the recent list (for the File menu). */
  recentPaths(): Promise<string[]> {
    return this.options.recent.recentFiles();
  }

  private async exists(file: string): Promise<boolean> {
    try {
      return (await (this.options.fs ?? nodeFs).stat(file)).isFile();
    } catch {
      return false;
    }
  }

  private async remember(file: string): Promise<void> {
    try {
      const next = addRecent(await this.options.recent.recentFiles(), file);
      await this.options.recent.setRecentFiles(next);
      this.options.onRecentChanged?.(next);
    } catch (error) {
      this.options.log?.(`Ring Minus One: the recent-files list was not saved: ${String(error)}`);
    }
  }

  private async read(file: string, reason: OpenedFileEvent['reason']): Promise<void> {
    const result = await readOpenedFile(file, this.options.fs);
    if (file !== this.watcher.watching && reason === 'change') return;
    if (result.ok && reason === 'change' && result.text === this.lastText) return;
    if (result.ok) this.lastText = result.text;
    const base = { token: this.opened.allow(file), name: path.basename(file), location: file, reason };
    this.deliver(result.ok ? { ok: true, ...base, text: result.text } : { ok: false, ...base, error: result.error });
  }

  private deliver(event: OpenedFileEvent): void {
    if (this.ready) this.options.send(event);
    else this.pending = event;
  }

  /** The window closed: stop watching; files wait for a new window's page. */
  close(): void {
    this.ready = false;
    this.watcher.close();
    this.lastText = null;
  }
}
