import { MAX_OPENED_FILE_BYTES, openedFileEventSchema, type OpenedFileEvent } from '../../../electron/ipc/files';
import type { FileReason, OpenedFile } from './Platform';

// The one importer of the opened-file schema shared with main (lint allows exactly this file).
export { MAX_OPENED_FILE_BYTES, openedFileEventSchema, type OpenedFileEvent };

/** The listeners of a file host: each file goes to every page that listens. */
export class FileListeners {
  private readonly listeners = new Set<(file: OpenedFile) => void>();

  add(listener: (file: OpenedFile) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  emit(file: OpenedFile): void {
    for (const l of this.listeners) l(file);
  }
}

/**
 * Reads a File the page holds (the file input, a drop, a File System Access handle's file), with the same size cap
 * as main: a file larger than the scenario loader's limit is refused unread. Never throws.
 */
export async function readPageFile(file: File, reason: FileReason): Promise<OpenedFile> {
  const base = { name: file.name, location: file.name, reason };
  if (file.size > MAX_OPENED_FILE_BYTES) {
    const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
    return {
      ...base,
      ok: false,
      error: `${file.name} is ${mb(file.size)}; files up to ${mb(MAX_OPENED_FILE_BYTES)} can be opened.`,
    };
  }
  try {
    return { ...base, ok: true, text: await file.text() };
  } catch (error) {
    return {
      ...base,
      ok: false,
      error: `${file.name} cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
