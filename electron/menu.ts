import type { MenuItemConstructorOptions } from 'electron';
import { APP_NAME } from './appInfo';

export interface MenuOptions {
  isDev: boolean;
  isMac: boolean;
  onAbout(): void;
  onOpenDocs(): void;
  /** File › Open Scenario…; the item is shown only once a handler exists. */
  onOpenScenario?: () => void;
  /** File › Open Recent: the files opened lately (absolute paths, most recent first). */
  recentFiles?: readonly string[];
  onOpenRecent?: (file: string) => void;
  onClearRecent?: () => void;
}

/** A recent file as a menu label: its name, then its folder (names alone repeat: every course has a lesson.rmo). */
export function recentLabel(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut < 0 ? file : `${file.slice(cut + 1)}  —  ${file.slice(0, cut)}`;
}

/** The application menu as a plain template (no Electron calls), so tests can read it. */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { isDev, isMac } = options;
  const template: MenuItemConstructorOptions[] = [];

  if (isMac) {
    template.push({
      label: APP_NAME,
      submenu: [
        { label: `About ${APP_NAME}`, click: () => options.onAbout() },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit', accelerator: 'Cmd+Q' },
      ],
    });
  }

  const fileItems: MenuItemConstructorOptions[] = [];
  if (options.onOpenScenario) {
    const open = options.onOpenScenario;
    fileItems.push({ label: 'Open Scenario…', accelerator: 'CmdOrCtrl+O', click: () => open() });
    const recent = options.recentFiles ?? [];
    const openRecent = options.onOpenRecent;
    const clear = options.onClearRecent;
    if (openRecent && clear) {
      fileItems.push({
        label: 'Open Recent',
        submenu: [
          ...recent.map((file) => ({ label: recentLabel(file), click: () => openRecent(file) })),
          ...(recent.length > 0 ? [{ type: 'separator' as const }] : []),
          { label: 'Clear Recent', enabled: recent.length > 0, click: () => clear() },
        ],
      });
    }
    fileItems.push({ type: 'separator' });
  }
  fileItems.push(isMac ? { role: 'close' } : { role: 'quit', accelerator: 'Ctrl+Q' });
  template.push({ label: 'File', submenu: fileItems });

  template.push({
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  });

  const viewItems: MenuItemConstructorOptions[] = [];
  if (isDev) {
    viewItems.push({ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' });
  }
  viewItems.push(
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  );
  template.push({ label: 'View', submenu: viewItems });

  template.push({
    label: 'Window',
    role: 'windowMenu',
    submenu: isMac
      ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  });

  template.push({
    label: 'Help',
    role: 'help',
    submenu: [
      { label: 'Project documentation', click: () => options.onOpenDocs() },
      { type: 'separator' },
      { label: `About ${APP_NAME}`, click: () => options.onAbout() },
    ],
  });

  return template;
}
