import { test, expect, openApp, shoot, setRange } from './fixtures';

test('compare: emulated IDE beside synthetic disk write on one clock, with a closing summary', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await page.getByLabel('Left (or top)').selectOption('hyperv-emulated-ide-write');
  await page.getByLabel('Right (or bottom)').selectOption('hyperv-synthetic-disk-write');
  const dock = page.getByTestId('compare-dock');
  await expect(dock.getByRole('heading', { name: /Left:/ })).toContainText(/emulated IDE/i);
  await expect(dock.getByRole('heading', { name: /Right:/ })).toContainText(/synthetic/i);

  // One clock: a step moves both sides.
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(dock).toContainText(/Left: .*\n?.*Step 2 of/s);
  await shoot(page, 'compare-midway');

  // The whole-path table says the emulated path costs more exits.
  const rows = page.getByRole('table').getByRole('row', { name: /VM exits/ });
  const cells = await rows.getByRole('cell').allInnerTexts();
  expect(Number(cells[0]?.replace(/,/g, ''))).toBeGreaterThan(Number(cells[1]?.replace(/,/g, '')));

  await setRange(page.getByLabel('Position in the walkthrough'), 1e6);
  const summary = page.getByTestId('compare-summary');
  await expect(summary).toContainText(/exits/);
  await expect(summary).toContainText(/emulated IDE/i);
  await shoot(page, 'compare-done');
});

test('compare stacks the two vertically in a narrow window', async ({ page }) => {
  await page.setViewportSize({ width: 760, height: 1000 });
  await openApp(page);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByTestId('compare-dock')).toBeVisible();
  const titles = page.locator('.scene-label--stack');
  await expect(titles).toHaveCount(2);
  const [a, b] = [await titles.nth(0).boundingBox(), await titles.nth(1).boundingBox()];
  expect(a && b && Math.abs(a.y - b.y) > 50).toBe(true);
  await shoot(page, 'compare-narrow');
});

test('compare: the learner can put the two stacks one above the other', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const titles = page.locator('.scene-label--stack');
  await expect(titles).toHaveCount(2);
  const sideBySide = [await titles.nth(0).boundingBox(), await titles.nth(1).boundingBox()];
  expect(sideBySide[0] && sideBySide[1] && Math.abs(sideBySide[0].y - sideBySide[1].y) < 5).toBe(true);
  await page.getByLabel('Arrange the stacks').selectOption('stacked');
  await expect
    .poll(async () => {
      const [a, b] = [await titles.nth(0).boundingBox(), await titles.nth(1).boundingBox()];
      return a && b ? b.y - a.y : 0;
    })
    .toBeGreaterThan(100);
  await shoot(page, 'compare-stacked');
});
