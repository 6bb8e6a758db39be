import { describe, expect, it } from 'vitest';
import { BrowserPlatform, PROGRESS_KEY, SETTINGS_KEY } from './BrowserPlatform';
import { emptyProgress, setStep } from './progress';
import { DEFAULT_SETTINGS, readSettings } from './settings';
import { MemoryStorage } from './testing/fakes';

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

  it('keeps keys a newer version stored through a save, and does not report them', async () => {
    const storage = new MemoryStorage();
    storage.setItem(SETTINGS_KEY, JSON.stringify({ ...DEFAULT_SETTINGS, futureSetting: 'x' }));
    const p = new BrowserPlatform(storage);
    expect((await p.loadSettings()).problems).toEqual([]);
    await p.saveSettings({ ...DEFAULT_SETTINGS, theme: 'light' });
    expect(JSON.parse(storage.getItem(SETTINGS_KEY) ?? '')).toEqual({
      ...DEFAULT_SETTINGS,
      theme: 'light',
      futureSetting: 'x',
    });
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

/** A localStorage whose calls can be made to fail as browsers do. */
class FailingStorage extends MemoryStorage {
  failGet: DOMException | null = null;
  failSet: DOMException | null = null;
  override getItem(key: string) {
    if (this.failGet) throw this.failGet;
    return super.getItem(key);
  }
  override setItem(key: string, value: string) {
    if (this.failSet) throw this.failSet;
    super.setItem(key, value);
  }
}
const blocked = () => new DOMException('The operation is insecure.', 'SecurityError');
const full = () => new DOMException('Setting the value exceeded the quota.', 'QuotaExceededError');
const now = () => new Date('2025-01-02T03:04:05.678Z');
const BACKUP_KEY = `${PROGRESS_KEY}.bad-2025-01-02T03:04:05.678Z`;
const someProgress = setStep(emptyProgress(), 'lesson-1', 2, now());

describe('BrowserPlatform progress', () => {
  it('round-trips progress, keeping fields it does not know', async () => {
    const storage = new MemoryStorage();
    const p = new BrowserPlatform(storage, now);
    expect(await p.loadProgress()).toEqual({ progress: emptyProgress(), problems: [] });
    const withExtra = { ...someProgress, fromNewerVersion: { badges: 3 } };
    expect(await p.saveProgress(withExtra)).toEqual({ saved: true, notice: null });
    expect(await new BrowserPlatform(storage, now).loadProgress()).toEqual({ progress: withExtra, problems: [] });
  });

  it('keeps a corrupt value aside under another key and reports where and what', async () => {
    const storage = new MemoryStorage();
    storage.setItem(PROGRESS_KEY, '{"schemaVersion": 1, "less');
    const p = new BrowserPlatform(storage, now);
    const { progress, problems } = await p.loadProgress();
    expect(progress).toEqual(emptyProgress());
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/not valid JSON/);
    expect(problems[0]).toContain(`localStorage["${BACKUP_KEY}"]`);
    expect(storage.getItem(BACKUP_KEY)).toBe('{"schemaVersion": 1, "less');
    // The bad value is safe, so saving over the live key is fine.
    expect((await p.saveProgress(someProgress)).saved).toBe(true);
    // A second bad value never replaces the first copy.
    storage.setItem(PROGRESS_KEY, JSON.stringify({ ...someProgress, schemaVersion: 2 }));
    expect((await new BrowserPlatform(storage, now).loadProgress()).problems[0]).toMatch(/newer version.*-1"\]/);
    expect(storage.getItem(BACKUP_KEY)).toBe('{"schemaVersion": 1, "less');
  });

  it('blocked storage: a problem on load, saves do not reject, and the course runs in memory', async () => {
    const storage = new FailingStorage();
    storage.failGet = blocked();
    storage.failSet = blocked();
    const p = new BrowserPlatform(storage, now);
    const { progress, problems } = await p.loadProgress();
    expect(progress).toEqual(emptyProgress());
    expect(problems[0]).toMatch(/blocks storage .*only until this tab is closed/);
    // Load already told the student: saves report failure without another notice.
    expect(await p.saveProgress(someProgress)).toEqual({ saved: false, notice: null });
  });

  it('blocked storage where even looking up localStorage throws (the default storage)', async () => {
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get: () => {
        throw blocked();
      },
    });
    try {
      const p = new BrowserPlatform(undefined, now);
      expect((await p.loadProgress()).problems[0]).toMatch(/blocks storage/);
      expect(await p.saveProgress(someProgress)).toEqual({ saved: false, notice: null });
    } finally {
      delete (globalThis as { localStorage?: Storage }).localStorage;
    }
  });

  it('full storage: the first failed save gives one notice, later ones none, until a save works again', async () => {
    const storage = new FailingStorage();
    const p = new BrowserPlatform(storage, now);
    await p.loadProgress();
    storage.failSet = full();
    const first = await p.saveProgress(someProgress);
    expect(first).toEqual({ saved: false, notice: expect.stringMatching(/storage for the app is full/) });
    expect(await p.saveProgress(someProgress)).toEqual({ saved: false, notice: null });
    storage.failSet = null;
    expect(await p.saveProgress(someProgress)).toEqual({ saved: true, notice: null });
    storage.failSet = full();
    expect((await p.saveProgress(someProgress)).notice).toMatch(/full/);
  });

  it('a corrupt value that cannot be copied aside (storage full) is left in place and not overwritten', async () => {
    const storage = new FailingStorage();
    storage.setItem(PROGRESS_KEY, 'not json');
    storage.failSet = full();
    const p = new BrowserPlatform(storage, now);
    const { problems } = await p.loadProgress();
    expect(problems[0]).toMatch(/not valid JSON.*could not be kept.*full.*left where it was/);
    storage.failSet = null;
    expect(await p.saveProgress(someProgress)).toEqual({ saved: false, notice: null });
    expect(storage.getItem(PROGRESS_KEY)).toBe('not json');
  });

  it('refuses to save before loading, and never rejects for invalid progress', async () => {
    const storage = new MemoryStorage();
    storage.setItem(PROGRESS_KEY, JSON.stringify(someProgress));
    const p = new BrowserPlatform(storage, now);
    expect(await p.saveProgress(emptyProgress())).toEqual({
      saved: false,
      notice: expect.stringMatching(/before it has been loaded/),
    });
    expect(JSON.parse(storage.getItem(PROGRESS_KEY) ?? '')).toEqual(someProgress);
    await p.loadProgress();
    const bad = { ...someProgress, lastLessonId: 3 } as unknown as typeof someProgress;
    expect(await p.saveProgress(bad)).toEqual({ saved: false, notice: expect.stringMatching(/lastLessonId/) });
  });
});
