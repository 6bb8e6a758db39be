import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builderArgs, packagingHint } from './dist.mjs';

// The tail of `npx electron-builder` run offline (electron-builder 26.17, Node 20).
const OFFLINE_OUTPUT = `  • packaging       platform=linux arch=x64 electron=45.5.0 appOutDir=release/linux-unpacked
  ⨯ getaddrinfo ENOTFOUND github.com  failedTask=build stackTrace=RequestError: getaddrinfo ENOTFOUND github.com
    at ClientRequest.<anonymous> (node_modules/got/dist/source/core/index.js:970:111)`;

describe('npm run dist', () => {
  it('ends an offline failure with one line: what is missing and how to use a local Electron', () => {
    const hint = packagingHint(OFFLINE_OUTPUT, 1, '45.5.0');
    expect(hint).toMatch(/^Ring Minus One: packaging needs the Electron 45\.5\.0 download/);
    expect(hint).toContain('-c.electronDist=/path/to/electron');
    expect(hint?.split('\n')).toHaveLength(1);
  });

  it('adds nothing to a success or to another failure', () => {
    expect(packagingHint(OFFLINE_OUTPUT, 0, '45.5.0')).toBeNull();
    expect(packagingHint('  ⨯ Invalid configuration object', 1, '45.5.0')).toBeNull();
  });

  it('passes a usable ELECTRON_OVERRIDE_DIST_PATH on as electronDist, and the user arguments after it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rmo-dist-'));
    try {
      expect(builderArgs(['--linux'], { ELECTRON_OVERRIDE_DIST_PATH: dir })).toEqual([
        '--config',
        'electron-builder.yml',
        '--linux',
      ]);
      await writeFile(path.join(dir, process.platform === 'win32' ? 'electron.exe' : 'electron'), '');
      expect(builderArgs(['--linux'], { ELECTRON_OVERRIDE_DIST_PATH: dir })).toEqual([
        '--config',
        'electron-builder.yml',
        `-c.electronDist=${dir}`,
        '--linux',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
