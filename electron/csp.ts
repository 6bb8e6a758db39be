/**
 * The app's Content-Security-Policy. It belongs to the app (main sends it as a header for dev loads, and the build
 * writes it into index.html through scripts/csp.ts), so the build script imports it from here, not the other way round.
 */
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
