import { promises as nodeFs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The renderer is served from `app://ring-minus-one/` instead of file://. With file://, the CSP's 'self' covered every
 * file on the disk and the renderer needed the `grantFileProtocolExtraPrivileges` fuse; here 'self' is this origin,
 * and this origin answers only with the files of the built renderer folder (electron-builder.yml turns the fuse off).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'ring-minus-one';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** Path functions (path.posix or path.win32 in tests, so Windows rules are checked on any OS). */
type PathApi = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

/**
 * The file under `rootDir` that an app:// URL names, or null when the URL is not ours or would leave the folder:
 * another scheme or host, `..` (also percent-encoded), a backslash (a separator on Windows), an absolute or
 * drive-letter path, a NUL byte, bad percent-encoding, or the folder itself. `/` is index.html.
 */
export function resolveAppPath(requestUrl: string, rootDir: string, pathApi: PathApi = path): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = pathApi.resolve(rootDir);
  const file = pathApi.resolve(root, relative);
  const inside = pathApi.relative(root, file);
  if (inside === '' || inside === '..' || inside.startsWith(`..${pathApi.sep}`) || pathApi.isAbsolute(inside)) {
    return null;
  }
  return file;
}

/** The parts of Electron this module uses (a fake in main.test.ts). */
export interface AppProtocolDeps {
  app: { whenReady(): Promise<unknown> };
  protocol: {
    registerSchemesAsPrivileged(
      schemes: { scheme: string; privileges: { standard: boolean; secure: boolean; supportFetchAPI: boolean } }[],
    ): void;
    handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
  };
  net: { fetch(url: string): Promise<Response> };
  /** Defaults to Node's fs (Electron's, which reads inside app.asar). */
  stat?: (file: string) => Promise<{ isFile(): boolean }>;
}

/**
 * Registers the app scheme (call before the app is ready: Electron requires it) and, once ready, serves
 * `rendererDir` on it. Each response carries the CSP as a header too (webRequest does not see custom protocols).
 */
export function installAppProtocol(deps: AppProtocolDeps, rendererDir: string, csp: string): void {
  // standard: a real origin, relative URLs and ES modules work; secure: like https (no mixed-content downgrade);
  // supportFetchAPI: the renderer fetches its own data files.
  deps.protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
  const stat = deps.stat ?? ((file: string) => nodeFs.stat(file));
  void deps.app.whenReady().then(() => {
    deps.protocol.handle(APP_SCHEME, async (request) => {
      const file = resolveAppPath(request.url, rendererDir);
      const isFile =
        file !== null &&
        (await stat(file).then(
          (s) => s.isFile(),
          () => false,
        ));
      if (!file || !isFile) return new Response('Not found', { status: 404 });
      const response = await deps.net.fetch(pathToFileURL(file).href);
      const headers = new Headers(response.headers);
      headers.set('Content-Security-Policy', csp);
      headers.set('X-Content-Type-Options', 'nosniff');
      return new Response(response.body, { status: response.status, headers });
    });
  });
}
