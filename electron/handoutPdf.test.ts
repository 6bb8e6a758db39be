import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_HANDOUT_PDF_BYTES,
  safePdfName,
  saveHandoutPdf,
  type HandoutPdfDeps,
  type PrintableContents,
} from './handoutPdf';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

/** A webContents that prints `output` (or fails), recording the options it was asked for. */
function fakeContents(output: Uint8Array | Error, destroyed = false) {
  const calls: unknown[] = [];
  const contents: PrintableContents = {
    isDestroyed: () => destroyed,
    printToPDF: async (options) => {
      calls.push(options);
      if (output instanceof Error) throw output;
      return output;
    },
  };
  return { contents, calls };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rmo-handout-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function deps(contents: PrintableContents | null, answer: string | undefined, asked: string[] = []): HandoutPdfDeps {
  return {
    contents: () => contents,
    askWhere: async (defaultPath) => {
      asked.push(defaultPath);
      return answer;
    },
    defaultFolder: dir,
  };
}

describe('saveHandoutPdf', () => {
  it('prints A4 with backgrounds, suggests a safe name in the default folder and writes the PDF where chosen', async () => {
    const { contents, calls } = fakeContents(PDF);
    const asked: string[] = [];
    const target = path.join(dir, 'out', 'lesson.pdf');
    const result = await saveHandoutPdf('Lesson 4: A disk write', deps(contents, target, asked));
    expect(result).toEqual({ saved: true, path: target, bytes: PDF.byteLength });
    expect(await readFile(target)).toEqual(PDF);
    expect(asked).toEqual([path.join(dir, 'Lesson 4 A disk write.pdf')]);
    expect(calls).toEqual([
      expect.objectContaining({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true }),
    ]);
    // Atomic write: no temp file is left beside it.
    expect(await readdir(path.join(dir, 'out'))).toEqual(['lesson.pdf']);
  });

  it('adds .pdf to a chosen name without it', async () => {
    const target = path.join(dir, 'notes');
    const result = await saveHandoutPdf('x', deps(fakeContents(PDF).contents, target));
    expect(result).toMatchObject({ saved: true, path: `${target}.pdf` });
    expect((await readFile(`${target}.pdf`)).byteLength).toBe(PDF.byteLength);
  });

  it('writes nothing when the user cancels', async () => {
    expect(await saveHandoutPdf('x', deps(fakeContents(PDF).contents, undefined))).toEqual({ saved: false });
    expect(await readdir(dir)).toEqual([]);
  });

  it('fails clearly when the window is gone or printing fails, before asking where', async () => {
    const asked: string[] = [];
    await expect(saveHandoutPdf('x', deps(null, path.join(dir, 'a.pdf'), asked))).rejects.toThrow(
      'the window to print is gone',
    );
    await expect(
      saveHandoutPdf('x', deps(fakeContents(PDF, true).contents, path.join(dir, 'a.pdf'), asked)),
    ).rejects.toThrow('the window to print is gone');
    await expect(
      saveHandoutPdf('x', deps(fakeContents(new Error('Printing failed')).contents, path.join(dir, 'a.pdf'), asked)),
    ).rejects.toThrow('the page could not be printed to PDF: Printing failed');
    expect(asked).toEqual([]);
  });

  it('refuses output that is empty, not a PDF, or too large', async () => {
    const target = path.join(dir, 'a.pdf');
    await expect(saveHandoutPdf('x', deps(fakeContents(new Uint8Array()).contents, target))).rejects.toThrow(
      'the printed document is not a PDF (0 bytes)',
    );
    await expect(saveHandoutPdf('x', deps(fakeContents(Buffer.from('<html>')).contents, target))).rejects.toThrow(
      'is not a PDF (6 bytes)',
    );
    const huge = Buffer.alloc(MAX_HANDOUT_PDF_BYTES + 1);
    PDF.copy(huge);
    await expect(saveHandoutPdf('x', deps(fakeContents(huge).contents, target))).rejects.toThrow(
      'the PDF is 201 MB, more than the 200 MB a handout may be',
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps an existing file whole when the write fails, and says where', async () => {
    const target = path.join(dir, 'kept.pdf');
    await writeFile(target, 'old handout');
    const failing: HandoutPdfDeps = {
      ...deps(fakeContents(PDF).contents, target),
      fs: {
        open: async () => ({
          writeFile: async () => {
            throw new Error('ENOSPC: no space left on device');
          },
          sync: async () => undefined,
          close: async () => undefined,
        }),
        rename: async () => undefined,
        rm: async () => undefined,
        mkdir: async () => undefined,
      },
    };
    await expect(saveHandoutPdf('x', failing)).rejects.toThrow(
      `the PDF could not be written to ${target}: ENOSPC: no space left on device`,
    );
    expect(await readFile(target, 'utf8')).toBe('old handout');
  });

  it('refuses a relative path from the dialog', async () => {
    await expect(saveHandoutPdf('x', deps(fakeContents(PDF).contents, 'a.pdf'))).rejects.toThrow(
      'the save dialog answered a relative path (a.pdf)',
    );
  });
});

describe('safePdfName', () => {
  it.each([
    ['Lesson 4: A disk write', 'Lesson 4 A disk write.pdf'],
    ['../../etc/passwd', 'passwd.pdf'],
    ['C:\\Users\\x\\evil.pdf', 'evil.pdf'],
    ['a<b>c|d?e*f"g', 'a b c d e f g.pdf'],
    ['...hidden', 'hidden.pdf'],
    ['tab\tand\nnewline', 'tab and newline.pdf'],
    ['', 'handout.pdf'],
    ['///', 'handout.pdf'],
    ['x'.repeat(300), `${'x'.repeat(150)}.pdf`],
    ['Already.PDF', 'Already.pdf'],
  ])('%j -> %j', (input, expected) => {
    expect(safePdfName(input)).toBe(expected);
  });
});
