// Runs the real bundled main process (dist-electron/main.cjs as built by scripts/build-electron.mjs) against a fake
// `electron` module, to check the wiring that unit tests of the pure modules cannot see. The Electron e2e tests
// (e2e/electron) cover the same ground with a real binary where one exists.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronBuildOptions } from '../scripts/build-electron.mjs';
import { productionCsp } from './csp';
import { APP_INDEX_URL } from './protocol';

type AnyFn = (...args: unknown[]) => unknown;

let workDir: string;
/** The built renderer's page as main finds it: with an inline script, like the early script the build puts there. */
const BUILT_INDEX = '<!doctype html><title>app</title><script>early()</script>';
// sha256 of `early()`, base64 (computed apart from the code under test: `printf 'early()' | openssl dgst -sha256 -binary | base64`).
const BUILT_CSP = productionCsp(["'sha256-G2Y/0fpEoq/QMzbid/byF0KE5sX9e6ar19Om2+xoMnU='"]);

function fakeElectron(userData: string) {
  const record = {
    appHandlers: new Map<string, AnyFn[]>(),
    ipc: new Map<string, AnyFn>(),
    windows: [] as FakeWindow[],
    menu: null as { label?: string }[] | null,
    permissionRequest: null as AnyFn | null,
    permissionCheck: null as AnyFn | null,
    headers: null as AnyFn | null,
    opened: [] as string[],
    lockRequested: false,
    displays: [
      { id: 1, bounds: { x: 0, y: 0, width: 1440, height: 900 }, workArea: { x: 0, y: 0, width: 1440, height: 860 } },
      {
        id: 2,
        bounds: { x: 1440, y: 0, width: 1920, height: 1080 },
        workArea: { x: 1440, y: 0, width: 1920, height: 1080 },
      },
    ],
    screenListeners: new Map<string, AnyFn[]>(),
    privilegedSchemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    printed: [] as unknown[],
    saveDialogs: [] as string[],
  };
  class FakeWindow {
    static getAllWindows = () => record.windows;
    readonly options: Record<string, unknown>;
    readonly loaded: string[] = [];
    readonly contentsHandlers = new Map<string, AnyFn>();
    readonly sent: [string, unknown][] = [];
    readonly webContents = {
      mainFrame: { processId: 3, routingId: 7 },
      on: (event: string, fn: AnyFn) => this.contentsHandlers.set(event, fn),
      isDestroyed: () => false,
      printToPDF: async (options: unknown) => (record.printed.push(options), Buffer.from('%PDF-1.7 handout')),
      send: (channel: string, payload: unknown) => this.sent.push([channel, payload]),
    };
    focused = 0;
    bounds = { x: 10, y: 10, width: 1400, height: 800 };
    fullScreen = false;
    constructor(options: Record<string, unknown>) {
      this.options = options;
      record.windows.push(this);
    }
    getBounds() {
      return this.bounds;
    }
    setBounds(b: typeof this.bounds) {
      this.bounds = b;
    }
    setFullScreen(on: boolean) {
      this.fullScreen = on;
    }
    isFullScreen() {
      return this.fullScreen;
    }
    isDestroyed() {
      return false;
    }
    focus() {
      this.focused++;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    once() {}
    on() {}
    loadFile(file: string, options?: { query?: Record<string, string> }) {
      const query = new URLSearchParams(options?.query ?? {}).toString();
      this.loaded.push(`file:${file}${query ? `?${query}` : ''}`);
      return Promise.resolve();
    }
    loadURL(url: string) {
      this.loaded.push(`url:${url}`);
      return Promise.resolve();
    }
  }
  const electron = {
    app: {
      isPackaged: false,
      setName() {},
      setPath() {},
      getPath: () => userData,
      getVersion: () => '0.1.0',
      requestSingleInstanceLock: () => (record.lockRequested = true),
      quit() {},
      on(event: string, fn: AnyFn) {
        record.appHandlers.set(event, [...(record.appHandlers.get(event) ?? []), fn]);
      },
      whenReady: () => Promise.resolve(),
    },
    BrowserWindow: FakeWindow,
    ipcMain: { handle: (channel: string, fn: AnyFn) => record.ipc.set(channel, fn) },
    Menu: {
      buildFromTemplate: (template: { label?: string }[]) => template,
      setApplicationMenu: (menu: { label?: string }[]) => (record.menu = menu),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: AnyFn) => (record.permissionRequest = fn),
        setPermissionCheckHandler: (fn: AnyFn) => (record.permissionCheck = fn),
        webRequest: { onHeadersReceived: (fn: AnyFn) => (record.headers = fn) },
      },
    },
    screen: {
      getAllDisplays: () => record.displays,
      getPrimaryDisplay: () => ({ id: 1 }),
      on: (event: string, fn: AnyFn) =>
        record.screenListeners.set(event, [...(record.screenListeners.get(event) ?? []), fn]),
      removeListener() {},
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => record.privilegedSchemes.push(...schemes),
      handle: (scheme: string, fn: (request: Request) => Promise<Response>) => record.protocolHandlers.set(scheme, fn),
    },
    // Node's fetch cannot read file: URLs, Electron's net.fetch can: a file read stands in for it.
    net: { fetch: async (url: string) => new Response(await readFile(new URL(url))) },
    shell: { openExternal: (url: string) => (record.opened.push(url), Promise.resolve()) },
    dialog: {
      showMessageBox: () => Promise.resolve({ response: 0 }),
      showErrorBox() {},
      showSaveDialog: async (_window: unknown, options: { defaultPath: string }) => {
        record.saveDialogs.push(options.defaultPath);
        return { canceled: false, filePath: path.join(userData, 'saved-handout.pdf') };
      },
    },
  };
  return { electron, record };
}

let record: ReturnType<typeof fakeElectron>['record'];
let rendererIndexUrl: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'rmo-main-'));
  const outdir = path.join(workDir, 'dist-electron');
  await build({ ...electronBuildOptions({ outdir }), logLevel: 'silent' });
  const userData = path.join(workDir, 'userData');
  const fake = fakeElectron(userData);
  record = fake.record;
  const mainFile = path.join(outdir, 'main.cjs');
  rendererIndexUrl = pathToFileURL(path.join(workDir, 'dist', 'renderer', 'index.html')).href;
  await mkdir(path.join(workDir, 'dist', 'renderer'), { recursive: true });
  await writeFile(path.join(workDir, 'dist', 'renderer', 'index.html'), BUILT_INDEX);
  await writeFile(path.join(workDir, 'dist', 'secret.txt'), 'not for the renderer');
  const realRequire = createRequire(mainFile);
  const module = { exports: {} };
  const code = await readFile(mainFile, 'utf8');
  const previous = process.env.VITE_DEV_SERVER_URL;
  delete process.env.VITE_DEV_SERVER_URL;
  new Function('require', 'module', 'exports', '__dirname', '__filename', code)(
    (id: string) => (id === 'electron' ? fake.electron : realRequire(id)),
    module,
    module.exports,
    outdir,
    mainFile,
  );
  if (previous !== undefined) process.env.VITE_DEV_SERVER_URL = previous;
  await new Promise((resolve) => setTimeout(resolve, 10)); // let whenReady().then run
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

const ourFrame = () => ({ processId: 3, routingId: 7, parent: null, url: APP_INDEX_URL });

describe('main process wiring (bundled main.cjs with a fake electron)', () => {
  it('takes the single-instance lock and opens one window on the built renderer', () => {
    expect(record.lockRequested).toBe(true);
    expect(record.appHandlers.has('second-instance')).toBe(true);
    expect(record.windows).toHaveLength(1);
    const [window] = record.windows;
    expect(window?.loaded).toEqual(['url:app://ring-minus-one/index.html']);
    const prefs = window?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(prefs.preload).toBe(path.join(workDir, 'dist-electron', 'preload.cjs'));
  });

  it('reloads a window whose renderer crashed, asking it to put the stage back', () => {
    const [window] = record.windows;
    window?.contentsHandlers.get('render-process-gone')?.({}, { reason: 'crashed' });
    expect(window?.loaded.at(-1)).toBe(`url:${APP_INDEX_URL}?recovered=crashed`);
    window?.contentsHandlers.get('render-process-gone')?.({}, { reason: 'clean-exit' });
    expect(window?.loaded).toHaveLength(2);
  });

  it('serves the built renderer on app://ring-minus-one/ (a standard, secure scheme) and nothing outside it', async () => {
    expect(record.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    const serve = record.protocolHandlers.get('app');
    const index = await serve?.(new Request(APP_INDEX_URL));
    expect(await index?.text()).toBe(BUILT_INDEX);
    // The built page's own policy: its inline script's hash is in the header too, or the header would block it.
    expect(index?.headers.get('content-security-policy')).toBe(BUILT_CSP);
    expect((await serve?.(new Request('app://ring-minus-one/%2e%2e%2fsecret.txt')))?.status).toBe(404);
    expect((await serve?.(new Request('app://ring-minus-one/..%2Fsecret.txt')))?.status).toBe(404);
  });

  it('installs the menu without dev-only items', () => {
    expect(record.menu?.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(JSON.stringify(record.menu)).not.toContain('toggleDevTools');
  });

  it('denies every permission request and check but clipboard writes from the app itself', () => {
    const ask = (permission: string, requestingUrl: string) => {
      let granted: boolean | undefined;
      record.permissionRequest?.({}, permission, (allow: boolean) => (granted = allow), { requestingUrl });
      return granted;
    };
    expect(ask('media', 'app://ring-minus-one/index.html')).toBe(false);
    expect(ask('clipboard-sanitized-write', 'https://example.com/')).toBe(false);
    expect(ask('clipboard-sanitized-write', 'app://ring-minus-one/index.html')).toBe(true);
    expect(record.permissionCheck?.({}, 'clipboard-read', 'app://ring-minus-one')).toBe(false);
    expect(record.permissionCheck?.({}, 'clipboard-sanitized-write', 'app://ring-minus-one')).toBe(true);
  });

  it('sets the built page’s production CSP header on responses', () => {
    let headers: unknown;
    record.headers?.({ responseHeaders: { a: ['b'] } }, (response: { responseHeaders: unknown }) => {
      headers = response.responseHeaders;
    });
    expect(headers).toEqual({ a: ['b'], 'Content-Security-Policy': [BUILT_CSP] });
  });

  it('denies new windows (opening http(s) links outside) and blocks navigation away from the app', () => {
    const listeners = new Map<string, AnyFn>();
    let openHandler: AnyFn | undefined;
    const contents = {
      setWindowOpenHandler: (fn: AnyFn) => (openHandler = fn),
      on: (event: string, fn: AnyFn) => listeners.set(event, fn),
    };
    for (const fn of record.appHandlers.get('web-contents-created') ?? []) fn({}, contents);

    expect(openHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(record.opened).toEqual(['https://example.org/']);

    for (const event of ['will-navigate', 'will-redirect']) {
      const prevented: string[] = [];
      const fire = (url: string) => listeners.get(event)?.({ url, preventDefault: () => prevented.push(url) });
      fire('https://evil.example/');
      fire('file:///etc/passwd');
      fire(rendererIndexUrl);
      fire(`${APP_INDEX_URL}#/lessons`);
      expect(prevented, event).toEqual(['https://evil.example/', 'file:///etc/passwd', rendererIndexUrl]);
    }
    let attached = false;
    listeners.get('will-attach-webview')?.({ preventDefault: () => (attached = true) });
    expect(attached).toBe(true);
  });

  it('serves settings over IPC to our window only, saving to userData/settings.json', async () => {
    expect([...record.ipc.keys()].sort()).toEqual(
      [
        'handout:savePdf',
        'file:clearRecent',
        'file:openDropped',
        'file:openRecent',
        'file:ready',
        'file:recent',
        'file:reload',
        'file:showOpenDialog',
        'presenter:swapDisplays',
        'progress:load',
        'progress:save',
        'settings:load',
        'settings:save',
        'shell:openExternal',
      ].sort(),
    );
    const save = record.ipc.get('settings:save') as AnyFn;
    const settings = { schemaVersion: 1, theme: 'projector', textScale: 1.5, reducedMotion: 'off' };
    expect(await save({ senderFrame: ourFrame() }, settings)).toEqual({ ok: true, value: settings });
    const onDisk = JSON.parse(await readFile(path.join(workDir, 'userData', 'settings.json'), 'utf8'));
    expect(onDisk).toEqual(settings);
    const load = record.ipc.get('settings:load') as AnyFn;
    expect(await load({ senderFrame: ourFrame() })).toEqual({ ok: true, value: { settings, problem: null } });
    const stranger = { ...ourFrame(), routingId: 8 };
    expect(await load({ senderFrame: stranger })).toMatchObject({ ok: false });
  });

  it('prints the main window to a PDF for a handout and writes it where the save dialog says', async () => {
    const save = record.ipc.get('handout:savePdf') as AnyFn;
    const target = path.join(workDir, 'userData', 'saved-handout.pdf');
    expect(await save({ senderFrame: ourFrame() }, { fileName: 'Lesson 1: Intro' })).toEqual({
      ok: true,
      value: { saved: true, path: target, bytes: 16 },
    });
    expect(await readFile(target, 'utf8')).toBe('%PDF-1.7 handout');
    expect(record.printed).toEqual([expect.objectContaining({ pageSize: 'A4', printBackground: true })]);
    expect(record.saveDialogs).toEqual([path.join(workDir, 'userData', 'Lesson 1 Intro.pdf')]);
    expect(await save({ senderFrame: ourFrame() }, { fileName: '' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/fileName/),
    });
  });

  it('serves progress over IPC, saving to userData/progress.json and refusing invalid progress', async () => {
    const load = record.ipc.get('progress:load') as AnyFn;
    const save = record.ipc.get('progress:save') as AnyFn;
    const fresh = { schemaVersion: 1, lastLessonId: null, lessons: {} };
    expect(await load({ senderFrame: ourFrame() })).toEqual({ ok: true, value: { progress: fresh, problem: null } });
    const progress = {
      ...fresh,
      lastLessonId: 'l1',
      lessons: { l1: { step: 2, completed: false, updatedAt: '2025-01-02T03:04:05.678Z', answers: [] } },
    };
    expect(await save({ senderFrame: ourFrame() }, progress)).toEqual({ ok: true, value: undefined });
    const onDisk = JSON.parse(await readFile(path.join(workDir, 'userData', 'progress.json'), 'utf8'));
    expect(onDisk).toEqual(progress);
    expect(await load({ senderFrame: ourFrame() })).toEqual({ ok: true, value: { progress, problem: null } });
    const bad = await save({ senderFrame: ourFrame() }, { ...progress, lastLessonId: 7 });
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/lastLessonId/) });
    expect(await save({ senderFrame: { ...ourFrame(), routingId: 8 } }, progress)).toMatchObject({ ok: false });
  });

  it('lets the main window open the audience view once, with its own web preferences, and places it on the projector', async () => {
    const [main] = record.windows;
    if (!main) throw new Error('no main window');
    const listeners = new Map<string, AnyFn>();
    let openHandler: AnyFn | undefined;
    const contents = Object.assign(main.webContents, {
      setWindowOpenHandler: (fn: AnyFn) => (openHandler = fn),
      on: (event: string, fn: AnyFn) => listeners.set(event, fn),
    });
    for (const fn of record.appHandlers.get('web-contents-created') ?? []) fn({}, contents);
    const audienceUrl = `${APP_INDEX_URL}?window=audience`;
    const allowed = openHandler?.({ url: audienceUrl }) as {
      action: string;
      overrideBrowserWindowOptions: Record<string, unknown>;
    };
    expect(allowed.action).toBe('allow');
    expect(allowed.overrideBrowserWindowOptions.webPreferences).toEqual(main.options.webPreferences);
    expect(openHandler?.({ url: `${APP_INDEX_URL}?window=presenter` })).toEqual({ action: 'deny' });

    // Electron creates the window; main places it full screen on the secondary display.
    const audience = new (record.windows[0]!.constructor as new (o: Record<string, unknown>) => FakeWindowLike)(
      allowed.overrideBrowserWindowOptions,
    );
    listeners.get('did-create-window')?.(audience);
    expect(audience.bounds).toEqual(record.displays[1]?.bounds);
    expect(audience.fullScreen).toBe(true);
    // Open already: a second request only brings it forward.
    expect(openHandler?.({ url: audienceUrl })).toEqual({ action: 'deny' });

    // Hot-plug: the projector unplugged, the audience becomes a window on the laptop.
    const projector = record.displays.pop();
    for (const fn of record.screenListeners.get('display-removed') ?? []) fn();
    expect(audience.fullScreen).toBe(false);
    record.displays.push(projector!);
    for (const fn of record.screenListeners.get('display-added') ?? []) fn();
    expect(audience.fullScreen).toBe(true);

    const swap = record.ipc.get('presenter:swapDisplays') as AnyFn;
    expect(await swap({ senderFrame: ourFrame() })).toEqual({ ok: true, value: true });
    expect(audience.bounds).toEqual(record.displays[0]?.bounds);
    expect(main.bounds.x).toBeGreaterThanOrEqual(1440);
    expect(await swap({ senderFrame: ourFrame() })).toEqual({ ok: true, value: false });
  });

  it('denies window.open of the audience view from any other web contents', () => {
    let openHandler: AnyFn | undefined;
    const other = { setWindowOpenHandler: (fn: AnyFn) => (openHandler = fn), on() {} };
    for (const fn of record.appHandlers.get('web-contents-created') ?? []) fn({}, other);
    expect(openHandler?.({ url: `${rendererIndexUrl}?window=audience` })).toEqual({ action: 'deny' });
  });

  it('a second launch with a .rmo file hands it to the running window, focused, once the page is ready', async () => {
    const file = path.join(workDir, 'lesson.rmo');
    await writeFile(file, '{"schemaVersion": 1}');
    const [window] = record.windows;
    if (!window) throw new Error('no window');
    const ready = record.ipc.get('file:ready') as AnyFn;
    expect(await ready({ senderFrame: ourFrame() })).toEqual({ ok: true, value: null });
    const focusedBefore = window.focused;
    record.appHandlers.get('second-instance')?.[0]?.({}, ['/opt/rmo/ring-minus-one', 'lesson.rmo'], workDir);
    await expect.poll(() => window.sent.length).toBe(1);
    expect(window.focused).toBe(focusedBefore + 1);
    const [channel, payload] = window.sent[0] ?? [];
    expect(channel).toBe('file:opened');
    expect(payload).toMatchObject({ ok: true, name: 'lesson.rmo', location: file, text: '{"schemaVersion": 1}' });
    // The token reads the same file again; a made-up one reads nothing.
    const reload = record.ipc.get('file:reload') as AnyFn;
    const token = (payload as { token: string }).token;
    expect(await reload({ senderFrame: ourFrame() }, { token })).toEqual({ ok: true, value: true });
    expect(await reload({ senderFrame: ourFrame() }, { token: '0123456789abcdef' })).toEqual({
      ok: true,
      value: false,
    });
    expect(await reload({ senderFrame: ourFrame() }, { path: file })).toMatchObject({ ok: false });
    // The recent list went to the settings file and into the File menu.
    const onDisk = JSON.parse(await readFile(path.join(workDir, 'userData', 'settings.json'), 'utf8'));
    expect(onDisk.recentFiles).toEqual([file]);
    const fileMenu = record.menu?.find((m) => m.label === 'File') as { submenu: { label?: string }[] } | undefined;
    expect(fileMenu?.submenu.map((i) => i.label)).toContain('Open Recent');
  });
});

interface FakeWindowLike {
  bounds: { x: number; y: number; width: number; height: number };
  fullScreen: boolean;
}
