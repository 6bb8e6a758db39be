import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { authorFile, badFile, lineOf, text } from './authorFile';
import { test, expect, openApp, chooseTheme, shoot } from './fixtures';

async function openFile(page: Page, name: string, content: string): Promise<void> {
  await page.getByLabel('Open scenario file').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(content),
  });
}

const panel = (page: Page) => page.getByRole('dialog');
const fileNotice = (page: Page) => page.getByTestId('author-file');

test.describe('authoring: an instructor opens their own file', () => {
  test('a bad file lists every error with line, column and path; a path is copied; the fixed file reloads at the same step', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openApp(page);
    await openFile(page, 'mine.rmo', text(authorFile()));
    await expect(fileNotice(page)).toContainText('Your file mine.rmo is on stage: 1 lesson, 1 architecture, 2 paths');

    // The lesson is in the course, marked as the author's, and plays on the author's architecture.
    await page.getByRole('button', { name: 'Course', exact: true }).click();
    const row = page.getByRole('listitem').filter({ hasText: 'My lesson' });
    await expect(row).toContainText('From mine.rmo');
    await page.getByRole('button', { name: 'Start lesson 42: My lesson' }).click();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(page.locator('#step-heading')).toHaveText('The exit');
    await expect(page.getByTestId('narration')).toContainText('Step 3 of');

    // The bad version: every error, with where it is; the last good version stays on screen behind the panel.
    const bad = badFile();
    await openFile(page, 'mine.rmo', bad);
    await expect(panel(page)).toBeVisible();
    await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText('mine.rmo: 2 errors');
    const errors = panel(page).getByRole('listitem');
    await expect(errors).toHaveCount(2);
    const pathError = errors.filter({ hasText: 'lessons[0].steps[1].state.pathId' });
    await expect(pathError).toContainText(`line ${lineOf(bad, '"my-hyperv-synthetic-disk-writ"')}, column`);
    await expect(pathError).toContainText('unknown path "my-hyperv-synthetic-disk-writ"');
    const source = errors.filter({ hasText: 'lessons[0].sources[1]' });
    await expect(source).toContainText(`line ${lineOf(bad, '"H33-nowhere"')}, column`);
    await pathError.getByRole('button', { name: 'Copy path lessons[0].steps[1].state.pathId' }).click();
    await expect(pathError.getByRole('status')).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('lessons[0].steps[1].state.pathId');
    await page.keyboard.press('Escape');
    await expect(panel(page)).toBeHidden();
    await expect(page.getByRole('alert').filter({ hasText: 'mine.rmo has 2 errors' })).toContainText(
      'The last good version of mine.rmo stays on screen.',
    );
    await expect(page.locator('#step-heading')).toHaveText('The exit');

    // Fixed and opened again: it reloads at the same step, with the change.
    await openFile(page, 'mine.rmo', text(authorFile('The VM exit')));
    await expect(page.locator('#step-heading')).toHaveText('The VM exit');
    await expect(page.getByRole('heading', { name: 'Lesson 42: My lesson' })).toBeVisible();
    await expect(page.getByTestId('narration')).toContainText('Step 3 of');
    await expect(page.getByRole('status', { name: 'Author file' })).toHaveText(
      'Opened mine.rmo: 1 lesson, 1 architecture, 2 paths.',
    );
    await expect(page.getByRole('alert').filter({ hasText: 'has 2 errors' })).toHaveCount(0);

    // Its architecture is in Explore, its paths in the Walkthrough, each marked as the author's.
    await page.getByRole('button', { name: 'Explore', exact: true }).click();
    await page.getByLabel('Architecture').selectOption('my-hyperv');
    await expect(page.getByLabel('Architecture').locator('option:checked')).toHaveText('My Hyper-V (from mine.rmo)');
    await page.getByRole('button', { name: 'Walkthrough', exact: true }).click();
    await expect(page.getByLabel('I/O path').locator('option', { hasText: '(from mine.rmo)' })).toHaveCount(2);
    await page.getByText('File', { exact: true }).click();
    await expect(page.getByRole('button', { name: 'Reload mine.rmo' })).toBeVisible();
    await shoot(page, 'author-file-on-stage');
  });

  test('a file dropped on the window opens; one that is not JSON says where it breaks and changes nothing', async ({
    page,
  }) => {
    await openApp(page);
    const drop = async (name: string, content: string) => {
      const data = await page.evaluateHandle(
        ([n, c]) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([c], n, { type: 'application/json' }));
          return transfer;
        },
        [name, content] as const,
      );
      await page.dispatchEvent('body', 'dragover', { dataTransfer: data });
      await expect(page.getByText('Drop a scenario (.rmo, .json) or a run sheet to open it')).toBeVisible();
      if (name === 'dropped.rmo') await shoot(page, 'author-file-drop');
      await page.dispatchEvent('body', 'drop', { dataTransfer: data });
      await expect(page.getByText('Drop a scenario (.rmo, .json) or a run sheet to open it')).toBeHidden();
    };
    await drop('broken.rmo', '{\n  "schemaVersion": 2\n  "id": "x"\n}');
    await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText('broken.rmo: 1 error');
    await expect(panel(page).getByRole('listitem')).toContainText('line 3, column 3');
    await panel(page).getByRole('button', { name: 'Close' }).click();
    await expect(page.getByLabel('Architecture').locator('option', { hasText: 'My Hyper-V' })).toHaveCount(0);

    await drop('dropped.rmo', text(authorFile()));
    await expect(fileNotice(page)).toContainText('Your file dropped.rmo is on stage');
    await expect(
      page.getByLabel('Architecture').locator('option', { hasText: 'My Hyper-V (from dropped.rmo)' }),
    ).toHaveCount(1);
  });

  for (const theme of ['light', 'projector'] as const) {
    test(`the validation panel reads in the ${theme} theme and passes axe`, async ({ page }) => {
      await openApp(page);
      await chooseTheme(page, theme);
      await openFile(page, 'mine.rmo', badFile());
      await expect(panel(page)).toBeVisible();
      const results = await new AxeBuilder({ page }).include('dialog').analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await shoot(page, `validation-panel-${theme}`);
    });
  }
});
