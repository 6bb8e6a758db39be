/** The one last line after a failed electron-builder run that could not download Electron, or null. */
export function packagingHint(output: string, exitCode: number, electronVersion: string): string | null;
/** electron-builder's arguments: the config, a usable ELECTRON_OVERRIDE_DIST_PATH as electronDist, then `extra`. */
export function builderArgs(extra: string[], env?: Record<string, string | undefined>): string[];
