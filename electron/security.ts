function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The app's origin: the dev server's (`http://localhost:5173`) or the app scheme's (`app://ring-minus-one`,
 * electron/protocol.ts), which serves the built renderer and nothing else.
 */
export function appOriginFor(devServerUrl: string | undefined, appSchemeOrigin: string): string {
  if (devServerUrl) {
    const dev = parseUrl(devServerUrl);
    if (!dev || (dev.protocol !== 'http:' && dev.protocol !== 'https:')) {
      throw new Error(`VITE_DEV_SERVER_URL must be an http(s) URL, got "${devServerUrl}".`);
    }
    return dev.origin;
  }
  return appSchemeOrigin;
}

/**
 * True when `url` stays inside the app: the same scheme, host and port as the app's origin. Compared part by part,
 * not by `URL.origin`, which is "null" for a custom scheme such as app:. Everything else (other sites, file:,
 * javascript:, data:, other schemes) is refused.
 */
export function isAllowedNavigation(url: string, appOrigin: string): boolean {
  const target = parseUrl(url);
  const app = parseUrl(appOrigin);
  if (!target || !app || app.host === '') return false;
  return (
    target.protocol === app.protocol && target.host === app.host && target.username === '' && target.password === ''
  );
}

/** The only permission the app's pages get: writing text to the clipboard ("Copy path", "Copy details"). */
const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/**
 * Whether a page may have `permission`: only the app's own pages (by `requestingUrl`), and only the permissions in
 * GRANTED_PERMISSIONS. Reading the clipboard, media, notifications, geolocation and everything else stay refused.
 */
export function isPermissionGranted(permission: string, requestingUrl: string, appOrigin: string): boolean {
  return GRANTED_PERMISSIONS.has(permission) && isAllowedNavigation(requestingUrl, appOrigin);
}

/** True for a URL we may hand to the OS browser: http or https with a host, and no embedded credentials. */
export function isSafeExternalUrl(url: string): boolean {
  const target = parseUrl(url);
  if (!target) return false;
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return false;
  return target.hostname.length > 0 && target.username === '' && target.password === '';
}

/** Response headers with our CSP replacing any policy the server sent (header names compared case-insensitively). */
export function withCspHeader(
  headers: Record<string, string | string[]> | undefined,
  csp: string,
): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [csp];
  return result;
}
