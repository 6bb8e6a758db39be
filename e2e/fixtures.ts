import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { PNG } from 'pngjs';

/**
 * Every renderer test runs with two guards: no console error or page error, and no request to anything but
 * the app's own origin (the app works offline). Both are checked after the test body.
 */
export const test = base.extend<{ guards: { errors: string[]; external: string[] } }>({
  guards: [
    async ({ page }, use) => {
      const errors: string[] = [];
      const external: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      page.on('pageerror', (err) => errors.push(err.message));
      await page.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (
          url.protocol === 'data:' ||
          url.protocol === 'blob:' ||
          url.hostname === 'localhost' ||
          url.hostname === '127.0.0.1'
        ) {
          return route.continue();
        }
        external.push(route.request().url());
        return route.abort();
      });
      await use({ errors, external });
      expect(errors, 'console errors').toEqual([]);
      expect(external, 'requests that left localhost').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/** Opens the app and waits for the first 3D frame. */
export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.locator('html')).toHaveAttribute('data-scene-ready', 'true');
}

/**
 * Opens the Lab on an I/O path with its packet and player shown; returns the total of its exits counter ("/ 11").
 */
export async function openLabPath(page: Page, pathId: string): Promise<Locator> {
  await openApp(page);
  await page.getByRole('button', { name: 'Lab', exact: true }).click();
  await page.getByLabel('Path', { exact: true }).selectOption(pathId);
  await page.getByLabel('Show the packet and the player').check();
  return page.locator('[data-counter="exits"] .total');
}

/** axe-core over the page as it is: no serious or critical violation (each listed with the nodes it is on). */
export async function expectNoSeriousAxe(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, where).toEqual([]);
}

/** A screenshot of the 3D canvas alone (labels hidden), decoded. */
export async function canvasPixels(page: Page): Promise<PNG> {
  await page.addStyleTag({ content: '.labels { visibility: hidden !important; }' });
  const buffer = await page.getByTestId('scene-canvas').screenshot();
  await page.addStyleTag({ content: '.labels { visibility: visible !important; }' });
  return PNG.sync.read(buffer);
}

export function pixelAt(png: PNG, x: number, y: number): [number, number, number] {
  const i = (Math.round(y) * png.width + Math.round(x)) * 4;
  return [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0];
}

export function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function distance(a: [number, number, number], b: [number, number, number]): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/** Saves a screenshot for people to look at (README and review). */
export async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/.artifacts/screenshots/${name}.png` });
}

/** Sets a range input as a user dragging it would: the value (clamped by the browser) and an input event. */
export async function setRange(slider: Locator, value: number): Promise<void> {
  await slider.evaluate((el: HTMLInputElement, v: number) => {
    el.value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

/** Chooses a theme through the Display menu, as a user would. */
export async function chooseTheme(page: Page, theme: 'light' | 'dark' | 'projector'): Promise<void> {
  const menu = page.locator('details.menu');
  if (!(await menu.evaluate((d: HTMLDetailsElement) => d.open))) await menu.locator('summary').click();
  await page.getByTestId('theme-select').selectOption(theme);
  await menu.locator('summary').click();
}

/** Waits until the 3D view has settled: its frame loop stopped (camera, packets and the label pass are done). */
export async function waitForSettled(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => window.ringMinusOneDebug?.stats().settled ?? false), { timeout: 10_000 })
    .toBe(true);
}

/** Lets the browser paint `count` display frames (an interval measured in frames, not in wall-clock time). */
export async function browserFrames(page: Page, count: number): Promise<void> {
  await page.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        let left = n;
        const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
    count,
  );
}
