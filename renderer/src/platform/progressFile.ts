/**
 * Progress export and import: a file a student can keep, move to another computer or hand in.
 *
 *   { format: 'ring-minus-one-progress', version: 1, exportedAt, student?, progress, checksum }
 *
 * `checksum` is the SHA-256 (hex) of a canonical serialization (keys sorted, no spaces) of every other field. It
 * detects a damaged file (a bad copy, a cut-off download) and casual edits in a text editor. It does NOT prove who
 * made the file: the algorithm ships with the app, so anyone determined can recompute it after editing. Pure Web
 * APIs only (Web Crypto), so this runs in the renderer, in a browser and in Node tests.
 */
import { locateJsonError } from './jsonError';
import { MAX_PROGRESS_BYTES, checkProgress, type Progress } from './progress';

export const PROGRESS_FILE_FORMAT = 'ring-minus-one-progress';
export const PROGRESS_FILE_VERSION = 1;

export type ImportResult =
  { ok: true; progress: Progress; student: string | null; exportedAt: string | null } | { ok: false; error: string };

/** JSON with object keys sorted at every level and no whitespace: the same data always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const entries = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The export file's text. Throws when the progress itself is invalid (a bug: the app only holds valid progress). */
export async function exportProgress(
  progress: Progress,
  options: { student?: string; now?: Date } = {},
): Promise<string> {
  const checked = checkProgress(progress);
  if (!checked.ok) throw new Error(`Cannot export progress: ${checked.reason}`);
  const body = {
    format: PROGRESS_FILE_FORMAT,
    version: PROGRESS_FILE_VERSION,
    exportedAt: (options.now ?? new Date()).toISOString(),
    ...(options.student ? { student: options.student } : {}),
    progress: checked.progress,
  };
  return `${JSON.stringify({ ...body, checksum: await sha256Hex(canonicalJson(body)) }, null, 2)}\n`;
}

/** Reads an export file. Every error is a sentence for the student that says what is wrong and, for JSON, where. */
export async function importProgress(text: string): Promise<ImportResult> {
  const fail = (error: string): ImportResult => ({ ok: false, error });
  if (text.length > MAX_PROGRESS_BYTES) {
    return fail(`The file is too large to be a progress file (${text.length} characters).`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const place = locateJsonError(text);
    const what = place
      ? `unexpected ${place.found} at line ${place.line}, column ${place.column} (character ${place.offset + 1})`
      : (error as Error).message;
    return fail(`The file is not valid JSON: ${what}. It may be cut off or damaged.`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('This is not a Ring Minus One progress file (it is not a JSON object).');
  }
  const { checksum, ...rest } = raw as Record<string, unknown>;
  if (rest.format !== PROGRESS_FILE_FORMAT) {
    return fail(
      `This is not a Ring Minus One progress file: its "format" is ${JSON.stringify(rest.format) ?? 'missing'}, ` +
        `expected "${PROGRESS_FILE_FORMAT}".`,
    );
  }
  if (typeof rest.version === 'number' && rest.version > PROGRESS_FILE_VERSION) {
    return fail(
      `The file was exported by a newer version of Ring Minus One (file version ${rest.version}; ` +
        `this version reads ${PROGRESS_FILE_VERSION}). Update the app to import it.`,
    );
  }
  if (rest.version !== PROGRESS_FILE_VERSION) {
    return fail(`The file has an unknown version: ${JSON.stringify(rest.version) ?? 'missing'}.`);
  }
  if (typeof checksum !== 'string' || !/^[0-9a-f]{64}$/.test(checksum)) {
    return fail('The file has no valid checksum, so it cannot be checked for damage.');
  }
  if ((await sha256Hex(canonicalJson(rest))) !== checksum) {
    return fail('The checksum does not match: the file was changed after export, or it is damaged.');
  }
  const checked = checkProgress(rest.progress);
  if (!checked.ok) return fail(`The progress in the file cannot be used: ${checked.reason}.`);
  return {
    ok: true,
    progress: checked.progress,
    student: typeof rest.student === 'string' ? rest.student : null,
    exportedAt: typeof rest.exportedAt === 'string' ? rest.exportedAt : null,
  };
}
