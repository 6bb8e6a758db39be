/**
 * The one way rich text reaches the page: Markdown of the subset to HTML (model/course/markdown.ts), sanitized by
 * DOMPurify with a strict allow-list, then turned into a small tree that RichNodes.svelte draws with Svelte (text is
 * always text; glossary placeholders become TermLink popovers). Nothing is ever assigned as HTML.
 */
import DOMPurify, { type Config } from 'dompurify';
import { isHttpsUrl, richTextHtml, type RichTextOptions } from '../../model/course/markdown';

export type RichTag = 'p' | 'em' | 'strong' | 'code' | 'ul' | 'ol' | 'li';
export type RichNode =
  | { kind: 'text'; text: string }
  | { kind: 'term'; termId: string; text: string }
  | { kind: 'link'; href: string; children: RichNode[] }
  | { kind: 'element'; tag: RichTag; children: RichNode[] };

const TAGS: readonly RichTag[] = ['p', 'em', 'strong', 'code', 'ul', 'ol', 'li'];

/** The allow-list: the subset's tags, links to https only, and the glossary placeholder `span[data-term]`. */
export const SANITIZE_CONFIG: Config = {
  ALLOWED_TAGS: [...TAGS, 'a', 'span'],
  ALLOWED_ATTR: ['href', 'data-term'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOWED_URI_REGEXP: /^https:\/\//i,
  // DOMPurify checks every attribute value not known as URI-safe against ALLOWED_URI_REGEXP: a term id is not a URI.
  ADD_URI_SAFE_ATTR: ['data-term'],
  KEEP_CONTENT: true,
};

/** Sanitizes HTML with the allow-list and converts it to nodes; anything not allowed keeps only its text. */
export function sanitizeToNodes(html: string): RichNode[] {
  const fragment = DOMPurify.sanitize(html, { ...SANITIZE_CONFIG, RETURN_DOM_FRAGMENT: true });
  return convert(fragment.childNodes);
}

const BLOCKS = new Set(['p', 'ul', 'ol', 'li']);

function convert(list: NodeListOf<ChildNode>): RichNode[] {
  const nodes = [...list];
  // Block HTML ends each block with a newline: between blocks that is layout, not text.
  const betweenBlocks = nodes.some((n) => n instanceof Element && BLOCKS.has(n.localName));
  const out: RichNode[] = [];
  for (const node of nodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent ?? '';
      if (text && !(betweenBlocks && text.trim() === '')) out.push({ kind: 'text', text });
      continue;
    }
    if (!(node instanceof Element)) continue;
    const tag = node.localName;
    const term = node.getAttribute('data-term');
    const href = node.getAttribute('href');
    if (tag === 'span' && term) out.push({ kind: 'term', termId: term, text: node.textContent ?? '' });
    else if (tag === 'a' && href && isHttpsUrl(href))
      out.push({ kind: 'link', href, children: convert(node.childNodes) });
    else if ((TAGS as readonly string[]).includes(tag))
      out.push({ kind: 'element', tag: tag as RichTag, children: convert(node.childNodes) });
    else out.push(...convert(node.childNodes));
  }
  return out;
}

/** Rich text to nodes: one paragraph comes back as its inline content, so it can sit inside a caller's own line. */
export function richNodes(
  text: string,
  glossary: ReadonlyMap<string, { term: string; aliases?: readonly string[] }>,
  options: RichTextOptions = {},
): RichNode[] {
  const nodes = sanitizeToNodes(richTextHtml(text, glossary, options));
  const only = nodes.length === 1 ? nodes[0] : undefined;
  return only?.kind === 'element' && only.tag === 'p' ? only.children : nodes;
}
