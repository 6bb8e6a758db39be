// Runs the Playwright end-to-end tests after making sure a Chromium exists:
// RMO_CHROMIUM_PATH, a system Chromium, or Playwright's own (fetched once with `playwright install chromium`).
// Offline with none of these, it says in one line what is missing. Extra arguments go to `playwright test`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumExecutable } from './browser.mjs';
import { electronOverrideProblem, resolveElectronBinary } from './electron-binary.mjs';

const args = process.argv.slice(2);
const onlyElectron = args.includes('--project=electron');

function playwrightBrowserPresent() {
  try {
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

if (!onlyElectron) {
  const explicit = process.env.RMO_CHROMIUM_PATH;
  if (explicit && !existsSync(explicit)) {
    console.error(`RMO_CHROMIUM_PATH points to ${explicit}, which does not exist.`);
    process.exit(1);
  }
  if (!chromiumExecutable() && !playwrightBrowserPresent()) {
    console.log("No Chromium found; fetching Playwright's own with `npx playwright install chromium`...");
    const install = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit', timeout: 300_000 });
    if (install.status !== 0 || !playwrightBrowserPresent()) {
      console.error(
        'No Chromium for the end-to-end tests: install one (Debian: apt-get install chromium), set RMO_CHROMIUM_PATH, or run `npx playwright install chromium` online.',
      );
      process.exit(1);
    }
  }
}

// Set but wrong is a mistake: fail with what is wrong, rather than skip the Electron tests as if it were unset.
const overrideProblem = electronOverrideProblem();
if (overrideProblem) {
  console.error(overrideProblem);
  process.exit(1);
}
if (resolveElectronBinary() === null) {
  console.log(
    'Electron-level tests (e2e/electron) will be skipped: no Electron binary here (set ELECTRON_OVERRIDE_DIST_PATH to run them).',
  );
}

const result = spawnSync('npx', ['playwright', 'test', ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
