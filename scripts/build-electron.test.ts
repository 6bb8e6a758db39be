import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronBuildOptions } from './build-electron.mjs';

let outdir: string;

function requiredModules(code: string): string[] {
  return [...new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1] as string))].sort();
}

beforeAll(async () => {
  outdir = await mkdtemp(path.join(tmpdir(), 'rmo-electron-build-'));
  await build({ ...electronBuildOptions({ outdir }), logLevel: 'silent' });
});
afterAll(async () => {
  await rm(outdir, { recursive: true, force: true });
});

describe('scripts/build-electron.mjs', () => {
  it('bundles the preload as one CommonJS file that requires only electron (a sandboxed preload can do no more)', async () => {
    const preload = await readFile(path.join(outdir, 'preload.cjs'), 'utf8');
    expect(requiredModules(preload)).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld("ringMinusOne"');
    expect(preload).not.toMatch(/zod/i);
  });

  it('bundles main with its dependencies, leaving only electron and Node built-ins external', async () => {
    const main = await readFile(path.join(outdir, 'main.cjs'), 'utf8');
    const external = requiredModules(main).filter((m) => m !== 'electron');
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    expect(external.filter((m) => !builtins.has(m))).toEqual([]);
    expect(main).toContain('requestSingleInstanceLock');
  });
});
