/**
 * Test doubles of the platform, for unit tests only (nothing in the app imports this folder): a Storage kept in
 * memory, and a Platform that stores nothing.
 */
import type { OpenedFileEvent } from '../../../../electron/ipc/files';
import { BrowserFiles } from '../BrowserFiles';
import type { FilesApi } from '../ElectronFiles';
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
    files: new BrowserFiles(),
  };
}

/**
 * The preload's file API over a fake main: `push` plays main sending a file event, `waiting` is the file main holds
 * until the page is ready, and `calls` records what the page asked.
 */
export function fakeFilesApi() {
  const listeners: ((e: OpenedFileEvent) => void)[] = [];
  const state = { waiting: null as OpenedFileEvent | null, calls: [] as string[], dropAccepted: true };
  const api: FilesApi = {
    filesReady: async () => (state.calls.push('ready'), state.waiting),
    showOpenDialog: async () => (state.calls.push('dialog'), true),
    reloadFile: async (token) => (state.calls.push(`reload:${token}`), true),
    openRecentFile: async (token) => (state.calls.push(`recent:${token}`), true),
    recentFiles: async () => [],
    clearRecentFiles: async () => (state.calls.push('clear'), []),
    openDroppedFile: async (file) => (state.calls.push(`drop:${file.name}`), state.dropAccepted),
    onFileOpened: (listener) => {
      listeners.push(listener);
      return () => listeners.splice(listeners.indexOf(listener), 1);
    },
  };
  return { api, state, push: (e: OpenedFileEvent) => listeners.forEach((l) => l(e)) };
}
