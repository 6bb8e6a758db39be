import type { Plugin } from 'vite';

/** The production Content-Security-Policy: only the app's own origin; no inline or remote script. */
export const PRODUCTION_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Vite's dev server needs inline styles and a websocket for hot reload; everything else stays strict. */
export const DEV_CSP = PRODUCTION_CSP.replace("connect-src 'self'", "connect-src 'self' ws://localhost:5173");

/** Writes the policy into index.html's CSP meta tag (placeholder `%CSP%`). */
export function cspPlugin(): Plugin {
  let csp = PRODUCTION_CSP;
  return {
    name: 'ring-minus-one-csp',
    configResolved(config) {
      csp = config.command === 'serve' ? DEV_CSP : PRODUCTION_CSP;
    },
    transformIndexHtml(html) {
      return html.replace('%CSP%', csp);
    },
  };
}
