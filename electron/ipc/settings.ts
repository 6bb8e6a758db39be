import { z } from 'zod';
import { REDUCED_MOTION_MODES, SETTING_DEFAULTS, TEXT_SCALE_MAX, TEXT_SCALE_MIN, THEMES } from './settingsValues';

/** The values settings may take: plain data in settingsValues.ts (the first 3D frame reads them without zod). */
export { REDUCED_MOTION_MODES, TEXT_SCALE_MAX, TEXT_SCALE_MIN, THEMES };

/**
 * The user's settings, as sent over IPC and saved. Strict: an unknown key in a payload is an error. A stored file
 * (settings.json, localStorage) is read field by field instead (readSettingsFields): one bad field falls back to its
 * default alone, and keys this version does not know are kept, not treated as damage.
 */
export const settingsSchema = z.strictObject({
  schemaVersion: z.literal(1),
  theme: z.enum(THEMES).default(SETTING_DEFAULTS.theme),
  textScale: z.number().min(TEXT_SCALE_MIN).max(TEXT_SCALE_MAX).default(SETTING_DEFAULTS.textScale),
  reducedMotion: z.enum(REDUCED_MOTION_MODES).default(SETTING_DEFAULTS.reducedMotion),
});

export type Settings = z.output<typeof settingsSchema>;
export type Theme = Settings['theme'];
export type ReducedMotionMode = Settings['reducedMotion'];

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({ schemaVersion: 1, ...SETTING_DEFAULTS });

/**
 * The key of the recent-files list in settings.json. Main's alone: not part of `settingsSchema` (the renderer never
 * sends paths); settingsStore.ts reads and writes it with recentPathsSchema (ipc/files.ts).
 */
export const RECENT_FILES_KEY = 'recentFiles';

/** Real settings are a few hundred bytes; a larger file is set aside unread (it could be hundreds of MB). */
export const MAX_SETTINGS_BYTES = 64 * 1024;

export const SETTINGS_SCHEMA_VERSION = 1;

/** The settings fields proper (everything but schemaVersion), each read on its own. */
const SETTINGS_FIELDS = Object.keys(settingsSchema.shape).filter(
  (key): key is Exclude<keyof Settings, 'schemaVersion'> => key !== 'schemaVersion',
);

export interface SettingsFieldProblem {
  field: string;
  message: string;
}

export interface SettingsFields {
  /** Every valid field, defaults for the rest. */
  settings: Settings;
  /** One entry per field that was wrong and fell back to its default: where and what. */
  problems: SettingsFieldProblem[];
  /** Keys this version does not know (a newer version's setting, a hand-edited typo), kept as they were. */
  unknown: Record<string, unknown>;
}

/**
 * Reads stored settings field by field. Never throws; a value that is not an object gives the defaults and one
 * problem. `unknown` is built with Object.fromEntries (defines own properties), so a key `__proto__` stays a plain
 * key and cannot change any prototype.
 */
export function readSettingsFields(raw: unknown): SettingsFields {
  const settings: Settings = { ...DEFAULT_SETTINGS };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { settings, problems: [{ field: '(root)', message: 'expected an object of settings' }], unknown: {} };
  }
  const record = raw as Record<string, unknown>;
  const problems: SettingsFieldProblem[] = [];
  const found = (value: unknown) => `found ${JSON.stringify(value) ?? String(value)}`;
  if (record.schemaVersion !== SETTINGS_SCHEMA_VERSION) {
    problems.push({
      field: 'schemaVersion',
      message: `expected ${SETTINGS_SCHEMA_VERSION}, ${found(record.schemaVersion)}`,
    });
  }
  for (const field of SETTINGS_FIELDS) {
    if (!Object.hasOwn(record, field) || record[field] === undefined) continue;
    const parsed = settingsSchema.shape[field].safeParse(record[field]);
    if (parsed.success) Object.assign(settings, { [field]: parsed.data });
    else problems.push({ field, message: `${parsed.error.issues[0]?.message ?? 'invalid'}, ${found(record[field])}` });
  }
  const known = new Set<string>(Object.keys(settingsSchema.shape));
  const unknown = Object.fromEntries(Object.entries(record).filter(([key]) => !known.has(key)));
  return { settings, problems, unknown };
}

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
