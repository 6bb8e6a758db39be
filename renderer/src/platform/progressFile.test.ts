import { describe, expect, it } from 'vitest';
import { locateJsonError } from './jsonError';
import { emptyProgress, recordAnswer, setStep } from './progress';
import { canonicalJson, exportProgress, importProgress } from './progressFile';

const at = new Date('2025-01-02T03:04:05.678Z');
const progress = recordAnswer(
  setStep(emptyProgress(), 'l1', 3, at),
  'l1',
  { questionId: 'q', correct: true, answer: { pick: ['a', 'é'] } },
  at,
);

describe('exportProgress / importProgress', () => {
  it('round-trip, with the student and the export time', async () => {
    const text = await exportProgress(progress, { student: 'Ada', now: at });
    const file = JSON.parse(text);
    expect(file).toMatchObject({
      format: 'ring-minus-one-progress',
      version: 1,
      exportedAt: at.toISOString(),
      student: 'Ada',
    });
    expect(file.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(await importProgress(text)).toEqual({ ok: true, progress, student: 'Ada', exportedAt: at.toISOString() });
  });

  it('the checksum is over a canonical form: re-indenting or reordering keys does not matter', async () => {
    const file = JSON.parse(await exportProgress(progress, { now: at }));
    const reordered = JSON.stringify({
      checksum: file.checksum,
      progress: file.progress,
      exportedAt: file.exportedAt,
      version: 1,
      format: file.format,
    });
    expect((await importProgress(reordered)).ok).toBe(true);
    expect(canonicalJson({ b: [1, { d: 1, c: null }], a: 'x' })).toBe('{"a":"x","b":[1,{"c":null,"d":1}]}');
  });

  it('rejects a file changed after export', async () => {
    const file = JSON.parse(await exportProgress(progress, { now: at }));
    file.progress.lessons.l1.answers[0].correct = false;
    expect(await importProgress(JSON.stringify(file))).toEqual({
      ok: false,
      error: 'The checksum does not match: the file was changed after export, or it is damaged.',
    });
    const withoutChecksum = { ...file, checksum: undefined };
    expect(await importProgress(JSON.stringify(withoutChecksum))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/no valid checksum/),
    });
  });

  it('says where bad JSON breaks', async () => {
    const text = await exportProgress(progress, { now: at });
    const cut = text.slice(0, 40);
    const result = await importProgress(cut);
    expect(result).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not valid JSON: unexpected end of file at line 2, column \d+ \(character 41\)/),
    });
    expect(await importProgress('{\n  "format": "ring-minus-one-progress",\n  "version": 1,,\n}')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/unexpected "," at line 3, column 16/),
    });
  });

  it('names a wrong format, a newer version and invalid progress', async () => {
    expect(await importProgress('[1]')).toMatchObject({
      error: expect.stringMatching(/not a Ring Minus One progress file/),
    });
    expect(await importProgress('{"format": "scenario"}')).toMatchObject({
      error: expect.stringMatching(/"format" is "scenario"/),
    });
    expect(await importProgress('{"format": "ring-minus-one-progress", "version": 2}')).toMatchObject({
      error: expect.stringMatching(/newer version .*file version 2/),
    });
    await expect(exportProgress({ ...progress, lastLessonId: '' })).rejects.toThrow(/lastLessonId/);
  });
});

describe('locateJsonError', () => {
  it.each([
    ['{"a":}', 5, '"}"'],
    ['{"a": 1', 7, 'end of file'],
    ['[1, 2,]', 6, '"]"'],
    ['{"a": "\\x"}', 8, '"x"'],
    ['{"a": 01}', 7, '"1"'],
    ['{"a": 1} x', 9, '"x"'],
    ['{"a": tru}', 6, '"t"'],
  ])('%s: offset %i', (text, offset, found) => {
    expect(locateJsonError(text)).toMatchObject({ offset, found });
  });
  it('gives nothing for valid JSON', () => {
    expect(locateJsonError(' {"a": [1, -2.5e3, true, null, "\\u00e9"]} ')).toBeNull();
  });
});
