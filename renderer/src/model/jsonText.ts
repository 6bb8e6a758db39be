/**
 * Where things are in the text of a JSON file, for authors: the first syntax error with its line and column in plain
 * words, and the line and column of the value an error path names ("paths[0].hops[3].to"). jsonc-parser does the
 * scanning; its parser recurses, so a file nested thousands of levels deep may overflow the stack: every entry point
 * here catches that and answers "unknown place" instead of throwing.
 */
import {
  findNodeAtLocation,
  parseTree,
  printParseErrorCode,
  visit,
  type Node,
  type ParseErrorCode,
} from 'jsonc-parser';

/** 1-based line and column (in UTF-16 code units, as editors such as VS Code count them). */
export interface TextPosition {
  line: number;
  column: number;
}

export interface JsonSyntaxError extends TextPosition {
  message: string;
}

const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false } as const;

/** Line and column of every offset of a text (line starts found once, then a binary search per offset). */
export function positionFinder(text: string): (offset: number) => TextPosition {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
  };
}

/** The text around an offset, to name what was found there: `"}"`, `the end of the file`, `the word "NaN"`. */
function found(text: string, offset: number): string {
  if (offset >= text.length) return 'the end of the file';
  const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(offset, offset + 40));
  if (word) return `the word "${word[0]}"`;
  return JSON.stringify(text[offset]);
}

/** Where the last character before an offset that is not white space is (to recognise a trailing comma), or -1. */
function previousSignificantIndex(text: string, offset: number): number {
  for (let i = offset - 1; i >= 0; i--) if (!/\s/.test(text[i] as string)) return i;
  return -1;
}

const previousSignificant = (text: string, offset: number): string | undefined =>
  text[previousSignificantIndex(text, offset)];

/** A comma right before a closing "}" or "]" (allowed in JavaScript, not in JSON). */
const isTrailingComma = (text: string, offset: number) =>
  (text[offset] === '}' || text[offset] === ']') && previousSignificant(text, offset) === ',';

function syntaxMessage(code: string, text: string, offset: number, inside: 'object' | 'array' | 'top'): string {
  const close = inside === 'array' ? ']' : '}';
  const here = text[offset];
  const trailingComma = inside !== 'top' && isTrailingComma(text, offset);
  switch (code) {
    case 'CommaExpected':
      return `expected a comma or "${close}"`;
    case 'ColonExpected':
      return 'expected a colon ":" after the field name';
    case 'PropertyNameExpected':
      if (trailingComma) return `a comma before "}" has nothing after it: remove the comma`;
      if (here === "'") return 'field names need double quotes ("name"), not single quotes';
      return `expected a field name in double quotes, found ${found(text, offset)}`;
    case 'ValueExpected':
      if (trailingComma) return `a comma before "${here}" has nothing after it: remove the comma`;
      if (offset >= text.length) return 'the file ends where a value was expected (is it empty, or cut short?)';
      return `expected a value (text in double quotes, a number, true, false, null, a list or an object), found ${found(text, offset)}`;
    case 'CloseBraceExpected':
      return `expected "}" to close an object, found ${found(text, offset)}`;
    case 'CloseBracketExpected':
      return `expected "]" to close a list, found ${found(text, offset)}`;
    case 'EndOfFileExpected':
      return `more text after the end of the JSON data (found ${found(text, offset)}); a file holds one JSON object`;
    case 'InvalidSymbol': {
      if (inside === 'top' && offset > 0)
        return `more text after the end of the JSON data (found ${found(text, offset)}); a file holds one JSON object`;
      if (here === "'") return 'text and field names need double quotes ("text"), not single quotes';
      const before = previousSignificant(text, offset);
      if (inside === 'object' && (before === '{' || before === ','))
        return `expected a field name in double quotes, found ${found(text, offset)}`;
      return `found ${found(text, offset)}, which is not JSON: text needs double quotes; numbers, true, false and null are written as they are`;
    }
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return 'comments are not allowed in JSON';
    case 'UnexpectedEndOfString':
      return 'unclosed text: a closing double quote (") is missing on this line';
    case 'InvalidCharacter':
      return 'a control character (tab or line break) inside text: write it as \\t or \\n';
    case 'InvalidEscapeCharacter':
      return 'invalid escape in text: after a backslash use one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX';
    case 'InvalidUnicode':
      return 'invalid \\u escape in text: it needs four hexadecimal digits';
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return 'not a valid number';
    default:
      return 'not valid JSON';
  }
}

/**
 * The first syntax error of a JSON text, or undefined when jsonc-parser finds none. Only the first is reported:
 * after it the parser guesses, and what it reports next is mostly a consequence of the first.
 */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const stack: ('object' | 'array')[] = [];
  let first: { code: ParseErrorCode; offset: number; inside: 'object' | 'array' | 'top' } | undefined;
  try {
    visit(
      text,
      {
        onObjectBegin: () => void stack.push('object'),
        onObjectEnd: () => void stack.pop(),
        onArrayBegin: () => void stack.push('array'),
        onArrayEnd: () => void stack.pop(),
        onError: (code, offset) => {
          first ??= { code, offset, inside: stack.at(-1) ?? 'top' };
        },
      },
      STRICT,
    );
  } catch {
    // Nested too deeply for jsonc-parser's recursion: the caller falls back to JSON.parse's message.
    return undefined;
  }
  if (!first) return undefined;
  // A trailing comma is reported at the comma, where the author has to delete it.
  const at = positionFinder(text)(
    isTrailingComma(text, first.offset) ? previousSignificantIndex(text, first.offset) : first.offset,
  );
  return { ...at, message: syntaxMessage(printParseErrorCode(first.code), text, first.offset, first.inside) };
}

/** "paths[0].hops[3].to" -> ["paths", 0, "hops", 3, "to"]. */
export function parseErrorPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/\[(\d+)\]|([^.[\]]+)/g))
    out.push(m[1] !== undefined ? Number(m[1]) : (m[2] as string));
  return out;
}

export type Locator = (path: string, message?: string) => TextPosition | undefined;

/**
 * A function that finds where an error path points in the text: the value it names, or the nearest enclosing value
 * that exists (a missing field points at its object). For "unknown field: x" it points at the field x itself.
 * Undefined when the text cannot be parsed into a tree.
 */
export function jsonLocator(text: string): Locator {
  let root: Node | undefined;
  try {
    root = parseTree(text, [], { ...STRICT, allowTrailingComma: true });
  } catch {
    root = undefined;
  }
  const position = positionFinder(text);
  return (path, message = '') => {
    if (!root) return undefined;
    const segments = parseErrorPath(path);
    let node: Node | undefined;
    for (let n = segments.length; n >= 0 && !node; n--) node = findNodeAtLocation(root, segments.slice(0, n));
    if (!node) return undefined;
    const unknown = /^unknown fields?: ([^,\s]+)/.exec(message);
    if (unknown && node.type === 'object') {
      const property = node.children?.find((p) => p.children?.[0]?.value === unknown[1]);
      if (property) node = property;
    }
    return position(node.offset);
  };
}
