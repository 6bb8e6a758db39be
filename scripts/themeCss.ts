import type { Plugin } from 'vite';
import { THEMES } from '../electron/ipc/settings';
import { THEME_COLORS, cssCustomProperties } from '../electron/ipc/themeColors';

/** The module renderer/src/main.ts imports for the UI's theme colours. */
export const THEME_CSS_MODULE = 'virtual:theme-colors.css';
// Vite's convention for virtual modules: a leading \0 keeps other plugins from resolving the id as a file.
const RESOLVED = `\0${THEME_CSS_MODULE}`;

/** One rule per theme, `html[data-theme='dark'] { --bg: …; … }`, from the theme colour table. */
export function themeCss(): string {
  return THEMES.map(
    (theme) => `html[data-theme='${theme}'] { ${cssCustomProperties(THEME_COLORS[theme].page, '--')} }`,
  ).join('\n');
}

/**
 * Serves the UI's theme colours as a stylesheet generated at build time, so they arrive with the app's other CSS
 * (render-blocking, before the first paint, no inline style) while the colours stay defined once, in the table.
 */
export function themeCssPlugin(): Plugin {
  return {
    name: 'ring-minus-one-theme-css',
    resolveId: (id) => (id === THEME_CSS_MODULE ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? themeCss() : undefined),
  };
}
