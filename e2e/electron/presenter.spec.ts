import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { resolveElectronBinary } from '../../scripts/electron-binary.mjs';

// The presenter and audience as two Electron windows: the audience opened by the presenter through main's
// window-open handler, with the main window's web preferences, following it over BroadcastChannel.
const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const executablePath = resolveElectronBinary({ projectDir });

test.skip(executablePath === null, 'No Electron binary here (set ELECTRON_OVERRIDE_DIST_PATH to run these)');

let app: ElectronApplication;
let page: Page;
let userData: string;

test.beforeEach(async () => {
  userData = await mkdtemp(path.join(tmpdir(), 'rmo-e2e-profile-'));
  const env: Record<string, string> = { RING_MINUS_ONE_USER_DATA: userData };
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE' && key !== 'VITE_DEV_SERVER_URL') env[key] = value;
  }
  app = await electron.launch({
    executablePath: executablePath ?? undefined,
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), projectDir],
    env,
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterEach(async () => {
  await app?.close();
  await rm(userData, { recursive: true, force: true });
});

test('the presenter opens one audience window that keeps the security settings and follows the steps', async () => {
  await page.getByRole('button', { name: 'Present' }).click();
  const select = page.getByLabel('Use a lesson');
  await select.selectOption((await select.locator('option').nth(1).getAttribute('value')) ?? '');
  const opened = app.waitForEvent('window');
  await page.getByRole('button', { name: 'Open audience window' }).click();
  const audience = await opened;
  await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(2);
  // As in the main window: no Node.js, only the preload's named API (the unit tests check the options themselves).
  expect(
    await audience.evaluate(() => {
      const g = globalThis as { require?: unknown; process?: unknown; ringMinusOne?: object };
      return [typeof g.require, typeof g.process, Object.keys(g.ringMinusOne ?? {}).includes('swapDisplays')];
    }),
  ).toEqual(['undefined', 'undefined', true]);

  const first = await page.locator('[aria-current="step"]').innerText();
  await expect(audience.getByRole('heading', { level: 1 })).toHaveText(first.replace(/^\d+\. /, ''));
  await page.keyboard.press('PageDown');
  const second = await page.locator('[aria-current="step"]').innerText();
  await expect(audience.getByRole('heading', { level: 1 })).toHaveText(second.replace(/^\d+\. /, ''));

  // A second "open" brings the same window forward instead of opening another.
  await page.getByRole('button', { name: 'Open audience window' }).click();
  await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(2);
});
