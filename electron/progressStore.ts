import { promises as nodeFs } from 'node:fs';
import path from 'node:path';
import { moveAside, removeStaleTemps, saveFileDurably, type DurableFs } from './durableFile';
import { MAX_PROGRESS_BYTES, checkProgress, emptyProgress, type Progress, type ProgressLoad } from './ipc/progress';

export const PROGRESS_FILE_NAME = 'progress.json';

/** The file operations the store uses; tests pass variants that fail at a chosen step. */
export interface ProgressFs extends DurableFs {
  readFile(file: string, encoding: 'utf8'): Promise<string>;
  stat(file: string): Promise<{ size: number; isDirectory(): boolean }>;
  readdir(dir: string): Promise<string[]>;
}

export interface ProgressStoreOptions {
  /** The folder that holds progress.json (app.getPath('userData') in the app). */
  dir: string;
  fs?: ProgressFs;
  log?: (message: string) => void;
  /** For the name of a set-aside file; defaults to the current time. */
  now?: () => Date;
  /** Files larger than this are set aside unread; defaults to MAX_PROGRESS_BYTES. */
  maxBytes?: number;
}

/**
 * The student's progress in `<userData>/progress.json`. A student's progress must never be lost, so:
 * - a file that cannot be used (not JSON, cut off, invalid, from a newer version, too large, unreadable, a folder in
 *   its place) is moved aside as `progress.json.bad-<time>`, never deleted, and the load says where and why;
 * - if it cannot even be moved aside, saving is refused for the rest of the session rather than overwrite it;
 * - saves are atomic, fsynced and serialized (durableFile.ts).
 */
export class ProgressStore {
  readonly file: string;
  private readonly fs: ProgressFs;
  private readonly log: (message: string) => void;
  private readonly now: () => Date;
  private readonly maxBytes: number;
  /** Set when a bad file could not be moved aside: saving would overwrite it. */
  private saveRefusal: string | null = null;
  /** The first load; a save waits for it, so a bad file is set aside before anything can replace it. */
  private firstLoad: Promise<ProgressLoad> | null = null;

  constructor(options: ProgressStoreOptions) {
    this.file = path.join(options.dir, PROGRESS_FILE_NAME);
    this.fs = options.fs ?? nodeFs;
    this.log = options.log ?? ((message: string) => console.warn(message));
    this.now = options.now ?? (() => new Date());
    this.maxBytes = options.maxBytes ?? MAX_PROGRESS_BYTES;
  }

  /** Reads and validates progress.json. Never throws: a missing file is fresh progress, a bad one is set aside. */
  load(): Promise<ProgressLoad> {
    const loading = this.loadNow();
    this.firstLoad ??= loading;
    return loading;
  }

  private async loadNow(): Promise<ProgressLoad> {
    await removeStaleTemps(this.file, this.fs);
    const read = await this.read();
    if ('progress' in read) return { progress: read.progress, problem: null };
    if (read.reason === null) return { progress: emptyProgress(), problem: null };
    return { progress: emptyProgress(), problem: await this.setAside(read.reason) };
  }

  /** Validates and saves. Rejects with a message when the progress is invalid, too large, or cannot be written. */
  async save(progress: unknown): Promise<void> {
    await (this.firstLoad ?? this.load());
    if (this.saveRefusal) throw new Error(this.saveRefusal);
    const checked = checkProgress(progress);
    if (!checked.ok) throw new Error(`Refusing to save progress: ${checked.reason}`);
    const text = `${JSON.stringify(checked.progress)}\n`;
    // Bytes, not UTF-16 units: the load limit is on the file size.
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > this.maxBytes) {
      // Written, it would be set aside as too large on the next start.
      throw new Error(`Refusing to save progress of ${formatSize(bytes)} (the limit is ${formatSize(this.maxBytes)}).`);
    }
    try {
      await saveFileDurably(this.file, text, this.fs);
    } catch (error) {
      throw new Error(`Could not save progress to ${this.file}: ${(error as Error).message}`);
    }
  }

  /** The progress, or why the file is unusable (reason null: there is no file, which is fine). */
  private async read(): Promise<{ progress: Progress } | { reason: string | null }> {
    let text: string;
    try {
      const stat = await this.fs.stat(this.file);
      if (stat.isDirectory()) return { reason: 'a folder is in the place of the file' };
      if (stat.size > this.maxBytes) {
        return {
          reason: `the file is too large to be progress (${formatSize(stat.size)}, limit ${formatSize(this.maxBytes)})`,
        };
      }
      text = await this.fs.readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { reason: null };
      return { reason: `the file cannot be read (${(error as Error).message})` };
    }
    if (text.trim() === '') return { reason: 'the file is empty (a write was probably cut off)' };
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      return { reason: `the file is not valid JSON, it may be cut off or damaged (${(error as Error).message})` };
    }
    const checked = checkProgress(raw);
    return checked.ok ? { progress: checked.progress } : { reason: checked.reason };
  }

  private async setAside(reason: string): Promise<ProgressLoad['problem']> {
    try {
      const backupPath = await moveAside(this.file, 'bad', this.now(), this.fs);
      this.log(`Ring Minus One: progress file ${this.file}: ${reason}. Kept it as ${backupPath}; starting fresh.`);
      return { reason, backupPath };
    } catch (error) {
      this.saveRefusal =
        `Progress is not saved in this session: ${this.file} could not be used (${reason}) nor moved aside ` +
        `(${(error as Error).message}), and saving would overwrite it.`;
      this.log(`Ring Minus One: ${this.saveRefusal}`);
      return {
        reason: `${reason}; it could not be moved aside, so it was left in place and is not overwritten`,
        backupPath: null,
      };
    }
  }
}

function formatSize(bytes: number): string {
  const MB = 1024 * 1024;
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
