import type { RingMinusOneApi } from '../../../electron/preload';
import type { FileHost, OpenedFile, RecentFile } from './Platform';
import { FileListeners, openedFileEventSchema, readPageFile, type OpenedFileEvent } from './pageFile';

/** The part of the preload's API that handles authors' files. */
export type FilesApi = Pick<
  RingMinusOneApi,
  | 'filesReady'
  | 'showOpenDialog'
  | 'reloadFile'
  | 'openRecentFile'
  | 'recentFiles'
  | 'clearRecentFiles'
  | 'openDroppedFile'
  | 'onFileOpened'
>;

const asRecent = (r: { token: string; name: string; location: string; missing: boolean }): RecentFile => ({
  id: r.token,
  name: r.name,
  location: r.location,
  missing: r.missing,
});

/**
 * Authors' files in the desktop app: main shows the Open dialog, keeps the allow-list and the recent list, reads the
 * file (size-capped) and watches it for changes. The page names a file only by the token main gave it. Events from
 * main are checked against the shared schema before use.
 */
export class ElectronFiles implements FileHost {
  readonly kind = 'electron' as const;
  private readonly listeners = new FileListeners();
  private token: string | null = null;
  private started = false;

  constructor(private readonly api: FilesApi) {}

  listen(listener: (file: OpenedFile) => void): () => void {
    const stop = this.listeners.add(listener);
    if (!this.started) {
      this.started = true;
      this.api.onFileOpened((event) => this.receive(event));
      void this.api.filesReady().then((waiting) => waiting && this.receive(waiting));
    }
    return stop;
  }

  private receive(raw: OpenedFileEvent): void {
    const parsed = openedFileEventSchema.safeParse(raw);
    if (!parsed.success) {
      console.warn('Ring Minus One: ignored a malformed file event from the main process.');
      return;
    }
    const { token, ...event } = parsed.data;
    this.token = token;
    this.listeners.emit(event);
  }

  async pick(): Promise<'picked' | 'cancelled' | 'unsupported'> {
    return (await this.api.showOpenDialog()) ? 'picked' : 'cancelled';
  }

  /** A drop: main reads it by its path (and watches it); a File without a path on disk is read here. */
  async openFile(file: File): Promise<void> {
    if (await this.api.openDroppedFile(file)) return;
    this.token = null;
    this.listeners.emit(await readPageFile(file, 'open'));
  }

  async reload(): Promise<'reloading' | 'reopen' | 'none'> {
    if (this.token === null) return 'none';
    return (await this.api.reloadFile(this.token)) ? 'reloading' : 'none';
  }

  async recent(): Promise<RecentFile[]> {
    return (await this.api.recentFiles()).map(asRecent);
  }

  async openRecent(id: string): Promise<void> {
    await this.api.openRecentFile(id);
  }

  async clearRecent(): Promise<RecentFile[]> {
    return (await this.api.clearRecentFiles()).map(asRecent);
  }
}
