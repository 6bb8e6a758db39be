/**
 * The app's Content-Security-Policy. It belongs to the app (main sends it as a header, and the build writes it into
 * index.html through scripts/csp.ts), so the build script imports it from here, not the other way round.
 */
import { createHash } from 'node:crypto';

/**
 * The production Content-Security-Policy: only the app's own origin; no remote script, no `unsafe-inline` and no
 * `unsafe-eval`. An inline script runs only when the policy names its hash (`scriptHashes`, from inlineScriptHashes):
 * the built index.html has one, the early script (scripts/earlyContext.ts), and a script injected into the page at
 * run time has no hash the policy names.
 */
export function productionCsp(scriptHashes: readonly string[] = []): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The production policy for a page without inline scripts. */
export const PRODUCTION_CSP = productionCsp();

/** Vite's dev server needs inline styles and a websocket for hot reload; everything else stays strict. */
export const DEV_CSP = PRODUCTION_CSP.replace("connect-src 'self'", "connect-src 'self' ws://localhost:5173");

/**
 * The CSP source expressions (`'sha256-…'`) of the inline scripts in `html`: each <script> element without a `src`,
 * its text as the HTML parser sees it (up to the first `</script`), outside HTML comments. A script of a page this app
 * builds (index.html), so the few forms it uses are all there is to read: no `<script` inside another element's text.
 */
export function inlineScriptHashes(html: string): string[] {
  const live = html.replace(/<!--[\s\S]*?-->/g, '');
  return [...live.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script/gi)]
    .filter(([, attributes]) => !/\bsrc\s*=/i.test(attributes ?? ''))
    .map(
      ([, , text]) =>
        `'sha256-${createHash('sha256')
          .update(text ?? '', 'utf8')
          .digest('base64')}'`,
    );
}

/**
 * The production policy for the built renderer whose index.html is `indexFile`: the policy its meta tag carries (the
 * build wrote it from the same page, scripts/csp.ts), so the header main sends allows that page's inline script too.
 * When the file cannot be read the app has no page to show; the policy is then the one without inline scripts.
 */
export function builtCsp(indexFile: string, read: (file: string) => string): string {
  let html: string;
  try {
    html = read(indexFile);
  } catch {
    return PRODUCTION_CSP;
  }
  return productionCsp(inlineScriptHashes(html));
}
