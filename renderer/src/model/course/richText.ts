/**
 * Rich text of the course: plain text with glossary links, `[[term-id]]` or `[[term-id|shown text]]`. The parser is
 * pure and lenient (an unclosed `[[` stays text); checkCourse.ts reports links to unknown terms with their place.
 */
export interface RichTextSegment {
  kind: 'text' | 'term';
  text: string;
  /** The linked glossary term (kind "term" only). */
  termId?: string;
}

const LINK = /\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/g;

/**
 * Splits text into plain and term segments. A link without shown text shows the term's name when a glossary is
 * given, else its id; adjacent plain text is never split.
 */
export function parseRichText(text: string, glossary?: ReadonlyMap<string, { term: string }>): RichTextSegment[] {
  const out: RichTextSegment[] = [];
  let last = 0;
  for (const m of text.matchAll(LINK)) {
    const termId = (m[1] as string).trim();
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
    out.push({ kind: 'term', termId, text: m[2]?.trim() ?? glossary?.get(termId)?.term ?? termId });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/** The term ids a text links, in order (with repeats). */
export function termLinks(text: string): string[] {
  return parseRichText(text).flatMap((s) => (s.termId === undefined ? [] : [s.termId]));
}

/** The text as a screen reader or a plain-text export reads it: links replaced by their shown text. */
export function plainText(text: string, glossary?: ReadonlyMap<string, { term: string }>): string {
  return parseRichText(text, glossary)
    .map((s) => s.text)
    .join('');
}
