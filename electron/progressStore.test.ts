import { promises as nodeFs } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyProgress, type Progress } from './ipc/progress';
import { PROGRESS_FILE_NAME, ProgressStore, type ProgressFs, type ProgressStoreOptions } from './progressStore';

let dir: string;
let file: string;
let logs: string[];
const now = () => new Date('2025-01-02T03:04:05.678Z');
const BACKUP = 'progress.json.bad-2025-01-02T03-04-05-678Z';
const store = (extra: Partial<ProgressStoreOptions> = {}) =>
  new ProgressStore({ dir, now, log: (m) => logs.push(m), ...extra });

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rmo-progress-'));
  file = path.join(dir, PROGRESS_FILE_NAME);
  logs = [];
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sample: Progress = {
  schemaVersion: 1,
  lastLessonId: 'type1-vs-type2',
  lessons: {
    'type1-vs-type2': {
      step: 3,
      completed: false,
      updatedAt: '2025-01-02T03:00:00.000Z',
      answers: [
        { questionId: 'q1', attempt: 1, correct: false, answer: 'b', at: '2025-01-02T02:59:00.000Z' },
        { questionId: 'q1', attempt: 2, correct: true, answer: ['a', 1, null], at: '2025-01-02T03:00:00.000Z' },
      ],
    },
  },
};

describe('ProgressStore: load and save', () => {
  it('gives fresh progress, quietly, when there is no file', async () => {
    expect(await store().load()).toEqual({ progress: emptyProgress(), problem: null });
    expect(logs).toEqual([]);
  });

  it('round-trips progress through progress.json', async () => {
    await store().save(sample);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(sample);
    expect(await store().load()).toEqual({ progress: sample, problem: null });
    expect(await readdir(dir)).toEqual([PROGRESS_FILE_NAME]);
  });

  it('keeps fields it does not know, at every level, through load and save', async () => {
    const fromAnotherVersion = {
      ...sample,
      badges: ['first-exit'],
      lessons: {
        l: {
          step: 0,
          completed: true,
          updatedAt: '2025-01-02T03:00:00+01:00',
          timeSpentSeconds: 75,
          answers: [
            {
              questionId: 'q',
              attempt: 1,
              correct: true,
              answer: { x: 1 },
              at: sample.lessons['type1-vs-type2']!.updatedAt,
              hintUsed: true,
            },
          ],
        },
      },
    };
    await writeFile(file, JSON.stringify(fromAnotherVersion));
    const s = store();
    const { progress, problem } = await s.load();
    expect(problem).toBeNull();
    expect(progress).toEqual(fromAnotherVersion);
    await s.save({ ...progress, lastLessonId: 'l' });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ ...fromAnotherVersion, lastLessonId: 'l' });
  });

  it('refuses to save invalid progress and keeps the file', async () => {
    const s = store();
    await s.save(sample);
    await expect(s.save({ ...sample, lessons: { l: { step: -1 } } })).rejects.toThrow(/lessons\.l\.step/);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(sample);
  });

  it('refuses to save progress larger than the load limit (it would be set aside on the next start)', async () => {
    const s = store({ maxBytes: 1000 });
    const big = { ...sample, lastLessonId: 'x'.repeat(2000) };
    await expect(s.save(big)).rejects.toThrow(/Refusing to save progress of 3 KB \(the limit is 1 KB\)/);
  });

  it('1,000 overlapping saves end with the last value on disk', async () => {
    const s = store();
    await Promise.all(Array.from({ length: 1000 }, (_, i) => s.save({ ...sample, lastLessonId: `lesson-${i}` })));
    expect(JSON.parse(await readFile(file, 'utf8')).lastLessonId).toBe('lesson-999');
    expect(await readdir(dir)).toEqual([PROGRESS_FILE_NAME]);
  });

  it('removes temp files a killed save left behind', async () => {
    await writeFile(file, JSON.stringify(sample));
    await writeFile(`${file}.tmp-999-abc`, '{"schemaVersion": 1, "lastLes');
    expect((await store().load()).progress).toEqual(sample);
    expect(await readdir(dir)).toEqual([PROGRESS_FILE_NAME]);
  });
});

describe('ProgressStore: an unusable file is set aside, never lost, and the load says where and why', () => {
  const cases: [string, string, RegExp][] = [
    ['corrupt JSON', '{"schemaVersion": 1, "lessons": {]', /not valid JSON/],
    ['truncated', JSON.stringify(sample).slice(0, 60), /not valid JSON, it may be cut off/],
    ['empty (cut off before the first byte)', '', /empty/],
    ['from a newer version', JSON.stringify({ ...sample, schemaVersion: 2 }), /newer version .*schemaVersion 2/],
    [
      'failing the schema',
      JSON.stringify({ ...sample, lessons: { l: { ...sample.lessons['type1-vs-type2'], step: 1.5 } } }),
      /invalid progress: lessons\.l\.step/,
    ],
  ];
  it.each(cases)('%s', async (_name, content, reason) => {
    await writeFile(file, content);
    const s = store();
    const { progress, problem } = await s.load();
    expect(progress).toEqual(emptyProgress());
    expect(problem).toEqual({ reason: expect.stringMatching(reason), backupPath: path.join(dir, BACKUP) });
    expect(await readFile(path.join(dir, BACKUP), 'utf8')).toBe(content);
    expect(logs.join('\n')).toContain(BACKUP);
    // Saving afterwards is fine: the old content is safe.
    await s.save(sample);
    expect((await readdir(dir)).sort()).toEqual([PROGRESS_FILE_NAME, BACKUP]);
  });

  it('a folder in the place of the file', async () => {
    await mkdir(file);
    await writeFile(path.join(file, 'inside.txt'), 'x');
    const { problem } = await store().load();
    expect(problem).toEqual({
      reason: expect.stringMatching(/a folder is in the place/),
      backupPath: path.join(dir, BACKUP),
    });
    expect(await readFile(path.join(dir, BACKUP, 'inside.txt'), 'utf8')).toBe('x');
  });

  it('a file that cannot be read (EACCES)', async () => {
    await writeFile(file, JSON.stringify(sample));
    const fs: ProgressFs = {
      ...nodeFs,
      readFile: async () => {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      },
    };
    const { problem } = await store({ fs }).load();
    expect(problem).toEqual({
      reason: expect.stringMatching(/cannot be read \(EACCES/),
      backupPath: path.join(dir, BACKUP),
    });
  });

  it('an absurdly large file, without reading it whole', async () => {
    await writeFile(file, JSON.stringify({ ...sample, lastLessonId: 'x'.repeat(3000) }));
    let read = false;
    const fs: ProgressFs = { ...nodeFs, readFile: async (...args) => ((read = true), nodeFs.readFile(...args)) };
    const { problem } = await store({ fs, maxBytes: 2000 }).load();
    expect(problem?.reason).toMatch(/too large to be progress \(4 KB, limit 2 KB\)/);
    expect(read).toBe(false);
  });

  it('the default limit is 8 MB', async () => {
    await writeFile(file, Buffer.alloc(8 * 1024 * 1024 + 1, 0x20));
    const { problem } = await store().load();
    expect(problem?.reason).toMatch(/too large to be progress \(8\.0 MB, limit 8\.0 MB\)/);
  });

  it('a file that cannot be moved aside is left in place, and saving is refused rather than overwrite it', async () => {
    await writeFile(file, 'not json');
    const fs: ProgressFs = {
      ...nodeFs,
      rename: async () => {
        throw Object.assign(new Error('EBUSY: resource busy'), { code: 'EBUSY' });
      },
    };
    const s = store({ fs });
    const { problem } = await s.load();
    expect(problem).toEqual({
      reason: expect.stringMatching(/not valid JSON.*could not be moved aside/),
      backupPath: null,
    });
    await expect(s.save(sample)).rejects.toThrow(/not saved in this session.*EBUSY/);
    expect(await readFile(file, 'utf8')).toBe('not json');
  });

  it('a save before any load still sets a bad file aside first', async () => {
    await writeFile(file, 'not json');
    await store().save(sample);
    expect(await readFile(path.join(dir, BACKUP), 'utf8')).toBe('not json');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(sample);
  });
});
