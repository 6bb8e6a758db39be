/**
 * User settings as the renderer sees them. The shape has one schema, the zod schema of the IPC contract
 * (electron/ipc/settings.ts: pure zod, no Electron), which main and renderer both import; lint allows the renderer's
 * platform layer exactly that value import from electron/. Untrusted data (localStorage, an IPC reply) is read field
 * by field by the same reader main uses for settings.json, so one damaged field falls back to its default without
 * losing the good ones.
 */
import {
  DEFAULT_SETTINGS,
  REDUCED_MOTION_MODES,
  THEMES,
  readSettingsFields,
  type ReducedMotionMode,
  type Settings,
  type SettingsFieldProblem,
  type Theme,
} from '../../../electron/ipc/settings';

export { DEFAULT_SETTINGS, THEMES, type Settings };
export type ThemeName = Theme;
export type ReducedMotionSetting = ReducedMotionMode;
export const REDUCED_MOTION_SETTINGS = REDUCED_MOTION_MODES;
export type SettingsProblem = SettingsFieldProblem;

/**
 * Reads settings from untrusted data. Every field that is wrong falls back to its default and is reported
 * (field + what was wrong), so a damaged store never stops the app and never silently changes a good field.
 */
export function readSettings(raw: unknown): { settings: Settings; problems: SettingsProblem[] } {
  const { settings, problems } = readSettingsFields(raw);
  return { settings, problems };
}

/** Keys of stored settings this version does not know (a newer version's), to be written back with a save. */
export function unknownSettingsKeys(raw: unknown): Record<string, unknown> {
  return readSettingsFields(raw).unknown;
}
