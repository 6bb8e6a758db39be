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

/**
 * Counts the WebGL 2 contexts a page makes, and which script made each: the early script, inline in index.html (the
 * first script frame on the stack is the page itself), or a module chunk.
 */
function countContexts(): void {
  const made: { by: string; canvas: HTMLCanvasElement }[] = [];
  const seen = new WeakSet<object>();
  (globalThis as unknown as { contextsMade: typeof made }).contextsMade = made;
  const getContext = HTMLCanvasElement.prototype.getContext as (this: HTMLCanvasElement, ...a: unknown[]) => unknown;
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, ...args: unknown[]) {
    const context = getContext.apply(this, args);
    if (args[0] === 'webgl2' && context && !seen.has(context)) {
      seen.add(context);
      const caller = /(https?:\/\/[^\s)]+?):\d+:\d+/.exec(new Error().stack ?? '')?.[1];
      made.push({ by: caller === location.href.split(/[?#]/)[0] ? 'inline script' : 'module', canvas: this });
    }
    return context;
  } as typeof HTMLCanvasElement.prototype.getContext;
}

test('start-up makes one WebGL context, in the early script inline in index.html, and the app draws on it', async ({
  page,
}) => {
  await page.addInitScript(countContexts);
  await openApp(page);
  const made = await page.evaluate(() => {
    const list = (globalThis as unknown as { contextsMade: { by: string; canvas: HTMLCanvasElement }[] }).contextsMade;
    const scene = document.querySelector('[data-testid="scene-canvas"]');
    return {
      by: list.map((m) => m.by),
      onScene: list.map((m) => m.canvas === scene),
      left: (window as unknown as Record<string, unknown>).__ringMinusOneEarlyGl,
      standIns: document.querySelectorAll('.first-stage').length,
      canvases: document.querySelectorAll('canvas').length,
    };
  });
  expect(made.by).toEqual(['inline script']);
  expect(made.onScene).toEqual([true]);
  // Taken by the first frame, and the stand-in released once the app's viewport adopted the scene.
  expect(made.left).toBeNull();
  expect(made.standIns).toBe(0);
  expect(made.canvases).toBe(1);
});

test('the audience window makes no early context: its one context is the app’s own', async ({ page }) => {
  await page.addInitScript(countContexts);
  await openApp(page, '/?window=audience');
  const by = await page.evaluate(() =>
    (globalThis as unknown as { contextsMade: { by: string }[] }).contextsMade.map((m) => m.by),
  );
  expect(by).toEqual(['module']);
});
