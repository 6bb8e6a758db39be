/**
 * The loader's check of the Markdown subset (docs/authoring.md): text may use *emphasis*, **strong**, `code`, lists,
 * links to https addresses and glossary links [[term-id]]; it may not hold raw HTML, images, or links anywhere but
 * https. The renderer is safe on its own (marked without HTML, DOMPurify, the CSP); this check tells the author where
 * and what, so nothing is silently dropped on screen. It runs on every text of every file, built-in ones included.
 * Inside `code` anything goes: it is shown as written, never interpreted.
 */
import type { ContentError } from './types';

const USE_MARKDOWN = 'use Markdown: *emphasis*, `code`, lists, links';

/** Inline code spans (`...`, ``...``): shown literally, so they are left out of the check. */
const CODE_SPAN = /(`+)[^`]*?\1/g;
/** An HTML tag, comment, declaration or processing instruction: `<b>`, `</p>`, `<img src=...`, `<!--`, `<?xml`. */
const HTML = /<\/?[A-Za-z][A-Za-z0-9-]*(?=[\s/>])|<[!?]/;
const IMAGE = /!\[[^\]\n]*\]\([^)\n]*\)?/;
/** [shown](address): not a glossary link [[id]] (its inner brackets are excluded). */
const LINK = /(?<!\[)\[([^[\]\n]*)\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))*)/g;
/** A reference definition at the start of a line: `[name]: address`. */
const REFERENCE = /^ {0,3}\[[^\]\n]+\]:\s*<?([^\s>]+)/gm;
/** An autolink `<scheme:...>`, or a bare address that Markdown turns into a link. */
const AUTOLINK = /<([A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*)>/g;
const BARE = /\b(?:http|ftp|file):\/\/[^\s)\]>]*|\bwww\.[^\s)\]>]+/gi;

const quote = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);
const https = (address: string) => /^https:\/\/[^\s]/i.test(address);

/** What is wrong with a text under the Markdown subset, or undefined when nothing is. */
export function markupProblem(text: string): string | undefined {
  const plain = text.replace(CODE_SPAN, (m) => ' '.repeat(m.length));
  const html = HTML.exec(plain);
  if (html) {
    const tag = /^<[^>\n]{0,40}>?/.exec(plain.slice(html.index))?.[0] ?? html[0];
    return `raw HTML is not allowed (${quote(tag)}); ${USE_MARKDOWN}`;
  }
  const image = IMAGE.exec(plain);
  if (image)
    return `images are not allowed (${quote(image[0])}); a lesson shows the stage, and links go to https sources`;
  for (const m of plain.matchAll(LINK))
    if (!https(m[2] as string))
      return `a link must go to an https:// address (${quote(`[${m[1]}](${m[2]})`)}); write [text](https://...)`;
  for (const m of plain.matchAll(REFERENCE))
    if (!https(m[1] as string)) return `a link must go to an https:// address (${quote(m[0].trim())})`;
  for (const m of plain.matchAll(AUTOLINK))
    if (!https(m[1] as string)) return `a link must go to an https:// address (${quote(m[0])})`;
  const bare = BARE.exec(plain);
  BARE.lastIndex = 0;
  if (bare) return `a link must go to an https:// address (${quote(bare[0])}); write [text](https://...)`;
  return undefined;
}

/** Fields that hold addresses (checked by the schema as http/https), not text shown as Markdown. */
const ADDRESS_FIELDS = new Set(['url', '$schema']);

/**
 * Checks every text of a parsed file (any depth, iteratively) and returns one error per text with a problem, with its
 * path, e.g. `lessons[0].steps[2].narration`.
 */
export function checkMarkup(file: unknown, fileName: string): ContentError[] {
  const errors: ContentError[] = [];
  const stack: { value: unknown; path: string; key: string }[] = [{ value: file, path: '', key: '' }];
  while (stack.length > 0) {
    const { value, path, key } = stack.pop()!;
    if (typeof value === 'string') {
      const problem = ADDRESS_FIELDS.has(key) ? undefined : markupProblem(value);
      if (problem) errors.push({ file: fileName, path, message: problem });
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: `${path}[${i}]`, key });
    } else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value).reverse())
        stack.push({ value: v, path: path ? `${path}.${k}` : k, key: k });
    }
  }
  return errors;
}
