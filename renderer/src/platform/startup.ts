/**
 * The settings the first 3D frame is drawn with, read before any schema is loaded (issue 11: the first frame's chunk
 * carries no zod; renderer/src/main.ts loads the platform, with its schemas, after that frame).
 *
 * Only what the first frame needs (theme, text size, motion), each field taken as stored when it is one of the values
 * settings may take (electron/ipc/settingsValues.ts) and its default otherwise, which is what the platform's full
 * reader (settings.ts, by the zod schema) gives for that field; that reader runs when the app starts and reports any
 * damage. A test checks the two agree.
 */
import type { SettingsLoad } from '../../../electron/ipc/settings';
import type { RingMinusOneApi } from '../../../electron/preload';
import {
  REDUCED_MOTION_MODES,
  SETTING_DEFAULTS,
  TEXT_SCALE_MAX,
  TEXT_SCALE_MIN,
  THEMES,
  type ReducedMotionMode,
} from '../../../electron/ipc/settingsValues';
import type { ThemeName } from '../../../electron/ipc/themeColors';

/** Where the browser keeps the settings (localStorage). */
export const SETTINGS_KEY = 'ring-minus-one.settings';

export interface FirstFrameSettings {
  theme: ThemeName;
  textScale: number;
  reducedMotion: ReducedMotionMode;
}

export interface StartupSettings {
  /** The first frame's settings. */
  first: Promise<FirstFrameSettings>;
  /**
   * Electron: main's reply to the one `settings:load` of this start-up, for the platform to read fully (main moves a
   * damaged settings.json aside when it reads it, so it is read once and its problem is reported by the app). Null in
   * a browser, whose platform reads localStorage itself.
   */
  electronReply: Promise<SettingsLoad> | null;
}

const oneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (values as readonly string[]).includes(value);

/** The first frame's settings from stored settings of any shape: each field as stored if valid, else its default. */
export function firstFrameSettings(raw: unknown): FirstFrameSettings {
  const record = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const own = (key: string): unknown => (Object.hasOwn(record, key) ? record[key] : undefined);
  const theme = own('theme');
  const textScale = own('textScale');
  const reducedMotion = own('reducedMotion');
  return {
    theme: oneOf(THEMES, theme) ? theme : SETTING_DEFAULTS.theme,
    textScale:
      typeof textScale === 'number' && textScale >= TEXT_SCALE_MIN && textScale <= TEXT_SCALE_MAX
        ? textScale
        : SETTING_DEFAULTS.textScale,
    reducedMotion: oneOf(REDUCED_MOTION_MODES, reducedMotion) ? reducedMotion : SETTING_DEFAULTS.reducedMotion,
  };
}

/** Reads the stored settings once at start-up: from main through the preload's API in Electron, else localStorage. */
export function readStartupSettings(
  api: RingMinusOneApi | undefined = globalThis.window?.ringMinusOne,
  storage: () => Storage = () => globalThis.localStorage,
): StartupSettings {
  if (api) {
    const electronReply = api.loadSettings();
    return {
      electronReply,
      first: electronReply.then(
        (reply) => firstFrameSettings(reply.settings),
        () => ({ ...SETTING_DEFAULTS }),
      ),
    };
  }
  let first: FirstFrameSettings;
  try {
    const text = storage().getItem(SETTINGS_KEY);
    first = firstFrameSettings(text === null ? null : JSON.parse(text));
  } catch {
    // Storage blocked or not JSON: the defaults now; the platform reports (and keeps) a damaged value when the app starts.
    first = { ...SETTING_DEFAULTS };
  }
  return { electronReply: null, first: Promise.resolve(first) };
}
