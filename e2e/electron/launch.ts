/**
 * Shared by the Electron-level specs: finds the binary (a wrong ELECTRON_OVERRIDE_DIST_PATH fails the run; only an
 * unset one skips), and launches the app on a throw-away profile, closing it and removing the profile afterwards.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, test, type ElectronApplication, type Page } from '@playwright/test';
import { electronOverrideProblem, resolveElectronBinary } from '../../scripts/electron-binary.mjs';

export const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const executablePath = resolveElectronBinary({ projectDir });
const overrideProblem = electronOverrideProblem({ projectDir });
if (overrideProblem) throw new Error(overrideProblem);

export interface Launched {
  app: ElectronApplication;
  page: Page;
  userData: string;
}

/** The environment of a launch: this profile, and nothing that would turn Electron into Node or a dev server. */
export function launchEnv(userData: string): Record<string, string> {
  const env: Record<string, string> = { RING_MINUS_ONE_USER_DATA: userData };
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE' && key !== 'VITE_DEV_SERVER_URL') env[key] = value;
  }
  return env;
}

/** Arguments before the app's folder (Chromium's --no-sandbox as root), then the app, then `extra` (e.g. a file). */
export function launchArgs(extra: readonly string[] = []): string[] {
  return [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), projectDir, ...extra];
}

export interface LaunchOptions {
  /** Extra command-line arguments (a file to open at launch), made in the test's profile folder. */
  args?: (userData: string) => Promise<string[]>;
}

/** Registers the skip (no binary) and a fresh app per test; `current()` gives this test's app, window and profile. */
export function useElectronApp(options: LaunchOptions = {}): { current: () => Launched } {
  test.skip(executablePath === null, 'No Electron binary here (set ELECTRON_OVERRIDE_DIST_PATH to run these)');
  let launched: Launched | null = null;
  test.beforeEach(async () => {
    const userData = await mkdtemp(path.join(tmpdir(), 'rmo-e2e-profile-'));
    const app = await electron.launch({
      executablePath: executablePath ?? undefined,
      // Chromium refuses to start as root without --no-sandbox (CI containers); the window's own options are unchanged.
      args: launchArgs(options.args ? await options.args(userData) : []),
      env: launchEnv(userData),
    });
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    launched = { app, page, userData };
  });
  test.afterEach(async () => {
    await launched?.app.close();
    if (launched) await rm(launched.userData, { recursive: true, force: true });
    launched = null;
  });
  return {
    current: () => {
      if (!launched) throw new Error('no Electron app launched for this test');
      return launched;
    },
  };
}
