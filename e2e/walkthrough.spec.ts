import { test, expect, openApp, shoot, setRange } from './fixtures';
import type { Page } from '@playwright/test';

const PATH_B = 'hyperv-emulated-ide-write';
const PATH_A = 'hyperv-synthetic-disk-write';

async function openWalkthrough(page: Page, pathId: string) {
  await openApp(page);
  await page.getByRole('button', { name: 'Walkthrough', exact: true }).click();
  await page.getByLabel('I/O path').selectOption(pathId);
  await expect(page.getByTestId('narration')).toContainText('Step 1 of');
}

/** The visible state a learner reads: narration, counters, current event, scrubber. */
async function visibleState(page: Page) {
  return {
    narration: await page.getByTestId('narration').innerText(),
    counters: await page.getByRole('group', { name: 'Counters so far' }).innerText(),
    current: await page.locator('.event[aria-current="step"]').getAttribute('data-hop-index'),
    scrub: await page.getByLabel('Position in the walkthrough').inputValue(),
  };
}

test.describe('walkthrough', () => {
  test('steps forward and back to exactly the earlier state', async ({ page }) => {
    await openWalkthrough(page, PATH_A);
    const next = page.getByRole('button', { name: 'Step forward' });
    await next.click();
    await next.click();
    const atTwo = await visibleState(page);
    expect(atTwo.current).toBe('2');
    await next.click();
    await next.click();
    expect((await visibleState(page)).current).toBe('4');
    await page.getByRole('button', { name: 'Step back' }).click();
    await page.getByRole('button', { name: 'Step back' }).click();
    expect(await visibleState(page)).toEqual(atTwo);
    await shoot(page, 'walkthrough-synthetic');
  });

  test('plays, shows live counters, and finishes with the summary', async ({ page }) => {
    await openWalkthrough(page, PATH_A);
    await page.getByLabel('Speed').selectOption('4');
    await page.getByRole('button', { name: /Play/ }).click();
    await expect(page.getByRole('button', { name: /Pause/ })).toBeVisible();
    await expect(page.getByTestId('narration')).toContainText('Done.', { timeout: 30_000 });
    const exits = page.locator('[data-counter="exits"] .value');
    await expect(exits).not.toHaveText('0');
  });

  test('the keyboard alone drives a walkthrough', async ({ page }) => {
    await openWalkthrough(page, PATH_B);
    await page.locator('body').click({ position: { x: 5, y: 400 } }); // focus leaves the select
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('narration')).toContainText('Step 3 of');
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('narration')).toContainText('Step 2 of');
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: /Pause/ })).toBeVisible();
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: /Play/ })).toBeVisible();
    // Tab reaches the event list; Enter on an event seeks to it.
    const event = page.locator('.event[data-hop-index="5"]');
    await event.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('narration')).toContainText('Step 6 of');
    await expect(page.getByTestId('event-detail')).toContainText('Event 6');
  });

  test('selecting an event shows its detail; filters hide mechanisms', async ({ page }) => {
    await openWalkthrough(page, PATH_B);
    // Path B's port accesses are intercepts: traps into the hypervisor.
    const exitRows = page.locator('.event', { hasText: 'trap' });
    const count = await exitRows.count();
    expect(count).toBeGreaterThan(0);
    await exitRows.first().click();
    const detail = page.getByTestId('event-detail');
    await expect(detail).toContainText('trap');
    await expect(detail).toContainText('hypervisor');
    await expect(detail).toContainText('Cost parameters');
    await page.getByRole('group', { name: 'Show mechanisms' }).getByLabel('trap').uncheck();
    await expect(page.locator('.event', { hasText: 'trap' })).toHaveCount(0);
    await expect(page.getByText(/hidden by the filters/)).toBeVisible();
    await shoot(page, 'walkthrough-emulated-event');
  });

  test('every path of the model plays to its end', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: 'Walkthrough', exact: true }).click();
    const ids = await page
      .getByLabel('I/O path')
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(ids.length).toBeGreaterThanOrEqual(8);
    for (const id of ids) {
      await page.getByLabel('I/O path').selectOption(id);
      await setRange(page.getByLabel('Position in the walkthrough'), 1e6);
      await expect(page.getByTestId('narration'), id).toContainText('Done.');
    }
  });
});
