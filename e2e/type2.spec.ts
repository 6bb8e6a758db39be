import type { Page } from '@playwright/test';
import { test, expect, openApp, chooseTheme, shoot } from './fixtures';

/**
 * Teaching accuracy, point 1: the hosted (Type 2) stack is drawn as the T1 paper draws it (host world and VMM world
 * side by side on the hardware, joined by VMDriver's world switch), with privilege names true to a CPU without VT-x,
 * and it morphs to and from its Type 1 partner (ESX 3.x classic).
 */
const stage = (page: Page) => page.locator('section.stage');

async function openType2(page: Page): Promise<void> {
  await openApp(page);
  await page.getByLabel('Architecture').selectOption('type2-hosted');
  await expect(page.locator('.scene-label--gate')).toBeVisible();
}

test('the Type 2 stack names its privilege levels true to a Pentium III without VT-x', async ({ page }) => {
  await openType2(page);
  const list = page.getByRole('navigation', { name: 'Components' });
  await list.getByRole('button', { name: 'VMM (VM 1)', exact: true }).click();
  const privilege = page.getByTestId('inspector-privilege');
  await expect(privilege).toContainText('VMM world, ring 0');
  await expect(privilege).not.toContainText('VMX');
  await expect(privilege).not.toContainText('ring -1');
  await list.getByRole('button', { name: 'Guest kernel', exact: true }).click();
  await expect(privilege).toContainText('deprivileged');
  await list.getByRole('button', { name: 'Host OS kernel', exact: true }).click();
  await expect(privilege).toHaveText('host kernel, ring 0: owns the machine');

  // The bands and the gate say it at a glance.
  const bands = await page.locator('.scene-label--band').allTextContents();
  expect(bands.join(' | ')).not.toMatch(/ring -1|VMX/);
  expect(bands.some((b) => /host kernel.*VMM world/.test(b))).toBe(true);
  await expect(page.locator('.scene-label--gate')).toContainText('world switch');
  await expect(page.locator('.scene-label--column', { hasText: 'Host world' })).toContainText(/owns\s*the machine/);
  await expect(page.locator('.scene-label--column', { hasText: 'VMM world' })).toContainText('VMDriver switches');
});

test('morphs Type 2 -> Type 1 -> Type 2 and says what changed', async ({ page }) => {
  await openType2(page);
  await expect(stage(page)).toHaveAttribute('data-morph', 'idle');
  await page.getByRole('button', { name: /^Morph to Type 1: VMware ESX 3\.\d/ }).click();
  // The morph runs, then finishes (model time driven by the frame loop; no fixed wait).
  await expect(stage(page)).toHaveAttribute('data-morph', /running|done/);
  await expect(stage(page)).toHaveAttribute('data-morph', 'done');
  const caption = page.getByTestId('morph-caption');
  await expect(caption).toHaveAttribute('data-state', 'done');
  await expect(caption).toContainText('the hypervisor sits directly on the hardware');
  await expect(caption).toContainText('privileged VM above it');
  await expect(page.getByLabel('Architecture')).toHaveValue('esx-3-classic');
  // The Type 1 stack is drawn as itself again: vmkernel's label, no gate.
  await expect(page.locator('.scene-label--component[data-component-id="vmkernel"]')).toBeVisible();
  await expect(page.locator('.scene-label--gate')).toHaveCount(0);

  await page.getByRole('button', { name: /^Morph to Type 2: VMware Workstation/ }).click();
  await expect(stage(page)).toHaveAttribute('data-morph', 'done');
  await expect(caption).toContainText('the host OS owns the hardware');
  await expect(caption).toContainText('entered through VMDriver by a world switch');
  await expect(page.getByLabel('Architecture')).toHaveValue('type2-hosted');
  await expect(page.locator('.scene-label--gate')).toBeVisible();
});

test('under reduced motion the morph cuts to its end', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openType2(page);
  await page.getByRole('button', { name: /^Morph to Type 1/ }).click();
  await expect(stage(page)).toHaveAttribute('data-morph', 'done');
  await expect(stage(page)).toHaveAttribute('data-morph-t', '1.00');
  await expect(page.getByTestId('morph-caption')).toContainText('Type 1');
});

for (const view of [
  { width: 1920, height: 1080, theme: 'projector' as const },
  { width: 1280, height: 800, theme: 'light' as const },
]) {
  test(`screenshots of Type 2 and of the morph (${view.width}x${view.height}, ${view.theme})`, async ({ page }) => {
    await page.setViewportSize(view);
    await openType2(page);
    await chooseTheme(page, view.theme);
    const size = `${view.width}x${view.height}`;
    await shoot(page, `type2-${size}`);
    // A paused fake clock drives the frame loop, so the middle of the morph holds still for its screenshot.
    await page.clock.install();
    await page.clock.pauseAt(Date.now() + 1000);
    await page.getByRole('button', { name: /^Morph to Type 1/ }).click();
    await page.clock.runFor(1200);
    const t = Number(await stage(page).getAttribute('data-morph-t'));
    expect(t).toBeGreaterThan(0.2);
    expect(t).toBeLessThan(0.8);
    await shoot(page, `type2-morph-mid-${size}`);
    await page.clock.runFor(2000);
    await expect(stage(page)).toHaveAttribute('data-morph', 'done');
    await page.clock.runFor(1000); // the camera settles on the Type 1 stack
    await shoot(page, `type2-morph-end-${size}`);
  });
}
