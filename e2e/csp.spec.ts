import { inlineScriptHashes, productionCsp } from '../scripts/csp';
import { test, expect, openApp } from './fixtures';

/**
 * The last barrier behind the Markdown subset and the sanitizer (model/course/markdown.ts, ui/common/richNodes.ts):
 * if markup ever got through them, the page's Content-Security-Policy still refuses to run it. The test puts the
 * markup into the page itself, past both, and watches what the browser does.
 */
test('the built page carries the CSP, and it blocks a script and an inline handler that reached the DOM', async ({
  page,
  guards,
}) => {
  await openApp(page);
  // The production policy, naming one inline script by its hash: the early script (scripts/earlyContext.ts).
  const served = await (await page.request.get(page.url())).text();
  const hashes = inlineScriptHashes(served);
  expect(hashes).toHaveLength(1);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
    'content',
    productionCsp(hashes),
  );

  const outcome = await page.evaluate(async () => {
    const w = window as unknown as Record<string, unknown>;
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
    const imageFailed = new Promise<void>((resolve) => {
      // Created by the parser, as sanitizer-escaped markup would be: the handler is an inline attribute.
      const holder = document.createElement('div');
      holder.innerHTML = '<img alt="" src="data:image/png;base64,AAAA" onerror="window.__cspImg = 1">';
      const img = holder.querySelector('img') as HTMLImageElement;
      img.addEventListener('error', () => resolve());
      document.body.append(holder);
    });
    // A script element built through the DOM (innerHTML never runs scripts, so that would prove nothing).
    const script = document.createElement('script');
    script.textContent = 'window.__cspScript = 1';
    document.body.append(script);
    await imageFailed;
    // Violation reports are queued as tasks: wait for both, at most 120 frames (without a CSP none ever comes).
    for (let frame = 0; frame < 120 && violations.length < 2; frame++)
      await new Promise((r) => requestAnimationFrame(r));
    return { violations, script: w.__cspScript, img: w.__cspImg };
  });

  expect(outcome.script).toBeUndefined();
  expect(outcome.img).toBeUndefined();
  // One refusal for the script element, one for the inline handler.
  expect(outcome.violations.sort()).toEqual(['script-src-attr', 'script-src-elem']);
  // The browser reports each refusal on the console: exactly these two are expected, anything else still fails.
  const refused = guards.errors.filter((e) => /violates the following Content Security Policy directive/.test(e));
  expect(refused).toHaveLength(2);
  guards.errors.splice(0, guards.errors.length, ...guards.errors.filter((e) => !refused.includes(e)));
});
