import { MAX_RECENT_FILES } from './ipc/files';

/**
 * The recent-files list: most recent first, each file once, at most MAX_RECENT_FILES. A file opened again moves to
 * the front. Missing files are not dropped here: the list shows them as missing until the user clears it.
 */
export function addRecent(list: readonly string[], file: string, max = MAX_RECENT_FILES): string[] {
  return [file, ...list.filter((f) => f !== file)].slice(0, max);
}
