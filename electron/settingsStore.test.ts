import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { promises as nodeFs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from './ipc/settings';
import { loadSettings, saveSettings, settingsPath, type SettingsFs } from './settingsStore';

let dir: string;
let logs: string[];
const fixedNow = () => new Date('2025-01-02T03:04:05.678Z');
const opts = (extra: { fs?: SettingsFs } = {}) => ({ dir, log: (m: string) => logs.push(m), now: fixedNow, ...extra });

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
    expect(await loadSettings(opts())).toEqual({ settings: projector });
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('creates the folder when it does not exist yet', async () => {
    const nested = path.join(dir, 'a', 'b');
    await saveSettings({ dir: nested }, projector);
    expect((await loadSettings({ dir: nested })).settings).toEqual(projector);
  });

  it('uses defaults, quietly, when there is no file', async () => {
    expect(await loadSettings(opts())).toEqual({ settings: DEFAULT_SETTINGS });
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

  it('keeps a file with invalid values aside, naming the field and the problem', async () => {
    const bad = JSON.stringify({ ...projector, textScale: 9, theme: 'neon' });
    await writeFile(settingsPath(dir), bad, 'utf8');
    const result = await loadSettings(opts());
    expect(result.settings).toEqual(DEFAULT_SETTINGS);
    expect(result.problem?.reason).toMatch(/textScale: .*2/);
    expect(result.problem?.reason).toMatch(/theme: /);
    expect(await readFile(result.problem?.movedTo ?? '', 'utf8')).toBe(bad);
    expect(logs[0]).toMatch(/invalid settings: .*textScale/);
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
