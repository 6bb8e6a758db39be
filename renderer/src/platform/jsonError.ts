/**
 * Where a JSON text goes wrong, as line and column. JSON.parse's messages differ between engines and versions (V8
 * gives a position for some errors and not for others; Firefox gives line and column), so a file a student picked
 * is scanned here to say exactly where it breaks. Call only after JSON.parse failed.
 */
export interface JsonErrorPlace {
  /** Index in the text (UTF-16 units) of the first character that cannot be there. */
  offset: number;
  line: number;
  column: number;
  /** What was found there: `"}"` or `end of file`. */
  found: string;
}

class Stop {
  constructor(readonly offset: number) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

export function locateJsonError(text: string): JsonErrorPlace | null {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const expect = (ch: string) => {
    if (text[i] !== ch) throw new Stop(i);
    i++;
  };
  const string = () => {
    expect('"');
    for (;;) {
      const c = text.charCodeAt(i);
      if (Number.isNaN(c) || c < 0x20) throw new Stop(i);
      if (c === 0x22) return void i++;
      if (c !== 0x5c) {
        i++;
        continue;
      }
      const escape = text[i + 1] ?? '';
      if ('"\\/bfnrt'.includes(escape) && escape !== '') i += 2;
      else if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
      else throw new Stop(i + 1);
    }
  };
  /** An object or array after its opening bracket: members split by commas up to `close` (none at all is fine). */
  const members = (close: string, member: () => void): void => {
    i++;
    ws();
    if (text[i] === close) return void i++;
    for (;;) {
      member();
      ws();
      if (text[i] === close) return void i++;
      expect(',');
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{')
      return members('}', () => {
        ws();
        string();
        ws();
        expect(':');
        value();
      });
    if (c === '[') return members(']', value);
    if (c === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) return void (i += word.length);
    }
    NUMBER.lastIndex = i;
    if (NUMBER.test(text)) return void (i = NUMBER.lastIndex);
    throw new Stop(i);
  };

  try {
    value();
    ws();
    if (i === text.length) return null;
    throw new Stop(i);
  } catch (error) {
    // Anything else (a stack overflow on absurd nesting) means: no place to report.
    if (!(error instanceof Stop)) return null;
    const before = text.slice(0, error.offset);
    const line = before.split('\n').length;
    const column = error.offset - before.lastIndexOf('\n');
    const ch = text[error.offset];
    return { offset: error.offset, line, column, found: ch === undefined ? 'end of file' : JSON.stringify(ch) };
  }
}
