/** Facts about the app shown by the menu and the About box. One place, so packaging and UI agree. */
import { DEFAULT_SETTINGS } from './ipc/settings';
import { THEME_COLORS } from './ipc/themeColors';

export const APP_NAME = 'Ring Minus One';
export const APP_ID = 'org.ringminusone.app';
/** Opened by Help › Project documentation (in the user's browser, never inside the app). */
export const PROJECT_DOCS_URL = 'https://github.com/ring-minus-one/ring-minus-one#readme';
/**
 * The window's background before the renderer's first paint: the page background of the theme the renderer starts
 * in (the default setting; index.html starts dark), so the window shows no white flash before the first frame.
 */
export const WINDOW_BACKGROUND = THEME_COLORS[DEFAULT_SETTINGS.theme].page.bg;
export const MIN_WINDOW_SIZE = { width: 960, height: 600 } as const;
export const DEFAULT_WINDOW_SIZE = { width: 1400, height: 900 } as const;
