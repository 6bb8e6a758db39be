import { defineConfig } from '@playwright/test';
import { chromiumExecutable } from './scripts/browser.mjs';

/** Port of the preview server; RMO_E2E_PORT lets several checkouts run their e2e tests side by side. */
const PORT = Number(process.env.RMO_E2E_PORT ?? 4173);

// The renderer is tested in Chromium against `vite preview` of the production build (always);
// the Electron app by e2e/electron (only where an Electron binary exists; skipped with a reason otherwise).
const executablePath = chromiumExecutable();
const underXvfb = Boolean(process.env.XVFB_RUN || process.env.DISPLAY?.startsWith(':99'));

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'e2e/.artifacts/results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'renderer',
      testIgnore: ['electron/**'],
      use: {
        browserName: 'chromium',
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          args: [
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            ...(underXvfb ? ['--disable-gpu'] : []),
          ],
        },
      },
    },
    { name: 'electron', testDir: 'e2e/electron' },
  ],
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
