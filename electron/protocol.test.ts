import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_INDEX_URL, installAppProtocol, resolveAppPath } from './protocol';

describe('resolveAppPath', () => {
  const root = '/opt/ring/resources/app.asar/dist/renderer';
  const resolve = (url: string) => resolveAppPath(url, root, path.posix);

  it('maps app URLs to files inside the renderer folder', () => {
    expect(resolve(APP_INDEX_URL)).toBe(`${root}/index.html`);
    expect(resolve('app://ring-minus-one/')).toBe(`${root}/index.html`);
    expect(resolve('app://ring-minus-one/assets/index-1.js?v=2#x')).toBe(`${root}/assets/index-1.js`);
    expect(resolve('app://ring-minus-one/assets/a%20b.woff2')).toBe(`${root}/assets/a b.woff2`);
    expect(resolve('app://ring-minus-one/..dots-in-a-name.js')).toBe(`${root}/..dots-in-a-name.js`);
  });

  it('dot segments, plain or percent-encoded, stop at the root: the URL parser resolves them', () => {
    expect(resolve('app://ring-minus-one/../../etc/passwd')).toBe(`${root}/etc/passwd`);
    expect(resolve('app://ring-minus-one/%2e%2e/%2e%2e/etc/passwd')).toBe(`${root}/etc/passwd`);
  });

  it.each([
    ['percent-encoded slashes', 'app://ring-minus-one/assets%2f..%2f..%2f..%2fsecret', null],
    ['a backslash', 'app://ring-minus-one/..%5c..%5csecret', null],
    ['a NUL byte', 'app://ring-minus-one/index.html%00.png', null],
    ['bad percent-encoding', 'app://ring-minus-one/%E0%A4%A', null],
    ['an absolute path after the slash', 'app://ring-minus-one//etc/passwd', `${root}/etc/passwd`],
    ['another host', 'app://evil/index.html', null],
    ['another scheme', 'file:///opt/ring/resources/app.asar/dist/renderer/index.html', null],
    ['not a URL', 'not a url', null],
  ])('%s', (_name, url, expected) => {
    expect(resolve(url)).toBe(expected);
  });

  it('keeps Windows paths inside the folder too', () => {
    const winRoot = 'C:\\Program Files\\Ring\\resources\\app.asar\\dist\\renderer';
    const win = (url: string) => resolveAppPath(url, winRoot, path.win32);
    expect(win('app://ring-minus-one/assets/x.js')).toBe(`${winRoot}\\assets\\x.js`);
    expect(win('app://ring-minus-one/C:/Windows/win.ini')).toBeNull();
    expect(win('app://ring-minus-one/assets%2f..%2f..%2f..%2fsecret')).toBeNull();
    expect(win('app://ring-minus-one/..%5csecret')).toBeNull();
  });
});

describe('installAppProtocol', () => {
  let dir: string;
  let handler: (request: Request) => Promise<Response>;
  const registered: unknown[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'rmo-protocol-'));
    await mkdir(path.join(dir, 'renderer', 'assets'), { recursive: true });
    await writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html>');
    await writeFile(path.join(dir, 'secret.txt'), 'secret');
    installAppProtocol(
      {
        app: { whenReady: () => Promise.resolve() },
        protocol: {
          registerSchemesAsPrivileged: (schemes) => registered.push(...schemes),
          handle: (_scheme, fn) => (handler = fn),
        },
        // Node's fetch cannot read file:// URLs; Electron's net.fetch can. Stand in with a file read.
        net: {
          fetch: async (url) => {
            const { readFile } = await import('node:fs/promises');
            return new Response(await readFile(new URL(url)), { headers: { 'content-type': 'text/html' } });
          },
        },
      },
      path.join(dir, 'renderer'),
      "default-src 'self'",
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('registers app: as a standard, secure scheme', () => {
    expect(registered).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves the renderer files with the CSP header', async () => {
    const response = await handler(new Request(APP_INDEX_URL));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html>');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(response.headers.get('content-type')).toBe('text/html');
  });

  it('answers 404 outside the folder, for folders and for missing files', async () => {
    for (const url of [
      'app://ring-minus-one/%2e%2e/secret.txt',
      'app://ring-minus-one/assets',
      'app://ring-minus-one/missing.js',
    ]) {
      expect((await handler(new Request(url))).status, url).toBe(404);
    }
  });
});
