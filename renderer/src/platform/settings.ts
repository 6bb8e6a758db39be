/**
 * User settings as the renderer sees them. The Electron main process validates the same shape with the zod
 * schema of its IPC contract; the browser platform validates what it reads back from localStorage here.
 */
export type ThemeName = 'light' | 'dark' | 'projector';
export type ReducedMotionSetting = 'system' | 'on' | 'off';

export interface Settings {
  schemaVersion: 1;
  theme: ThemeName;
  /** Multiplies every text size (0.8 to 2). */
  textScale: number;
  reducedMotion: ReducedMotionSetting;
}

export const DEFAULT_SETTINGS: Settings = { schemaVersion: 1, theme: 'dark', textScale: 1, reducedMotion: 'system' };

export const THEMES: readonly ThemeName[] = ['light', 'dark', 'projector'];
const MOTION: readonly ReducedMotionSetting[] = ['system', 'on', 'off'];

export interface SettingsProblem {
  field: string;
  message: string;
}

/**
 * Reads settings from untrusted data. Every field that is wrong falls back to its default and is reported
 * (field + what was wrong), so a damaged store never stops the app and never silently changes a good field.
 */
export function readSettings(raw: unknown): { settings: Settings; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  const settings: Settings = { ...DEFAULT_SETTINGS };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { settings, problems: [{ field: '(root)', message: 'expected an object of settings' }] };
  }
  const r = raw as Record<string, unknown>;
  if (r.schemaVersion !== 1) {
    problems.push({ field: 'schemaVersion', message: `expected 1, found ${JSON.stringify(r.schemaVersion)}` });
  }
  if (THEMES.includes(r.theme as ThemeName)) settings.theme = r.theme as ThemeName;
  else if (r.theme !== undefined)
    problems.push({
      field: 'theme',
      message: `expected one of ${THEMES.join(', ')}, found ${JSON.stringify(r.theme)}`,
    });
  if (typeof r.textScale === 'number' && Number.isFinite(r.textScale) && r.textScale >= 0.8 && r.textScale <= 2)
    settings.textScale = r.textScale;
  else if (r.textScale !== undefined)
    problems.push({
      field: 'textScale',
      message: `expected a number from 0.8 to 2, found ${JSON.stringify(r.textScale)}`,
    });
  if (MOTION.includes(r.reducedMotion as ReducedMotionSetting))
    settings.reducedMotion = r.reducedMotion as ReducedMotionSetting;
  else if (r.reducedMotion !== undefined)
    problems.push({
      field: 'reducedMotion',
      message: `expected one of ${MOTION.join(', ')}, found ${JSON.stringify(r.reducedMotion)}`,
    });
  return { settings, problems };
}
