import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import type { RingMinusOneApi } from '../../electron/preload';
import type { Settings } from '../../electron/ipc/settings';
import { useElectronApp } from './launch';

type WithApi = { ringMinusOne: RingMinusOneApi };

let app: ElectronApplication;
let page: Page;
let userData: string;
const launched = useElectronApp();
test.beforeEach(() => {
  ({ app, page, userData } = launched.current());
});

test('opens one window titled "Ring Minus One"', async () => {
  await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
  expect(title).toBe('Ring Minus One');
  await expect(page).toHaveTitle(/Ring Minus One/);
});

test('the renderer is served from app://ring-minus-one/, and cannot fetch files outside its folder', async () => {
  expect(page.url()).toBe('app://ring-minus-one/index.html');
  const statuses = await page.evaluate(async () => {
    const status = (url: string) =>
      fetch(url).then(
        (r) => r.status,
        () => 'refused',
      );
    return [
      await status('./index.html'),
      await status('./%2e%2e%2fdist-electron%2fmain.cjs'),
      await status('file:///etc/hostname'),
    ];
  });
  expect(statuses).toEqual([200, 404, 'refused']);
});

test('the renderer has no Node.js and only the named preload API', async () => {
  const probe = await page.evaluate(() => {
    const api = (window as unknown as Partial<WithApi>).ringMinusOne;
    return {
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      api: api ? Object.keys(api).sort() : null,
    };
  });
  expect(probe.require).toBe('undefined');
  expect(probe.process).toBe('undefined');
  expect(probe.api).toEqual([
    'clearRecentFiles',
    'filesReady',
    'loadProgress',
    'loadSettings',
    'onFileOpened',
    'openDroppedFile',
    'openExternal',
    'openRecentFile',
    'recentFiles',
    'reloadFile',
    'saveProgress',
    'saveSettings',
    'showOpenDialog',
    'swapDisplays',
  ]);
});

test('new windows are denied and navigation away is blocked', async () => {
  const opened = await page.evaluate(() => window.open('about:blank') === null);
  expect(opened).toBe(true);
  const before = page.url();
  // Wait for the state that matters: main has seen the navigation attempt (and its handler has refused it).
  const attempted = app.evaluate(
    ({ BrowserWindow }) =>
      new Promise<string>((resolve) =>
        BrowserWindow.getAllWindows()[0]?.webContents.once('will-navigate', (_event, url) => resolve(url)),
      ),
  );
  await page.evaluate(() => {
    window.location.href = 'https://example.org/';
  });
  expect(await attempted).toBe('https://example.org/');
  expect(page.url()).toBe(before);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});

test('the 3D stack renders', async () => {
  const canvas = page.locator('canvas').first();
  await expect(canvas).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('html')).toHaveAttribute('data-scene-ready', 'true', { timeout: 20_000 });
  const png = PNG.sync.read(await canvas.screenshot());
  // The most common colour is the background; the stack must cover a real share of the canvas with other colours.
  const counts = new Map<number, number>();
  for (let i = 0; i < png.data.length; i += 4) {
    const key = ((png.data[i] ?? 0) << 16) | ((png.data[i + 1] ?? 0) << 8) | (png.data[i + 2] ?? 0);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const total = png.width * png.height;
  const background = Math.max(...counts.values());
  expect((total - background) / total).toBeGreaterThan(0.02);
});

test('settings round-trip through IPC and survive a reload', async () => {
  const saved = await page.evaluate(async () => {
    const api = (window as unknown as WithApi).ringMinusOne;
    const { settings: current } = await api.loadSettings();
    return api.saveSettings({ ...current, theme: 'projector', textScale: 1.25 });
  });
  expect(saved).toMatchObject({ schemaVersion: 1, theme: 'projector', textScale: 1.25 });

  await page.reload();
  await page.waitForLoadState('domcontentloaded');
  const loaded = await page.evaluate(() => (window as unknown as WithApi).ringMinusOne.loadSettings());
  expect(loaded).toEqual({ settings: saved, problem: null });
  const onDisk = JSON.parse(await readFile(path.join(userData, 'settings.json'), 'utf8')) as Settings;
  expect(onDisk).toEqual(saved);
});

test('a bad settings payload is refused with a message naming the field', async () => {
  const error = await page.evaluate(async () => {
    const api = (window as unknown as WithApi).ringMinusOne;
    const { settings: current } = await api.loadSettings();
    try {
      await api.saveSettings({ ...current, textScale: 9 });
      return null;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  });
  expect(error).toMatch(/textScale/);
  expect(
    await page.evaluate(() => (window as unknown as WithApi).ringMinusOne.openExternal('javascript:alert(1)')),
  ).toBe(false);
});

test('a crashed renderer is reloaded and the stage comes back where it was', async () => {
  await page.waitForSelector('html[data-scene-ready=true]');
  await page.keyboard.press('2');
  await page.getByLabel('I/O path').selectOption('hyperv-emulated-ide-write');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('narration')).toContainText('Step 3 of');
  // The presentation is kept at most every half second: wait until the kept one is at this step's time.
  const time = Number(await page.getByLabel('Position in the walkthrough').inputValue());
  await expect
    .poll(() => page.evaluate(() => JSON.parse(sessionStorage.getItem('ring-minus-one.presentation') ?? '{}').time))
    .toBeCloseTo(time, 3);
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.forcefullyCrashRenderer());
  await expect(page.getByTestId('error-notice')).toContainText('you are back where you were', { timeout: 20_000 });
  await expect(page.getByTestId('narration')).toContainText('Step 3 of');
});
