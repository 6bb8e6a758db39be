import { z } from 'zod';

/** The themes the renderer knows how to draw. `projector` is the high-contrast theme for bright lecture halls. */
export const THEMES = ['light', 'dark', 'projector'] as const;
/** `system` follows the OS "reduce motion" preference; `on`/`off` override it. */
export const REDUCED_MOTION_MODES = ['system', 'on', 'off'] as const;

export const TEXT_SCALE_MIN = 0.8;
export const TEXT_SCALE_MAX = 2;

/**
 * The user's settings, as stored in `settings.json` and sent over IPC.
 * Strict: an unknown key (a typo such as `thme`) is an error, not silently dropped.
 */
export const settingsSchema = z.strictObject({
  schemaVersion: z.literal(1),
  theme: z.enum(THEMES).default('dark'),
  textScale: z.number().min(TEXT_SCALE_MIN).max(TEXT_SCALE_MAX).default(1),
  reducedMotion: z.enum(REDUCED_MOTION_MODES).default('system'),
});

export type Settings = z.output<typeof settingsSchema>;
export type Theme = Settings['theme'];
export type ReducedMotionMode = Settings['reducedMotion'];

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  schemaVersion: 1,
  theme: 'dark',
  textScale: 1,
  reducedMotion: 'system',
});

/** Why settings.json could not be used, and where it was kept (null when it could not be moved aside). */
export const settingsLoadSchema = z.strictObject({
  settings: settingsSchema,
  problem: z.strictObject({ reason: z.string(), movedTo: z.string().nullable() }).nullable(),
});
export type SettingsLoad = z.output<typeof settingsLoadSchema>;

/** Formats zod issues as `field: message` lines, so an error says where and what. */
export function describeIssues(error: z.ZodError, root = 'payload'): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.map(String).join('.') : root;
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}
