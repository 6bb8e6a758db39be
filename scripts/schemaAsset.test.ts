import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_ASSET, SCHEMA_SOURCE, schemaAssetPlugin } from './schemaAsset';

describe('schemaAssetPlugin', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('puts the scenario JSON Schema into the web build, byte for byte', async () => {
    const root = mkdtempSync(join(tmpdir(), 'rmo-schema-'));
    dirs.push(root);
    const entry = join(root, 'entry.js');
    writeFileSync(entry, 'export default 1;\n');
    const out = join(root, 'dist');
    await build({
      root,
      logLevel: 'silent',
      configFile: false,
      plugins: [schemaAssetPlugin()],
      build: { outDir: out, lib: { entry, formats: ['es'], fileName: 'entry' } },
    });
    const shipped = readFileSync(join(out, SCHEMA_ASSET), 'utf8');
    expect(shipped).toBe(readFileSync(SCHEMA_SOURCE, 'utf8'));
    expect(JSON.parse(shipped).title).toBe('Ring Minus One scenario file');
  });
});
