// Measures the 3D view in Chromium: draw calls per frame for each built-in architecture (Explore) and for each path
// at its last hop (Walkthrough), and frames drawn while the app sits idle for 5 s.
// Usage: npm run build && node scripts/scene-stats.mjs   (serves dist/renderer with `vite preview` on port 4174, or
// RMO_STATS_PORT when several checkouts measure side by side)
import { chromium } from '@playwright/test';
import { chromiumExecutable } from './browser.mjs';
import { spawnGroup } from './process-group.mjs';

const PORT = Number(process.env.RMO_STATS_PORT ?? 4174);
const { stop } = spawnGroup('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
process.on('exit', stop);
// Ctrl+C or a kill would otherwise end this script without its 'exit' handler, leaving the server behind.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stop();
    process.exit(130);
  });
}

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://localhost:${PORT}/`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('vite preview did not start');
}

const stats = (page) => page.evaluate(() => globalThis.ringMinusOneDebug.stats());

try {
  await waitForServer();
  const executablePath = chromiumExecutable();
  const browser = await chromium.launch(executablePath ? { executablePath } : {});
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`http://localhost:${PORT}/`);
  await page.waitForSelector('html[data-scene-ready=true]');

  console.log('Explore (1280x800): draw calls per frame');
  const archIds = await page.locator('#toolbar-architecture option').evaluateAll((os) => os.map((o) => o.value));
  for (const id of archIds) {
    await page.selectOption('#toolbar-architecture', id);
    await page.waitForTimeout(400);
    const s = await stats(page);
    console.log(
      `  ${id.padEnd(16)} ${String(s.drawCalls).padStart(4)} draw calls, ${s.triangles} triangles, ${s.geometries} geometries`,
    );
  }

  await page.waitForTimeout(1500);
  const idleBefore = (await stats(page)).framesRendered;
  await page.waitForTimeout(5000);
  const idleAfter = (await stats(page)).framesRendered;
  console.log(`Idle 5 s in Explore: ${idleAfter - idleBefore} frames drawn`);

  console.log('Walkthrough at the last hop: draw calls per frame');
  await page.getByRole('button', { name: 'Walkthrough', exact: true }).click();
  const pathIds = await page
    .getByLabel('I/O path')
    .locator('option')
    .evaluateAll((os) => os.map((o) => o.value));
  for (const id of pathIds) {
    await page.getByLabel('I/O path').selectOption(id);
    await page.getByLabel('Position in the walkthrough').evaluate((el, v) => {
      el.value = String(v);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, 1e6);
    await page.getByRole('button', { name: 'Step back' }).click();
    await page.waitForTimeout(300);
    const s = await stats(page);
    console.log(`  ${id.padEnd(28)} ${String(s.drawCalls).padStart(4)} draw calls`);
  }

  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await page.waitForTimeout(500);
  console.log(`Compare (B beside A, each in its own half): ${(await stats(page)).drawCalls} draw calls`);
  await page.getByLabel('Arrange the stacks').selectOption('stacked');
  await page.waitForTimeout(500);
  console.log(`Compare (B above A): ${(await stats(page)).drawCalls} draw calls`);
  await browser.close();
} finally {
  stop();
}
