import { test, expect, browserFrames, openApp, setRange, shoot, waitForSettled } from './fixtures';

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

test('compare: each half has its own camera; picking, hover, orbit, F and Home work per half; idle draws nothing', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await page.getByLabel('Arrange the stacks').selectOption('side-by-side');
  await waitForSettled(page);
  const box = (await page.getByTestId('scene-canvas').boundingBox())!;
  const debug = <T>(fn: () => T) => page.evaluate(fn);
  const label = (stack: string, id: string) =>
    page.locator(`.scene-label--component[data-stack-key="${stack}"][data-component-id="${id}"]`);
  /** Labels do not take pointer events (the canvas does, and maps a point on a label to its component). */
  const clickLabel = async (stack: string, id: string) => {
    const b = (await label(stack, id).boundingBox())!;
    await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
  };
  /** Where each layer of each stack is drawn, keyed by stack and layer. */
  const probes = async () =>
    new Map((await debug(() => window.ringMinusOneDebug!.layerProbes())).map((p) => [`${p.stackKey}/${p.layerId}`, p]));
  const moved = (a: Awaited<ReturnType<typeof probes>>, b: typeof a, stack: string) =>
    [...a]
      .filter(([k]) => k.startsWith(`${stack}/`))
      .some(([k, p]) => {
        const q = b.get(k);
        return !q || Math.hypot(p.x - q.x, p.y - q.y) > 3;
      });

  // Each stack is drawn in its own half.
  const home = await probes();
  for (const [k, p] of home) {
    if (k.startsWith('left/')) expect(p.x, k).toBeLessThan(box.width / 2);
    else expect(p.x, k).toBeGreaterThan(box.width / 2);
  }

  // A click on a bare block face in the right half picks with the right half's camera.
  const ids = await page
    .locator('.scene-label--component[data-stack-key="right"]')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.componentId ?? ''));
  const faces = await page.evaluate(
    (list) => list.map((id) => ({ id, at: window.ringMinusOneDebug!.blockProbe('right', id) })),
    ids,
  );
  const face = faces.find((f) => f.at !== null);
  expect(face, 'a block face in the right half that no label covers').toBeTruthy();
  const { id, at } = face as { id: string; at: { x: number; y: number } };
  expect(at.x).toBeGreaterThan(box.width / 2);
  await page.mouse.move(box.x + at.x, box.y + at.y);
  await expect(label('right', id)).toHaveClass(/scene-label--hover/);
  await expect(label('left', id)).not.toHaveClass(/scene-label--hover/);
  await page.mouse.click(box.x + at.x, box.y + at.y);
  await expect(label('right', id)).toHaveClass(/scene-label--selected/);
  // A click on a label in the left half selects that stack's component.
  await clickLabel('left', 'vmms');
  await expect(label('left', 'vmms')).toHaveClass(/scene-label--selected/);
  await expect(label('right', id)).not.toHaveClass(/scene-label--selected/);
  await waitForSettled(page);

  // Dragging in the left half orbits the left camera only.
  const y = box.y + box.height * 0.15;
  await page.mouse.move(box.x + box.width * 0.2, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.3, y, { steps: 8 });
  await page.mouse.up();
  await waitForSettled(page);
  const orbited = await probes();
  expect(moved(home, orbited, 'left')).toBe(true);
  expect(moved(home, orbited, 'right')).toBe(false);

  // F frames the selection in its own half (left); Home resets both halves.
  await page.locator('body').focus();
  await page.keyboard.press('f');
  await waitForSettled(page);
  const framed = await probes();
  expect(moved(orbited, framed, 'left')).toBe(true);
  expect(moved(orbited, framed, 'right')).toBe(false);
  await page.keyboard.press('Home');
  await waitForSettled(page);
  const reset = await probes();
  expect(moved(home, reset, 'left')).toBe(false);
  expect(moved(home, reset, 'right')).toBe(false);

  // Idle: no frames; a lost WebGL context comes back and both halves still pick.
  const before = (await debug(() => window.ringMinusOneDebug!.stats())).framesRendered;
  await browserFrames(page, 60);
  expect((await debug(() => window.ringMinusOneDebug!.stats())).framesRendered).toBe(before);
  await debug(() => window.ringMinusOneDebug!.simulateContextLoss());
  expect((await debug(() => window.ringMinusOneDebug!.stats())).drawCalls).toBeGreaterThan(0);
  await clickLabel('right', 'vmms');
  await expect(label('right', 'vmms')).toHaveClass(/scene-label--selected/);
});
