/**
 * Glossary links of the course's rich text, `[[term-id]]` or `[[term-id|shown text]]`, and the automatic linking of
 * terms in prose. The parser is pure and lenient (an unclosed `[[` stays text); checkCourse.ts reports links to unknown
 * terms with their place. The Markdown around the links (emphasis, code, lists, https links) is markdown.ts.
 */
export interface RichTextSegment {
  kind: 'text' | 'term';
  text: string;
  /** The linked glossary term (kind "term" only). */
  termId?: string;
}

export const TERM_LINK = /\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/g;

/**
 * Splits text into plain and term segments. A link without shown text shows the term's name when a glossary is
 * given, else its id; adjacent plain text is never split.
 */
export function parseRichText(text: string, glossary?: ReadonlyMap<string, { term: string }>): RichTextSegment[] {
  const out: RichTextSegment[] = [];
  let last = 0;
  for (const m of text.matchAll(TERM_LINK)) {
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

export interface Named {
  term: string;
  aliases?: readonly string[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Finds glossary names (and aliases) in prose: whole words, longest name first, case-insensitive. */
export interface TermMatcher {
  pattern: RegExp;
  byName: Map<string, string>;
}

const matchers = new WeakMap<ReadonlyMap<string, Named>, TermMatcher | null>();

/** The matcher of a glossary (built once per glossary map), or null when it has no name long enough to link. */
export function termMatcher(glossary: ReadonlyMap<string, Named>): TermMatcher | null {
  const known = matchers.get(glossary);
  if (known !== undefined) return known;
  const names = [...glossary.entries()]
    .flatMap(([id, t]) => [t.term, ...(t.aliases ?? [])].map((name) => ({ id, name: name.trim() })))
    // A name of one or two letters would link inside ordinary prose.
    .filter((n) => n.name.length >= 3)
    .sort((a, b) => b.name.length - a.name.length);
  const matcher =
    names.length === 0
      ? null
      : {
          pattern: new RegExp(`(?<![\\w-])(${names.map((n) => escapeRegExp(n.name)).join('|')})(?![\\w-])`, 'gi'),
          byName: new Map(names.map((n) => [n.name.toLowerCase(), n.id])),
        };
  matchers.set(glossary, matcher);
  return matcher;
}

/**
 * Splits plain text at the first mention of each term not yet in `linked` (which it updates), so a caller can link
 * the terms of several pieces of one text (the inline runs of a Markdown text) once each.
 */
export function linkMentions(text: string, matcher: TermMatcher, linked: Set<string>): RichTextSegment[] {
  const out: RichTextSegment[] = [];
  let last = 0;
  for (const m of text.matchAll(matcher.pattern)) {
    const termId = matcher.byName.get((m[1] as string).toLowerCase());
    if (termId === undefined || linked.has(termId)) continue;
    linked.add(termId);
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
    out.push({ kind: 'term', termId, text: m[0] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/**
 * Links glossary terms in text written without links (hop narrations, component descriptions): the first mention of
 * each term, by its name or an alias, whole words only, longest name first so "VM exit" wins over "exit". Text that
 * already has `[[links]]` is parsed as it is.
 */
export function autoLinkTerms(text: string, glossary: ReadonlyMap<string, Named>): RichTextSegment[] {
  if (text.includes('[[')) return parseRichText(text, glossary);
  const matcher = termMatcher(glossary);
  if (!matcher) return text ? [{ kind: 'text', text }] : [];
  return linkMentions(text, matcher, new Set());
}
