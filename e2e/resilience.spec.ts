import { test, expect, openApp } from './fixtures';

// Never a white screen: each way the app can fail leaves a message and a working app. Errors these tests plant are
// expected in the console; each test checks them and takes them out of the guard's list.
function takeExpected(errors: string[], pattern: RegExp): string[] {
  const taken = errors.filter((e) => pattern.test(e));
  errors.splice(0, errors.length, ...errors.filter((e) => !pattern.test(e)));
  return taken;
}

test('without WebGL the 3D view says why, and the rest of the app works', async ({ page, guards }) => {
  await page.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string, ...rest: unknown[]) {
      return kind.startsWith('webgl') ? null : original.call(this, kind as '2d', ...(rest as []));
    } as typeof original;
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'The 3D view cannot start' })).toBeVisible();
  await expect(page.getByTestId('no-webgl')).toContainText('Everything else still works');
  // The component list and the inspector.
  await page
    .getByRole('button', { name: /storvsp/i })
    .first()
    .click();
  await expect(page.getByTestId('inspector').getByRole('heading', { level: 2 })).toHaveText(/storvsp/i);
  // The walkthrough's narration, event list and counters.
  await page.keyboard.press('2');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('narration')).toContainText('Step 2 of');
  await expect(page.getByRole('heading', { name: 'Events' })).toBeVisible();
  takeExpected(guards.errors, /WebGL/);
});

test('a WebGL context lost for good offers to reload the 3D view, which comes back', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="scene-canvas"]');
    const gl = canvas?.getContext('webgl2');
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
  });
  const reload = page.getByRole('button', { name: 'Reload the 3D view' });
  await expect(reload).toBeVisible({ timeout: 15_000 });
  await page.evaluate(() => document.documentElement.removeAttribute('data-scene-ready'));
  await reload.click();
  await expect(reload).toBeHidden();
  await page.waitForSelector('html[data-scene-ready=true]');
  expect(await page.evaluate(() => window.ringMinusOneDebug!.stats())).toMatchObject({ contextLost: false });
  expect((await page.evaluate(() => window.ringMinusOneDebug!.stats())).drawCalls).toBeGreaterThan(0);
});

test('an uncaught error and an unhandled rejection give a notice with details; the app goes on', async ({
  page,
  guards,
}) => {
  await openApp(page);
  await page.evaluate(() => {
    setTimeout(() => {
      throw new Error('planted: a bug in a handler');
    });
  });
  const notice = page.getByTestId('error-notice');
  await expect(notice).toContainText('planted: a bug in a handler');
  await page.evaluate(() => void Promise.reject(new Error('planted: a failed promise')));
  await expect(notice).toContainText('planted: a failed promise');
  await expect(notice).toContainText('2 errors so far');
  await notice.getByText('Details', { exact: true }).click();
  await expect(notice.getByRole('textbox', { name: 'Error details' })).toHaveValue(
    /planted: a bug in a handler[\s\S]*Stack:/,
  );
  // Still usable.
  await page.keyboard.press('2');
  await expect(page.getByRole('button', { name: 'Walkthrough', pressed: true })).toBeVisible();
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toBeHidden();
  expect(takeExpected(guards.errors, /planted/).length).toBeGreaterThanOrEqual(2);
});

test('blocked storage: the app starts, says settings could not be read, and runs', async ({ page, guards }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await openApp(page);
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: /settings/i })
      .first(),
  ).toBeVisible();
  await page.keyboard.press('3');
  await expect(page.getByRole('button', { name: 'Compare', pressed: true })).toBeVisible();
  takeExpected(guards.errors, /storage|insecure|Settings fell back/i);
});
