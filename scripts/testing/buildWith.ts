import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Plugin } from 'vite';

/**
 * Builds a one-line library with `plugins` in a temporary folder (for the tests of build plugins) and returns the
 * output folder and a function that removes it all.
 */
export async function buildWith(plugins: Plugin[]): Promise<{ out: string; remove: () => void }> {
  const root = mkdtempSync(join(tmpdir(), 'rmo-plugin-'));
  const entry = join(root, 'entry.js');
  writeFileSync(entry, 'export default 1;\n');
  const out = join(root, 'dist');
  await build({
    root,
    logLevel: 'silent',
    configFile: false,
    plugins,
    build: { outDir: out, lib: { entry, formats: ['es'], fileName: 'entry' } },
  });
  return { out, remove: () => rmSync(root, { recursive: true, force: true }) };
}
