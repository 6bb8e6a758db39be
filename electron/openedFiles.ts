import { randomUUID } from 'node:crypto';
import { promises as nodeFs } from 'node:fs';
import path from 'node:path';
import { MAX_OPENED_FILE_BYTES } from './ipc/files';

/**
 * The allow-list of files the user opened: through the Open dialog, by dropping a file on the window, by a
 * double-click or a command line (argv, macOS `open-file`, a second instance), or from the recent list. Each gets an
 * opaque token; the renderer names a file only by its token, so it can ask main to read again or watch only a file
 * the user chose, never a path of its own.
 */
export class OpenedFiles {
  private readonly byToken = new Map<string, string>();
  private readonly byPath = new Map<string, string>();

  constructor(private readonly newToken: () => string = randomUUID) {}

  /** Adds a file the user chose (an absolute path) and answers its token (the same token for the same file). */
  allow(file: string): string {
    const resolved = path.resolve(file);
    const known = this.byPath.get(resolved);
    if (known) return known;
    const token = this.newToken();
    this.byToken.set(token, resolved);
    this.byPath.set(resolved, token);
    return token;
  }

  /** The path behind a token, or null for a token main never gave out. */
  pathOf(token: string): string | null {
    return this.byToken.get(token) ?? null;
  }
}

/** The file operations readOpenedFile uses (tests pass variants). */
export interface ReadFs {
  stat(file: string): Promise<{ size: number; isFile(): boolean }>;
  readFile(file: string, encoding: 'utf8'): Promise<string>;
}

export type ReadResult = { ok: true; text: string } | { ok: false; error: string };

/**
 * Reads a file the user opened, the size checked first: a file larger than the scenario loader's limit is refused
 * unread (it could be gigabytes), as is a folder or anything that is not a plain file. Never throws.
 */
export async function readOpenedFile(
  file: string,
  fs: ReadFs = nodeFs,
  maxBytes = MAX_OPENED_FILE_BYTES,
): Promise<ReadResult> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { ok: false, error: `${file} is not a file.` };
    if (stat.size > maxBytes)
      return {
        ok: false,
        error: `${file} is ${megabytes(stat.size)}; files up to ${megabytes(maxBytes)} can be opened.`,
      };
    const text = await fs.readFile(file, 'utf8');
    // Read again after the check: the file may have grown in between.
    if (text.length > maxBytes)
      return { ok: false, error: `${file} grew past ${megabytes(maxBytes)} while it was read.` };
    return { ok: true, text };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, error: `${file} is not there any more (moved or deleted).` };
    if (code === 'EACCES' || code === 'EPERM')
      return { ok: false, error: `${file} cannot be read: permission denied.` };
    return { ok: false, error: `${file} cannot be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
