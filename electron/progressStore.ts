import path from 'node:path';
import { JsonFileStore, type JsonFileFs } from './jsonFileStore';
import { MAX_PROGRESS_BYTES, checkProgress, emptyProgress, type Progress, type ProgressLoad } from './ipc/progress';

export const PROGRESS_FILE_NAME = 'progress.json';

/** The file operations the store uses; tests pass variants that fail at a chosen step. */
export type ProgressFs = JsonFileFs;

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
 * The student's progress in `<userData>/progress.json`, which must never be lost: an unusable file (not JSON, cut
 * off, invalid, from a newer version, too large, unreadable, a folder in its place) is moved aside as
 * `progress.json.bad-<time>`; the rules are jsonFileStore.ts's, shared with the settings.
 */
export class ProgressStore {
  private readonly store: JsonFileStore<Progress>;

  constructor(options: ProgressStoreOptions) {
    this.store = new JsonFileStore<Progress>({
      file: path.join(options.dir, PROGRESS_FILE_NAME),
      what: 'progress',
      label: 'bad',
      maxBytes: options.maxBytes ?? MAX_PROGRESS_BYTES,
      fresh: emptyProgress,
      check: (raw) => {
        const checked = checkProgress(raw);
        return checked.ok ? { ok: true, value: checked.progress } : { ok: false, reason: checked.reason };
      },
      serialize: (progress) => `${JSON.stringify(progress)}\n`,
      fs: options.fs,
      log: options.log,
      now: options.now,
    });
  }

  get file(): string {
    return this.store.file;
  }

  /** Reads and validates progress.json. Never throws: a missing file is fresh progress, a bad one is set aside. */
  async load(): Promise<ProgressLoad> {
    const { value, problem } = await this.store.load();
    return { progress: value, problem: problem && { reason: problem.reason, backupPath: problem.movedTo } };
  }

  /** Validates and saves. Rejects with a message when the progress is invalid, too large, or cannot be written. */
  async save(progress: unknown): Promise<void> {
    const checked = checkProgress(progress);
    if (!checked.ok) throw new Error(`Refusing to save progress: ${checked.reason}`);
    await this.store.save(checked.progress);
  }
}
