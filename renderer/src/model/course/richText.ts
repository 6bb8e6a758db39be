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

interface Named {
  term: string;
  aliases?: readonly string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Links glossary terms in text written without links (hop narrations, component descriptions): the first mention of
 * each term, by its name or an alias, whole words only, longest name first so "VM exit" wins over "exit". Text that
 * already has `[[links]]` is parsed as it is.
 */
export function autoLinkTerms(text: string, glossary: ReadonlyMap<string, Named>): RichTextSegment[] {
  if (text.includes('[[')) return parseRichText(text, glossary);
  const names = [...glossary.entries()]
    .flatMap(([id, t]) => [t.term, ...(t.aliases ?? [])].map((name) => ({ id, name: name.trim() })))
    // A name of one or two letters would link inside ordinary prose.
    .filter((n) => n.name.length >= 3)
    .sort((a, b) => b.name.length - a.name.length);
  if (names.length === 0) return text ? [{ kind: 'text', text }] : [];
  const pattern = new RegExp(`(?<![\\w-])(${names.map((n) => escape(n.name)).join('|')})(?![\\w-])`, 'gi');
  const byName = new Map(names.map((n) => [n.name.toLowerCase(), n.id]));
  const linked = new Set<string>();
  const out: RichTextSegment[] = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    const termId = byName.get((m[1] as string).toLowerCase());
    if (termId === undefined || linked.has(termId)) continue;
    linked.add(termId);
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
    out.push({ kind: 'term', termId, text: m[0] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}
