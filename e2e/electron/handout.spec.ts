import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type ElectronApplication } from '@playwright/test';
import { useElectronApp } from './launch';

const launched = useElectronApp();

/** Makes main's save dialog answer `filePath` (or cancel) without showing a window. */
async function answerSaveDialog(app: ElectronApplication, filePath: string | null): Promise<void> {
  await app.evaluate(({ dialog }, answer) => {
    dialog.showSaveDialog = (async () =>
      answer === null
        ? { canceled: true, filePath: '' }
        : { canceled: false, filePath: answer }) as typeof dialog.showSaveDialog;
  }, filePath);
}

test('a lesson handout is printed to a PDF by main and saved where the user chose; a cancel saves nothing', async () => {
  const { app, page, userData } = launched.current();
  await expect(page.locator('html')).toHaveAttribute('data-scene-ready', 'true');
  await page.getByRole('button', { name: 'Course', exact: true }).click();
  await page.getByRole('button', { name: /^Start lesson 1:/ }).click();
  await page.getByRole('button', { name: 'Export handout' }).click();
  const status = page.getByRole('dialog').getByRole('status');
  await expect(status).toHaveText(/^Handout of \d+ steps$/, { timeout: 60_000 });

  await answerSaveDialog(app, null);
  await page.getByRole('button', { name: 'Save as PDF…' }).click();
  await expect(status).toHaveText(/Not saved\.$/);

  const target = path.join(userData, 'lesson-1-handout.pdf');
  await answerSaveDialog(app, target);
  await page.getByRole('button', { name: 'Save as PDF…' }).click();
  await expect(status).toHaveText(new RegExp(`Saved to ${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  const pdf = await readFile(target);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
});
