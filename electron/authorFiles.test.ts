import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthorFiles, type RecentStore } from './authorFiles';
import { fileFromArgv } from './fileArgs';
import { FileWatcher, type WatchFn } from './fileWatcher';
import { isOpenableName, MAX_OPENED_FILE_BYTES, openedFileEventSchema, type OpenedFileEvent } from './ipc/files';
import { OpenedFiles, readOpenedFile } from './openedFiles';
import { addRecent } from './recentFiles';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rmo-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('fileFromArgv: the file a launch asks to open', () => {
  it('finds the .rmo or .json argument, resolved against the working folder', () => {
    expect(fileFromArgv(['/opt/rmo/ring-minus-one', '/home/a/lesson.rmo'], '/tmp')).toBe('/home/a/lesson.rmo');
    expect(fileFromArgv(['ring-minus-one.exe', 'course/Lesson.RMO'], '/home/a')).toBe('/home/a/course/Lesson.RMO');
    expect(fileFromArgv(['electron', '.', '--no-sandbox', 'x.runsheet.json'], '/w')).toBe('/w/x.runsheet.json');
  });

  it('skips the executable, the app folder, switches and other files; null when there is none', () => {
    expect(fileFromArgv(['electron', 'dist-electron/main.cjs'], '/w')).toBeNull();
    expect(fileFromArgv(['/x/lesson.rmo'], '/w')).toBeNull(); // argv[0] is the executable, whatever its name
    expect(fileFromArgv(['app', '--user-data-dir=/a.json', 'notes.txt'], '/w')).toBeNull();
    expect(fileFromArgv([], '/w')).toBeNull();
  });

  it('accepts only the extensions File > Open offers', () => {
    expect(['a.rmo', 'a.json', 'a.runsheet.json', 'A.JSON'].every(isOpenableName)).toBe(true);
    expect(['a.rmo.exe', 'a.js', 'rmo', 'json'].some(isOpenableName)).toBe(false);
  });
});

describe('OpenedFiles: the allow-list', () => {
  it('gives each file the user opened one opaque token, and knows no other token', () => {
    let n = 0;
    const files = new OpenedFiles(() => `0000000${++n}`);
    const a = files.allow('/home/a/lesson.rmo');
    expect(files.allow('/home/a/../a/lesson.rmo')).toBe(a);
    const b = files.allow('/home/a/other.json');
    expect(b).not.toBe(a);
    expect(files.pathOf(a)).toBe('/home/a/lesson.rmo');
    expect(files.pathOf('00000099')).toBeNull();
    // A real token is a UUID: nothing about the path is in it.
    expect(new OpenedFiles().allow('/etc/passwd.json')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('readOpenedFile: size cap before reading', () => {
  it('reads a file up to the cap and refuses a larger one unread, saying how large', async () => {
    const small = path.join(dir, 'small.rmo');
    await writeFile(small, '{"ok":true}');
    expect(await readOpenedFile(small)).toEqual({ ok: true, text: '{"ok":true}' });
    const big = path.join(dir, 'big.rmo');
    await writeFile(big, 'x'.repeat(MAX_OPENED_FILE_BYTES + 1));
    let read = false;
    const fs = {
      stat: (f: string) => import('node:fs/promises').then((m) => m.stat(f)),
      readFile: async () => ((read = true), ''),
    };
    const result = await readOpenedFile(big, fs);
    expect(result).toEqual({ ok: false, error: `${big} is 2.0 MB; files up to 2.0 MB can be opened.` });
    expect(read).toBe(false);
  });

  it('says what is wrong with a folder, a missing file and a file that grew after the check', async () => {
    expect(await readOpenedFile(dir)).toEqual({ ok: false, error: `${dir} is not a file.` });
    const gone = path.join(dir, 'gone.rmo');
    expect(await readOpenedFile(gone)).toEqual({
      ok: false,
      error: `${gone} is not there any more (moved or deleted).`,
    });
    const growing = { stat: async () => ({ size: 10, isFile: () => true }), readFile: async () => 'y'.repeat(50) };
    expect(await readOpenedFile('/g.rmo', growing, 20)).toMatchObject({ ok: false, error: /grew past/ });
  });
});

describe('addRecent: the recent list', () => {
  it('puts the latest first, each file once, at most ten', () => {
    expect(addRecent(['/a', '/b', '/c'], '/b')).toEqual(['/b', '/a', '/c']);
    const full = Array.from({ length: 10 }, (_, i) => `/f${i}`);
    const next = addRecent(full, '/new');
    expect(next).toHaveLength(10);
    expect(next[0]).toBe('/new');
    expect(next).not.toContain('/f9');
  });
});

/** A fake fs.watch and clock: events and time move only when the test says. */
function fakeWatching() {
  const watchers: { dir: string; listener: (e: string, f: string | null) => void; closed: boolean }[] = [];
  const timers = new Map<number, { fn: () => void; at: number }>();
  let now = 0;
  let id = 0;
  const watch: WatchFn = (d, listener) => {
    const w = { dir: d, listener, closed: false };
    watchers.push(w);
    return { close: () => void (w.closed = true), on: () => undefined };
  };
  return {
    watchers,
    watch,
    setTimer: (fn: () => void, ms: number) => (timers.set(++id, { fn, at: now + ms }), id),
    clearTimer: (h: unknown) => void timers.delete(h as number),
    advance(ms: number) {
      now += ms;
      for (const [key, t] of [...timers]) {
        if (t.at <= now) {
          timers.delete(key);
          t.fn();
        }
      }
    },
    fire(name: string | null, event = 'change') {
      for (const w of watchers) if (!w.closed) w.listener(event, name);
    },
  };
}

describe('FileWatcher: debounced, by folder, one file at a time', () => {
  it('turns a burst of events (write, rename, chmod) into one change, after the quiet period', () => {
    const fake = fakeWatching();
    const changes: string[] = [];
    const watcher = new FileWatcher({ ...fake, debounceMs: 200, onChange: (f) => changes.push(f) });
    watcher.watch('/course/lesson.rmo');
    expect(fake.watchers[0]?.dir).toBe('/course');
    fake.fire('lesson.rmo.swp');
    fake.fire('lesson.rmo', 'rename');
    fake.advance(150);
    fake.fire('lesson.rmo');
    fake.advance(150);
    expect(changes).toEqual([]);
    fake.advance(60);
    expect(changes).toEqual(['/course/lesson.rmo']);
    fake.fire('other.rmo');
    fake.advance(500);
    expect(changes).toHaveLength(1);
  });

  it('stops watching the old file when another is opened, and everything on close', () => {
    const fake = fakeWatching();
    const changes: string[] = [];
    const watcher = new FileWatcher({ ...fake, debounceMs: 200, onChange: (f) => changes.push(f) });
    watcher.watch('/a/one.rmo');
    fake.fire('one.rmo');
    watcher.watch('/b/two.rmo');
    fake.advance(1000);
    expect(changes).toEqual([]); // the pending change of the old file is dropped with it
    expect(fake.watchers[0]?.closed).toBe(true);
    fake.fire('two.rmo');
    fake.advance(200);
    expect(changes).toEqual(['/b/two.rmo']);
    watcher.close();
    expect(fake.watchers.every((w) => w.closed)).toBe(true);
    expect(watcher.watching).toBeNull();
  });

  it('survives an editor that saves by rename, with the real fs.watch', async () => {
    const file = path.join(dir, 'lesson.rmo');
    await writeFile(file, 'v1');
    const seen: string[] = [];
    const watcher = new FileWatcher({ debounceMs: 50, onChange: (f) => seen.push(f) });
    watcher.watch(file);
    const changed = () =>
      new Promise<void>((resolve, reject) => {
        const started = seen.length;
        const timeout = setTimeout(() => reject(new Error('no change seen')), 5000);
        const poll = setInterval(() => {
          if (seen.length > started) {
            clearInterval(poll);
            clearTimeout(timeout);
            resolve();
          }
        }, 10);
      });
    let next = changed();
    await writeFile(path.join(dir, 'lesson.rmo.tmp'), 'v2');
    await rename(path.join(dir, 'lesson.rmo.tmp'), file);
    await next;
    next = changed();
    await writeFile(path.join(dir, 'lesson.rmo.tmp'), 'v3');
    await rename(path.join(dir, 'lesson.rmo.tmp'), file);
    await next;
    watcher.close();
    expect(seen.every((f) => f === file)).toBe(true);
  });
});

describe('AuthorFiles: open, reload, watch, recent', () => {
  function setup() {
    const fake = fakeWatching();
    let recent: string[] = [];
    const store: RecentStore = {
      recentFiles: async () => [...recent],
      setRecentFiles: async (p) => void (recent = [...p]),
    };
    const sent: OpenedFileEvent[] = [];
    let choose: string | null = null;
    const files = new AuthorFiles({
      recent: store,
      showOpenDialog: async () => choose,
      send: (e) => sent.push(e),
      watch: fake.watch,
      debounceMs: 100,
    });
    return {
      files,
      sent,
      fake,
      recent: () => recent,
      choose: (f: string | null) => (choose = f),
    };
  }

  it('keeps a file opened before the page was ready until it asks, then sends the rest as they come', async () => {
    const { files, sent } = setup();
    const file = path.join(dir, 'lesson.rmo');
    await writeFile(file, '{"v":1}');
    await files.open(file);
    expect(sent).toEqual([]);
    const waiting = files.rendererReady();
    expect(waiting).toMatchObject({ ok: true, name: 'lesson.rmo', location: file, text: '{"v":1}', reason: 'open' });
    expect(openedFileEventSchema.safeParse(waiting).success).toBe(true);
    expect(files.rendererReady()).toBeNull();
    await files.open(file);
    expect(sent).toHaveLength(1);
  });

  it('reloads and watches only a file the user opened; a change on disk sends the new text once', async () => {
    const { files, sent, fake, choose } = setup();
    files.rendererReady();
    const file = path.join(dir, 'lesson.rmo');
    await writeFile(file, 'one');
    choose(file);
    expect(await files.showOpenDialog()).toBe(true);
    const token = sent[0]!.token;
    expect(await files.reload('not-a-token-00')).toBe(false);
    expect(await files.reload(token)).toBe(true);
    expect(sent.map((e) => e.reason)).toEqual(['open', 'reload']);
    await writeFile(file, 'two');
    fake.fire('lesson.rmo');
    fake.fire('lesson.rmo');
    fake.advance(100);
    await expect.poll(() => sent.length).toBe(3);
    expect(sent[2]).toMatchObject({ ok: true, reason: 'change', text: 'two', token });
    // An event that changed nothing (a touch, a chmod) sends nothing.
    fake.fire('lesson.rmo');
    fake.advance(100);
    await new Promise((r) => setImmediate(r));
    expect(sent).toHaveLength(3);
    choose(null);
    expect(await files.showOpenDialog()).toBe(false);
  });

  it('reports a file that cannot be read instead of sending nothing', async () => {
    const { files, sent } = setup();
    files.rendererReady();
    await files.open(path.join(dir, 'missing.rmo'));
    expect(sent[0]).toMatchObject({ ok: false, name: 'missing.rmo', error: /not there any more/ });
  });

  it('keeps the recent list (missing files marked, not removed), opens from it only what is on it, clears it', async () => {
    const { files, sent, recent } = setup();
    files.rendererReady();
    const a = path.join(dir, 'a.rmo');
    const b = path.join(dir, 'b.json');
    await writeFile(a, 'a');
    await writeFile(b, 'b');
    await files.open(a);
    await files.open(b);
    expect(recent()).toEqual([b, a]);
    await rm(a);
    const list = await files.recentList();
    expect(list.map((e) => [e.name, e.missing])).toEqual([
      ['b.json', false],
      ['a.rmo', true],
    ]);
    expect(await files.openRecent(list[0]!.token)).toBe(true);
    expect(sent.at(-1)).toMatchObject({ ok: true, text: 'b' });
    expect(await files.openRecent('0123456789ab')).toBe(false);
    expect(await files.clearRecent()).toEqual([]);
    expect(recent()).toEqual([]);
  });

  it('accepts a dropped file only with an openable name and an absolute path', async () => {
    const { files, sent } = setup();
    files.rendererReady();
    const file = path.join(dir, 'drop.rmo');
    await writeFile(file, 'd');
    expect(await files.openDropped('relative/drop.rmo')).toBe(false);
    expect(await files.openDropped(path.join(dir, 'secret.txt'))).toBe(false);
    expect(await files.openDropped(file)).toBe(true);
    expect(sent).toHaveLength(1);
  });

  it('stops watching when the page that took the file goes away; files then wait for the next page', async () => {
    const { files, sent, fake } = setup();
    files.rendererReady();
    const file = path.join(dir, 'lesson.rmo');
    await writeFile(file, 'one');
    await files.open(file);
    files.rendererGone();
    expect(fake.watchers.every((w) => w.closed)).toBe(true);
    await files.open(file);
    expect(sent).toHaveLength(1);
    expect(files.rendererReady()).toMatchObject({ reason: 'open' });
    files.close();
    expect(fake.watchers.every((w) => w.closed)).toBe(true);
  });

  it("a file opened at launch stays watched through the window's first load", async () => {
    const { files, sent, fake } = setup();
    const file = path.join(dir, 'lesson.rmo');
    await writeFile(file, 'one');
    await files.open(file);
    files.rendererGone(); // the first navigation of the window, before its page asked for files
    expect(files.rendererReady()).toMatchObject({ text: 'one' });
    await writeFile(file, 'two');
    fake.fire('lesson.rmo');
    fake.advance(100);
    await expect.poll(() => sent.length).toBe(1);
    expect(sent[0]).toMatchObject({ reason: 'change', text: 'two' });
  });
});
