import { describe, expect, it } from 'vitest';
import { loadBuiltInLibrary } from './builtin';
import { checkMarkup, markupProblem } from './markupCheck';

describe('markupProblem', () => {
  it('accepts the Markdown subset', () => {
    for (const text of [
      'Plain text, *emphasis*, **strong** and `code`.',
      '- a list\n- of items\n\n1. numbered',
      'A [link](https://learn.microsoft.com/en-us/windows-hardware/drivers/network/sr-iov-vf-data-path).',
      'Glossary: [[vm-exit]] and [[vm-exit|exits]], even [[vm-exit]](not a link).',
      'Comparisons stay text: a < b, 3 <4, x<-y, ring <- 1.',
      'HTML inside code is shown as written: `<script>alert(1)</script>` and ``<b>``.',
    ])
      expect(markupProblem(text), text).toBeUndefined();
  });

  it('refuses raw HTML, images and links that are not https, saying what', () => {
    expect(markupProblem('a <script>x</script>')).toMatch(/^raw HTML is not allowed \("<script>"\); use Markdown/);
    expect(markupProblem('<IMG SRC=x>')).toMatch(/raw HTML is not allowed \("<IMG SRC=x>"\)/);
    expect(markupProblem('</div>')).toMatch(/raw HTML/);
    expect(markupProblem('<!doctype html>')).toMatch(/raw HTML/);
    expect(markupProblem('<svg/onload=alert(1)>')).toMatch(/raw HTML/);
    expect(markupProblem('![x](https://example.com/x.png)')).toMatch(/^images are not allowed/);
    expect(markupProblem('[x](http://example.com)')).toMatch(/^a link must go to an https:\/\/ address/);
    expect(markupProblem('[x]( javascript:alert(1) )')).toMatch(/https/);
    expect(markupProblem('[x](data:text/html,hi)')).toMatch(/https/);
    expect(markupProblem('[x](/relative)')).toMatch(/https/);
    expect(markupProblem('<http://example.com>')).toMatch(/https/);
    expect(markupProblem('[ref]: http://example.com')).toMatch(/https/);
    expect(markupProblem('see http://example.com or www.example.org')).toMatch(/"http:\/\/example\.com"/);
  });
});

describe('checkMarkup', () => {
  it('names the place of every text with a problem, at any depth, and skips addresses', () => {
    const file = {
      title: 'ok',
      sources: [{ key: 'S1', url: 'http://example.com/allowed-as-a-source-address' }],
      lessons: [{ steps: [{ narration: 'fine' }, { narration: 'bad <b>' }], intro: '![i](https://x.y/i.png)' }],
    };
    expect(checkMarkup(file, 'f.rmo').map((e) => [e.file, e.path])).toEqual([
      ['f.rmo', 'lessons[0].steps[1].narration'],
      ['f.rmo', 'lessons[0].intro'],
    ]);
  });

  it('finds nothing in the built-in content (it is checked by the same rule)', () => {
    expect(() => loadBuiltInLibrary()).not.toThrow();
  });
});
