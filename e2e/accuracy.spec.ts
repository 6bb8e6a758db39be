import { test, expect, openApp, openLabPath, shoot } from './fixtures';

/** Issue "Teaching accuracy": what the fault lab and the what-ifs teach, as a student sees it. */
test.describe('teaching accuracy', () => {
  test('fault lab: a root driver crash takes the whole host; a worker process crash takes its VM only', async ({
    page,
  }) => {
    await openApp(page);
    await page.getByRole('button', { name: 'Lab', exact: true }).click();
    const result = page.getByTestId('fault-result');
    await page.getByLabel('Component to crash').selectOption('vendor-storage');
    await page.getByRole('button', { name: 'Crash it' }).click();
    await expect(result).toContainText('root partition bugchecks');
    await expect(result).toContainText(/VMs down: .*VM 1.*VM 2/);
    await expect(result).not.toContainText('Still running');
    await shoot(page, 'lab-fault-root-driver');
    await page.getByLabel('Component to crash').selectOption('vmwp1');
    await page.getByRole('button', { name: 'Crash it' }).click();
    await expect(result).toContainText('per-VM part outside the guest');
    await expect(result).toContainText(/VMs down: VM 1/);
    await expect(result).toContainText(/Still running: VM 2/);
    await shoot(page, 'lab-fault-vmwp');
    await page.getByLabel('Component to crash').selectOption('vmms');
    await page.getByRole('button', { name: 'Crash it' }).click();
    await expect(result).toContainText('No VM goes down');
  });

  test('the inspector’s TCB text agrees with the fault lab for vmwp.exe', async ({ page }) => {
    await openApp(page);
    await page
      .getByRole('navigation', { name: 'Components' })
      .getByRole('button', { name: /vmwp\.exe \(VM 1\)/ })
      .click();
    await expect(page.getByTestId('inspector-tcb')).toContainText(/^Only of VM 1/);
    await expect(page.getByTestId('inspector-release')).toContainText('Windows Server 2008');
  });

  test('hardware assist: refused on Hyper-V with the reason; on ESX 3.5 a like-for-like 2006 comparison', async ({
    page,
  }) => {
    await openApp(page);
    await page.getByRole('button', { name: 'Lab', exact: true }).click();
    const assist = page.getByLabel(/Hardware assist/);
    await expect(assist).toBeDisabled();
    await expect(assist).toBeChecked();
    await expect(page.getByTestId('cpu-note')).toContainText('requires VT-x or AMD-V');
    await page.getByLabel('Architecture', { exact: true }).selectOption('esx-3-classic');
    await expect(assist).toBeEnabled();
    await expect(assist).not.toBeChecked();
    await assist.check();
    await expect(page.locator('.notes')).toContainText('same 2006 Pentium 4');
  });

  test('emulated IDE: DMA by default, PIO as a what-if', async ({ page }) => {
    const total = await openLabPath(page, 'hyperv-emulated-ide-write');
    await expect(total).toHaveText('/ 11');
    await page.getByLabel(/PIO instead of DMA/).check();
    await expect(total).toHaveText('/ 2,059');
  });
});
