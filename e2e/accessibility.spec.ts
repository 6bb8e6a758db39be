import { test, expect, expectNoSeriousAxe, openApp, chooseTheme, waitForSettled } from './fixtures';

// axe-core over every view, in every theme: no serious or critical violation.
const VIEWS = ['Explore', 'Walkthrough', 'Compare', 'Lab', 'Claims', 'References', 'Course'] as const;

for (const theme of ['dark', 'light', 'projector'] as const) {
  test(`no serious or critical axe violations in any view (${theme} theme)`, async ({ page }) => {
    await openApp(page);
    await chooseTheme(page, theme);
    for (const view of VIEWS) {
      const button = page.getByRole('button', { name: view, exact: true });
      await button.click();
      await expect(button).toHaveAttribute('aria-pressed', 'true');
      await waitForSettled(page);
      await expectNoSeriousAxe(page, `${view}, ${theme}`);
    }
  });
}
