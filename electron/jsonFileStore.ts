import { promises as nodeFs } from 'node:fs';
import { moveAside, removeStaleTemps, saveFileDurably, type DurableFs } from './durableFile';

/**
 * One JSON file in the user's data folder that must never be lost: the engine under settingsStore.ts and
 * progressStore.ts, so both follow the same rules.
 * - A file that cannot be used (too large, a folder in its place, unreadable, empty, not JSON, invalid) is moved aside
 *   as `<file>.<label>-<time>`, never deleted, and the load says where and why.
 * - The size is checked with `stat` before reading: a 600 MB file is set aside unread, not read into memory.
 * - If the file cannot even be moved aside, saving is refused for the rest of the session rather than overwrite it.
 * - Saves are atomic, fsynced and serialized (durableFile.ts); a save waits for the first load, so a bad file is set
 *   aside before anything can replace it.
 */

/** The file operations the store uses; tests pass variants that fail at a chosen step. */
export interface JsonFileFs extends DurableFs {
  readFile(file: string, encoding: 'utf8'): Promise<string>;
  stat(file: string): Promise<{ size: number; isDirectory(): boolean }>;
  readdir(dir: string): Promise<string[]>;
}

/**
 * What a check makes of parsed JSON. Not ok with `salvaged`: the file is damaged in part (one field wrong), so it is
 * set aside whole, and the salvaged value is used and written back, so the good parts survive the next start too.
 */
export type JsonCheck<T> = { ok: true; value: T } | { ok: false; reason: string; salvaged?: T };

export interface JsonFileStoreOptions<T> {
  file: string;
  /** What the file holds, for messages: "settings", "progress". */
  what: string;
  /** The mark in a set-aside file's name. */
  label: string;
  /** Larger files are set aside unread, and larger saves refused (they would be set aside on the next start). */
  maxBytes: number;
  /** The value when there is no usable file. */
  fresh: () => T;
  check: (raw: unknown) => JsonCheck<T>;
  /** How a value is written: a trailing newline, indented or not. */
  serialize: (value: T) => string;
  fs?: JsonFileFs;
  log?: (message: string) => void;
  /** For the name of a set-aside file; defaults to the current time. */
  now?: () => Date;
}

/** Why the file could not be used and where it was kept (null: it could not be moved, it was left in place). */
export interface JsonFileProblem {
  reason: string;
  movedTo: string | null;
}

export interface JsonFileLoad<T> {
  value: T;
  problem: JsonFileProblem | null;
}

export class JsonFileStore<T> {
  readonly file: string;
  private readonly options: JsonFileStoreOptions<T>;
  private readonly fs: JsonFileFs;
  private readonly log: (message: string) => void;
  /** Set when a bad file could not be moved aside: saving would overwrite it. */
  private saveRefusal: string | null = null;
  private firstLoad: Promise<JsonFileLoad<T>> | null = null;

  constructor(options: JsonFileStoreOptions<T>) {
    this.options = options;
    this.file = options.file;
    this.fs = options.fs ?? nodeFs;
    this.log = options.log ?? ((message: string) => console.warn(message));
  }

  /** Reads and checks the file. Never throws: a missing file is the fresh value, a bad one is set aside. */
  load(): Promise<JsonFileLoad<T>> {
    const loading = this.loadNow();
    this.firstLoad ??= loading;
    return loading;
  }

  /** Writes a value the caller has validated. Rejects when it is too large or cannot be written. */
  async save(value: T): Promise<void> {
    await (this.firstLoad ?? this.load());
    if (this.saveRefusal) throw new Error(this.saveRefusal);
    await this.write(value);
  }

  private async write(value: T): Promise<void> {
    const { what, maxBytes } = this.options;
    const text = this.options.serialize(value);
    // Bytes, not UTF-16 units: the load limit is on the file size.
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > maxBytes) {
      throw new Error(`Refusing to save ${what} of ${formatSize(bytes)} (the limit is ${formatSize(maxBytes)}).`);
    }
    try {
      await saveFileDurably(this.file, text, this.fs);
    } catch (error) {
      throw new Error(`Could not save ${what} to ${this.file}: ${(error as Error).message}`);
    }
  }

  private async loadNow(): Promise<JsonFileLoad<T>> {
    await removeStaleTemps(this.file, this.fs);
    const read = await this.read();
    if (read.ok) return { value: read.value, problem: null };
    if (read.reason === null) return { value: this.options.fresh(), problem: null };
    const value = read.salvaged ?? this.options.fresh();
    const problem = await this.setAside(read.reason, read.salvaged !== undefined);
    if (read.salvaged !== undefined && problem.movedTo !== null) {
      await this.write(value).catch((error: unknown) => this.log(`Ring Minus One: ${(error as Error).message}`));
    }
    return { value, problem };
  }

  /** The checked value, or why the file is unusable (reason null: there is no file, which is fine). */
  private async read(): Promise<JsonCheck<T> | { ok: false; reason: null; salvaged?: undefined }> {
    const { what, maxBytes } = this.options;
    let text: string;
    try {
      const stat = await this.fs.stat(this.file);
      if (stat.isDirectory()) return { ok: false, reason: 'a folder is in the place of the file' };
      if (stat.size > maxBytes) {
        return {
          ok: false,
          reason: `the file is too large to be ${what} (${formatSize(stat.size)}, limit ${formatSize(maxBytes)})`,
        };
      }
      text = await this.fs.readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, reason: null };
      return { ok: false, reason: `the file cannot be read (${(error as Error).message})` };
    }
    if (text.trim() === '') return { ok: false, reason: 'the file is empty (a write was probably cut off)' };
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      return {
        ok: false,
        reason: `the file is not valid JSON, it may be cut off or damaged (${(error as Error).message})`,
      };
    }
    return this.options.check(raw);
  }

  private async setAside(reason: string, salvaged: boolean): Promise<JsonFileProblem> {
    const { what, label } = this.options;
    const using = salvaged ? 'keeping the valid fields' : 'starting fresh';
    try {
      const movedTo = await moveAside(this.file, label, (this.options.now ?? (() => new Date()))(), this.fs);
      this.log(`Ring Minus One: ${what} file ${this.file}: ${reason}. Kept it as ${movedTo}; ${using}.`);
      return { reason, movedTo };
    } catch (error) {
      this.saveRefusal =
        `${capitalize(what)} not saved in this session: ${this.file} could not be used (${reason}) nor moved ` +
        `aside (${(error as Error).message}), and saving would overwrite it.`;
      this.log(`Ring Minus One: ${this.saveRefusal}`);
      return {
        reason: `${reason}; it could not be moved aside, so it was left in place and is not overwritten`,
        movedTo: null,
      };
    }
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function formatSize(bytes: number): string {
  const MB = 1024 * 1024;
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
