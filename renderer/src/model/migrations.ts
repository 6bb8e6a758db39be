/**
 * Scenario file migrations. Each step turns a file of version N into version N + 1; `migrate` applies the steps in
 * order until the current version. A file without `schemaVersion`, or with a version newer than this app knows,
 * gets a clear error instead of a guess.
 */
import { CURRENT_SCHEMA_VERSION } from './schema';

export type JsonObject = Record<string, unknown>;
export type MigrationStep = (file: JsonObject) => JsonObject;

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Version 0 was the draft format used before the first release: hops named their mechanism `via` and their cost
 * parameters `costs`, and a path named its architecture `arch`. Version 1 uses `mechanism`, `params` and `architecture`.
 */
function v0ToV1(file: JsonObject): JsonObject {
  const paths = Array.isArray(file.paths) ? file.paths : undefined;
  const migratedPaths = paths?.map((p) => {
    if (!isObject(p)) return p;
    const { arch, hops, ...rest } = p;
    const path: JsonObject = { ...rest };
    if (arch !== undefined && path.architecture === undefined) path.architecture = arch;
    path.hops = Array.isArray(hops)
      ? hops.map((h) => {
          if (!isObject(h)) return h;
          const { via, costs, ...hop } = h;
          const out: JsonObject = { ...hop };
          if (via !== undefined && out.mechanism === undefined) out.mechanism = via;
          if (costs !== undefined && out.params === undefined) out.params = costs;
          return out;
        })
      : hops;
    return path;
  });
  return { ...file, ...(migratedPaths ? { paths: migratedPaths } : {}), schemaVersion: 1 };
}

/**
 * Version 2 derives whether a component is in the trusted computing base from the fault rule (faults.ts), so the
 * hand-written `tcb` flag of version 1 is dropped. Version 2 also requires each architecture's release, year, CPU
 * mode and cost era, and each parameter's era: facts a migration cannot invent, so a version 1 file that lacks them
 * gets schema errors naming each missing field.
 */
function v1ToV2(file: JsonObject): JsonObject {
  const architectures = Array.isArray(file.architectures)
    ? file.architectures.map((a) => {
        if (!isObject(a) || !Array.isArray(a.components)) return a;
        return {
          ...a,
          components: a.components.map((c) => {
            if (!isObject(c)) return c;
            const { tcb: _dropped, ...rest } = c;
            return rest;
          }),
        };
      })
    : undefined;
  return { ...file, ...(architectures ? { architectures } : {}), schemaVersion: 2 };
}

/** Registry: the step that upgrades a file *from* the given version. */
export const MIGRATIONS: Readonly<Record<number, MigrationStep>> = { 0: v0ToV1, 1: v1ToV2 };

export type MigrationResult = { ok: true; file: JsonObject; from: number } | { ok: false; message: string };

export function migrate(
  json: unknown,
  steps: Readonly<Record<number, MigrationStep>> = MIGRATIONS,
  current: number = CURRENT_SCHEMA_VERSION,
): MigrationResult {
  if (!isObject(json)) {
    const what = Array.isArray(json) ? 'an array' : json === null ? 'null' : `a ${typeof json}`;
    return { ok: false, message: `a scenario file must be a JSON object, but this is ${what}` };
  }
  const version = json.schemaVersion;
  if (version === undefined)
    return { ok: false, message: `"schemaVersion" is missing; add "schemaVersion": ${current} at the top of the file` };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0)
    return { ok: false, message: `"schemaVersion" must be a whole number, not ${JSON.stringify(version)}` };
  if (version > current)
    return {
      ok: false,
      message: `schemaVersion ${version} is newer than this app understands (${current}); update Ring Minus One`,
    };
  let file = json;
  for (let v = version; v < current; v++) {
    const step = steps[v];
    if (!step) return { ok: false, message: `no migration from schemaVersion ${v} to ${v + 1}` };
    file = step(file);
  }
  return { ok: true, file, from: version };
}
