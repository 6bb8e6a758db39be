import { promises as nodeFs } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { moveAside, removeStaleTemps, saveFileDurably, writeFileAtomic, type DurableFs } from './durableFile';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rmo-durable-'));
  file = path.join(dir, 'data.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The real fs, recording every call, with hooks to slow down or fail one step. */
function recordingFs(hooks: { beforeWrite?: (data: string) => Promise<void>; openDir?: () => Promise<never> } = {}) {
  const calls: string[] = [];
  const fs: DurableFs = {
    mkdir: (d, o) => nodeFs.mkdir(d, o),
    rm: (f, o) => nodeFs.rm(f, o),
    rename: async (from, to) => {
      calls.push(`rename ${path.basename(from).replace(/tmp-.*/, 'tmp')} -> ${path.basename(to)}`);
      await nodeFs.rename(from, to);
    },
    open: async (f, flags) => {
      if (flags === 'r' && hooks.openDir) return hooks.openDir();
      const handle = await nodeFs.open(f, flags);
      const name = flags === 'r' ? 'folder' : 'temp';
      return {
        writeFile: async (data) => {
          const text = typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
          await hooks.beforeWrite?.(text);
          calls.push(`write ${name} ${text}`);
          await handle.writeFile(data, 'utf8');
        },
        sync: async () => {
          calls.push(`sync ${name}`);
          await handle.sync();
        },
        close: () => handle.close(),
      };
    },
  };
  return { fs, calls };
}

describe('writeFileAtomic', () => {
  it('writes a temp file in the same folder, syncs it, renames it over, then syncs the folder', async () => {
    await writeFile(file, 'old');
    const { fs, calls } = recordingFs();
    await writeFileAtomic(file, 'new', fs);
    expect(calls).toEqual(['write temp new', 'sync temp', 'rename data.json.tmp -> data.json', 'sync folder']);
    expect(await readFile(file, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['data.json']);
  });

  it('a failed write leaves the old file and no temp file', async () => {
    await writeFile(file, 'old');
    const { fs } = recordingFs({
      beforeWrite: async () => {
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
    });
    await expect(writeFileAtomic(file, 'new', fs)).rejects.toThrow(/ENOSPC/);
    expect(await readFile(file, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['data.json']);
  });

  it.each(['EISDIR', 'EPERM', 'EINVAL'])(
    'ignores %s from syncing the folder (Windows, some file systems)',
    async (code) => {
      const { fs } = recordingFs({ openDir: () => Promise.reject(Object.assign(new Error(code), { code })) });
      await writeFileAtomic(file, 'new', fs);
      expect(await readFile(file, 'utf8')).toBe('new');
    },
  );

  it('reports any other folder sync failure', async () => {
    const { fs } = recordingFs({ openDir: () => Promise.reject(Object.assign(new Error('EIO'), { code: 'EIO' })) });
    await expect(writeFileAtomic(file, 'new', fs)).rejects.toThrow(/EIO/);
  });

  it('creates the folder', async () => {
    const nested = path.join(dir, 'a', 'b', 'x.json');
    await writeFileAtomic(nested, 'x');
    expect(await readFile(nested, 'utf8')).toBe('x');
  });
});

describe('saveFileDurably', () => {
  it('1,000 saves fired without waiting end with the last one on disk; queued saves are coalesced', async () => {
    const { fs, calls } = recordingFs();
    const saves = Array.from({ length: 1000 }, (_, i) => saveFileDurably(file, `value ${i}`, fs));
    await Promise.all(saves);
    expect(await readFile(file, 'utf8')).toBe('value 999');
    const writes = calls.filter((c) => c.startsWith('write'));
    // The first save starts at once; the 999 that queue behind it are written once, as the newest.
    expect(writes).toEqual(['write temp value 0', 'write temp value 999']);
    expect(await readdir(dir)).toEqual(['data.json']);
  });

  it('a later save is never overtaken by an earlier slow one', async () => {
    let releaseFirst!: () => void;
    const firstBlocked = new Promise<void>((resolve) => (releaseFirst = resolve));
    const { fs } = recordingFs({ beforeWrite: (data) => (data === 'first' ? firstBlocked : Promise.resolve()) });
    const first = saveFileDurably(file, 'first', fs);
    const second = saveFileDurably(file, 'second', fs);
    await new Promise((resolve) => setTimeout(resolve, 20));
    releaseFirst();
    await Promise.all([first, second]);
    expect(await readFile(file, 'utf8')).toBe('second');
  });

  it('callers whose data was superseded share the fate of the write that replaced it', async () => {
    let failNext = false;
    const { fs } = recordingFs({
      beforeWrite: async (data) => {
        if (failNext && data === 'c') throw new Error('EIO: simulated');
        failNext = true;
      },
    });
    const results = await Promise.allSettled(['a', 'b', 'c'].map((data) => saveFileDurably(file, data, fs)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    expect(await readFile(file, 'utf8')).toBe('a');
    // The queue is not stuck after a failure.
    await saveFileDurably(file, 'd');
    expect(await readFile(file, 'utf8')).toBe('d');
  });
});

describe('moveAside and removeStaleTemps', () => {
  it('moves a file or a folder aside under a time-stamped name, never over an earlier copy', async () => {
    const now = new Date('2025-01-02T03:04:05.678Z');
    await writeFile(file, 'one');
    const first = await moveAside(file, 'bad', now);
    expect(path.basename(first)).toBe('data.json.bad-2025-01-02T03-04-05-678Z');
    await mkdir(file);
    const second = await moveAside(file, 'bad', now);
    expect(path.basename(second)).toBe('data.json.bad-2025-01-02T03-04-05-678Z-1');
    expect(await readFile(first, 'utf8')).toBe('one');
    expect((await readdir(dir)).sort()).toEqual([path.basename(first), path.basename(second)]);
  });

  it('removes temp files a killed process left, and nothing else', async () => {
    await writeFile(file, 'kept');
    await writeFile(`${file}.tmp-123-abc`, 'partial');
    await writeFile(path.join(dir, 'other.json.tmp-1-x'), 'not ours');
    await removeStaleTemps(file);
    expect((await readdir(dir)).sort()).toEqual(['data.json', 'other.json.tmp-1-x']);
  });
});
