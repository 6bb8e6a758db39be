import { describe, expect, it } from 'vitest';
import { DEV_CSP, PRODUCTION_CSP } from './csp';
import { appOriginFor, isAllowedNavigation, isSafeExternalUrl, withCspHeader } from './security';

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

  it('is set as a header, replacing whatever policy the server sent', () => {
    const headers = withCspHeader({ 'content-security-policy': ['default-src *'], 'X-Other': ['1'] }, PRODUCTION_CSP);
    expect(headers).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [PRODUCTION_CSP] });
    expect(withCspHeader(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] });
  });
});

describe('isAllowedNavigation', () => {
  const fileOrigin = appOriginFor(undefined, 'file:///opt/ring/resources/app.asar/dist/renderer');
  const devOrigin = appOriginFor('http://localhost:5173/', 'file:///unused/');

  it('derives the origin from the dev server or the renderer folder', () => {
    expect(fileOrigin).toBe('file:///opt/ring/resources/app.asar/dist/renderer/');
    expect(devOrigin).toBe('http://localhost:5173');
    expect(() => appOriginFor('javascript:alert(1)', 'file:///x/')).toThrow(/http\(s\)/);
  });

  it('allows files inside the renderer folder only', () => {
    expect(isAllowedNavigation('file:///opt/ring/resources/app.asar/dist/renderer/index.html', fileOrigin)).toBe(true);
    expect(isAllowedNavigation('file:///opt/ring/resources/app.asar/dist/renderer/index.html#/lab', fileOrigin)).toBe(
      true,
    );
    expect(isAllowedNavigation('file:///etc/passwd', fileOrigin)).toBe(false);
    expect(isAllowedNavigation('file:///opt/ring/resources/app.asar/dist/renderer-evil/x.html', fileOrigin)).toBe(
      false,
    );
    expect(isAllowedNavigation('file:///opt/ring/resources/app.asar/dist/renderer/../../../secret', fileOrigin)).toBe(
      false,
    );
    expect(isAllowedNavigation('file://evil-host/opt/ring/resources/app.asar/dist/renderer/a', fileOrigin)).toBe(false);
  });

  it('allows the dev server origin only', () => {
    expect(isAllowedNavigation('http://localhost:5173/index.html?x=1', devOrigin)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5174/', devOrigin)).toBe(false);
    expect(isAllowedNavigation('https://localhost:5173/', devOrigin)).toBe(false);
    expect(isAllowedNavigation('http://localhost:5173.evil.com/', devOrigin)).toBe(false);
  });

  it('refuses other schemes and garbage', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'ring://x', 'about:blank', 'not a url', '']) {
      expect(isAllowedNavigation(url, fileOrigin), url).toBe(false);
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
