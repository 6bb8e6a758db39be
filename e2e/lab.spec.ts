import { test, expect, openApp, openLabPath, shoot, setRange } from './fixtures';

test.describe('lab', () => {
  test('a cost parameter slider changes the chart data', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: 'Lab', exact: true }).click();
    const firstTable = page.locator('figure.chart').first();
    await firstTable.getByText('Show the data as a table').click();
    const before = await firstTable.locator('tbody').innerText();
    const slider = page.locator('input[data-param-id]').first();
    const max = Number(await slider.getAttribute('max'));
    await setRange(slider, max);
    await expect(page.getByText(/changed from/)).toBeVisible();
    await expect.poll(async () => firstTable.locator('tbody').innerText()).not.toBe(before);
    await shoot(page, 'lab-parameters');
  });

  test('batch size and batching change the per-request cost of a ring path', async ({ page }) => {
    const total = await openLabPath(page, 'hyperv-synthetic-disk-write');
    await setRange(page.getByRole('slider', { name: 'Batch size' }), 1);
    const one = await total.innerText();
    await setRange(page.getByRole('slider', { name: 'Batch size' }), 32);
    await expect(total).not.toHaveText(one);
    await page.getByLabel(/Batching on/).uncheck();
    await expect(total).toHaveText(one);
  });

  test('moving the drivers re-routes the path and says so', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: 'Lab', exact: true }).click();
    await page.getByLabel('in the hypervisor (monolithic)').check();
    await expect(page.locator('.notes')).toBeVisible();
    await shoot(page, 'lab-drivers-in-hypervisor');
  });

  test('fault injection: what fails with a crashed component, and which VMs survive', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: 'Lab', exact: true }).click();
    await page.getByLabel('Component to crash').selectOption('storvsp');
    await page.getByRole('button', { name: 'Crash it' }).click();
    const result = page.getByTestId('fault-result');
    await expect(result).toContainText('storvsp.sys crashed');
    await expect(page.locator('.scene-label--failed').first()).toBeVisible();
    await shoot(page, 'lab-fault-storvsp');
    await page.getByLabel('Component to crash').selectOption('vm1-ata');
    await page.getByRole('button', { name: 'Crash it' }).click();
    await expect(result).toContainText('ATA driver (IDE) crashed');
    await expect(result).toContainText('Still running');
    // The root partition's kernel is in the trusted computing base: every VM goes down with it.
    await page.getByLabel('Component to crash').selectOption('root-os');
    await page.getByRole('button', { name: 'Crash it' }).click();
    await expect(result).toContainText(/VMs down: .*VM 1.*VM 2/);
    await expect(result).not.toContainText('Still running');
    await page.getByRole('button', { name: 'Restore' }).click();
    await expect(result).not.toContainText('crashed');
  });
});
