import type { MenuItemConstructorOptions } from 'electron';
import { APP_NAME } from './appInfo';

export interface MenuOptions {
  isDev: boolean;
  isMac: boolean;
  onAbout(): void;
  onOpenDocs(): void;
  /** File › Open Scenario…; the item is shown only once a handler exists. */
  onOpenScenario?: () => void;
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
    fileItems.push({ label: 'Open Scenario…', accelerator: 'CmdOrCtrl+O', click: () => open() }, { type: 'separator' });
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
