import { describe, expect, it } from 'vitest';
import type { RingMinusOneApi } from '../../../electron/preload';
import { ElectronPlatform } from './ElectronPlatform';
import { emptyProgress, markCompleted, type Progress } from './progress';
import { DEFAULT_SETTINGS } from './settings';
import { fakeFilesApi } from './testing/fakes';

const stored = markCompleted(emptyProgress(), 'lesson-1', new Date('2025-01-02T03:04:05.678Z'));

/** The preload API over a fake main: progress kept in a variable, with switches to make calls fail. */
function fakeApi(options: { loadFails?: boolean; saveFails?: () => boolean; problem?: boolean } = {}) {
  const state = { onDisk: stored as Progress };
  const api: RingMinusOneApi = {
    loadSettings: async () => ({
      settings: { ...DEFAULT_SETTINGS },
      problem: { reason: 'not valid JSON (Unexpected end)', movedTo: '/u/settings.json.corrupt-1' },
    }),
    saveSettings: async (s) => s,
    swapDisplays: async () => true,
    loadProgress: async () => {
      if (options.loadFails) throw new Error('IPC "progress:load" refused');
      const problem = options.problem ? { reason: 'the file is empty', backupPath: '/u/progress.json.bad-1' } : null;
      return { progress: state.onDisk, problem };
    },
    saveProgress: async (p) => {
      if (options.saveFails?.()) throw new Error('IPC "progress:save" failed: ENOSPC');
      state.onDisk = p;
    },
    openExternal: async () => true,
    saveHandoutPdf: async () => ({ saved: false }),
    ...fakeFilesApi().api,
  };
  return { api, state };
}

describe('ElectronPlatform', () => {
  it('passes on the settings file problem from main', async () => {
    const { problems } = await new ElectronPlatform(fakeApi().api).loadSettings();
    expect(problems).toEqual([
      { field: 'settings.json', message: 'not valid JSON (Unexpected end) (kept as /u/settings.json.corrupt-1)' },
    ]);
  });

  it('loads progress and says where an unusable file was kept', async () => {
    const p = new ElectronPlatform(fakeApi({ problem: true }).api);
    const { progress, problems } = await p.loadProgress();
    expect(progress).toEqual(stored);
    expect(problems).toEqual([expect.stringMatching(/the file is empty\. It was kept as \/u\/progress\.json\.bad-1/)]);
  });

  it('a failed load: fresh progress, a problem, and no save may replace what is stored', async () => {
    const { api, state } = fakeApi({ loadFails: true });
    const p = new ElectronPlatform(api);
    const { progress, problems } = await p.loadProgress();
    expect(progress).toEqual(emptyProgress());
    expect(problems[0]).toMatch(/could not be loaded \(IPC "progress:load" refused\).*not saved in this session/);
    expect(await p.saveProgress(emptyProgress())).toEqual({ saved: false, notice: null });
    expect(state.onDisk).toEqual(stored);
  });

  it('failed saves never reject and are reported once per run of failures', async () => {
    let failing = true;
    const p = new ElectronPlatform(fakeApi({ saveFails: () => failing }).api);
    await p.loadProgress();
    expect(await p.saveProgress(stored)).toEqual({ saved: false, notice: expect.stringMatching(/ENOSPC/) });
    expect(await p.saveProgress(stored)).toEqual({ saved: false, notice: null });
    failing = false;
    expect(await p.saveProgress(stored)).toEqual({ saved: true, notice: null });
  });
});
