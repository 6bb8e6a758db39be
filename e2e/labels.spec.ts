import { test, expect, openApp, shoot, waitForSettled } from './fixtures';

/** Boxes of the labels a viewer can see (not hidden by the overlap pass). */
function visibleLabelBoxes() {
  return [...document.querySelectorAll<HTMLElement>('.scene-label')]
    .filter((el) => getComputedStyle(el).visibility !== 'hidden' && el.offsetParent !== null)
    .map((el) => {
      const r = el.getBoundingClientRect();
      return { text: el.textContent ?? '', left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    });
}

for (const size of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]) {
  test(`labels never overlap, and every component is named (${size.width}x${size.height})`, async ({ page }) => {
    await page.setViewportSize(size);
    await openApp(page);
    const archIds = await page
      .locator('#toolbar-architecture option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(archIds.length).toBeGreaterThanOrEqual(6);
    for (const id of archIds) {
      await page.selectOption('#toolbar-architecture', id);
      await waitForSettled(page); // the overlap pass runs when the camera settles
      const boxes = await page.evaluate(visibleLabelBoxes);
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          const overlap = a.left < b.right - 1 && a.right > b.left + 1 && a.top < b.bottom - 1 && a.bottom > b.top + 1;
          expect(overlap, `${id}: "${a.text}" overlaps "${b.text}"`).toBe(false);
        }
      }
      // Every component keeps at least its kind glyph on screen; on a full-HD projector, its whole name.
      const components = page.locator('.scene-label--component');
      await expect(page.locator('.scene-label--component.scene-label--yield'), id).toHaveCount(0);
      if (size.width >= 1920) await expect(page.locator('.scene-label--compact'), id).toHaveCount(0);
      expect(await components.count()).toBeGreaterThan(10);
      if (size.width >= 1920) await shoot(page, `explore-${id}-1080p`);
    }
  });
}
