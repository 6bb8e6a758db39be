// Which Chromium the renderer's end-to-end tests use:
// 1. RMO_CHROMIUM_PATH (any Chromium or Chrome binary), 2. a system Chromium (Debian's /usr/bin/chromium, ...),
// 3. undefined: Playwright's own browser (installed by `npx playwright install chromium` on a machine with network).
import { existsSync } from 'node:fs';

export const SYSTEM_CHROMIUMS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** @returns {string | undefined} */
export function chromiumExecutable(env = process.env, exists = existsSync) {
  const fromEnv = env.RMO_CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  return SYSTEM_CHROMIUMS.find((p) => exists(p));
}
