import { describe, expect, it } from 'vitest';
import { jsonLocator, jsonSyntaxError, parseErrorPath, positionFinder } from './jsonText';

describe('jsonSyntaxError', () => {
  it('says what is wrong, in plain words, with line and column', () => {
    const cases: [string, string, number, number][] = [
      ['{\n  "a": 1\n  "b": 2\n}', 'expected a comma or "}"', 3, 3],
      ['{"a": [1\n 2]}', 'expected a comma or "]"', 2, 2],
      ['{"a": [1,]}', 'a comma before "]" has nothing after it: remove the comma', 1, 9],
      ['{"a" 1}', 'expected a colon ":" after the field name', 1, 6],
      ['{a: 1}', 'expected a field name in double quotes, found the word "a"', 1, 2],
      ['{"a": 1} {}', 'more text after the end of the JSON data (found "{"); a file holds one JSON object', 1, 10],
      [
        '{"a": "x\\qy"}',
        'invalid escape in text: after a backslash use one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX',
        1,
        7,
      ],
      ['{"a": "x\ty"}', 'a control character (tab or line break) inside text: write it as \\t or \\n', 1, 7],
      ['{"a": {"b": 1}', 'expected "}" to close an object, found the end of the file', 1, 15],
      ['{"a": [1', 'expected "]" to close a list, found the end of the file', 1, 9],
      ['{"a": 1.}', 'not a valid number', 1, 7],
    ];
    for (const [text, message, line, column] of cases)
      expect(jsonSyntaxError(text), text).toEqual({ message, line, column });
    expect(jsonSyntaxError('{"fine": [1, 2, {"x": null}]}')).toBeUndefined();
  });

  it('gives up quietly (undefined) on nesting too deep for its parser', () => {
    expect(jsonSyntaxError('['.repeat(1_000_000))).toBeUndefined();
  });
});

describe('positions and paths', () => {
  it('counts lines and columns from 1', () => {
    const at = positionFinder('ab\ncd\n\nef');
    expect([0, 1, 3, 6, 7, 9].map(at)).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 2 },
      { line: 2, column: 1 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
      { line: 4, column: 3 },
    ]);
  });

  it('reads error paths', () => {
    expect(parseErrorPath('paths[0].hops[12].to')).toEqual(['paths', 0, 'hops', 12, 'to']);
    expect(parseErrorPath('lessons[1].questions[0].overrides.exit-direct')).toEqual([
      'lessons',
      1,
      'questions',
      0,
      'overrides',
      'exit-direct',
    ]);
    expect(parseErrorPath('')).toEqual([]);
  });

  it('locates a value, the nearest existing parent of a missing one, and an unknown field by its key', () => {
    const text = '{\n  "a": {\n    "b": [10, 20],\n    "colour": 1\n  }\n}';
    const locate = jsonLocator(text);
    expect(locate('a.b[1]')).toEqual({ line: 3, column: 15 });
    expect(locate('a.missing')).toEqual({ line: 2, column: 8 });
    expect(locate('a', 'unknown field: colour')).toEqual({ line: 4, column: 5 });
    expect(locate('')).toEqual({ line: 1, column: 1 });
  });
});
