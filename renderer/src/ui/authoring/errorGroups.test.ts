import { describe, expect, it } from 'vitest';
import { groupErrors, placeText } from './errorGroups';

describe('groupErrors', () => {
  it('groups by item in file order, whole-file errors first', () => {
    const groups = groupErrors([
      { file: 'a.rmo', path: 'lessons[0].steps[2].focus', message: 'x', line: 40, column: 3 },
      { file: 'a.rmo', path: 'paths[0].hops[1].to', message: 'y', line: 12, column: 9 },
      { file: 'a.rmo', path: 'lessons[0].title', message: 'z', line: 30, column: 5 },
      { file: 'a.rmo', path: '', message: 'too many errors' },
      { file: 'a.rmo', path: 'schemaVersion', message: 'w', line: 2, column: 1 },
    ]);
    expect(groups.map((g) => [g.title, g.errors.length])).toEqual([
      ['The whole file', 1],
      ['schemaVersion', 1],
      ['paths[0]', 1],
      ['lessons[0]', 2],
    ]);
  });

  it('says where, when known', () => {
    expect(placeText({ file: 'a', path: 'x', message: 'm', line: 3, column: 7 })).toBe('line 3, column 7');
    expect(placeText({ file: 'a', path: 'x', message: 'm' })).toBe('');
  });
});
