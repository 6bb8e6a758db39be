import { test, expect, expectNoSeriousAxe, openApp, shoot, chooseTheme, waitForSettled } from './fixtures';
import type { Page } from '@playwright/test';

const VERDICTS = ['holds', 'partly', 'wrong', 'wrong', 'disputed', 'disputed', 'holds', 'partly', 'holds', 'dated'];

async function openClaims(page: Page) {
  await openApp(page);
  await page.locator('body').click({ position: { x: 5, y: 400 } });
  await page.keyboard.press('5');
  await expect(page.getByRole('button', { name: 'Claims', exact: true })).toHaveAttribute('aria-pressed', 'true');
  return page.getByRole('list', { name: 'The ten claims' });
}

function claim(page: Page, n: number) {
  return page
    .getByRole('list', { name: 'The ten claims' })
    .locator(':scope > li')
    .nth(n - 1);
}

/** Opens claim `n` and presses one of its "Show me" buttons (named by `demo`). */
async function showMe(page: Page, n: number, demo: RegExp) {
  await claim(page, n)
    .getByRole('button', { name: new RegExp(`Claim ${n}:`) })
    .click();
  await claim(page, n).getByRole('button', { name: demo }).click();
}

test.describe('claims', () => {
  test('the keyboard opens the ten claims, each with its verdict', async ({ page }) => {
    const list = await openClaims(page);
    await expect(list.locator(':scope > li')).toHaveCount(10);
    const verdicts = await list
      .locator(':scope > li > article')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict')));
    expect(verdicts).toEqual(VERDICTS);
    await expect(claim(page, 4)).toContainText('Wrong');
    await expect(claim(page, 4)).toContainText('a conflation');
    await expect(claim(page, 10)).toContainText('Dated');
    // The first claim is open; opening another closes it and shows both vendors' evidence.
    const toggle6 = claim(page, 6).getByRole('button', { name: /Claim 6:/ });
    await toggle6.click();
    await expect(toggle6).toHaveAttribute('aria-expanded', 'true');
    await expect(claim(page, 1).getByRole('button', { name: /Claim 1:/ })).toHaveAttribute('aria-expanded', 'false');
    await expect(claim(page, 6).locator('[data-side="microsoft"]')).toContainText('CVE-2021-28476');
    await expect(claim(page, 6).locator('[data-side="vmware"]')).toContainText('VMSA-2018-0027');
  });

  test('"Show me" on claim 3 opens Compare with ESX 3.5’s e1000 beside enhanced vmxnet, and comes back', async ({
    page,
  }) => {
    await openClaims(page);
    const toggle = claim(page, 3).getByRole('button', { name: /Claim 3:/ });
    await toggle.click();
    await claim(page, 3)
      .getByRole('button', {
        name: /Show me in Compare: Compare ESX 3.5's emulated e1000 with its paravirtual enhanced vmxnet/,
      })
      .click();
    await expect(page.getByRole('button', { name: 'Compare', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByLabel('Left (or top)')).toHaveValue('esx-e1000-transmit');
    await expect(page.getByLabel('Right (or bottom)')).toHaveValue('esx-vmxnet2-transmit');
    await expect(page.getByTestId('compare-dock').getByRole('heading', { name: /Right:/ })).toContainText(
      /enhanced vmxnet/,
    );
    const origin = page.getByRole('status').filter({ hasText: 'Shown from claim 3' });
    await expect(origin).toBeVisible();
    await shoot(page, 'claims-show-me-compare');
    await origin.getByRole('button', { name: 'Back to claim 3' }).click();
    await expect(page.getByRole('button', { name: 'Claims', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(toggle).toBeFocused();
  });

  test('"Show me" on claim 9 crashes the vendor NIC driver in the Lab', async ({ page }) => {
    await openClaims(page);
    await showMe(page, 9, /Show me in the Lab: Crash Hyper-V's vendor NIC driver/);
    await expect(page.getByRole('button', { name: 'Lab', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByLabel('Architecture', { exact: true })).toHaveValue('hyperv-2008');
    await expect(page.getByLabel('Component to crash')).toHaveValue('vendor-nic');
    await expect(page.getByTestId('fault-result')).toContainText('Vendor NIC driver crashed');
  });

  test('"Show me" with a what-if and a walkthrough step', async ({ page }) => {
    await openClaims(page);
    await showMe(page, 4, /Show me in the Lab: Switch ESX 3.5 from binary translation to VT-x/);
    await expect(page.getByRole('button', { name: 'Lab', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByLabel(/Hardware assist \(VT-x/)).toBeChecked();
    await expect(page.getByLabel('Path', { exact: true })).toHaveValue('esx-e1000-transmit');
    await expect(page.getByLabel('Show the packet and the player')).toBeChecked();

    await page.getByRole('button', { name: 'Back to claim 4' }).click();
    await showMe(page, 8, /Show me in a walkthrough: Walk through the emulated IDE write/);
    await expect(page.getByRole('button', { name: 'Walkthrough', exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(page.getByLabel('I/O path')).toHaveValue('hyperv-emulated-ide-write');
    await expect(page.getByTestId('narration')).toContainText('Step 4 of');
  });

  test('"Show me" on claim 1 morphs the hosted stack into a Type 1 stack in Explore', async ({ page }) => {
    await openClaims(page);
    await claim(page, 1)
      .getByRole('button', { name: /Show me in Explore: Morph VMware Workstation's hosted \(Type 2\) stack/ })
      .click();
    await expect(page.getByRole('button', { name: 'Explore', exact: true })).toHaveAttribute('aria-pressed', 'true');
    const caption = page.getByTestId('morph-caption');
    await expect(caption).toHaveAttribute('data-state', 'done');
    await expect(caption).toContainText('the hypervisor sits directly on the hardware');
    await expect(page.getByLabel('Architecture')).toHaveValue('esx-3-classic');
    await expect(page.getByTestId('origin-bar')).toContainText('Shown from claim 1');
  });

  test('the Inspector links a hypervisor to its foundations', async ({ page }) => {
    await openApp(page);
    await page
      .getByRole('navigation', { name: 'Components' })
      .getByRole('button', { name: 'Hyper-V hypervisor' })
      .click();
    const inspector = page.getByTestId('inspector');
    await inspector.getByRole('button', { name: 'Popek & Goldberg: what a VMM must do' }).click();
    await expect(page.getByRole('button', { name: 'Claims', exact: true })).toHaveAttribute('aria-pressed', 'true');
    const toggle = page.getByRole('button', { name: 'Popek & Goldberg: what a VMM must do' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(toggle).toBeFocused();
    await expect(page.locator('#foundation-popek-goldberg-details')).toContainText('sufficient condition');
  });
});

test.describe('references', () => {
  test('lists H3 with what cites it, flags uncited sources, and opens a cited-by entry', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: 'References', exact: true }).click();
    const h3 = page.locator('#source-H3');
    await expect(h3.getByRole('rowheader')).toHaveText('H3');
    await expect(h3).toContainText('Linux kernel documentation: VMBus');
    await expect(h3.getByRole('link', { name: 'https://docs.kernel.org/virt/hyperv/vmbus.html' })).toBeVisible();
    await h3.getByText(/Show all \d+/).click();
    const entries = h3.getByRole('listitem');
    expect(await entries.count()).toBeGreaterThan(5);
    await expect(h3.getByRole('button', { name: /path Hyper-V: synthetic disk write$/ })).toBeVisible();
    await expect(h3.getByRole('button', { name: /claim Claim 3:/ })).toBeVisible();
    // The summary names exactly the rows flagged as cited by nothing (or says every source is cited).
    const summary = page.getByTestId('uncited');
    await expect(summary).toHaveText(/Not cited by anything in the app|Every source is cited/);
    const flagged = await page
      .locator('tr.uncited')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-source-key')));
    expect(await summary.getByRole('button').allInnerTexts()).toEqual(flagged);
    for (const key of flagged)
      await expect(page.locator(`#source-${key}`)).toContainText('Cited by nothing in the app');
    for (const key of ['H17', 'H18', 'E17', 'X4']) await expect(page.locator(`#source-${key}`)).toBeVisible();

    await h3.getByRole('button', { name: /step Hyper-V: synthetic disk write › step 2:/ }).click();
    await expect(page.getByRole('button', { name: 'Walkthrough', exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(page.getByTestId('narration')).toContainText('Step 2 of');
    await page.getByRole('button', { name: 'Back to the References (H3)' }).click();
    await expect(page.locator('#source-H3')).toBeFocused();
  });

  test('the filter narrows the list', async ({ page }) => {
    await openApp(page);
    await page.keyboard.press('6');
    await page.getByLabel('Filter by key or title').fill('Popek');
    await expect(page.locator('tbody tr')).toHaveCount(2);
    await expect(page.getByText('2 of')).toBeVisible();
  });
});

test('no serious or critical axe violations with claims, foundations and cited-by lists open', async ({ page }) => {
  const serious = (where: string) => expectNoSeriousAxe(page, where);
  test.setTimeout(150_000); // nine axe runs
  await openApp(page);
  for (const theme of ['dark', 'light', 'projector'] as const) {
    await chooseTheme(page, theme);
    await page.getByRole('button', { name: 'Claims', exact: true }).click();
    const five = claim(page, 5).getByRole('button', { name: /Claim 5:/ });
    await five.click();
    await expect(five).toHaveAttribute('aria-expanded', 'true');
    await serious(`claim 5 open, ${theme}`);
    const foundation = page.getByRole('button', { name: /Two answers/ });
    await foundation.click();
    await expect(foundation).toHaveAttribute('aria-expanded', 'true');
    await serious(`foundation open, ${theme}`);
    await page
      .locator('#foundation-binary-translation-and-vt-details')
      .getByRole('button', { name: /Show me/ })
      .click();
    await expect(page.getByTestId('origin-bar')).toBeVisible();
    await serious(`Lab with the origin bar, ${theme}`);
    await page.getByRole('button', { name: /Back to/ }).click();
    await page.getByRole('button', { name: 'References', exact: true }).click();
    await page
      .locator('#source-H3')
      .getByText(/Show all/)
      .click();
    await serious(`References, ${theme}`);
  }
});

test('screenshots of the claims and references views', async ({ page }) => {
  for (const size of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    for (const theme of ['dark', 'projector'] as const) {
      await openApp(page);
      await chooseTheme(page, theme);
      await page.getByRole('button', { name: 'Claims', exact: true }).click();
      await claim(page, 2)
        .getByRole('button', { name: /Claim 2:/ })
        .click();
      await expect(claim(page, 2).getByRole('button', { name: /Claim 2:/ })).toHaveAttribute('aria-expanded', 'true');
      await waitForSettled(page);
      await shoot(page, `claims-${theme}-${size.width}`);
      await page.getByRole('button', { name: /Popek & Goldberg/ }).click();
      await page.getByRole('button', { name: /Popek & Goldberg/ }).scrollIntoViewIfNeeded();
      await waitForSettled(page);
      await shoot(page, `foundations-${theme}-${size.width}`);
      await page.getByRole('button', { name: 'References', exact: true }).click();
      await page
        .locator('#source-H3')
        .getByText(/Show all/)
        .click();
      await shoot(page, `references-${theme}-${size.width}`);
    }
  }
});
