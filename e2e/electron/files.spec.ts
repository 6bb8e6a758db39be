/**
 * Authors' files in the desktop app: a .rmo file on the command line, File › Open, live reload of a file saved on
 * disk (by rename, as many editors save), a second launch handing its file to the running window, the recent list.
 * Skipped without an Electron binary (the main-process logic is unit-tested in electron/*.test.ts).
 */
import { spawn } from 'node:child_process';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { authorFile, badFile, text } from '../authorFile';
import { executablePath, launchArgs, launchEnv, useElectronApp } from './launch';

/** Saves as editors that write a temporary file and rename it over the old one do. */
async function saveByRename(file: string, content: string): Promise<void> {
  await writeFile(`${file}.tmp`, content);
  await rename(`${file}.tmp`, file);
}

const fileOf = (userData: string) => path.join(userData, 'lesson.rmo');

async function clickFileMenu(app: ElectronApplication, label: string): Promise<void> {
  await app.evaluate(({ Menu }, wanted) => {
    const file = Menu.getApplicationMenu()?.items.find((i) => i.label === 'File');
    const item = file?.submenu?.items.find((i) => i.label === wanted);
    if (!item) throw new Error(`no File menu item "${wanted}"`);
    item.click();
  }, label);
}

async function openLessonStep2(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Course', exact: true }).click();
  await page.getByRole('button', { name: 'Start lesson 42: My lesson' }).click();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.locator('#step-heading')).toHaveText('The exit');
}

test.describe('a .rmo file given at launch', () => {
  const launched = useElectronApp({
    args: async (userData) => {
      await writeFile(fileOf(userData), text(authorFile()));
      return [fileOf(userData)];
    },
  });

  test('opens in the window, is watched, and reloads at the same step when saved; a broken save keeps the last good version', async () => {
    const { page, userData } = launched.current();
    const file = fileOf(userData);
    await expect(page.getByTestId('author-file')).toContainText('Your file lesson.rmo is on stage');
    await openLessonStep2(page);
    await saveByRename(file, badFile());
    await expect(page.getByRole('dialog').getByRole('heading', { level: 2 })).toHaveText('lesson.rmo: 2 errors');
    await page.keyboard.press('Escape');
    await expect(page.locator('#step-heading')).toHaveText('The exit');
    await saveByRename(file, text(authorFile('The VM exit')));
    await expect(page.locator('#step-heading')).toHaveText('The VM exit');
    await expect(page.getByRole('status', { name: 'Author file' })).toHaveText(
      'Reloaded lesson.rmo: 1 lesson, 1 architecture, 2 paths.',
    );
  });

  test('a second launch with another file hands it to this window and quits', async () => {
    const { page, userData } = launched.current();
    const second = path.join(userData, 'second.rmo');
    await writeFile(second, text(authorFile('From the second launch')));
    const child = spawn(executablePath ?? 'electron', launchArgs([second]), { env: launchEnv(userData) });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    await expect(page.getByTestId('author-file')).toContainText('Your file second.rmo is on stage');
  });
});

test.describe('File › Open and the recent list', () => {
  const launched = useElectronApp();

  test('File › Open shows the dialog and opens the chosen file; the recent list keeps it, marks it missing, clears', async () => {
    const { app, page, userData } = launched.current();
    const file = path.join(userData, 'chosen.rmo');
    await writeFile(file, text(authorFile()));
    await app.evaluate(({ dialog }, chosen) => {
      dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [chosen] })) as typeof dialog.showOpenDialog;
    }, file);
    await clickFileMenu(app, 'Open Scenario…');
    await expect(page.getByTestId('author-file')).toContainText('Your file chosen.rmo is on stage');

    await rm(file);
    await page.getByText('File', { exact: true }).click();
    await expect(page.getByRole('button', { name: /chosen\.rmo \(missing\)/ })).toBeDisabled();
    await page.getByRole('button', { name: 'Clear recent files' }).click();
    await expect(page.getByText('None yet.')).toBeVisible();
  });
});
