import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, expectNoSeriousAxe, shoot, waitForSettled } from './fixtures';

/**
 * Presenter and audience as an instructor uses them: two pages of one browser context (same origin, so one
 * BroadcastChannel), the presenter driving, the audience following by itself.
 */

/** Opens the audience as a second page, guarded like the first (no console errors). */
async function openAudience(context: BrowserContext, errors: string[]): Promise<Page> {
  const audience = await context.newPage();
  audience.on('console', (m) => void (m.type() === 'error' && errors.push(`audience: ${m.text()}`)));
  audience.on('pageerror', (e) => errors.push(`audience: ${e.message}`));
  await audience.goto('/?window=audience');
  await expect(audience.locator('html')).toHaveAttribute('data-scene-ready', 'true');
  return audience;
}

async function openPresenter(page: Page): Promise<void> {
  await page.goto('/?window=presenter');
  await expect(page.getByRole('heading', { name: 'Presenter', level: 1 })).toBeVisible();
}

async function useLesson(page: Page, n: number): Promise<string[]> {
  const select = page.getByLabel('Use a lesson');
  const value = await select.locator('option').nth(n).getAttribute('value');
  await select.selectOption(value ?? '');
  const steps = page.getByRole('list', { name: 'Steps' }).getByRole('listitem');
  await expect(steps.first()).toHaveAttribute('aria-current', 'step');
  return (
    await steps
      .getByRole('button')
      .filter({ hasText: /^\d+\. / })
      .allInnerTexts()
  ).map((t) => t.replace(/^\d+\. /, ''));
}

const audienceTitle = (audience: Page) => audience.getByRole('heading', { level: 1 });
const currentStep = (page: Page) => page.locator('[aria-current="step"]');

test.describe('presenter and audience', () => {
  test('the audience follows the presenter step by step (latency measured and reported)', async ({
    page,
    context,
    guards,
  }, testInfo) => {
    await openPresenter(page);
    const titles = await useLesson(page, 1);
    expect(titles.length).toBeGreaterThanOrEqual(3);
    const audience = await openAudience(context, guards.errors);
    await expect(audienceTitle(audience)).toHaveText(titles[0]!);

    // Latency: from the presenter's key to the message's arrival and to the audience's applied state (its Stage
    // restored and its 3D view synced), all on the browser's one clock. Reported, not asserted: the machine is shared.
    const arrived: number[] = [];
    const applied: number[] = [];
    const main = audience.getByRole('main', { name: 'Audience view' });
    for (let i = 1; i < titles.length; i++) {
      const seq = await main.getAttribute('data-sync-seq');
      const sentAt = await page.evaluate(() => {
        const t = performance.timeOrigin + performance.now();
        window.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageDown', bubbles: true, cancelable: true }));
        return t;
      });
      await expect(main).not.toHaveAttribute('data-sync-seq', seq ?? '');
      await expect(audienceTitle(audience)).toHaveText(titles[i]!);
      arrived.push(Number(await main.getAttribute('data-received-at')) - sentAt);
      applied.push(Number(await main.getAttribute('data-applied-at')) - sentAt);
    }
    const stats = (ms: number[]) => {
      const sorted = [...ms].sort((a, b) => a - b);
      const r = (x: number) => Math.round(x * 10) / 10;
      return { samples: ms.map(r), median: r(sorted[Math.floor(sorted.length / 2)]!), max: r(sorted.at(-1)!) };
    };
    const report = { keyToArrival: stats(arrived), keyToApplied: stats(applied) };
    console.log(`presenter -> audience sync latency (ms): ${JSON.stringify(report)}`);
    await testInfo.attach('sync-latency.json', {
      body: JSON.stringify(report, null, 2),
      contentType: 'application/json',
    });

    // Back with PageUp and the arrow keys; Space goes on.
    await page.keyboard.press('PageUp');
    await expect(audienceTitle(audience)).toHaveText(titles.at(-2)!);
    await page.keyboard.press('ArrowLeft');
    await expect(audienceTitle(audience)).toHaveText(titles.at(-3)!);
    await page.keyboard.press('Space');
    await expect(audienceTitle(audience)).toHaveText(titles.at(-2)!);
    await page.keyboard.press('ArrowRight');
    await expect(audienceTitle(audience)).toHaveText(titles.at(-1)!);
  });

  test('a late audience and a reloaded one catch up at once', async ({ page, context, guards }) => {
    await openPresenter(page);
    const titles = await useLesson(page, 2);
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await expect(currentStep(page)).toContainText(`3. ${titles[2]}`);
    const audience = await openAudience(context, guards.errors);
    await expect(audienceTitle(audience)).toHaveText(titles[2]!);
    await audience.reload();
    await expect(audienceTitle(audience)).toHaveText(titles[2]!);
    await page.keyboard.press('PageUp');
    await expect(audienceTitle(audience)).toHaveText(titles[1]!);
  });

  test('jump by number, blackout (B, period, Esc), and clicker keys sent to the audience window', async ({
    page,
    context,
    guards,
  }) => {
    await openPresenter(page);
    const titles = await useLesson(page, 1);
    const audience = await openAudience(context, guards.errors);
    const black = audience.getByRole('img', { name: 'Screen blacked out by the presenter' });

    await page.keyboard.press('3');
    await expect(page.getByText('Go to step 3…')).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(audienceTitle(audience)).toHaveText(titles[2]!);
    await expect(page.getByRole('status').or(page.locator('[aria-live="polite"]')).first()).toBeAttached();
    await expect(page.locator('.visually-hidden[aria-live="polite"]')).toHaveText(
      `Step 3 of ${titles.length}: ${titles[2]}`,
    );

    await page.keyboard.press('b');
    await expect(black).toBeVisible();
    await expect(page.getByRole('button', { name: 'Blackout' })).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('.');
    await expect(black).toBeHidden();
    await page.keyboard.press('B');
    await expect(black).toBeVisible();
    // A step change keeps the blackout: only the presenter lifts it.
    await page.keyboard.press('PageDown');
    await expect(audienceTitle(audience)).toHaveText(titles[3]!);
    await expect(black).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(black).toBeHidden();

    // The clicker's keys may land in the audience window: they drive the presenter, which drives every audience.
    await audience.keyboard.press('PageUp');
    await expect(currentStep(page)).toContainText(`3. ${titles[2]}`);
    await expect(audienceTitle(audience)).toHaveText(titles[2]!);
    await audience.keyboard.press('1');
    await audience.keyboard.press('Enter');
    await expect(currentStep(page)).toContainText(`1. ${titles[0]}`);
    await audience.keyboard.press('.');
    await expect(black).toBeVisible();
    await audience.keyboard.press('Escape');
    await expect(black).toBeHidden();

    // The key list (?) in both windows.
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Presenter keys' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Presenter keys' })).toBeHidden();
    await audience.keyboard.press('?');
    await expect(audience.getByRole('dialog', { name: 'Presenter keys' })).toBeVisible();
  });

  test('the spotlight reaches the audience: every other component dims', async ({ page, context, guards }) => {
    await openPresenter(page);
    await useLesson(page, 1);
    const audience = await openAudience(context, guards.errors);
    const boxes = page.getByRole('group', { name: 'Spotlight' }).getByRole('checkbox');
    const spot = boxes.first();
    // Start from no spotlight (a lesson step may have one).
    for (const box of await boxes.all()) await box.uncheck();
    const id = await audience.locator('.scene-label--component').first().getAttribute('data-component-id');
    expect(id).toBeTruthy();
    await expect(audience.locator('.scene-label--dimmed')).toHaveCount(0);
    await spot.check();
    await expect(audience.locator('.scene-label--dimmed').first()).toBeAttached();
    const lit = await page
      .getByRole('group', { name: 'Spotlight' })
      .getByRole('checkbox')
      .first()
      .evaluate((el) => el.parentElement?.textContent?.trim() ?? '');
    await expect(audience.locator('.scene-label--component:not(.scene-label--dimmed)')).toHaveCount(1);
    await expect(audience.locator('.scene-label--component:not(.scene-label--dimmed)')).toContainText(lit.slice(0, 6));
    await page.getByRole('button', { name: 'Clear spotlight' }).click();
    await expect(audience.locator('.scene-label--dimmed')).toHaveCount(0);
  });

  test('a run sheet captured live, saved, opened again and presented', async ({ page, context, guards }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-scene-ready', 'true');
    // Prepare two states in the full app, capturing each from the presenter view.
    await page.getByRole('button', { name: 'Walkthrough', exact: true }).click();
    await page.getByRole('button', { name: 'Present' }).click();
    await page.getByRole('button', { name: 'Capture current state' }).click();
    await page.getByRole('button', { name: 'Leave presenter view' }).click();
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.keyboard.press('s');
    await page.getByRole('button', { name: 'Capture current state' }).click();
    await page.getByLabel('Step title').fill('Two paths on one clock');
    await page.getByLabel('Step title').press('Tab');
    await page.getByLabel('Speaker notes').fill('Ask: which one exits more?');
    const steps = page.getByRole('list', { name: 'Steps' }).getByRole('listitem');
    await expect(steps).toHaveCount(2);
    // Reorder: the compare step first.
    await page.getByRole('button', { name: 'Move step 2 up' }).click();
    await expect(steps.first()).toContainText('1. Two paths on one clock');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save run sheet' }).click();
    const file = await (await download).path();
    const text = await readFile(file, 'utf8');
    expect(JSON.parse(text)).toMatchObject({
      format: 'ring-minus-one-run-sheet',
      cues: [
        { title: 'Two paths on one clock', notes: 'Ask: which one exits more?', presentation: { view: 'compare' } },
        { presentation: { view: 'walkthrough' } },
      ],
    });

    // A fresh presenter opens it and presents it to an audience.
    await openPresenter(page);
    await expect(page.getByText('No steps yet.')).toBeVisible();
    await page
      .getByLabel('Open run sheet')
      .setInputFiles({ name: 'class.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(steps).toHaveCount(2);
    await expect(page.getByLabel('Speaker notes')).toHaveValue('Ask: which one exits more?');
    const audience = await openAudience(context, guards.errors);
    await expect(audienceTitle(audience)).toHaveText('Two paths on one clock');
    await expect(audience.locator('.scene-labels')).toHaveCount(2); // Compare: two panes
    await page.keyboard.press('PageDown');
    await expect(audienceTitle(audience)).toHaveText('Step 1');
    await expect(audience.locator('.scene-labels')).toHaveCount(1);

    // A damaged file: every problem with its place, and the sheet on the desk stays.
    const bad = JSON.parse(text);
    bad.cues[1].presentation.pathId = 'no-such-path';
    bad.cues[0].presentation.speed = 99;
    await page
      .getByLabel('Open run sheet')
      .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('bad.json: cues[0].presentation.speed');
    await page
      .getByLabel('Open run sheet')
      .setInputFiles({ name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from(text.slice(0, 40)) });
    await expect(alert).toContainText('cut.json: not valid JSON (line');
    await expect(steps).toHaveCount(2);
  });

  test('closing the presenter leaves the audience on its last step, with a notice', async ({
    page,
    context,
    guards,
  }) => {
    const presenter = await context.newPage();
    await openPresenter(presenter);
    const titles = await useLesson(presenter, 1);
    await presenter.keyboard.press('PageDown');
    const audience = await openAudience(context, guards.errors);
    await expect(audienceTitle(audience)).toHaveText(titles[1]!);
    await presenter.close({ runBeforeUnload: true });
    await expect(audience.getByRole('status')).toContainText('The presenter window has closed');
    await expect(audienceTitle(audience)).toHaveText(titles[1]!);
    void page;
  });

  test('Present opens the audience window from the presenter (same origin, one channel)', async ({
    page,
    context,
    guards,
  }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Present' }).click();
    const titles = await useLesson(page, 3);
    const popup = context.waitForEvent('page');
    await page.getByRole('button', { name: 'Open audience window' }).click();
    const audience = await popup;
    audience.on('pageerror', (e) => guards.errors.push(`audience: ${e.message}`));
    await expect(audienceTitle(audience)).toHaveText(titles[0]!);
    expect(new URL(audience.url()).search).toBe('?window=audience');
  });

  test('projector audience at 1920x1080: big full labels, axe-clean; the presenter at 1280x800', async ({
    page,
    context,
    guards,
  }) => {
    await openPresenter(page);
    await useLesson(page, 1);
    const audience = await openAudience(context, guards.errors);
    await audience.setViewportSize({ width: 1920, height: 1080 });
    await expect(audience.locator('html')).toHaveAttribute('data-theme', 'projector');
    await waitForSettled(audience);
    const heights = await audience
      .locator('.scene-label--component')
      .evaluateAll((els) =>
        els.filter((e) => getComputedStyle(e).visibility !== 'hidden').map((e) => e.getBoundingClientRect().height),
      );
    expect(heights.length).toBeGreaterThan(5);
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(28);
    await expect(audience.locator('.scene-label--compact')).toHaveCount(0);
    await expect(audience.locator('.scene-label--component.scene-label--yield')).toHaveCount(0);
    await expectNoSeriousAxe(audience, 'audience at 1920x1080, projector');
    await shoot(audience, 'presenter-audience-1080p');
    await waitForSettled(page);
    await shoot(page, 'presenter-view-1280x800');
  });
});
