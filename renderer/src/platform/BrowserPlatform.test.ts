import { describe, expect, it } from 'vitest';
import { BrowserPlatform, SETTINGS_KEY } from './BrowserPlatform';
import { DEFAULT_SETTINGS, readSettings } from './settings';

class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
}

describe('BrowserPlatform settings', () => {
  it('gives defaults when nothing is stored', async () => {
    const p = new BrowserPlatform(new MemoryStorage());
    expect(await p.loadSettings()).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('round-trips a saved theme', async () => {
    const storage = new MemoryStorage();
    const p = new BrowserPlatform(storage);
    await p.saveSettings({ ...DEFAULT_SETTINGS, theme: 'projector', textScale: 1.5 });
    const again = await new BrowserPlatform(storage).loadSettings();
    expect(again.settings.theme).toBe('projector');
    expect(again.settings.textScale).toBe(1.5);
  });

  it('keeps corrupt JSON aside and reports where and what', async () => {
    const storage = new MemoryStorage();
    storage.setItem(SETTINGS_KEY, '{"theme": "light",');
    const { settings, problems } = await new BrowserPlatform(storage).loadSettings();
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems[0]?.field).toContain(SETTINGS_KEY);
    expect(problems[0]?.message).toMatch(/not JSON/);
    expect(storage.getItem(`${SETTINGS_KEY}.corrupt`)).toBe('{"theme": "light",');
  });

  it('refuses to save invalid settings and keeps what was saved', async () => {
    const storage = new MemoryStorage();
    const p = new BrowserPlatform(storage);
    await p.saveSettings({ ...DEFAULT_SETTINGS, theme: 'light' });
    const bad = { ...DEFAULT_SETTINGS, theme: 'neon' } as unknown as typeof DEFAULT_SETTINGS;
    await expect(p.saveSettings(bad)).rejects.toThrow(
      /theme: Invalid option: expected one of "light"\|"dark"\|"projector", found "neon"/,
    );
    expect((await p.loadSettings()).settings.theme).toBe('light');
  });

  it('opens only http(s) links', async () => {
    const p = new BrowserPlatform(new MemoryStorage());
    expect(await p.openExternal('javascript:alert(1)')).toBe(false);
    expect(await p.openExternal('file:///etc/passwd')).toBe(false);
  });
});

describe('readSettings', () => {
  it('keeps good fields and reports each bad one', () => {
    const { settings, problems } = readSettings({
      schemaVersion: 1,
      theme: 'light',
      textScale: 9,
      reducedMotion: 'maybe',
    });
    expect(settings.theme).toBe('light');
    expect(settings.textScale).toBe(1);
    expect(problems.map((p) => p.field)).toEqual(['textScale', 'reducedMotion']);
  });
  it('rejects a non-object', () => {
    expect(readSettings([1, 2]).problems[0]?.field).toBe('(root)');
  });
});
