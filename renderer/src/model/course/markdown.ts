/**
 * The Markdown subset of rich text (narration, notes, descriptions, question prompts and feedback): *emphasis*,
 * **strong**, `code`, bullet and numbered lists, links to https addresses, and glossary links `[[term-id]]` /
 * `[[term-id|shown text]]` (richText.ts). Parsed by `marked`; everything outside the subset is shown as the text the
 * author wrote, escaped: raw HTML, images, headings, tables, quotes, rules, code blocks, links that are not https.
 *
 * This is the first of three barriers (the loader rejects raw HTML before, DOMPurify sanitizes after, the CSP is
 * last): the HTML made here contains only p, em, strong, code, ul, ol, li, a[href^="https:"] and the glossary
 * placeholder span[data-term], and every text in it is escaped.
 */
import { Marked, type Token, type Tokens, type RendererObject, type TokenizerAndRendererExtension } from 'marked';
import { linkMentions, termMatcher, type Named, type RichTextSegment } from './richText';

/** A glossary link as a token: `shown` is filled in before rendering (its text, else the term's name, else its id). */
interface TermToken {
  type: 'term';
  raw: string;
  termId: string;
  text?: string;
  shown?: string;
}

const TERM_AT_START = /^\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/;

const termExtension: TokenizerAndRendererExtension = {
  name: 'term',
  level: 'inline',
  start: (src) => {
    const at = src.indexOf('[[');
    return at < 0 ? undefined : at;
  },
  tokenizer(src) {
    const m = TERM_AT_START.exec(src);
    if (!m) return undefined;
    const token: TermToken = { type: 'term', raw: m[0], termId: (m[1] as string).trim(), text: m[2]?.trim() };
    return token;
  },
  renderer(token) {
    const t = token as unknown as TermToken;
    return `<span data-term="${escapeHtml(t.termId)}">${escapeHtml(t.shown ?? t.text ?? t.termId)}</span>`;
  },
};

/** Escapes text for HTML content and attribute values (quotes included). */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** True for an absolute https address (the only links rich text may make). */
export function isHttpsUrl(href: string): boolean {
  try {
    return new URL(href).protocol === 'https:';
  } catch {
    return false;
  }
}

/** A block outside the subset: the author's text as it was written, escaped, as a paragraph. */
const asWrittenBlock = (token: { raw: string }) => `<p>${escapeHtml(token.raw.trim())}</p>\n`;

const renderer: RendererObject = {
  html: (token) => (token.block ? asWrittenBlock(token) : escapeHtml(token.raw)),
  image: (token) => escapeHtml(token.raw),
  heading: asWrittenBlock,
  blockquote: asWrittenBlock,
  code: asWrittenBlock,
  hr: asWrittenBlock,
  table: asWrittenBlock,
  // A hard line break is a space: the subset has paragraphs, not lines.
  br: () => ' ',
  del(token) {
    return escapeHtml(token.raw);
  },
  link(token) {
    const inner = this.parser.parseInline(token.tokens);
    return isHttpsUrl(token.href) ? `<a href="${escapeHtml(token.href)}">${inner}</a>` : inner;
  },
};

// gfm off: no tables, strikethrough or bare-URL links; one shared instance (the options are fixed).
const md = new Marked({ gfm: false, breaks: false, async: false, silent: true, extensions: [termExtension], renderer });

export interface RichTextOptions {
  /** Also link the first mention of each glossary term in text that has no `[[links]]` of its own. */
  auto?: boolean;
}

/** Tokens with children: where inline runs live. */
function children(token: Token): Token[][] {
  if (token.type === 'list') return (token as Tokens.List).items.map((item) => item.tokens);
  return 'tokens' in token && Array.isArray(token.tokens) ? [token.tokens as Token[]] : [];
}

/**
 * Fills in the shown text of glossary links and, with a matcher, splits plain inline runs at the first mention of
 * each term (never inside code or a link's text). Mutates the fresh tokens of one lexer run.
 */
function prepare(
  tokens: Token[],
  glossary: ReadonlyMap<string, Named> | undefined,
  auto: { matcher: NonNullable<ReturnType<typeof termMatcher>>; linked: Set<string> } | null,
): void {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.type === 'term') {
      const t = token as unknown as TermToken;
      t.shown = t.text ?? glossary?.get(t.termId)?.term ?? t.termId;
    } else if (token.type === 'text' && auto && !('tokens' in token && token.tokens)) {
      const parts = linkMentions(token.text, auto.matcher, auto.linked).map(segmentToken);
      tokens.splice(i, 1, ...parts);
      i += parts.length - 1;
    } else {
      for (const list of children(token)) prepare(list, glossary, token.type === 'link' ? null : auto);
    }
  }
}

function segmentToken(s: RichTextSegment): Token {
  if (s.kind === 'term') return { type: 'term', raw: s.text, termId: s.termId, shown: s.text } as unknown as Token;
  return { type: 'text', raw: s.text, text: s.text } as Tokens.Text;
}

function lex(text: string, glossary: ReadonlyMap<string, Named> | undefined, options: RichTextOptions): Token[] {
  const tokens = md.lexer(text);
  const matcher = options.auto && glossary && !text.includes('[[') ? termMatcher(glossary) : null;
  prepare(tokens, glossary, matcher ? { matcher, linked: new Set() } : null);
  return tokens;
}

/**
 * Rich text as HTML of the subset (see the top of this file). Pure and never throws; the UI still sanitizes it
 * (ui/common/richNodes.ts) before anything reaches the page.
 */
export function richTextHtml(
  text: string,
  glossary?: ReadonlyMap<string, Named>,
  options: RichTextOptions = {},
): string {
  return md.parser(lex(text, glossary, options) as Parameters<typeof md.parser>[0]);
}

/**
 * The text as a screen reader or a plain-text export reads it: Markdown marks removed, glossary links replaced by their
 * shown text, links by their text, list items one a line ("• " or "1. "), paragraphs separated by a blank line.
 */
export function plainText(text: string, glossary?: ReadonlyMap<string, Named>): string {
  return blocks(lex(text, glossary, {}))
    .join('\n\n')
    .trim();
}

function blocks(tokens: Token[]): string[] {
  return tokens.flatMap((token): string[] => {
    switch (token.type) {
      case 'space':
      case 'def':
        return [];
      case 'paragraph':
      case 'text':
        return [inline(children(token)[0] ?? [{ type: 'text', raw: token.raw, text: token.text } as Tokens.Text])];
      case 'list': {
        const list = token as Tokens.List;
        const first = typeof list.start === 'number' ? list.start : 1;
        return [
          list.items
            .map((item, i) => `${list.ordered ? `${first + i}.` : '•'} ${blocks(item.tokens).join(' ')}`)
            .join('\n'),
        ];
      }
      default:
        return [token.raw.trim()];
    }
  });
}

function inline(tokens: Token[]): string {
  return tokens
    .map((token): string => {
      switch (token.type) {
        case 'term': {
          const t = token as unknown as TermToken;
          return t.shown ?? t.termId;
        }
        case 'br':
          return ' ';
        case 'codespan':
        case 'escape':
          return token.text;
        case 'image':
        case 'html':
          return token.raw;
        default:
          return 'tokens' in token && token.tokens ? inline(token.tokens) : 'text' in token ? String(token.text) : '';
      }
    })
    .join('');
}
