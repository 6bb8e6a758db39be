import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, screen, session, shell } from 'electron';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { builtCsp, DEV_CSP } from './csp';
import { APP_NAME, PROJECT_DOCS_URL } from './appInfo';
import { openExternalSafely } from './externalLinks';
import { saveHandoutPdf } from './handoutPdf';
import { registerHandlers, type IpcHandlers } from './ipc/registerHandlers';
import { isTrustedSenderFrame } from './ipc/senderGuard';
import { AudienceWindows, isAudienceUrl } from './audienceWindows';
import { audienceWindowOptions, createMainWindow } from './mainWindow';
import { buildMenuTemplate } from './menu';
import { appOriginFor, isAllowedNavigation, isPermissionGranted, withCspHeader } from './security';
import { APP_INDEX_URL, APP_ORIGIN, installAppProtocol } from './protocol';
import { ProgressStore } from './progressStore';
import { SettingsStore } from './settingsStore';
import { watchRenderer } from './recovery';
import { AuthorFiles, OPEN_DIALOG_FILTERS } from './authorFiles';
import { fileFromArgv } from './fileArgs';

// Bundled to dist-electron/main.cjs; the renderer is built to dist/renderer/ beside it (also inside app.asar).
const devServerUrl = app.isPackaged ? undefined : process.env.VITE_DEV_SERVER_URL;
const isDev = devServerUrl !== undefined;
const rendererDir = path.join(__dirname, '..', 'dist', 'renderer');
// The built page's policy, with the hash of its inline early script (csp.ts); the dev server's otherwise.
const csp = isDev ? DEV_CSP : builtCsp(path.join(rendererDir, 'index.html'), (file) => readFileSync(file, 'utf8'));
// Served on app://ring-minus-one/ (protocol.ts), never from file://.
const appOrigin = appOriginFor(devServerUrl, APP_ORIGIN);
const preloadPath = path.join(__dirname, 'preload.cjs');

let mainWindow: BrowserWindow | null = null;
/** The presenter's audience window; `screen` exists only once the app is ready. */
let audienceWindows: AudienceWindows | null = null;
/** Authors' files: open, allow-list, recent list, live reload (created once the app is ready). */
let authorFiles: AuthorFiles | null = null;
/** A file the OS asked to open before the app was ready (argv on first launch, macOS `open-file`). */
let fileAtLaunch: string | null = fileFromArgv(process.argv, process.cwd());

function openMainWindow(): BrowserWindow {
  const window = createMainWindow(BrowserWindow, preloadPath);
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) {
      mainWindow = null;
      authorFiles?.close();
    }
  });
  // A reload or a crash: the new page asks for files again (file:ready); until then none is sent.
  window.webContents.on('did-start-navigation', (details: { isMainFrame?: boolean; isSameDocument?: boolean }) => {
    if (details.isMainFrame !== false && !details.isSameDocument) authorFiles?.rendererGone();
  });
  loadApp(window);
  // A renderer that crashes or fails to load is reloaded, and the app puts the stage back where it was.
  watchRenderer(
    window.webContents,
    (reason) => loadApp(window, reason),
    (message) => dialog.showErrorBox(APP_NAME, message),
  );
  return window;
}

/** Loads the renderer; `recovered` (a crash reason) asks it to restore the stage it kept in sessionStorage. */
function loadApp(window: BrowserWindow, recovered?: string): void {
  const url = new URL(devServerUrl ?? APP_INDEX_URL);
  if (recovered !== undefined) url.searchParams.set('recovered', recovered);
  void window.loadURL(url.href);
}

function showAbout(): void {
  const options = {
    type: 'info' as const,
    title: `About ${APP_NAME}`,
    message: `${APP_NAME} ${app.getVersion()}`,
    detail: 'A teaching app for hypervisor architecture: 3D layered stacks and hop-by-hop I/O walkthroughs.',
    buttons: ['OK'],
  };
  if (mainWindow) void dialog.showMessageBox(mainWindow, options);
  else void dialog.showMessageBox(options);
}

/** Every web contents (windows and anything they might create) gets the same locks. */
function lockDownWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    // The one window the app opens itself: the audience view, opened by the presenter in the main window, once.
    // Everything else that asks for a window is an external link (handed to the browser) or refused.
    contents.setWindowOpenHandler(({ url }) => {
      const fromMain = mainWindow !== null && contents === mainWindow.webContents;
      if (fromMain && isAudienceUrl(url, appOrigin) && audienceWindows && !audienceWindows.focusAudience())
        return { action: 'allow', overrideBrowserWindowOptions: audienceWindowOptions(preloadPath) };
      openExternalSafely(shell, url);
      return { action: 'deny' };
    });
    contents.on('did-create-window', (window) => {
      if (mainWindow && contents === mainWindow.webContents) audienceWindows?.attach(mainWindow, window);
    });
    contents.on('will-navigate', (event) => {
      if (!isAllowedNavigation(event.url, appOrigin)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!isAllowedNavigation(event.url, appOrigin)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

function lockDownSession(): void {
  const ses = session.defaultSession;
  // Everything is refused except writing to the clipboard from the app's own pages (security.ts).
  ses.setPermissionRequestHandler((_webContents, permission, callback, details) =>
    callback(isPermissionGranted(permission, details.requestingUrl, appOrigin)),
  );
  ses.setPermissionCheckHandler((_webContents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin, appOrigin),
  );
  // The built index.html carries the CSP as a meta tag; http(s) loads (the dev server) also get it as a header.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders, csp) });
  });
}

/** Opens a file the OS handed the app (a double-click, a second launch): in the main window, brought to the front. */
function openFromOs(file: string): void {
  if (!authorFiles) {
    fileAtLaunch = file;
    return;
  }
  void authorFiles.open(file);
  if (!mainWindow) mainWindow = openMainWindow();
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function installMenu(recentFiles: readonly string[]): void {
  const template = buildMenuTemplate({
    isDev,
    isMac: process.platform === 'darwin',
    onAbout: showAbout,
    onOpenDocs: () => openExternalSafely(shell, PROJECT_DOCS_URL),
    onOpenScenario: () => void authorFiles?.showOpenDialog(),
    recentFiles,
    onOpenRecent: (file) => void authorFiles?.open(file),
    onClearRecent: () => void authorFiles?.clearRecent(),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function createAuthorFiles(settings: SettingsStore): AuthorFiles {
  return new AuthorFiles({
    recent: settings,
    showOpenDialog: async () => {
      const options = {
        title: 'Open a scenario or run sheet',
        properties: ['openFile' as const],
        filters: OPEN_DIALOG_FILTERS,
      };
      const result = mainWindow
        ? await dialog.showOpenDialog(mainWindow, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    send: (event) => {
      if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send('file:opened', event);
    },
    onRecentChanged: (paths) => installMenu(paths),
  });
}

function registerIpc(files: AuthorFiles, settings: SettingsStore): void {
  const progress = new ProgressStore({ dir: app.getPath('userData') });
  const handlers: IpcHandlers = {
    'settings:load': () => settings.load(),
    'settings:save': (value) => settings.save(value),
    'progress:load': () => progress.load(),
    'progress:save': async (value) => {
      await progress.save(value);
      return undefined;
    },
    'shell:openExternal': ({ url }) => openExternalSafely(shell, url),
    'presenter:swapDisplays': () => audienceWindows?.swap() ?? false,
    // Handouts: the main window shows the handout (lesson view or presenter), so that is the page printed.
    'handout:savePdf': ({ fileName }) =>
      saveHandoutPdf(fileName, {
        contents: () => mainWindow?.webContents ?? null,
        askWhere: async (defaultPath) => {
          const options = {
            title: 'Save the handout as PDF',
            defaultPath,
            filters: [{ name: 'PDF', extensions: ['pdf'] }],
          };
          const answer = mainWindow
            ? await dialog.showSaveDialog(mainWindow, options)
            : await dialog.showSaveDialog(options);
          return answer.canceled ? undefined : answer.filePath;
        },
        defaultFolder: app.getPath('documents'),
      }),
    'file:ready': () => files.rendererReady(),
    'file:showOpenDialog': () => files.showOpenDialog(),
    'file:reload': ({ token }) => files.reload(token),
    'file:openRecent': ({ token }) => files.openRecent(token),
    'file:openDropped': ({ path: file }) => files.openDropped(file),
    'file:recent': () => files.recentList(),
    'file:clearRecent': () => files.clearRecent(),
  };
  registerHandlers(ipcMain, handlers, {
    isTrustedSender: (frame) =>
      isTrustedSenderFrame(
        frame,
        BrowserWindow.getAllWindows().map((w) => w.webContents.mainFrame),
        appOrigin,
      ),
  });
}

function start(): void {
  // Before the lock: the lock lives in the userData folder.
  app.setName(APP_NAME);
  // Tests run the unpackaged app against a throw-away profile; a packaged app always uses the OS default.
  const testUserData = app.isPackaged ? undefined : process.env.RING_MINUS_ONE_USER_DATA;
  if (testUserData) app.setPath('userData', testUserData);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // A second launch (another double-click on a .rmo file) hands its file to this instance and quits.
  app.on('second-instance', (_event, argv: string[], workingDirectory: string) => {
    const file = fileFromArgv(argv, workingDirectory);
    if (file) return openFromOs(file);
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // macOS hands files by event (a double-click, a drop on the Dock icon), possibly before the app is ready.
  app.on('open-file', (event, file: string) => {
    event.preventDefault();
    openFromOs(file);
  });
  lockDownWebContents();
  if (!isDev) installAppProtocol({ app, protocol, net }, rendererDir, csp);

  void app.whenReady().then(() => {
    lockDownSession();
    audienceWindows = new AudienceWindows(screen);
    const settings = new SettingsStore({ dir: app.getPath('userData') });
    authorFiles = createAuthorFiles(settings);
    registerIpc(authorFiles, settings);
    installMenu([]);
    void authorFiles.recentPaths().then(installMenu);
    mainWindow = openMainWindow();
    if (fileAtLaunch) void authorFiles.open(fileAtLaunch);
    fileAtLaunch = null;
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = openMainWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

start();
