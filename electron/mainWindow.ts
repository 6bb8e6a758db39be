import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { APP_NAME, WINDOW_BACKGROUND, DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE } from './appInfo';

/** Electron's BrowserWindow class, passed in so tests can give a fake that records the options. */
export type BrowserWindowClass = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

/** Creates the main window, hidden until its first paint. */
export function createMainWindow(BrowserWindowCtor: BrowserWindowClass, preloadPath: string): BrowserWindow {
  return new BrowserWindowCtor({
    title: APP_NAME,
    width: DEFAULT_WINDOW_SIZE.width,
    height: DEFAULT_WINDOW_SIZE.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    backgroundColor: WINDOW_BACKGROUND,
    show: false,
    // Electron's security checklist, written out literally at each window (the security gate checks the literal):
    // no Node.js in the renderer, Chromium's sandbox, isolated preload, no webview, no middle-click windows. The
    // audience window's are the same, which electron/main.test.ts checks.
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

/**
 * The audience window's options (the presenter opens it with window.open; main's window-open handler hands these to
 * Electron): the same web preferences as the main window, no menu bar (the audience sees no chrome), black until its
 * first paint (a projector shows no white flash). Where it goes is displayPlacement.ts's job.
 */
export function audienceWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: `${APP_NAME}: audience`,
    backgroundColor: '#000000',
    autoHideMenuBar: true,
    show: true,
    // The main window's web preferences, written out again for the gate (main.test.ts checks they are equal).
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
  };
}
