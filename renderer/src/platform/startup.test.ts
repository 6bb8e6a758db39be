import { describe, expect, it, vi } from 'vitest';
import type { SettingsLoad } from '../../../electron/ipc/settings';
import { readSettingsFields } from '../../../electron/ipc/settings';
import type { RingMinusOneApi } from '../../../electron/preload';
import { detectPlatform } from './index';
import { DEFAULT_SETTINGS } from './settings';
import { firstFrameSettings, readStartupSettings, SETTINGS_KEY } from './startup';

/** Stored settings of every kind a store can hold: valid, damaged, hostile, from a newer version. */
const VALUES: unknown[] = [
  undefined,
  null,
  0,
  -1,
  0.79,
  0.8,
  1,
  1.25,
  2,
  2.01,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '1',
  '',
  'dark',
  'light',
  'projector',
  'Dark',
  'system',
  'on',
  'off',
  'yes',
  true,
  [],
  ['dark'],
  {},
];
const RECORDS: unknown[] = [
  null,
  'dark',
  42,
  [],
  ['theme', 'light'],
  {},
  { schemaVersion: 1 },
  { schemaVersion: 2, theme: 'light', futureSetting: { a: 1 } },
  JSON.parse('{"__proto__": {"theme": "light"}, "textScale": 1.5}'),
  Object.create({ theme: 'projector' }),
  ...VALUES.flatMap((theme) =>
    VALUES.map((value, i) => ({
      schemaVersion: 1,
      theme,
      textScale: value,
      reducedMotion: VALUES[(i * 7) % VALUES.length],
    })),
  ),
];

describe('first-frame settings (read before the schemas are loaded)', () => {
  it('agree, field by field, with what the schema reader gives for every kind of stored value', () => {
    for (const raw of RECORDS) {
      const { settings } = readSettingsFields(raw);
      expect(firstFrameSettings(raw), JSON.stringify(raw)).toEqual({
        theme: settings.theme,
        textScale: settings.textScale,
        reducedMotion: settings.reducedMotion,
      });
    }
  });

  it('browser: reads localStorage, and falls back to the defaults when it is not JSON or is blocked', async () => {
    const storage = new Map<string, string>();
    const fake = { getItem: (k: string) => storage.get(k) ?? null } as Storage;
    storage.set(SETTINGS_KEY, JSON.stringify({ schemaVersion: 1, theme: 'projector', textScale: 1.5 }));
    const ok = readStartupSettings(undefined, () => fake);
    expect(ok.electronReply).toBeNull();
    expect(await ok.first).toEqual({ theme: 'projector', textScale: 1.5, reducedMotion: 'system' });

    storage.set(SETTINGS_KEY, '{"theme": "light",');
    expect(await readStartupSettings(undefined, () => fake).first).toEqual({
      theme: 'dark',
      textScale: 1,
      reducedMotion: 'system',
    });
    const blocked = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    expect(await readStartupSettings(undefined, blocked).first).toEqual({
      theme: 'dark',
      textScale: 1,
      reducedMotion: 'system',
    });
  });

  it('Electron: asks main once; the platform reads that same reply, with its problem, and asks again only later', async () => {
    const reply: SettingsLoad = {
      settings: { ...DEFAULT_SETTINGS, theme: 'light', textScale: 1.2 },
      problem: { reason: 'not valid JSON (Unexpected end)', movedTo: '/u/settings.json.corrupt-1' },
    };
    const loadSettings = vi.fn(async () => reply);
    const api = { loadSettings } as unknown as RingMinusOneApi;
    const startup = readStartupSettings(api);
    expect(await startup.first).toEqual({ theme: 'light', textScale: 1.2, reducedMotion: 'system' });
    vi.stubGlobal('window', { ringMinusOne: api });
    try {
      const platform = detectPlatform(startup);
      expect(platform.kind).toBe('electron');
      const loaded = await platform.loadSettings();
      expect(loadSettings).toHaveBeenCalledTimes(1);
      expect(loaded.settings.theme).toBe('light');
      // Main moved the damaged file aside on that one read: the app still hears about it.
      expect(loaded.problems).toEqual([
        { field: 'settings.json', message: 'not valid JSON (Unexpected end) (kept as /u/settings.json.corrupt-1)' },
      ]);
      await platform.loadSettings();
      expect(loadSettings).toHaveBeenCalledTimes(2);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('Electron: a failed read gives the first frame the defaults, and the platform reports the failure', async () => {
    const api = { loadSettings: async () => Promise.reject(new Error('IPC "settings:load" refused')) };
    const startup = readStartupSettings(api as unknown as RingMinusOneApi);
    expect(await startup.first).toEqual({ theme: 'dark', textScale: 1, reducedMotion: 'system' });
    await expect(startup.electronReply).rejects.toThrow('refused');
  });
});
