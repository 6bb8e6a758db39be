import { readFileSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { PNG } from 'pngjs';
import AxeBuilder from '@axe-core/playwright';
import {
  test,
  expect,
  openApp,
  chooseTheme,
  shoot,
  waitForSettled,
  hexToRgb,
  distance,
  canvasPixels,
  pixelAt,
} from './fixtures';

/** The lessons as the content files define them (the e2e layer reads content, not the model). */
interface LessonFile {
  number: number;
  title: string;
  steps: { title: string; narration: string }[];
}
const LESSONS_DIR = 'assets/scenarios/lessons';
const lessons: LessonFile[] = readdirSync(LESSONS_DIR)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => (JSON.parse(readFileSync(`${LESSONS_DIR}/${f}`, 'utf8')) as { lessons: LessonFile[] }).lessons);
const lesson = (n: number) => lessons.find((l) => l.number === n) as LessonFile;
const glossary = new Map(
  (
    JSON.parse(readFileSync('assets/scenarios/core/glossary.json', 'utf8')) as {
      glossary: { id: string; term: string }[];
    }
  ).glossary.map((t) => [t.id, t.term]),
);
/** A narration as a reader sees it: glossary links by their shown text (the built-in narrations have no other marks). */
const plain = (text: string) =>
  text.replace(
    /\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/g,
    (_m, id: string, shown?: string) => shown ?? glossary.get(id) ?? id,
  );

const handout = (page: Page) => page.getByRole('dialog', { name: /./ }).filter({ has: page.getByTestId('handout') });
const steps = (page: Page) => page.getByTestId('handout-step');

/** Decodes an <img> of the handout and measures how much its pixels vary (a blank or one-colour picture is ~0). */
async function pictureSpread(img: Locator): Promise<{ width: number; height: number; spread: number }> {
  const src = (await img.getAttribute('src')) ?? '';
  expect(src).toMatch(/^data:image\/png;base64,/);
  const png = PNG.sync.read(Buffer.from(src.slice(src.indexOf(',') + 1), 'base64'));
  let sum = 0;
  let sumSq = 0;
  const n = png.width * png.height;
  for (let i = 0; i < n; i++) {
    const y =
      0.2126 * (png.data[i * 4] ?? 0) + 0.7152 * (png.data[i * 4 + 1] ?? 0) + 0.0722 * (png.data[i * 4 + 2] ?? 0);
    sum += y;
    sumSq += y * y;
  }
  const mean = sum / n;
  return { width: png.width, height: png.height, spread: Math.sqrt(Math.max(0, sumSq / n - mean * mean)) };
}

async function startLesson(page: Page, n: number): Promise<void> {
  await page.getByRole('button', { name: 'Course', exact: true }).click();
  await page.getByRole('button', { name: `Start lesson ${n}: ${lesson(n).title}` }).click();
  await expect(page.getByRole('heading', { name: `Lesson ${n}: ${lesson(n).title}` })).toBeVisible();
}

/** The number of pages of a PDF (its page objects). */
const pdfPages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;

test.describe('handouts', () => {
  test('a lesson becomes a handout: a picture, the narration and the sources of every step; printed as a PDF', async ({
    page,
  }) => {
    const l = lesson(4);
    await openApp(page);
    await chooseTheme(page, 'projector');
    await startLesson(page, 4);
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await waitForSettled(page);
    const onStage = await page.getByTestId('lesson-narration').textContent();
    await page.getByRole('button', { name: 'Export handout' }).click();

    const dialog = handout(page);
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('heading', { level: 1 })).toHaveText(`Lesson 4: ${l.title}`);
    await expect(dialog.getByRole('status')).toHaveText(`Handout of ${l.steps.length} steps`, { timeout: 60_000 });
    await expect(steps(page)).toHaveCount(l.steps.length);

    for (const [i, step] of l.steps.entries()) {
      const section = steps(page).nth(i);
      await expect(section.getByRole('heading', { level: 2 })).toHaveText(`Step ${i + 1}: ${step.title}`);
      const img = section.getByRole('img', { name: `The 3D view at step ${i + 1}: ${step.title}` });
      const { width, height, spread } = await pictureSpread(img);
      expect(width).toBeGreaterThan(200);
      expect(height).toBeGreaterThan(150);
      expect(spread, `picture of step ${i + 1}`).toBeGreaterThan(12);
      await expect(section.locator('.narration')).toHaveText(plain(step.narration));
      // Sources: at least one group, each a label and a list of cited sources or a confidence mark.
      await expect(section.getByRole('heading', { name: 'Sources', level: 3 })).toBeVisible();
      const cited = section.locator('.groups .key');
      expect(await cited.count(), `sources of step ${i + 1}`).toBeGreaterThan(0);
      await expect(cited.first()).toHaveText(/^\[[\w-]+\]$/);
    }
    // Each step pictured anew: every picture differs from the one before it (two steps apart may show the same).
    const srcs = await steps(page)
      .getByRole('img')
      .evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).src));
    for (let i = 1; i < srcs.length; i++) expect(srcs[i] === srcs[i - 1], `steps ${i} and ${i + 1}`).toBe(false);

    // On screen: readable (looked at in review), and no serious accessibility problem in the dialog.
    await shoot(page, 'handout-screen-projector');
    const axe = await new AxeBuilder({ page }).include('.handout-layer').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual(
      [],
    );

    // Printed: only the handout, on white paper.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('region', { name: '3D view' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Close handout' })).toBeHidden();
    await expect(steps(page).first()).toBeVisible();
    await page.screenshot({ path: 'e2e/.artifacts/screenshots/handout-print.png', fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(2);
    await page.emulateMedia({ media: 'screen' });

    // Closing puts the learner back where they were: the same step, focus on the button that opened it.
    await page.getByRole('button', { name: 'Close handout' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('lesson-narration')).toHaveText(onStage ?? '');
    await expect(page.getByRole('button', { name: 'Export handout' })).toBeFocused();
  });

  test('its pictures are drawn in the light theme, like its paper; the 3D view goes back to the app’s theme', async ({
    page,
  }) => {
    const background = async (theme: 'light' | 'dark') => {
      await chooseTheme(page, theme);
      await waitForSettled(page);
      return hexToRgb(await page.evaluate(() => window.ringMinusOneDebug!.clearColor()));
    };
    await openApp(page);
    const light = await background('light');
    const dark = await background('dark');
    const l = lesson(1);
    await startLesson(page, 1);
    await page.getByRole('button', { name: 'Export handout' }).click();
    await expect(handout(page).getByRole('status')).toHaveText(`Handout of ${l.steps.length} steps`, {
      timeout: 60_000,
    });
    for (let i = 0; i < l.steps.length; i++) {
      const src = (await steps(page).nth(i).getByRole('img').getAttribute('src')) ?? '';
      const png = PNG.sync.read(Buffer.from(src.slice(src.indexOf(',') + 1), 'base64'));
      // A corner of the picture is the scene's background: the light theme's, not the dark one on screen.
      const corner = pixelAt(png, 1, 1);
      expect(distance(corner, light), `step ${i + 1}: ${corner} vs light ${light}`).toBeLessThan(6);
    }
    await page.getByRole('button', { name: 'Close handout' }).click();
    await waitForSettled(page);
    expect(hexToRgb(await page.evaluate(() => window.ringMinusOneDebug!.clearColor()))).toEqual(dark);
    const shown = await canvasPixels(page);
    expect(distance(pixelAt(shown, 2, 2), dark), 'the 3D view after the handout').toBeLessThan(6);
  });

  test('a run sheet becomes a handout from the presenter; its narration is rich text that cannot carry markup', async ({
    page,
  }) => {
    await page.goto('/?window=presenter');
    await expect(page.getByRole('heading', { name: 'Presenter', level: 1 })).toBeVisible();
    await page.getByLabel('Use a lesson').selectOption({ index: 1 });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save run sheet' }).click();
    const sheet = JSON.parse(await readFile(await (await download).path(), 'utf8')) as {
      cues: { narration: string }[];
    };
    const hostile = [
      '*Read* **this**: `vmbus.sys`\n\n- one\n- two\n\n1. first\n2. second\n\nSee [the spec](https://example.org/spec) and [[vmbus]].',
      '<script>window.__pwned = "script"</script> <img src=x onerror="window.__pwned = \'img\'"> <iframe src="https://example.org"></iframe>',
      '<a href="javascript:window.__pwned=1">a</a> [b](javascript:window.__pwned=2) [c](data:text/html,hi) [d](http://example.org/)',
      '![pic](https://example.org/a.png) <svg onload="window.__pwned=3"></svg> <style>body{display:none}</style> [[x" onclick="window.__pwned=4]]',
    ];
    sheet.cues = sheet.cues.slice(0, hostile.length).map((cue, i) => ({ ...cue, narration: hostile[i] as string }));
    await page.getByLabel('Open run sheet').setInputFiles({
      name: 'hostile.runsheet.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(sheet)),
    });
    await expect(page.getByRole('list', { name: 'Steps' }).getByRole('listitem')).toHaveCount(hostile.length);
    await page.getByRole('button', { name: 'Export handout' }).click();
    const dialog = handout(page);
    await expect(dialog.getByRole('status')).toHaveText(`Handout of ${hostile.length} steps`, { timeout: 60_000 });
    for (let i = 0; i < hostile.length; i++)
      expect((await pictureSpread(steps(page).nth(i).getByRole('img'))).spread).toBeGreaterThan(12);

    // The subset renders as markup.
    const first = steps(page).nth(0).locator('.narration');
    await expect(first.locator('em')).toHaveText('Read');
    await expect(first.locator('strong')).toHaveText('this');
    await expect(first.locator('code')).toHaveText('vmbus.sys');
    await expect(first.locator('ul > li')).toHaveText(['one', 'two']);
    await expect(first.locator('ol > li')).toHaveText(['first', 'second']);
    await expect(first.getByRole('link', { name: 'the spec' })).toHaveAttribute('href', 'https://example.org/spec');
    await expect(first.getByRole('link', { name: 'the spec' })).toHaveAttribute('rel', 'noopener noreferrer');
    await first.getByRole('button', { name: 'VMBus' }).click();
    await expect(page.getByRole('note', { name: 'Glossary: VMBus' })).toBeVisible();
    await page.keyboard.press('Escape');

    // Everything else is text: no element beyond the subset, no handler, no link but https, nothing ran.
    const narrations = steps(page).locator('.narration');
    const found = await narrations.evaluateAll((els) => {
      const all = els.flatMap((el) => [...el.querySelectorAll('*')]);
      return {
        tags: [...new Set(all.map((e) => e.localName))].sort(),
        handlers: all.flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name)),
        hrefs: all.flatMap((e) => (e.getAttribute('href') === null ? [] : [e.getAttribute('href')])),
      };
    });
    expect(
      found.tags.filter((t) => !['em', 'strong', 'code', 'ul', 'ol', 'li', 'p', 'a', 'button', 'span'].includes(t)),
    ).toEqual([]);
    expect(found.handlers).toEqual([]);
    expect(found.hrefs).toEqual(['https://example.org/spec']);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await expect(steps(page).nth(1).locator('.narration')).toContainText('<script>window.__pwned = "script"</script>');
    await expect(steps(page).nth(3).locator('.narration')).toContainText('![pic](https://example.org/a.png)');
    await expect(page.locator('body')).toBeVisible();
  });
});
