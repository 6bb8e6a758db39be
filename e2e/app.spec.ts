import type { Page } from '@playwright/test';
import {
  test,
  expect,
  openApp,
  canvasPixels,
  pixelAt,
  hexToRgb,
  distance,
  shoot,
  chooseTheme,
  waitForSettled,
} from './fixtures';

test.describe('app shell', () => {
  test('renders with a WebGL2 context and says so', async ({ page }) => {
    await openApp(page);
    await expect(page).toHaveTitle('Ring Minus One');
    const webgl2 = await page.getByTestId('scene-canvas').evaluate((c: HTMLCanvasElement) => {
      // three.js already holds the context; asking again for the same kind returns it, another kind returns null.
      return c.getContext('webgl2') !== null;
    });
    expect(webgl2).toBe(true);
  });

  test('the canvas shows every layer of the Hyper-V stack in its own colour where it should be', async ({ page }) => {
    await openApp(page);
    const probes = await page.evaluate(() => window.ringMinusOneDebug?.layerProbes() ?? []);
    // hardware, hypervisor, root kernel, root user, and the two children's kernel and user layers
    expect(probes.length).toBeGreaterThanOrEqual(6);
    const png = await canvasPixels(page);
    const box = await page.getByTestId('scene-canvas').boundingBox();
    if (!box) throw new Error('no canvas box');
    const palette = probes.map((p) => ({ id: p.layerId, rgb: hexToRgb(p.color) }));
    const background = hexToRgb(await page.evaluate(() => window.ringMinusOneDebug?.clearColor() ?? '#000000'));
    for (const probe of probes) {
      const rgb = pixelAt(png, probe.x * (png.width / box.width), probe.y * (png.height / box.height));
      const own = distance(rgb, hexToRgb(probe.color));
      // The pixel is nearer to this layer's colour than to any other layer's colour or the background.
      for (const other of palette) {
        if (other.id !== probe.layerId && other.rgb.join() !== hexToRgb(probe.color).join()) {
          expect(own, `${probe.layerId} at ${probe.x},${probe.y} is ${rgb}, nearer ${other.id}`).toBeLessThan(
            distance(rgb, other.rgb),
          );
        }
      }
      expect(own, `${probe.layerId} vs background`).toBeLessThan(distance(rgb, background));
    }
  });

  test('a click on a label selects that label’s component, every time', async ({ page }) => {
    await openApp(page);
    await waitForSettled(page);
    const inspector = page.getByTestId('inspector');
    for (const [id, name] of [
      ['vmbus-root', /VMBus \(root\)/],
      ['vmswitch', /vmswitch/],
      ['storvsp', /storvsp/],
      ['vid', /vid\.sys/],
    ] as const) {
      const label = page.locator(`.scene-label--component[data-component-id="${id}"]`);
      const box = await label.boundingBox();
      if (!box) throw new Error(`no label box for ${id}`);
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await expect(inspector.getByRole('heading', { level: 2 })).toHaveText(name);
      await waitForSettled(page);
    }
    await expect(inspector).toContainText('Trusted computing base');
  });

  test('a click on a block’s face (no label there) selects the front-most block', async ({ page }) => {
    await openApp(page);
    await waitForSettled(page);
    const canvas = await page.getByTestId('scene-canvas').boundingBox();
    if (!canvas) throw new Error('no canvas');
    const inspector = page.getByTestId('inspector');
    for (const [id, name] of [
      ['nic', /Physical NIC/],
      ['vid', /vid\.sys/],
      ['hypervisor', /Hyper-V hypervisor/],
    ] as const) {
      const probe = await page.evaluate(([c]) => window.ringMinusOneDebug!.blockProbe('main', c), [id] as const);
      if (!probe) throw new Error(`no uncovered point on ${id}`);
      await page.mouse.click(canvas.x + probe.x, canvas.y + probe.y);
      await expect(inspector.getByRole('heading', { level: 2 })).toHaveText(name);
      await waitForSettled(page);
    }
  });

  test('selecting a component from the keyboard shows it in the inspector', async ({ page }) => {
    await openApp(page);
    const button = page.getByRole('navigation', { name: 'Components' }).getByRole('button', { name: /storvsp/i });
    await button.focus();
    // Focus alone highlights the block in 3D (its label shows the hover cue).
    await expect(page.locator('.scene-label--component[data-component-id="storvsp"]')).toHaveClass(
      /scene-label--hover/,
    );
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('inspector').getByRole('heading', { level: 2 })).toHaveText(/storvsp/i);
    await expect(button).toHaveAttribute('aria-current', 'true');
  });

  test('the theme survives a reload', async ({ page }) => {
    await openApp(page);
    await chooseTheme(page, 'projector');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'projector');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-scene-ready', 'true');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'projector');
    await expect(page.getByTestId('theme-select')).toHaveValue('projector');
  });

  test('screenshots of the Hyper-V stack in each theme', async ({ page }) => {
    for (const theme of ['dark', 'light', 'projector'] as const) {
      await openApp(page);
      await chooseTheme(page, theme);
      await waitForSettled(page);
      await shoot(page, `explore-${theme}`);
    }
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expect.poll(() => page.evaluate(() => window.innerWidth)).toBe(1920);
    await waitForSettled(page);
    await shoot(page, 'explore-projector-1080p');
  });
});

test.describe('camera keys and motion', () => {
  const probes = (page: Page) =>
    page.evaluate(() =>
      (window.ringMinusOneDebug?.layerProbes() ?? []).map((p) => [p.layerId, Math.round(p.x), Math.round(p.y)]),
    );

  async function labelCentre(page: Page, id: string) {
    const box = await page.locator(`.scene-label--component[data-component-id="${id}"]`).boundingBox();
    if (!box) throw new Error(`no label for ${id}`);
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  test('F frames the selection and Home resets the view', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' }); // cuts, so positions can be read at once
    await openApp(page);
    await expect(page.locator('html')).toHaveAttribute('data-reduced-motion', 'true');
    const canvas = await page.getByTestId('scene-canvas').boundingBox();
    if (!canvas) throw new Error('no canvas');
    const centre = { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 2 };
    const dist = (p: { x: number; y: number }) => Math.hypot(p.x - centre.x, p.y - centre.y);
    const before = await labelCentre(page, 'vmbus-root');
    const home = await probes(page);
    await page.getByRole('navigation', { name: 'Components' }).getByRole('button', { name: 'VMBus (root)' }).click();
    await page.locator('body').press('f');
    await expect.poll(async () => dist(await labelCentre(page, 'vmbus-root'))).toBeLessThan(dist(before) / 2);
    // Home: the camera is back where it started (projected layer points, unlike labels, do not move to avoid overlaps).
    await page.locator('body').press('Home');
    await expect.poll(async () => JSON.stringify(await probes(page))).toBe(JSON.stringify(home));
  });

  test('the in-app motion setting overrides the system one', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await openApp(page);
    await expect(page.locator('html')).toHaveAttribute('data-reduced-motion', 'false');
    await page.locator('details.menu summary').click();
    await page.getByLabel('Motion').selectOption('on');
    await expect(page.locator('html')).toHaveAttribute('data-reduced-motion', 'true');
  });
});

test('damaged saved settings: a clear notice, defaults in use, the old value kept', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('ring-minus-one.settings', '{"theme": "projector",');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await openApp(page);
  const notice = page.getByRole('alert');
  await expect(notice).toContainText('ring-minus-one.settings');
  await expect(notice).toContainText('not JSON');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await page.evaluate(() => localStorage.getItem('ring-minus-one.settings.corrupt'))).toBe(
    '{"theme": "projector",',
  );
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
});
