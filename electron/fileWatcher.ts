import { watch as nodeWatch } from 'node:fs';
import path from 'node:path';

/** The part of fs.watch the watcher uses (tests pass a fake that fires events at will). */
export type WatchFn = (
  dir: string,
  listener: (event: string, fileName: string | Buffer | null) => void,
) => { close(): void; on(event: 'error', listener: (error: Error) => void): unknown };

export interface FileWatcherOptions {
  /** Called once per burst of changes, `debounceMs` after the last one. */
  onChange(file: string): void;
  debounceMs?: number;
  watch?: WatchFn;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  log?: (message: string) => void;
}

export const WATCH_DEBOUNCE_MS = 200;

/**
 * Watches one file (the one the user opened last) for changes on disk. It watches the file's folder and filters by
 * name, so editors that save by writing a new file and renaming it over the old one (vim, VS Code's safe write,
 * JetBrains) keep being seen: a watch on the file itself would follow the old, replaced inode. A burst of events (a
 * save is often write + rename + chmod) becomes one `onChange`, `debounceMs` after the last event. Watching another
 * file, or `close()`, stops the previous watch; nothing else is ever watched.
 */
export class FileWatcher {
  private watcher: ReturnType<WatchFn> | null = null;
  private timer: unknown = null;
  private file: string | null = null;
  private readonly debounceMs: number;
  private readonly watchFn: WatchFn;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly options: FileWatcherOptions) {
    this.debounceMs = options.debounceMs ?? WATCH_DEBOUNCE_MS;
    this.watchFn = options.watch ?? ((dir, listener) => nodeWatch(dir, { persistent: false }, listener));
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  }

  /** The file being watched, or null. */
  get watching(): string | null {
    return this.file;
  }

  /** Watches `file` (an allow-listed path) instead of whatever was watched before. */
  watch(file: string): void {
    if (this.file === file && this.watcher) return;
    this.close();
    const dir = path.dirname(file);
    const base = path.basename(file);
    try {
      this.watcher = this.watchFn(dir, (_event, name) => {
        // Some platforms do not say which file changed (null): then it may have been ours.
        if (name === null || String(name) === base) this.schedule();
      });
      this.watcher.on('error', (error) => {
        this.options.log?.(`Ring Minus One: stopped watching ${file}: ${error.message}`);
        this.close();
      });
      this.file = file;
    } catch (error) {
      this.options.log?.(`Ring Minus One: cannot watch ${file}: ${error instanceof Error ? error.message : error}`);
      this.watcher = null;
      this.file = null;
    }
  }

  private schedule(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    const file = this.file;
    this.timer = this.setTimer(() => {
      this.timer = null;
      if (file !== null && file === this.file) this.options.onChange(file);
    }, this.debounceMs);
  }

  /** Stops watching (another file opened, the window closed). */
  close(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    this.watcher?.close();
    this.watcher = null;
    this.file = null;
  }
}
