import path from 'node:path';
import { isOpenableName } from './ipc/files';

/**
 * The file a launch asks to open: a double-click on a `.rmo` file starts the app with its path in argv (Windows,
 * Linux), and a second launch hands its argv to the running instance. The first argument that names an openable file
 * (`.rmo`, `.json`) is it, resolved against the launch's working folder; switches (`--inspect`, `-x`) and the
 * executable and app paths are skipped. Null when there is none.
 */
export function fileFromArgv(argv: readonly string[], cwd: string): string | null {
  // argv[0] is the executable; in development argv[1] is the app's folder or main script.
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-') || !isOpenableName(arg)) continue;
    return path.resolve(cwd, arg);
  }
  return null;
}
