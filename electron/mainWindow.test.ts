import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { WINDOW_BACKGROUND } from './appInfo';
import { audienceWindowOptions, createMainWindow, type BrowserWindowClass } from './mainWindow';

function capture(): BrowserWindowConstructorOptions {
  let seen: BrowserWindowConstructorOptions | undefined;
  const FakeBrowserWindow = class {
    constructor(options: BrowserWindowConstructorOptions) {
      seen = options;
    }
  } as unknown as BrowserWindowClass;
  const window: BrowserWindow = createMainWindow(FakeBrowserWindow, '/app/dist-electron/preload.cjs');
  expect(window).toBeInstanceOf(FakeBrowserWindow);
  if (!seen) throw new Error('BrowserWindow was not constructed');
  return seen;
}

describe('createMainWindow', () => {
  const options = capture();
  const prefs = options.webPreferences ?? {};

  it('isolates, sandboxes and denies Node.js to the renderer', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
    expect(prefs.preload).toBe('/app/dist-electron/preload.cjs');
  });

  it('never mentions the removed remote module', () => {
    expect(Object.keys(prefs)).not.toContain('enableRemoteModule');
  });

  it('is titled, has a minimum size, the starting theme background, and waits for ready-to-show', () => {
    expect(options.title).toBe('Ring Minus One');
    expect(options.minWidth).toBeGreaterThanOrEqual(800);
    expect(options.minHeight).toBeGreaterThanOrEqual(500);
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? 0);
    expect(options.backgroundColor).toBe(WINDOW_BACKGROUND);
    expect(options.show).toBe(false);
  });
});

describe('audienceWindowOptions', () => {
  it('keeps every web preference of the main window, and shows no menu bar', () => {
    const audience = audienceWindowOptions('/app/dist-electron/preload.cjs');
    expect(audience.webPreferences).toEqual(capture().webPreferences);
    expect(audience.autoHideMenuBar).toBe(true);
    expect(audience.backgroundColor).toBe('#000000');
  });
});
