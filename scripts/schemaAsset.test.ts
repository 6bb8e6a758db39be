import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_ASSET, SCHEMA_SOURCE, schemaAssetPlugin } from './schemaAsset';
import { buildWith } from './testing/buildWith';

describe('schemaAssetPlugin', () => {
  it('puts the scenario JSON Schema into the web build, byte for byte', async () => {
    const { out, remove } = await buildWith([schemaAssetPlugin()]);
    try {
      const shipped = readFileSync(join(out, SCHEMA_ASSET), 'utf8');
      expect(shipped).toBe(readFileSync(SCHEMA_SOURCE, 'utf8'));
      expect(JSON.parse(shipped).title).toBe('Ring Minus One scenario file');
    } finally {
      remove();
    }
  });
});
