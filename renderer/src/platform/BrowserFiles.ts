import type { FileHost, OpenedFile, RecentFile } from './Platform';
import { FileListeners, readPageFile } from './pageFile';

/** The part of the File System Access API used here (Chromium): a handle that can be read again. */
export interface FileHandleLike {
  getFile(): Promise<File>;
}
type ShowOpenFilePicker = (options: {
  types: { description: string; accept: Record<string, string[]> }[];
  excludeAcceptAllOption?: boolean;
  multiple?: boolean;
}) => Promise<FileHandleLike[]>;

export interface BrowserFilesOptions {
  /** The File System Access API's picker where the browser has one (undefined: only the file input). */
  showOpenFilePicker?: ShowOpenFilePicker;
  /** How often a picked file is checked for changes (ms). */
  pollMs?: number;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

export const POLL_MS = 1000;

/**
 * Authors' files in a plain browser. A file from the file input or a drop is a copy the page cannot watch: Reload
 * reads it again while the browser still can, else the author chooses it again. Where the browser has the File System
 * Access API (showOpenFilePicker), the picked file's handle is kept and its lastModified polled, so a save in the
 * editor reloads it (live reload, as the desktop app's watcher does). No recent list: a browser gives pages no paths.
 */
export class BrowserFiles implements FileHost {
  readonly kind = 'browser' as const;
  private readonly listeners = new FileListeners();
  private current: { handle: FileHandleLike; lastModified: number; size: number } | { file: File } | null = null;
  private poller: unknown = null;
  private readonly options: Required<Omit<BrowserFilesOptions, 'showOpenFilePicker'>> & BrowserFilesOptions;

  constructor(options: BrowserFilesOptions = {}) {
    this.options = {
      pollMs: POLL_MS,
      setInterval: (fn, ms) => globalThis.setInterval(fn, ms),
      clearInterval: (h) => globalThis.clearInterval(h as number),
      ...options,
    };
  }

  listen(listener: (file: OpenedFile) => void): () => void {
    return this.listeners.add(listener);
  }

  async pick(): Promise<'picked' | 'cancelled' | 'unsupported'> {
    const picker = this.options.showOpenFilePicker;
    if (!picker) return 'unsupported';
    let handle: FileHandleLike | undefined;
    try {
      [handle] = await picker({
        types: [
          { description: 'Ring Minus One scenarios and run sheets', accept: { 'application/json': ['.rmo', '.json'] } },
        ],
        multiple: false,
      });
    } catch (error) {
      // The user closed the picker (AbortError); anything else (a sandboxed frame): the file input still works.
      return error instanceof DOMException && error.name === 'AbortError' ? 'cancelled' : 'unsupported';
    }
    if (!handle) return 'cancelled';
    const file = await handle.getFile();
    this.stopPolling();
    this.current = { handle, lastModified: file.lastModified, size: file.size };
    this.listeners.emit(await readPageFile(file, 'open'));
    this.poller = this.options.setInterval(() => void this.poll(), this.options.pollMs);
    return 'picked';
  }

  async openFile(file: File): Promise<void> {
    this.stopPolling();
    this.current = { file };
    this.listeners.emit(await readPageFile(file, 'open'));
  }

  async reload(): Promise<'reloading' | 'reopen' | 'none'> {
    const current = this.current;
    if (!current) return 'none';
    if ('handle' in current) {
      const file = await current.handle.getFile();
      this.current = { handle: current.handle, lastModified: file.lastModified, size: file.size };
      this.listeners.emit(await readPageFile(file, 'reload'));
      return 'reloading';
    }
    // A file input's File is a snapshot: once the file changed on disk, Chromium refuses to read it.
    const read = await readPageFile(current.file, 'reload');
    if (!read.ok) return 'reopen';
    this.listeners.emit(read);
    return 'reloading';
  }

  /** Checks the picked file; a new lastModified (or size) reads it and hands it over as a change. */
  private async poll(): Promise<void> {
    const current = this.current;
    if (!current || !('handle' in current)) return;
    let file: File;
    try {
      file = await current.handle.getFile();
    } catch {
      return; // gone for now (an editor mid-save); the next poll looks again
    }
    if (this.current !== current || (file.lastModified === current.lastModified && file.size === current.size)) return;
    this.current = { handle: current.handle, lastModified: file.lastModified, size: file.size };
    this.listeners.emit(await readPageFile(file, 'change'));
  }

  private stopPolling(): void {
    if (this.poller !== null) this.options.clearInterval(this.poller);
    this.poller = null;
  }

  async recent(): Promise<RecentFile[]> {
    return [];
  }

  async openRecent(): Promise<void> {}

  async clearRecent(): Promise<RecentFile[]> {
    return [];
  }
}

/** The File System Access API's picker, where the browser has one. */
export function browserFilePicker(): ShowOpenFilePicker | undefined {
  const picker = (globalThis as { showOpenFilePicker?: ShowOpenFilePicker }).showOpenFilePicker;
  return typeof picker === 'function' ? picker.bind(globalThis) : undefined;
}
