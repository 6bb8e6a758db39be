import { z } from 'zod';

/**
 * Author files between main and renderer (pure zod, shared like settings.ts): what main hands the renderer when the
 * user opens a file, and the recent-files list. The renderer never names a path: it names a file by the token main
 * gave it, and main reads only files the user opened (electron/openedFiles.ts).
 */

/** The largest file main reads: the scenario loader's own limit (renderer/src/model/limits.ts, 2 MB). */
export const MAX_OPENED_FILE_BYTES = 2 * 1024 * 1024;

/** What File › Open offers: the app's own extension, plain JSON, and run sheets (`*.runsheet.json`). */
export const SCENARIO_EXTENSION = 'rmo';
export const OPENABLE_EXTENSIONS = [SCENARIO_EXTENSION, 'json'] as const;

/** True for a name File › Open accepts (`.rmo`, `.json`, which covers `.runsheet.json`), in any letter case. */
export function isOpenableName(name: string): boolean {
  const lower = name.toLowerCase();
  return OPENABLE_EXTENSIONS.some((ext) => lower.endsWith(`.${ext}`));
}

const token = z.string().regex(/^[a-f0-9-]{8,64}$/, 'not a file token');
/** Why a file arrives: the user opened it, asked to read it again, or it changed on disk. */
export const FILE_REASONS = ['open', 'reload', 'change'] as const;

const fileFields = {
  token,
  /** The file's name (no folder). */
  name: z.string().max(1024),
  /** Where it is, for people to read (the full path). */
  location: z.string().max(8192),
  reason: z.enum(FILE_REASONS),
};

/** A file main read for the renderer, or why it could not (too large, gone, not a file, unreadable). */
export const openedFileEventSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), ...fileFields, text: z.string().max(MAX_OPENED_FILE_BYTES) }),
  z.strictObject({ ok: z.literal(false), ...fileFields, error: z.string().max(2000) }),
]);
export type OpenedFileEvent = z.output<typeof openedFileEventSchema>;

/** One entry of the recent-files list as the renderer sees it. */
export const recentFileSchema = z.strictObject({
  token,
  name: z.string().max(1024),
  location: z.string().max(8192),
  /** The file is not there any more: shown as missing, kept until the user clears the list. */
  missing: z.boolean(),
});
export type RecentFile = z.output<typeof recentFileSchema>;

export const MAX_RECENT_FILES = 10;

/** The recent list as settings.json keeps it (main only: the renderer never sends paths). */
export const recentPathsSchema = z.array(z.string().min(1).max(4096)).max(MAX_RECENT_FILES);

/** A request that names an opened file. */
export const fileTokenSchema = z.strictObject({ token });
