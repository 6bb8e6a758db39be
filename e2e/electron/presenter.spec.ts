import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { useElectronApp } from './launch';

// The presenter and audience as two Electron windows: the audience opened by the presenter through main's
// window-open handler, with the main window's web preferences, following it over BroadcastChannel.

let app: ElectronApplication;
let page: Page;
const launched = useElectronApp();
test.beforeEach(() => {
  ({ app, page } = launched.current());
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
