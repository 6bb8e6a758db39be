import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, type MenuOptions } from './menu';

function options(overrides: Partial<MenuOptions> = {}): MenuOptions & { calls: string[] } {
  const calls: string[] = [];
  return {
    isDev: false,
    isMac: false,
    onAbout: () => calls.push('about'),
    onOpenDocs: () => calls.push('docs'),
    ...overrides,
    calls,
  };
}

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label === label);
  if (!menu || !Array.isArray(menu.submenu)) throw new Error(`no ${label} menu`);
  return menu.submenu;
}

const roles = (items: MenuItemConstructorOptions[]) => items.map((item) => item.role).filter(Boolean);

function click(item: MenuItemConstructorOptions | undefined): void {
  // The click handler's Electron arguments are not used by our items.
  (item?.click as (() => void) | undefined)?.();
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, View, Window and Help in that order (Windows/Linux)', () => {
    expect(buildMenuTemplate(options()).map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });

  it('puts the app menu first on macOS', () => {
    expect(buildMenuTemplate(options({ isMac: true })).map((m) => m.label)).toEqual([
      'Ring Minus One',
      'File',
      'Edit',
      'View',
      'Window',
      'Help',
    ]);
  });

  it('quits from File with Ctrl+Q, or from the app menu with Cmd+Q on macOS', () => {
    const quit = submenu(buildMenuTemplate(options()), 'File').find((i) => i.role === 'quit');
    expect(quit?.accelerator).toBe('Ctrl+Q');
    const macQuit = submenu(buildMenuTemplate(options({ isMac: true })), 'Ring Minus One').find(
      (i) => i.role === 'quit',
    );
    expect(macQuit?.accelerator).toBe('Cmd+Q');
  });

  it('offers Open Scenario… only when it is wired', () => {
    expect(submenu(buildMenuTemplate(options()), 'File').some((i) => i.label === 'Open Scenario…')).toBe(false);
    const opened: string[] = [];
    const file = submenu(buildMenuTemplate(options({ onOpenScenario: () => opened.push('open') })), 'File');
    const open = file.find((i) => i.label === 'Open Scenario…');
    expect(open?.accelerator).toBe('CmdOrCtrl+O');
    click(open);
    expect(opened).toEqual(['open']);
  });

  it('has the standard edit roles', () => {
    expect(roles(submenu(buildMenuTemplate(options()), 'Edit'))).toEqual([
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
    ]);
  });

  it('shows reload and devtools only in development; zoom and full screen always', () => {
    const prod = roles(submenu(buildMenuTemplate(options()), 'View'));
    expect(prod).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    const dev = roles(submenu(buildMenuTemplate(options({ isDev: true })), 'View'));
    expect(dev).toEqual(expect.arrayContaining(['reload', 'toggleDevTools', 'zoomIn', 'togglefullscreen']));
  });

  it('Help opens the documentation and the About box', () => {
    const opts = options();
    const help = submenu(buildMenuTemplate(opts), 'Help');
    click(help.find((i) => i.label === 'Project documentation'));
    click(help.find((i) => i.label === 'About Ring Minus One'));
    expect(opts.calls).toEqual(['docs', 'about']);
  });
});

describe('File › Open Recent', () => {
  it('lists the recent files (name, then folder), opens one, and clears the list', () => {
    const opened: string[] = [];
    const o = options({
      onOpenScenario: () => opened.push('dialog'),
      recentFiles: ['/home/a/course/lesson.rmo', 'C:\\Users\\b\\run.runsheet.json'],
      onOpenRecent: (f) => opened.push(f),
      onClearRecent: () => opened.push('clear'),
    });
    const file = submenu(buildMenuTemplate(o), 'File');
    expect(file.map((i) => i.label ?? i.role ?? i.type)).toEqual([
      'Open Scenario…',
      'Open Recent',
      'separator',
      'quit',
    ]);
    const recent = file[1]?.submenu as MenuItemConstructorOptions[];
    expect(recent.map((i) => i.label ?? i.type)).toEqual([
      'lesson.rmo  —  /home/a/course',
      'run.runsheet.json  —  C:\\Users\\b',
      'separator',
      'Clear Recent',
    ]);
    click(recent[1]);
    click(recent[3]);
    click(file[0]);
    expect(opened).toEqual(['C:\\Users\\b\\run.runsheet.json', 'clear', 'dialog']);
  });

  it('shows an empty list with Clear Recent disabled', () => {
    const o = options({ onOpenScenario: () => {}, recentFiles: [], onOpenRecent: () => {}, onClearRecent: () => {} });
    const recent = submenu(buildMenuTemplate(o), 'File')[1]?.submenu as MenuItemConstructorOptions[];
    expect(recent).toEqual([expect.objectContaining({ label: 'Clear Recent', enabled: false })]);
  });
});
