import { describe, expect, it } from 'vitest';
import { loadBuiltInLibrary } from '../builtin';
import { plainText } from './markdown';
import { autoLinkTerms, parseRichText } from './richText';

const glossary = new Map([
  ['vm-exit', { term: 'VM exit', aliases: ['exit'] }],
  ['vmbus', { term: 'VMBus' }],
  ['tcb', { term: 'trusted computing base', aliases: ['TCB'] }],
]);

describe('rich text', () => {
  it('parses links with and without shown text, and keeps text around them', () => {
    expect(parseRichText('a [[vmbus]] b [[tcb|the TCB]].', glossary)).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'term', termId: 'vmbus', text: 'VMBus' },
      { kind: 'text', text: ' b ' },
      { kind: 'term', termId: 'tcb', text: 'the TCB' },
      { kind: 'text', text: '.' },
    ]);
    expect(plainText('[[vmbus]] rings', glossary)).toBe('VMBus rings');
  });

  it('links the first mention of each term in plain text, whole words, longest name first', () => {
    const segs = autoLinkTerms('A VM exit to VMBus; another VM exit, no exits, a sub-exit.', glossary);
    expect(segs.filter((s) => s.kind === 'term')).toEqual([
      { kind: 'term', termId: 'vm-exit', text: 'VM exit' },
      { kind: 'term', termId: 'vmbus', text: 'VMBus' },
    ]);
    expect(segs.map((s) => s.text).join('')).toBe('A VM exit to VMBus; another VM exit, no exits, a sub-exit.');
  });

  it('leaves text with explicit links to the parser, and plain text without terms whole', () => {
    expect(autoLinkTerms('[[tcb]] and VMBus', glossary).map((s) => s.kind)).toEqual(['term', 'text']);
    expect(autoLinkTerms('nothing here', glossary)).toEqual([{ kind: 'text', text: 'nothing here' }]);
  });

  it('finds glossary terms in the built-in hop narrations (what the walkthrough links)', () => {
    const lib = loadBuiltInLibrary();
    const linked = new Set(
      [...lib.paths.values()].flatMap((p) =>
        p.hops.flatMap((h) => autoLinkTerms(h.narration, lib.glossary).flatMap((s) => (s.termId ? [s.termId] : []))),
      ),
    );
    expect(linked.size).toBeGreaterThanOrEqual(8);
  });
});
