import { readFileSync, readdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect, expectNoSeriousAxe, openApp, chooseTheme, shoot, waitForSettled } from './fixtures';

/** The lessons as the content files define them (the e2e layer reads content, not the model). */
interface LessonFile {
  id: string;
  number: number;
  title: string;
  steps: { id: string; title: string; state: { view: string } }[];
  questions: { id: string; kind: string; options?: { id: string; text: string }[]; correct?: string | string[] }[];
}
const LESSONS_DIR = 'assets/scenarios/lessons';
const lessons: LessonFile[] = readdirSync(LESSONS_DIR)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => (JSON.parse(readFileSync(`${LESSONS_DIR}/${f}`, 'utf8')) as { lessons: LessonFile[] }).lessons)
  .sort((a, b) => a.number - b.number);
const lesson = (n: number) => lessons.find((l) => l.number === n) as LessonFile;
const optionText = (l: LessonFile, questionId: string, optionId: string) =>
  l.questions.find((q) => q.id === questionId)?.options?.find((o) => o.id === optionId)?.text as string;

const announcer = (page: Page) => page.getByRole('status', { name: 'Lesson progress' });
const stage = (page: Page) => page.getByRole('region', { name: '3D view' });
const next = (page: Page) => page.getByRole('button', { name: /^(Next|Next: questions|Finish lesson)$/ });

async function openLibrary(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Course', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Course', level: 2 })).toBeVisible();
}

function openButton(page: Page, l: LessonFile): Locator {
  return page.getByRole('button', { name: `Start lesson ${l.number}: ${l.title}` });
}

/** Presses Tab until `target` has focus (a keyboard user's way of getting somewhere), failing after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

test.describe('course', () => {
  test('a learner answers right and wrong in lesson 5, reloads, and continues at the same question with the score kept', async ({
    page,
  }) => {
    const l = lesson(5);
    await openApp(page);
    await openLibrary(page);
    await openButton(page, l).click();
    await expect(page.getByRole('heading', { name: `Lesson 5: ${l.title}` })).toBeVisible();
    for (const [i, step] of l.steps.entries()) {
      await expect(announcer(page)).toHaveText(`Step ${i + 1} of ${l.steps.length}: ${step.title}`);
      await expect(stage(page)).toHaveAttribute('data-view', step.state.view);
      await next(page).click();
    }
    await expect(announcer(page)).toHaveText('Question 1 of 4');
    await page.getByRole('button', { name: 'Question 3', exact: true }).click();

    // Question 3: right.
    await page.getByLabel(optionText(l, 'second-request', 'not-empty')).check();
    await page.getByRole('button', { name: 'Check answer' }).click();
    await expect(page.getByTestId('feedback')).toContainText('Right.');
    // Question 4: wrong, then "Show me" leads to the step that shows the answer and back.
    await next(page).click();
    await expect(announcer(page)).toHaveText('Question 4 of 4');
    await page.getByLabel(optionText(l, 'user-mode', 'vmwp')).check();
    await page.getByRole('button', { name: 'Check answer' }).click();
    await expect(page.getByTestId('feedback')).toContainText('Not quite.');
    await expect(page.getByTestId('feedback')).toContainText(optionText(l, 'user-mode', 'none'));
    await expect(page.getByText('Score 1 of 4 right first time')).toBeVisible();
    await page.getByRole('button', { name: /^Show me/ }).click();
    await expect(announcer(page)).toHaveText(`Step 4 of 6: ${l.steps[3]?.title}`);
    await page.getByRole('button', { name: 'Back to question 4' }).click();
    await expect(announcer(page)).toHaveText('Question 4 of 4');

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-scene-ready', 'true');
    await openLibrary(page);
    await expect(page.getByText('Score 1 of 4 right first time')).toBeVisible();
    await page.getByRole('button', { name: 'Continue where you left off' }).click();
    await expect(announcer(page)).toHaveText('Question 4 of 4');
    await expect(page.getByRole('heading', { name: /^Question 4 of 4/ })).toBeVisible();
    await expect(page.getByLabel(optionText(l, 'user-mode', 'vmwp'))).toBeChecked();
    await expect(page.getByTestId('feedback')).toContainText('Not quite.');
    await expect(page.getByText('Score 1 of 4 right first time')).toBeVisible();

    // A retry that is right does not raise the score: it counts first attempts.
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('button', { name: 'Check answer' })).toBeDisabled();
    await page.getByLabel(optionText(l, 'user-mode', 'none')).check();
    await page.getByRole('button', { name: 'Check answer' }).click();
    await expect(page.getByTestId('feedback')).toContainText('Right.');
    await expect(page.getByText('Score 1 of 4 right first time')).toBeVisible();
  });

  test('a lesson taken with the keyboard alone, every step announced', async ({ page }) => {
    const l = lesson(1);
    await openApp(page);
    await tabTo(page, page.getByRole('button', { name: 'Course', exact: true }));
    await page.keyboard.press('Enter');
    await tabTo(page, openButton(page, l));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: `Lesson 1: ${l.title}` })).toBeFocused();
    await expect(announcer(page)).toHaveText(`Step 1 of ${l.steps.length}: ${l.steps[0]?.title}`);
    await tabTo(page, next(page));
    for (const [i, step] of l.steps.entries()) {
      await expect(announcer(page)).toHaveText(`Step ${i + 1} of ${l.steps.length}: ${step.title}`);
      await expect(stage(page)).toHaveAttribute('data-view', step.state.view);
      await expect(next(page)).toBeFocused();
      await page.keyboard.press('Enter');
    }
    for (const [i, q] of l.questions.entries()) {
      const count = l.questions.length;
      await expect(announcer(page)).toHaveText(`Question ${i + 1} of ${count}`);
      await expect(page.getByRole('heading', { name: new RegExp(`^Question ${i + 1} of ${count}`) })).toBeFocused();
      // Into the options: a radio group takes an arrow key, a checkbox Space.
      const first = page.getByRole(q.kind === 'multiple' ? 'checkbox' : 'radio').first();
      await tabTo(page, first);
      if (q.kind === 'multiple') await page.keyboard.press('Space');
      else await page.keyboard.press('ArrowDown');
      await expect(page.getByRole(q.kind === 'multiple' ? 'checkbox' : 'radio', { checked: true })).toHaveCount(1);
      await tabTo(page, page.getByRole('button', { name: 'Check answer' }));
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('feedback')).toContainText(/Right\.|Not quite\./);
      if (i < count - 1) {
        await tabTo(page, next(page));
        await page.keyboard.press('Enter');
      }
    }
    await expect(page.getByText(/Score \d of 4 right first time/)).toBeVisible();
    await tabTo(page, next(page));
    await expect(next(page)).toHaveText(/Finish lesson/);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Course', level: 2 })).toBeFocused();
    await expect(page.getByRole('button', { name: `Review lesson 1: ${l.title}` })).toBeVisible();
  });

  test('order the hops with Move up / Move down from the keyboard', async ({ page }) => {
    const l = lesson(5);
    await openApp(page);
    await openLibrary(page);
    await openButton(page, l).click();
    await page.getByRole('button', { name: 'Question 1', exact: true }).click();
    const list = page.getByRole('list', { name: 'Hops in your order' });
    const items = list.getByRole('listitem');
    await page.getByRole('button', { name: 'Check answer' }).click();
    // The shuffled order is never already right; the feedback gives the right one.
    await expect(page.getByTestId('feedback')).toContainText('Not quite.');
    const expected = ((await page.getByTestId('feedback').innerText()).match(/The answer: (.*)/)?.[1] ?? '').split(
      ' → ',
    );
    expect(expected.length).toBe(6);
    await page.getByRole('button', { name: 'Try again' }).click();
    // Selection sort with the buttons, pressed with Enter: bring each expected hop up to its place. The order on
    // screen is read from the buttons' accessible names ("Move “…” up"), one per item.
    const order = () =>
      list
        .getByRole('button', { name: /^Move “.*” up$/ })
        .evaluateAll((els) => els.map((e) => (e.getAttribute('aria-label') ?? '').slice(6, -4)));
    for (const [place, text] of expected.entries()) {
      for (let at = (await order()).indexOf(text, place); at > place; at--) {
        await list.getByRole('button', { name: `Move “${text}” up` }).focus();
        await page.keyboard.press('Enter');
        await expect(items.nth(at - 1)).toContainText(text);
      }
    }
    expect(await order()).toEqual(expected);
    await page.getByRole('button', { name: 'Check answer' }).click();
    await expect(page.getByTestId('feedback')).toContainText('Right.');
  });

  test('every step of every lesson goes on stage, offline and without console errors', async ({ page }) => {
    test.setTimeout(120_000);
    await openApp(page);
    await openLibrary(page);
    expect(lessons).toHaveLength(10);
    for (const l of lessons) {
      await openButton(page, l).click();
      for (const [i, step] of l.steps.entries()) {
        if (i > 0) await next(page).click();
        await expect(announcer(page)).toHaveText(`Step ${i + 1} of ${l.steps.length}: ${step.title}`);
        await expect(stage(page)).toHaveAttribute('data-view', step.state.view);
        await expect(page.getByText('This step could not be put on stage')).toHaveCount(0);
      }
      await next(page).click();
      await expect(announcer(page)).toHaveText(`Question 1 of ${l.questions.length}`);
      await page.getByRole('button', { name: 'Back to the library' }).click();
    }
    // The fixture's guards then check that no request left the origin and nothing was logged as an error.
  });

  for (const theme of ['dark', 'light', 'projector'] as const)
    test(`classify and numeric questions answer and explain, with no serious axe violation (${theme})`, async ({
      page,
    }) => {
      const axe = (where: string) => expectNoSeriousAxe(page, where);
      await openApp(page);
      await chooseTheme(page, theme);
      await openLibrary(page);
      await axe('library');
      // Lesson 2, question 1: classify products (a select per item).
      await openButton(page, lesson(2)).click();
      await page.getByRole('button', { name: 'Question 1', exact: true }).click();
      const selects = page.getByRole('combobox');
      await expect(page.getByRole('button', { name: 'Check answer' })).toBeDisabled();
      for (const select of await selects.all()) await select.selectOption({ index: 1 });
      await page.getByRole('button', { name: 'Check answer' }).click();
      await expect(page.getByTestId('feedback')).toContainText(/Right\.|Not quite\./);
      await axe('classify question');
      // Lesson 8, question 1: a numeric estimate; the tolerance is shown with the answer.
      await page.getByRole('button', { name: 'Back to the library' }).click();
      await openButton(page, lesson(8)).click();
      await page.getByRole('button', { name: 'Question 1', exact: true }).click();
      await page.getByLabel('Your estimate').fill('1');
      await page.getByRole('button', { name: 'Check answer' }).click();
      await expect(page.getByTestId('feedback')).toContainText(/±\d+ %/);
      await axe('numeric question');
    });

  test('screenshots: the library and a lesson at 1280x800 (dark) and 1920x1080 (projector)', async ({ page }) => {
    const l = lesson(5);
    for (const [size, theme] of [
      [{ width: 1280, height: 800 }, 'dark'],
      [{ width: 1920, height: 1080 }, 'projector'],
    ] as const) {
      await page.setViewportSize(size);
      await openApp(page);
      // Each size starts from fresh progress, so the question is answered anew (the theme setting stays).
      await page.evaluate(() => localStorage.removeItem('ring-minus-one.progress'));
      await openApp(page);
      await chooseTheme(page, theme);
      await openLibrary(page);
      await shoot(page, `course-library-${theme}-${size.width}`);
      await openButton(page, l).click();
      await page.getByRole('button', { name: `5. ${l.steps[4]?.title}` }).click();
      await expect(stage(page)).toHaveAttribute('data-view', 'compare');
      await waitForSettled(page);
      await shoot(page, `course-step-${theme}-${size.width}`);
      await page.getByRole('button', { name: 'Question 2', exact: true }).click();
      await page.getByRole('radio').first().check();
      await page.getByRole('button', { name: 'Check answer' }).click();
      await expect(page.getByTestId('feedback')).toContainText(/Right\.|Not quite\./);
      await waitForSettled(page);
      await shoot(page, `course-question-${theme}-${size.width}`);
      await page.getByRole('button', { name: 'Back to the library' }).click();
      await expect(page.getByRole('button', { name: 'Continue where you left off' })).toBeVisible();
      await shoot(page, `course-library-progress-${theme}-${size.width}`);
    }
  });
});
