/**
 * Handouts as PDF files (the `handout:savePdf` channel): the page of the window is printed with its print stylesheet
 * (which shows only the open handout), the user picks where to save it, and the file is written atomically (temp file,
 * fsync, rename: durableFile.ts), so an existing file of that name is either kept whole or replaced whole.
 * Plain functions over small interfaces, so Node tests drive them with a fake webContents, dialog and file system.
 */
import path from 'node:path';
import { writeFileAtomic, type DurableFs } from './durableFile';

/** The part of Electron's WebContents this module uses. */
export interface PrintableContents {
  isDestroyed(): boolean;
  printToPDF(options: {
    printBackground: boolean;
    pageSize: 'A4';
    preferCSSPageSize: boolean;
    generateDocumentOutline: boolean;
  }): Promise<Uint8Array>;
}

export interface HandoutPdfDeps {
  /** The window to print (the app's main window), or null when it is gone. */
  contents(): PrintableContents | null;
  /** Shows the save dialog; resolves to the chosen path, or undefined when canceled. */
  askWhere(defaultPath: string): Promise<string | undefined>;
  /** Where the dialog starts (the user's Documents folder). */
  defaultFolder: string;
  fs?: DurableFs;
}

/** A PDF larger than this is not written (a handout of a long run sheet with pictures is a few MB). */
export const MAX_HANDOUT_PDF_BYTES = 200 * 1024 * 1024;

const PDF_MAGIC = '%PDF-';

/**
 * A file name that is safe on every OS: no folders, no characters Windows refuses, no leading dots, at most 150
 * characters, always ending in ".pdf".
 */
export function safePdfName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/'));
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[<>:"/\\|?*\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .replace(/\.pdf$/i, '')
    .slice(0, 150)
    .trim();
  return `${cleaned || 'handout'}.pdf`;
}

export type HandoutPdfResult = { saved: true; path: string; bytes: number } | { saved: false };

export async function saveHandoutPdf(fileName: string, deps: HandoutPdfDeps): Promise<HandoutPdfResult> {
  const contents = deps.contents();
  if (!contents || contents.isDestroyed()) throw new Error('the window to print is gone');
  let pdf: Uint8Array;
  try {
    pdf = await contents.printToPDF({
      printBackground: true,
      pageSize: 'A4',
      preferCSSPageSize: true,
      generateDocumentOutline: true,
    });
  } catch (error) {
    throw new Error(`the page could not be printed to PDF: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (
    pdf.byteLength < PDF_MAGIC.length ||
    Buffer.from(pdf.subarray(0, PDF_MAGIC.length)).toString('latin1') !== PDF_MAGIC
  )
    throw new Error(`the printed document is not a PDF (${pdf.byteLength} bytes)`);
  if (pdf.byteLength > MAX_HANDOUT_PDF_BYTES)
    throw new Error(
      `the PDF is ${Math.ceil(pdf.byteLength / 1024 / 1024)} MB, more than the ${MAX_HANDOUT_PDF_BYTES / 1024 / 1024} MB a handout may be`,
    );
  const chosen = await deps.askWhere(path.join(deps.defaultFolder, safePdfName(fileName)));
  if (!chosen) return { saved: false };
  if (!path.isAbsolute(chosen)) throw new Error(`the save dialog answered a relative path (${chosen})`);
  const target = /\.pdf$/i.test(chosen) ? chosen : `${chosen}.pdf`;
  try {
    await writeFileAtomic(target, pdf, deps.fs);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`the PDF could not be written to ${target}: ${reason}`);
  }
  return { saved: true, path: target, bytes: pdf.byteLength };
}
