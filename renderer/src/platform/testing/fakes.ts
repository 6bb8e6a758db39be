/**
 * Test doubles of the platform, for unit tests only (nothing in the app imports this folder): a Storage kept in
 * memory, and a Platform that stores nothing.
 */
import type { Platform } from '../Platform';
import { emptyProgress } from '../progress';
import { DEFAULT_SETTINGS } from '../settings';

export class MemoryStorage implements Storage {
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

/** A browser platform with default settings and empty progress that saves nowhere. */
export function fakePlatform(): Platform {
  return {
    kind: 'browser',
    loadSettings: async () => ({ settings: { ...DEFAULT_SETTINGS }, problems: [] }),
    saveSettings: async (s) => s,
    openExternal: async () => false,
    swapDisplays: async () => false,
    printHandout: async () => ({ kind: 'canceled' }),
    loadProgress: async () => ({ progress: emptyProgress(), problems: [] }),
    saveProgress: async () => ({ saved: true, notice: null }),
  };
}
