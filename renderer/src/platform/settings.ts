/**
 * User settings as the renderer sees them. The shape has one schema, the zod schema of the IPC contract
 * (electron/ipc/settings.ts: pure zod, no Electron), which main and renderer both import; lint allows the renderer's
 * platform layer exactly that value import from electron/. Here untrusted data (localStorage, an IPC reply) is read
 * field by field, so one damaged field falls back to its default without losing the good ones.
 */
import {
  DEFAULT_SETTINGS,
  REDUCED_MOTION_MODES,
  THEMES,
  settingsSchema,
  type ReducedMotionMode,
  type Settings,
  type Theme,
} from '../../../electron/ipc/settings';

export { DEFAULT_SETTINGS, THEMES, type Settings };
export type ThemeName = Theme;
export type ReducedMotionSetting = ReducedMotionMode;
export const REDUCED_MOTION_SETTINGS = REDUCED_MOTION_MODES;

export interface SettingsProblem {
  field: string;
  message: string;
}

const FIELDS = ['theme', 'textScale', 'reducedMotion'] as const;

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
  const shape = settingsSchema.shape;
  const found = (v: unknown) => `found ${JSON.stringify(v)}`;
  for (const field of FIELDS) {
    if (r[field] === undefined) continue;
    const parsed = shape[field].safeParse(r[field]);
    if (parsed.success) (settings as Record<string, unknown>)[field] = parsed.data;
    else problems.push({ field, message: `${parsed.error.issues[0]?.message ?? 'invalid'}, ${found(r[field])}` });
  }
  return { settings, problems };
}
