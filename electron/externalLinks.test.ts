import { describe, expect, it } from 'vitest';
import { openExternalSafely } from './externalLinks';

function fakeShell(result: Promise<void> = Promise.resolve()) {
  const opened: string[] = [];
  return {
    opened,
    shell: {
      openExternal: (url: string) => {
        opened.push(url);
        return result;
      },
    },
  };
}

describe('openExternalSafely', () => {
  it('hands http(s) URLs to the OS', () => {
    const { shell, opened } = fakeShell();
    expect(openExternalSafely(shell, 'https://example.org/docs')).toBe(true);
    expect(opened).toEqual(['https://example.org/docs']);
  });

  it('refuses everything else without touching the shell', () => {
    const { shell, opened } = fakeShell();
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'ms-msdt:/id', 'nonsense']) {
      expect(openExternalSafely(shell, url), url).toBe(false);
    }
    expect(opened).toEqual([]);
  });

  it('survives the OS failing to open the link', async () => {
    const { shell } = fakeShell(Promise.reject(new Error('no browser')));
    expect(openExternalSafely(shell, 'https://example.org/')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
});
