import { describe, expect, it } from 'vitest';
import { builtCsp, DEV_CSP, inlineScriptHashes, PRODUCTION_CSP, productionCsp } from './csp';
import { APP_INDEX_URL, APP_ORIGIN } from './protocol';
import { appOriginFor, isAllowedNavigation, isPermissionGranted, isSafeExternalUrl, withCspHeader } from './security';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name as string, values]),
  );
}

describe('Content-Security-Policy', () => {
  for (const [name, csp] of [
    ['production', PRODUCTION_CSP],
    ['dev', DEV_CSP],
  ] as const) {
    it(`${name}: default-src and script-src are 'self' only`, () => {
      const d = directives(csp);
      expect(d.get('default-src')).toEqual(["'self'"]);
      expect(d.get('script-src')).toEqual(["'self'"]);
      expect(d.get('object-src')).toEqual(["'none'"]);
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
      expect(csp).not.toMatch(/script-src[^;]*(https?:|\*)/);
    });
  }

  it('production connects to nothing but the app itself', () => {
    expect(directives(PRODUCTION_CSP).get('connect-src')).toEqual(["'self'"]);
  });

  it('names inline scripts by their sha256 only: no unsafe-inline, the rest of the policy unchanged', () => {
    const hashed = productionCsp(["'sha256-abc='", "'sha256-def='"]);
    expect(directives(hashed).get('script-src')).toEqual(["'self'", "'sha256-abc='", "'sha256-def='"]);
    expect(hashed).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(hashed.replace(" 'sha256-abc=' 'sha256-def='", '')).toBe(PRODUCTION_CSP);
  });

  it('hashes the inline scripts of a page, as the browser does (the text up to </script, UTF-8)', () => {
    // Each expected value computed apart from the code under test: printf '<text>' | openssl dgst -sha256 -binary | base64
    const html = [
      '<!doctype html><head>',
      '<!-- <script>commented()</script> -->',
      '<script async vite-ignore src="./early-context.js"></script>',
      '<script type="module" crossorigin src="./assets/index.js"></script>',
      '<script>early()</script>',
      '<SCRIPT type="text/javascript">b("é")</SCRIPT >',
      '</head>',
    ].join('\n');
    expect(inlineScriptHashes(html)).toEqual([
      "'sha256-G2Y/0fpEoq/QMzbid/byF0KE5sX9e6ar19Om2+xoMnU='",
      "'sha256-PXjX8jtrcQLGkwjjiDg+RpNzJQ37NsOgOIuxQN86l/4='",
    ]);
    expect(inlineScriptHashes('<title>no scripts</title>')).toEqual([]);
  });

  it('for the built renderer, is the policy its page needs; without a page to read, the one without inline scripts', () => {
    const page = '<title>app</title><script>early()</script>';
    expect(builtCsp('/r/index.html', (file) => (file === '/r/index.html' ? page : ''))).toBe(
      productionCsp(["'sha256-G2Y/0fpEoq/QMzbid/byF0KE5sX9e6ar19Om2+xoMnU='"]),
    );
    const missing = (file: string): string => {
      throw new Error(`ENOENT: ${file}`);
    };
    expect(builtCsp('/r/index.html', missing)).toBe(PRODUCTION_CSP);
  });

  it('is set as a header, replacing whatever policy the server sent', () => {
    const headers = withCspHeader({ 'content-security-policy': ['default-src *'], 'X-Other': ['1'] }, PRODUCTION_CSP);
    expect(headers).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [PRODUCTION_CSP] });
    expect(withCspHeader(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] });
  });
});

describe('isAllowedNavigation', () => {
  const appOrigin = appOriginFor(undefined, APP_ORIGIN);
  const devOrigin = appOriginFor('http://localhost:5173/', APP_ORIGIN);

  it('derives the origin from the dev server or the app scheme', () => {
    expect(appOrigin).toBe('app://ring-minus-one');
    expect(devOrigin).toBe('http://localhost:5173');
    expect(() => appOriginFor('javascript:alert(1)', APP_ORIGIN)).toThrow(/http\(s\)/);
  });

  it('allows the app scheme on its own host only; file: URLs never', () => {
    expect(isAllowedNavigation(APP_INDEX_URL, appOrigin)).toBe(true);
    expect(isAllowedNavigation(`${APP_INDEX_URL}#/lab`, appOrigin)).toBe(true);
    expect(isAllowedNavigation('app://ring-minus-one.evil/index.html', appOrigin)).toBe(false);
    expect(isAllowedNavigation('app://other/index.html', appOrigin)).toBe(false);
    expect(isAllowedNavigation('app://user:pw@ring-minus-one/index.html', appOrigin)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', appOrigin)).toBe(false);
    expect(isAllowedNavigation('file:///opt/ring/resources/app.asar/dist/renderer/index.html', appOrigin)).toBe(false);
    expect(isAllowedNavigation('https://ring-minus-one/index.html', appOrigin)).toBe(false);
  });

  it('allows the dev server origin only', () => {
    expect(isAllowedNavigation('http://localhost:5173/index.html?x=1', devOrigin)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5174/', devOrigin)).toBe(false);
    expect(isAllowedNavigation('https://localhost:5173/', devOrigin)).toBe(false);
    expect(isAllowedNavigation('http://localhost:5173.evil.com/', devOrigin)).toBe(false);
  });

  it('refuses other schemes and garbage', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'ring://x', 'about:blank', 'not a url', '']) {
      expect(isAllowedNavigation(url, appOrigin), url).toBe(false);
      expect(isAllowedNavigation(url, devOrigin), url).toBe(false);
    }
  });
});

describe('isSafeExternalUrl', () => {
  it('accepts http and https links', () => {
    expect(isSafeExternalUrl('https://learn.microsoft.com/en-us/virtualization/')).toBe(true);
    expect(isSafeExternalUrl('http://example.org/a?b=c')).toBe(true);
  });

  it('refuses every other scheme, credentials and garbage', () => {
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<script>x</script>',
      'smb://server/share',
      'ms-msdt:/id',
      'vscode://x',
      'https://user:pass@example.org/',
      'https://',
      'example.org',
      '',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});

describe('isPermissionGranted', () => {
  const appOrigin = appOriginFor(undefined, APP_ORIGIN);
  it("lets the app's own pages write to the clipboard", () => {
    expect(isPermissionGranted('clipboard-sanitized-write', APP_INDEX_URL, appOrigin)).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', `${APP_ORIGIN}/`, appOrigin)).toBe(true);
  });
  it('refuses every other permission, and the clipboard to any other page', () => {
    for (const permission of ['clipboard-read', 'media', 'notifications', 'geolocation', 'openExternal', 'fullscreen'])
      expect(isPermissionGranted(permission, APP_INDEX_URL, appOrigin)).toBe(false);
    for (const url of ['https://example.com/', 'file:///etc/passwd', '', 'app://other-host/index.html'])
      expect(isPermissionGranted('clipboard-sanitized-write', url, appOrigin)).toBe(false);
  });
});
