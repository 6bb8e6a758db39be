/**
 * Limits on scenario files, checked before the schema runs, so that a hostile or broken file costs little: a file of
 * 1,000,000 hops or a 50 MB title is refused after one cheap walk instead of minutes of validation, and a number that
 * would turn into Infinity in the cost model never reaches it. The built-in content uses a small fraction of each
 * (largest file 37 KB, longest text 692 characters, longest list 68 items, largest number about 2.2 million).
 */

/** Larger scenario text is refused before JSON.parse. */
export const MAX_SCENARIO_CHARS = 2 * 1024 * 1024;
export const MAX_STRING_LENGTH = 10_000;
export const MAX_LIST_ITEMS = 1_000;
/** Nesting of lists and objects; the schema itself goes 8 levels deep. */
export const MAX_DEPTH = 32;
/** Values in a file that did not come from text (so no character limit applies), e.g. a test's object. */
export const MAX_VALUES = 200_000;
/** Largest magnitude of any number: far above any cost (cycles, µs, counts), far below where sums overflow. */
export const MAX_MAGNITUDE = 1e12;
/** Errors listed per file; the rest are counted. */
export const MAX_LISTED_ERRORS = 50;
/** Names that would reach Object.prototype when used as a key (`overrides["constructor"]`). */
export const RESERVED_NAMES: readonly string[] = ['__proto__', 'constructor', 'prototype'];

export interface LimitProblem {
  path: (string | number)[];
  message: string;
}

/**
 * Walks a parsed JSON value once (iteratively: deep nesting cannot overflow the stack) and returns at most
 * MAX_LISTED_ERRORS problems plus the total count. It does not descend into a list that is too long or past
 * MAX_DEPTH, and stops walking after MAX_VALUES values.
 */
export function checkLimits(root: unknown): { problems: LimitProblem[]; count: number } {
  const problems: LimitProblem[] = [];
  let count = 0;
  const report = (path: (string | number)[], message: string) => {
    count++;
    if (problems.length < MAX_LISTED_ERRORS) problems.push({ path, message });
  };
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }];
  let seen = 0;
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (++seen > MAX_VALUES) {
      report([], `the file holds more than ${MAX_VALUES.toLocaleString('en')} values`);
      break;
    }
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) report(path, 'not a finite number');
      else if (Math.abs(value) > MAX_MAGNITUDE) report(path, `${value} is out of range (at most ±${MAX_MAGNITUDE})`);
    } else if (typeof value === 'string') {
      if (value.length > MAX_STRING_LENGTH) {
        report(path, `text too long: ${value.length} characters (at most ${MAX_STRING_LENGTH})`);
      }
    } else if (typeof value === 'object' && value !== null) {
      if (path.length >= MAX_DEPTH) {
        report(path, `nested too deeply (at most ${MAX_DEPTH} levels)`);
      } else if (Array.isArray(value)) {
        if (value.length > MAX_LIST_ITEMS) report(path, `too many items: ${value.length} (at most ${MAX_LIST_ITEMS})`);
        else for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
      } else {
        const keys = Object.keys(value);
        if (keys.length > MAX_LIST_ITEMS) {
          report(path, `too many fields: ${keys.length} (at most ${MAX_LIST_ITEMS})`);
          continue;
        }
        for (const key of keys.reverse()) {
          if (RESERVED_NAMES.includes(key)) report([...path, key], `"${key}" is a reserved name and cannot be a key`);
          else stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
        }
      }
    }
  }
  return { problems, count };
}
