function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The app's origin as a URL string: the dev server's origin (`http://localhost:5173`), or the file URL of the
 * folder that holds the built renderer (`file:///…/dist/renderer/`, always ending in `/`).
 */
export function appOriginFor(devServerUrl: string | undefined, rendererDirFileUrl: string): string {
  if (devServerUrl) {
    const dev = parseUrl(devServerUrl);
    if (!dev || (dev.protocol !== 'http:' && dev.protocol !== 'https:')) {
      throw new Error(`VITE_DEV_SERVER_URL must be an http(s) URL, got "${devServerUrl}".`);
    }
    return dev.origin;
  }
  return rendererDirFileUrl.endsWith('/') ? rendererDirFileUrl : `${rendererDirFileUrl}/`;
}

/**
 * True when `url` stays inside the app: same http(s) origin as the dev server, or a file inside the renderer folder.
 * Everything else (other sites, other files on disk, javascript:, data:, custom schemes) is refused.
 */
export function isAllowedNavigation(url: string, appOrigin: string): boolean {
  const target = parseUrl(url);
  const app = parseUrl(appOrigin);
  if (!target || !app) return false;
  if (app.protocol === 'file:') {
    return target.protocol === 'file:' && target.host === app.host && target.pathname.startsWith(app.pathname);
  }
  if (app.protocol === 'http:' || app.protocol === 'https:') {
    return target.origin === app.origin;
  }
  return false;
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
