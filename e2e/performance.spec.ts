import { test, expect, openApp, waitForSettled, browserFrames } from './fixtures';

// Behaviour, not timing: an idle app draws no frames, and a lost WebGL context comes back by itself.
test('an idle scene draws no frames', async ({ page }) => {
  await openApp(page);
  await waitForSettled(page); // camera damping and label fitting done
  const before = await page.evaluate(() => window.ringMinusOneDebug!.stats().framesRendered);
  await browserFrames(page, 120); // about 2 s of display frames
  const after = await page.evaluate(() => window.ringMinusOneDebug!.stats().framesRendered);
  expect(after - before).toBe(0);
});

test('the scene recovers from a lost WebGL context', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => window.ringMinusOneDebug!.simulateContextLoss());
  const stats = await page.evaluate(() => window.ringMinusOneDebug!.stats());
  expect(stats.drawCalls).toBeGreaterThan(0);
  // It still renders and picks after the restore.
  const label = page.locator('.scene-label--component[data-component-id="storvsp"]');
  const box = await label.boundingBox();
  if (!box) throw new Error('no label');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByTestId('inspector').getByRole('heading', { level: 2 })).toHaveText(/storvsp/i);
});
