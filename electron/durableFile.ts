import { promises as nodeFs } from 'node:fs';
import path from 'node:path';

/**
 * Files that must survive a crash, a power cut or a bad copy: used by jsonFileStore.ts (settings and progress).
 *
 * - `saveFileDurably`: atomic replace (temp file in the same folder, write, fsync, rename over, fsync the folder),
 *   serialized per file so a later save can never be overtaken by an earlier one, and coalesced so that of several
 *   queued saves only the newest is written.
 * - `moveAside`: keeps a file that cannot be used under a new name beside it, never deletes it.
 *
 * Own code rather than a library, checked against the candidates: write-file-atomic (6.0.0 and 8.0.0,
 * lib/index.js) fsyncs the temp file but never the folder, so a power cut after the rename can lose the new entry;
 * it does serialize writes to one file, but writes every queued value in turn instead of only the newest. Its
 * current major (8) and conf (15, 16: which adds ajv and atomically) require Node 22+, and conf on a damaged file
 * either throws or clears it (clearInvalidConfig), where we must move it aside. The part they would replace is the
 * ~60 lines below.
 */

/** The part of an open file this module uses. */
export interface DurableFileHandle {
  writeFile(data: string | Uint8Array, encoding: 'utf8'): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The file operations this module uses; tests pass variants that fail at a chosen step. */
export interface DurableFs {
  open(file: string, flags: 'wx' | 'r'): Promise<DurableFileHandle>;
  rename(from: string, to: string): Promise<void>;
  rm(file: string, options: { force: boolean }): Promise<void>;
  mkdir(dir: string, options: { recursive: true }): Promise<unknown>;
}

const TEMP_MARK = '.tmp-';

/**
 * Writes `data` (text as UTF-8, or bytes) to `file` so that, whatever happens (crash, kill, power loss after the call resolved), `file` holds
 * either its old content or the whole new content. Not serialized: use saveFileDurably.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array, fs: DurableFs = nodeFs): Promise<void> {
  const dir = path.dirname(file);
  // Same folder: rename is only atomic within one file system.
  const temp = `${file}${TEMP_MARK}${process.pid}-${Math.random().toString(36).slice(2)}`;
  await fs.mkdir(dir, { recursive: true });
  try {
    const handle = await fs.open(temp, 'wx');
    try {
      await handle.writeFile(data, 'utf8');
      // Without this, a power cut after the rename can leave the new name pointing at empty or partial data.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncFolder(dir, fs);
}

/** Makes the rename itself durable: the folder's entry for the new file is flushed to disk. */
async function syncFolder(dir: string, fs: DurableFs): Promise<void> {
  let handle: DurableFileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    // Windows cannot open a folder (EISDIR) or fsync it (EPERM); some file systems do not support fsync on a folder
    // (EINVAL). There the rename is as durable as the OS makes it, and the file content was synced already.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL') throw error;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

interface PendingWrite {
  data: string;
  fs: DurableFs;
  waiters: { resolve: () => void; reject: (error: unknown) => void }[];
}

/** One queue per file (by absolute path), alive only while it has work. */
const queues = new Map<string, { pending: PendingWrite | null }>();

/**
 * Saves `data` to `file` atomically and durably, in call order. While a write runs, later calls wait; when it ends
 * only the newest waiting data is written (older ones are superseded), and every caller whose data was superseded
 * settles with the write that replaced it. So the file always ends with the data of the last call.
 */
export function saveFileDurably(file: string, data: string, fs: DurableFs = nodeFs): Promise<void> {
  const key = path.resolve(file);
  return new Promise<void>((resolve, reject) => {
    const waiter = { resolve, reject };
    const queue = queues.get(key);
    if (queue) {
      const waiters = queue.pending ? [...queue.pending.waiters, waiter] : [waiter];
      queue.pending = { data, fs, waiters };
      return;
    }
    const fresh = { pending: { data, fs, waiters: [waiter] } as PendingWrite | null };
    queues.set(key, fresh);
    void drain(key, fresh);
  });
}

async function drain(key: string, queue: { pending: PendingWrite | null }): Promise<void> {
  while (queue.pending) {
    const job = queue.pending;
    queue.pending = null;
    try {
      await writeFileAtomic(key, job.data, job.fs);
      for (const waiter of job.waiters) waiter.resolve();
    } catch (error) {
      for (const waiter of job.waiters) waiter.reject(error);
    }
  }
  queues.delete(key);
}

/** `2024-05-01T10-20-30-123Z`: an ISO time that is a valid file name on every OS. */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/**
 * Renames `file` (a file or a folder) to `<file>.<label>-<time>` beside it and returns the new path. If that name is
 * taken (two in one millisecond), a counter is added rather than overwriting the earlier copy.
 */
export async function moveAside(
  file: string,
  label: string,
  now: Date,
  fs: Pick<DurableFs, 'rename'> & { stat(file: string): Promise<unknown> } = nodeFs,
): Promise<string> {
  const base = `${file}.${label}-${fileStamp(now)}`;
  for (let n = 0; ; n++) {
    const target = n === 0 ? base : `${base}-${n}`;
    const taken = await fs.stat(target).then(
      () => true,
      () => false,
    );
    if (taken) continue;
    await fs.rename(file, target);
    return target;
  }
}

/**
 * Removes temp files that a killed process left beside `file` (they were never renamed over it, so they hold no
 * saved data). Only call this where no other process writes the file (the app holds a single-instance lock).
 */
export async function removeStaleTemps(
  file: string,
  fs: Pick<DurableFs, 'rm'> & { readdir(dir: string): Promise<string[]> } = nodeFs,
): Promise<void> {
  // A save of this process in flight owns a temp file too.
  if (queues.has(path.resolve(file))) return;
  const prefix = `${path.basename(file)}${TEMP_MARK}`;
  const names = await fs.readdir(path.dirname(file)).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((name) => name.startsWith(prefix))
      .map((name) => fs.rm(path.join(path.dirname(file), name), { force: true }).catch(() => undefined)),
  );
}
