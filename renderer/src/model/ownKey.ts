/**
 * A record's own value for a key from content or a user, or undefined. `record[key]` alone would also find what
 * every object inherits: `overrides["constructor"]` is Object's constructor function, so `overrides[id] ?? value`
 * turned a parameter named "constructor" into NaN cycles.
 */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
