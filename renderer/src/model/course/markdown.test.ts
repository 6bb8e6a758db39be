import { describe, expect, it } from 'vitest';
import { loadBuiltInLibrary } from '../builtin';
import { isHttpsUrl, plainText, richTextHtml } from './markdown';

const glossary = new Map([
  ['vm-exit', { term: 'VM exit', aliases: ['exit'] }],
  ['vmbus', { term: 'VMBus' }],
]);

/** Every tag the subset may produce (the placeholder span of a glossary link included). */
const ALLOWED = new Set(['p', 'em', 'strong', 'code', 'ul', 'ol', 'li', 'a', 'span']);
const tags = (html: string) => [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => (m[1] as string).toLowerCase());

describe('rich text Markdown: the subset', () => {
  it('renders emphasis, strong, code, lists, https links and glossary links', () => {
    expect(richTextHtml('*a* **b** `c<d>`')).toBe('<p><em>a</em> <strong>b</strong> <code>c&lt;d&gt;</code></p>\n');
    expect(richTextHtml('- one\n- two')).toBe('<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n');
    expect(richTextHtml('1. one\n2. two')).toBe('<ol>\n<li>one</li>\n<li>two</li>\n</ol>\n');
    expect(richTextHtml('[spec](https://example.org/a?b=1&c=2)')).toBe(
      '<p><a href="https://example.org/a?b=1&amp;c=2">spec</a></p>\n',
    );
    expect(richTextHtml('A [[vmbus]] and [[vm-exit|an exit]].', glossary)).toBe(
      '<p>A <span data-term="vmbus">VMBus</span> and <span data-term="vm-exit">an exit</span>.</p>\n',
    );
    expect(richTextHtml('two\n\nparagraphs')).toBe('<p>two</p>\n<p>paragraphs</p>\n');
  });

  it('links the first mention of each term only in text without explicit links, never inside code or links', () => {
    expect(richTextHtml('A VM exit, then *VMBus*; another VM exit.', glossary, { auto: true })).toBe(
      '<p>A <span data-term="vm-exit">VM exit</span>, then <em><span data-term="vmbus">VMBus</span></em>; another VM exit.</p>\n',
    );
    expect(richTextHtml('`VMBus` [VMBus](https://x.org) VMBus', glossary, { auto: true })).toBe(
      '<p><code>VMBus</code> <a href="https://x.org">VMBus</a> <span data-term="vmbus">VMBus</span></p>\n',
    );
    expect(richTextHtml('[[vm-exit]] and VMBus', glossary, { auto: true })).toBe(
      '<p><span data-term="vm-exit">VM exit</span> and VMBus</p>\n',
    );
    expect(richTextHtml('VMBus', glossary)).toBe('<p>VMBus</p>\n');
  });
});

describe('rich text Markdown: what is not in the subset is text, never markup', () => {
  const hostile = [
    '<script>alert(1)</script>',
    'inline <script>alert(1)</script> tag',
    '<img src=x onerror="alert(1)">',
    'text <img src=x onerror=alert(1)> more',
    '<a href="javascript:alert(1)">x</a>',
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[x](http://example.org/)',
    '[x](//example.org/)',
    '[x](vbscript:msgbox)',
    '<https://example.org/" onmouseover="alert(1)>',
    '![x](https://example.org/a.png)',
    '![x](data:image/png;base64,AAAA)',
    '[![x](https://e.org/a.png)](https://e.org)',
    '# Heading\n\n| a | b |\n|---|---|\n| 1 | 2 |',
    '> quote\n\n---\n\n    code block\n\n```\nfenced <b>\n```',
    '<div onclick="alert(1)">block html</div>',
    '<!-- comment --><style>*{}</style><iframe src="https://e.org"></iframe>',
    '[x]: javascript:alert(1)\n\n[link][x]',
    '[[vmbus|<img src=x onerror=alert(1)>]]',
    '[[" onmouseover="alert(1)]]',
    '*<svg onload=alert(1)>*',
  ];

  it.each(hostile)('%j', (text) => {
    const html = richTextHtml(text, glossary);
    for (const tag of tags(html)) expect(ALLOWED, `<${tag}> in ${html}`).toContain(tag);
    // The only attributes: href on a, data-term on the placeholder; every href https.
    for (const m of html.matchAll(/<([a-z]+)((?:\s+[^\s=>]+="[^"]*")*)\s*>/g)) {
      const attrs = [...(m[2] as string).matchAll(/([^\s=]+)="([^"]*)"/g)];
      for (const [, name, value] of attrs) {
        expect(name === 'href' || name === 'data-term', `${name} in ${html}`).toBe(true);
        if (name === 'href') expect(isHttpsUrl((value as string).replace(/&amp;/g, '&'))).toBe(true);
      }
    }
    expect(html).not.toMatch(/<(script|img|iframe|style|svg|div|h1|table|blockquote|pre|hr)\b/i);
  });

  it('shows what the author wrote, escaped, so a mistake is visible', () => {
    const written = ['<script>alert(1)</script>', 'see ![x](https://e.org/a.png)', '# Title', '[x](http://e.org)'];
    expect(written.map((text) => richTextHtml(text))).toEqual([
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n',
      '<p>see ![x](https://e.org/a.png)</p>\n',
      '<p># Title</p>\n',
      '<p>x</p>\n',
    ]);
  });
});

describe('plainText', () => {
  it('strips Markdown and glossary links', () => {
    expect(plainText('[[vmbus]] rings, *fast* and **safe**, `ring`', glossary)).toBe(
      'VMBus rings, fast and safe, ring',
    );
    expect(plainText('Read [the spec](https://e.org).\n\n- one\n- *two*\n\n3. a\n4. b')).toBe(
      'Read the spec.\n\n• one\n• two\n\n3. a\n4. b',
    );
    expect(plainText('<b>x</b> \\*y\\*')).toBe('<b>x</b> *y*');
    expect(plainText('')).toBe('');
  });
});

describe('built-in content', () => {
  it('renders every lesson text, glossary definition and description inside the subset, and reads the same as text', () => {
    const lib = loadBuiltInLibrary();
    const texts = [
      ...[...lib.lessons.values()].flatMap((l) => [
        l.intro,
        ...l.steps.flatMap((s) => [s.narration, s.notes]),
        ...l.questions.flatMap((q) => [q.prompt, q.explanation]),
      ]),
      ...[...lib.glossary.values()].map((t) => t.definition),
      ...[...lib.architectures.values()].flatMap((a) => a.components.map((c) => c.description)),
      ...[...lib.paths.values()].flatMap((p) => p.hops.map((h) => h.narration)),
    ];
    expect(texts.length).toBeGreaterThan(200);
    for (const text of texts) {
      const html = richTextHtml(text, lib.glossary, { auto: true });
      // Unchanged: one paragraph of the same words (no Markdown mark in the content today changes its meaning).
      expect(
        tags(html).filter((t) => t !== 'span' && t !== 'p'),
        text,
      ).toEqual([]);
      expect(plainText(text, lib.glossary).replace(/\s+/g, ' ')).toBe(
        text
          .replace(
            /\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/g,
            (_m, id: string, shown?: string) => shown ?? lib.glossary.get(id)?.term ?? id,
          )
          .replace(/\s+/g, ' ')
          .trim(),
      );
    }
  });
});
