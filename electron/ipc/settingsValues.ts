/**
 * The values settings may take, as plain data without zod: the settings schema (settings.ts) is built from them, and
 * the renderer reads the first 3D frame's settings with them before it has loaded any schema (renderer/src/platform/
 * startup.ts, issue 11: the first frame's chunk carries no zod).
 */
import { THEMES, type ThemeName } from './themeColors';

export { THEMES };

/** `system` follows the OS "reduce motion" preference; `on`/`off` override it. */
export const REDUCED_MOTION_MODES = ['system', 'on', 'off'] as const;
export type ReducedMotionMode = (typeof REDUCED_MOTION_MODES)[number];

export const TEXT_SCALE_MIN = 0.8;
export const TEXT_SCALE_MAX = 2;

/** The default of each setting (settings.ts's schema defaults are these). */
export const SETTING_DEFAULTS: Readonly<{ theme: ThemeName; textScale: number; reducedMotion: ReducedMotionMode }> =
  Object.freeze({ theme: 'dark', textScale: 1, reducedMotion: 'system' });
