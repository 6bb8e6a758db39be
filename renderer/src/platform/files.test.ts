import { describe, expect, it } from 'vitest';
import { MAX_OPENED_FILE_BYTES } from '../../../electron/ipc/files';
import { MAX_SCENARIO_CHARS } from '../model/limits';
import { BrowserFiles, type FileHandleLike } from './BrowserFiles';
import { ElectronFiles } from './ElectronFiles';
import type { OpenedFile } from './Platform';
import { fakeFilesApi } from './testing/fakes';

const event = (over: Partial<{ token: string; text: string; reason: 'open' | 'change' }> = {}) => ({
  ok: true as const,
  token: '2f1c9d3e-8a41-4b7e-9f0a-1c2d3e4f5a6b',
  name: 'lesson.rmo',
  location: '/home/a/lesson.rmo',
  reason: 'open' as const,
  text: '{}',
  ...over,
});

describe('the size cap of opened files', () => {
  it('is the scenario loader’s own limit, in main and in the page', () => {
    expect(MAX_OPENED_FILE_BYTES).toBe(MAX_SCENARIO_CHARS);
  });

  it('refuses a larger file in the page unread, saying how large', async () => {
    const files = new BrowserFiles();
    const got: OpenedFile[] = [];
    files.listen((f) => got.push(f));
    const big = new File(['x'.repeat(MAX_OPENED_FILE_BYTES + 10)], 'big.rmo');
    await files.openFile(big);
    expect(got).toEqual([
      {
        ok: false,
        name: 'big.rmo',
        location: 'big.rmo',
        reason: 'open',
        error: expect.stringMatching(/2\.0 MB; files up to 2\.0 MB/),
      },
    ]);
  });
});

describe('ElectronFiles: files from main, by token', () => {
  it('takes the file main kept from launch, then each file main sends; reload names the file by its token', async () => {
    const { api, state, push } = fakeFilesApi();
    state.waiting = event({ text: 'launch' });
    const files = new ElectronFiles(api);
    const got: OpenedFile[] = [];
    files.listen((f) => got.push(f));
    await expect.poll(() => got.length).toBe(1);
    expect(got[0]).toEqual({
      ok: true,
      name: 'lesson.rmo',
      location: '/home/a/lesson.rmo',
      reason: 'open',
      text: 'launch',
    });
    push(event({ token: 'aaaaaaaa-1111', text: 'changed', reason: 'change' }));
    expect(got[1]).toMatchObject({ reason: 'change', text: 'changed' });
    expect(await files.reload()).toBe('reloading');
    expect(state.calls).toEqual(['ready', 'reload:aaaaaaaa-1111']);
  });

  it('ignores a malformed event instead of acting on it', async () => {
    const { api, push } = fakeFilesApi();
    const files = new ElectronFiles(api);
    const got: OpenedFile[] = [];
    files.listen((f) => got.push(f));
    push({ ...event(), token: '../etc/passwd' } as never);
    push({ ...event(), extra: 1 } as never);
    expect(got).toEqual([]);
    expect(await files.reload()).toBe('none');
  });

  it('a drop goes to main by its path; a File main cannot open (no path) is read in the page', async () => {
    const { api, state } = fakeFilesApi();
    const files = new ElectronFiles(api);
    const got: OpenedFile[] = [];
    files.listen((f) => got.push(f));
    await files.openFile(new File(['{"a":1}'], 'drop.rmo'));
    expect(got).toEqual([]);
    state.dropAccepted = false;
    await files.openFile(new File(['{"b":2}'], 'web.json'));
    expect(got).toEqual([{ ok: true, name: 'web.json', location: 'web.json', reason: 'open', text: '{"b":2}' }]);
    expect(state.calls).toEqual(['ready', 'drop:drop.rmo', 'drop:web.json']);
  });
});

/** A File System Access handle whose file the test rewrites. */
function handleOf(text: string) {
  const state = { file: new File([text], 'lesson.rmo', { lastModified: 1 }) };
  const handle: FileHandleLike = { getFile: async () => state.file };
  return {
    handle,
    save: (next: string, lastModified: number) => (state.file = new File([next], 'lesson.rmo', { lastModified })),
  };
}

describe('BrowserFiles: the file input, and polling a picked file', () => {
  function polled(picker?: () => Promise<FileHandleLike[]>) {
    const ticks: (() => void)[] = [];
    const files = new BrowserFiles({
      showOpenFilePicker: picker,
      setInterval: (fn) => ticks.push(fn),
      clearInterval: () => ticks.splice(0),
    });
    const got: OpenedFile[] = [];
    files.listen((f) => got.push(f));
    return { files, got, tick: () => ticks.forEach((t) => t()), ticks };
  }

  it('without the picker, the page’s file input is used; Reload reads that file again', async () => {
    const { files, got } = polled();
    expect(await files.pick()).toBe('unsupported');
    expect(await files.reload()).toBe('none');
    await files.openFile(new File(['v1'], 'a.rmo'));
    expect(await files.reload()).toBe('reloading');
    expect(got.map((f) => [f.reason, f.ok && f.text])).toEqual([
      ['open', 'v1'],
      ['reload', 'v1'],
    ]);
    expect(await files.recent()).toEqual([]);
  });

  it('with the picker, a save in the editor (a new lastModified) reloads the file; an unchanged one does not', async () => {
    const h = handleOf('v1');
    const { files, got, tick, ticks } = polled(async () => [h.handle]);
    expect(await files.pick()).toBe('picked');
    tick();
    await Promise.resolve();
    h.save('v2', 5);
    tick();
    await expect.poll(() => got.length).toBe(2);
    expect(got[1]).toMatchObject({ ok: true, reason: 'change', text: 'v2' });
    tick();
    await new Promise((r) => setTimeout(r, 0));
    expect(got).toHaveLength(2);
    // Another file from the input stops the polling of the picked one.
    await files.openFile(new File(['other'], 'b.rmo'));
    expect(ticks).toEqual([]);
  });

  it('a closed picker is a cancel, not an error', async () => {
    const { files, got } = polled(async () => {
      throw new DOMException('The user aborted a request.', 'AbortError');
    });
    expect(await files.pick()).toBe('cancelled');
    expect(got).toEqual([]);
  });
});
