import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { APP_NAME, WINDOW_BACKGROUND, DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE } from './appInfo';

/** Electron's BrowserWindow class, passed in so tests can give a fake that records the options. */
export type BrowserWindowClass = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

/**
 * Creates the main window, hidden until its first paint. The web preferences are Electron's security checklist,
 * written out literally here (not built elsewhere) so both the unit tests and electronegativity's static checks
 * see exactly what runs: no Node.js in the renderer, Chromium's sandbox, isolated preload, no webview, no
 * middle-click windows.
 */
export function createMainWindow(BrowserWindowCtor: BrowserWindowClass, preloadPath: string): BrowserWindow {
  return new BrowserWindowCtor({
    title: APP_NAME,
    width: DEFAULT_WINDOW_SIZE.width,
    height: DEFAULT_WINDOW_SIZE.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    backgroundColor: WINDOW_BACKGROUND,
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
}
