import { mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { promises as nodeFs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from './ipc/settings';
import { SettingsStore, settingsPath, type SettingsFs, type SettingsStoreOptions } from './settingsStore';

let dir: string;
let logs: string[];
const fixedNow = () => new Date('2025-01-02T03:04:05.678Z');
const opts = (extra: Partial<SettingsStoreOptions> = {}) => ({
  dir,
  log: (m: string) => logs.push(m),
  now: fixedNow,
  ...extra,
});
// One store per call, as after a restart of the app.
const loadSettings = (options: SettingsStoreOptions) => new SettingsStore(options).load();
const saveSettings = (options: SettingsStoreOptions, settings: unknown) => new SettingsStore(options).save(settings);

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rmo-settings-'));
  logs = [];
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const projector: Settings = { schemaVersion: 1, theme: 'projector', textScale: 1.5, reducedMotion: 'on' };

describe('settings store', () => {
  it('round-trips settings through settings.json', async () => {
    expect(await saveSettings(opts(), projector)).toEqual(projector);
    expect(JSON.parse(await readFile(settingsPath(dir), 'utf8'))).toEqual(projector);
    expect(await loadSettings(opts())).toEqual({ settings: projector, problem: null });
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('creates the folder when it does not exist yet', async () => {
    const nested = path.join(dir, 'a', 'b');
    await saveSettings({ dir: nested }, projector);
    expect((await loadSettings({ dir: nested })).settings).toEqual(projector);
  });

  it('uses defaults, quietly, when there is no file', async () => {
    expect(await loadSettings(opts())).toEqual({ settings: DEFAULT_SETTINGS, problem: null });
    expect(logs).toEqual([]);
  });

  it('keeps a corrupt JSON file aside and says where and what', async () => {
    await writeFile(settingsPath(dir), '{"schemaVersion": 1, "theme": ', 'utf8');
    const result = await loadSettings(opts());
    expect(result.settings).toEqual(DEFAULT_SETTINGS);
    const kept = path.join(dir, 'settings.json.corrupt-2025-01-02T03-04-05-678Z');
    expect(result.problem).toEqual({ reason: expect.stringMatching(/not valid JSON/), movedTo: kept });
    expect(await readFile(kept, 'utf8')).toBe('{"schemaVersion": 1, "theme": ');
    expect(await readdir(dir)).toEqual([path.basename(kept)]);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toContain(settingsPath(dir));
    expect(logs[0]).toContain(kept);
    expect(logs[0]).toMatch(/not valid JSON/);
  });

  it('a file with invalid values: set aside, the valid fields kept and written back, the bad ones named', async () => {
    const bad = JSON.stringify({ ...projector, textScale: 9, theme: 'neon' });
    await writeFile(settingsPath(dir), bad, 'utf8');
    const result = await loadSettings(opts());
    // reducedMotion was valid and survives; the two wrong fields fall back to their defaults.
    const repaired = { ...DEFAULT_SETTINGS, reducedMotion: 'on' };
    expect(result.settings).toEqual(repaired);
    expect(result.problem?.reason).toMatch(/textScale: .*2/);
    expect(result.problem?.reason).toMatch(/theme: /);
    expect(await readFile(result.problem?.movedTo ?? '', 'utf8')).toBe(bad);
    expect(logs[0]).toMatch(/invalid settings: .*textScale.*keeping the valid fields/);
    // Written back, so the next start has them without a notice.
    expect(await loadSettings(opts())).toEqual({ settings: repaired, problem: null });
  });

  it('one unknown key is not damage: every field is kept, the key too, through load and save', async () => {
    const stored = { ...projector, thme: 'light', futureSetting: { a: [1, 2] }, ['__proto__']: { polluted: true } };
    // JSON.stringify drops a __proto__ set by an object literal; write it as text, as a hand-edited file would.
    const text = JSON.stringify({ ...projector, thme: 'light', futureSetting: { a: [1, 2] } }).replace(
      /}$/,
      ',"__proto__":{"polluted":true}}',
    );
    await writeFile(settingsPath(dir), text, 'utf8');
    const store = new SettingsStore(opts());
    expect(await store.load()).toEqual({ settings: projector, problem: null });
    expect(logs.join('\n')).toMatch(/kept keys this version does not know: thme, futureSetting, __proto__/);
    await store.save({ ...projector, theme: 'light' });
    const onDisk = JSON.parse(await readFile(settingsPath(dir), 'utf8'));
    expect(onDisk).toEqual({ ...stored, theme: 'light' });
    expect(Object.hasOwn(onDisk, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('a save before any load keeps the unknown keys too', async () => {
    await writeFile(settingsPath(dir), JSON.stringify({ ...projector, extra: 1 }), 'utf8');
    await saveSettings(opts(), DEFAULT_SETTINGS);
    expect(JSON.parse(await readFile(settingsPath(dir), 'utf8'))).toEqual({ ...DEFAULT_SETTINGS, extra: 1 });
  });

  it.each([100, 600])('a %i MB file is set aside unread (its size is checked with stat first)', async (mb) => {
    // Sparse: the size is real for stat, but the test does not write hundreds of MB.
    await writeFile(settingsPath(dir), '');
    await truncate(settingsPath(dir), mb * 1024 * 1024);
    let read = false;
    const fs: SettingsFs = { ...nodeFs, readFile: async (...args) => ((read = true), nodeFs.readFile(...args)) };
    const result = await loadSettings(opts({ fs }));
    expect(read).toBe(false);
    expect(result.settings).toEqual(DEFAULT_SETTINGS);
    expect(result.problem).toEqual({
      reason: `the file is too large to be settings (${mb}.0 MB, limit 64 KB)`,
      movedTo: path.join(dir, 'settings.json.corrupt-2025-01-02T03-04-05-678Z'),
    });
  });

  it('a folder in the place of the file is moved aside, contents and all', async () => {
    await mkdir(settingsPath(dir));
    await writeFile(path.join(settingsPath(dir), 'inside.txt'), 'x');
    const store = new SettingsStore(opts());
    const { problem } = await store.load();
    expect(problem?.reason).toMatch(/a folder is in the place of the file/);
    expect(await readFile(path.join(problem?.movedTo ?? '', 'inside.txt'), 'utf8')).toBe('x');
    await store.save(projector);
    expect((await loadSettings(opts())).settings).toEqual(projector);
  });

  it('1,000 overlapping saves end with the last value on disk', async () => {
    const store = new SettingsStore(opts());
    const scales = Array.from({ length: 1000 }, (_, i) => 1 + (i % 100) / 100);
    await Promise.all(scales.map((textScale) => store.save({ ...projector, textScale })));
    expect((await loadSettings(opts())).settings.textScale).toBe(scales.at(-1));
  });

  it('refuses to save invalid settings and keeps the old file', async () => {
    await saveSettings(opts(), projector);
    await expect(saveSettings(opts(), { ...projector, textScale: 0.1 })).rejects.toThrow(/textScale/);
    expect(JSON.parse(await readFile(settingsPath(dir), 'utf8'))).toEqual(projector);
  });

  it('writes atomically: a failed write leaves the old content and no temporary file', async () => {
    await saveSettings(opts(), projector);
    const failingRename: SettingsFs = {
      ...nodeFs,
      readFile: (file, encoding) => nodeFs.readFile(file, encoding),
      rename: async () => {
        throw new Error('EIO: simulated failure');
      },
    };
    await expect(saveSettings(opts({ fs: failingRename }), { ...projector, theme: 'light' })).rejects.toThrow(
      /Could not save settings to .*settings\.json: EIO: simulated failure/,
    );
    expect(JSON.parse(await readFile(settingsPath(dir), 'utf8'))).toEqual(projector);
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('a write that fails half-way leaves the old content', async () => {
    await saveSettings(opts(), projector);
    const failingWrite: SettingsFs = {
      ...nodeFs,
      readFile: (file, encoding) => nodeFs.readFile(file, encoding),
      open: async (file, flags) => {
        const handle = await nodeFs.open(file, flags);
        return {
          writeFile: async (data: string) => {
            await handle.writeFile(data.slice(0, 5), 'utf8');
            throw new Error('ENOSPC: disk full');
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    await expect(saveSettings(opts({ fs: failingWrite }), DEFAULT_SETTINGS)).rejects.toThrow(/ENOSPC/);
    expect((await loadSettings(opts())).settings).toEqual(projector);
    expect(await readdir(dir)).toEqual(['settings.json']);
  });
});

describe('the recent-files list in settings.json', () => {
  it('is kept beside the settings, survives a restart and a save of the settings from the renderer', async () => {
    const store = new SettingsStore(opts());
    await store.setRecentFiles(['/home/a/lesson.rmo', '/home/a/old.json']);
    await store.save(projector);
    const after = new SettingsStore(opts());
    expect(await after.load()).toEqual({ settings: projector, problem: null });
    expect(await after.recentFiles()).toEqual(['/home/a/lesson.rmo', '/home/a/old.json']);
    // The list is main's own: it is never part of what the renderer loads or saves, and not logged as unknown.
    expect(JSON.parse(await readFile(settingsPath(dir), 'utf8'))).toEqual({
      ...projector,
      recentFiles: ['/home/a/lesson.rmo', '/home/a/old.json'],
    });
    expect(logs).toEqual([]);
  });

  it('refuses a list that is too long, and starts empty from a damaged one without losing the settings', async () => {
    const store = new SettingsStore(opts());
    const eleven = Array.from({ length: 11 }, (_, i) => `/f${i}.rmo`);
    await expect(store.setRecentFiles(eleven)).rejects.toThrow(/recent-files list/);
    await writeFile(settingsPath(dir), JSON.stringify({ ...projector, recentFiles: 'not a list' }));
    const fresh = new SettingsStore(opts());
    expect((await fresh.load()).settings).toEqual(projector);
    expect(await fresh.recentFiles()).toEqual([]);
    expect(logs.join('\n')).toMatch(/recent-files list .* unusable/);
  });
});
