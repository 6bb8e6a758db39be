import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  electronExecutableName,
  electronOverrideProblem,
  NO_ELECTRON_MESSAGE,
  resolveElectronBinary,
} from './electron-binary.mjs';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rmo-electron-bin-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function touch(file: string, content = ''): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  return file;
}

describe('resolveElectronBinary', () => {
  it('names the executable per platform', () => {
    expect(electronExecutableName('linux')).toBe('electron');
    expect(electronExecutableName('win32')).toBe('electron.exe');
    expect(electronExecutableName('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
  });

  it('returns null when nothing is installed (and does not try to download)', () => {
    expect(resolveElectronBinary({ env: {}, projectDir: dir })).toBeNull();
  });

  it('uses node_modules/electron/path.txt when dist/ holds the binary', async () => {
    await touch(path.join(dir, 'node_modules/electron/path.txt'), 'electron');
    expect(resolveElectronBinary({ env: {}, projectDir: dir })).toBeNull();
    const binary = await touch(path.join(dir, 'node_modules/electron/dist/electron'));
    expect(resolveElectronBinary({ env: {}, projectDir: dir })).toBe(binary);
  });

  it('prefers ELECTRON_OVERRIDE_DIST_PATH, with the platform executable name', async () => {
    const override = path.join(dir, 'my-electron');
    await touch(path.join(dir, 'node_modules/electron/dist/electron'));
    await touch(path.join(dir, 'node_modules/electron/path.txt'), 'electron');
    const env = { ELECTRON_OVERRIDE_DIST_PATH: override };
    expect(resolveElectronBinary({ env, projectDir: dir, platform: 'win32' })).toBeNull();
    const exe = await touch(path.join(override, 'electron'));
    expect(resolveElectronBinary({ env, projectDir: dir, platform: 'win32' })).toBe(exe);
    await rm(path.join(dir, 'node_modules/electron/path.txt'));
    const winExe = await touch(path.join(override, 'electron.exe'));
    expect(resolveElectronBinary({ env, projectDir: dir, platform: 'win32' })).toBe(winExe);
  });
});

describe('electronOverrideProblem', () => {
  it('is null when the variable is unset or usable', async () => {
    expect(electronOverrideProblem({ env: {}, projectDir: dir })).toBeNull();
    await touch(path.join(dir, 'ok', 'electron'));
    expect(
      electronOverrideProblem({ env: { ELECTRON_OVERRIDE_DIST_PATH: path.join(dir, 'ok') }, projectDir: dir }),
    ).toBeNull();
  });

  it('says that the path is wrong, and which executable it looked for', async () => {
    const missing = path.join(dir, 'nowhere');
    expect(electronOverrideProblem({ env: { ELECTRON_OVERRIDE_DIST_PATH: missing }, projectDir: dir })).toBe(
      `Ring Minus One: ELECTRON_OVERRIDE_DIST_PATH is set to "${missing}", which does not exist. ` +
        'Point it at the folder of an unpacked Electron 45 release (the one holding the executable), or unset it.',
    );
    await mkdir(path.join(dir, 'empty'));
    const env = { ELECTRON_OVERRIDE_DIST_PATH: path.join(dir, 'empty') };
    expect(electronOverrideProblem({ env, projectDir: dir, platform: 'win32' })).toMatch(
      /which has no Electron executable at .*empty.electron\.exe\./,
    );
  });
});

describe('node scripts/run-e2e.mjs --project=electron (npm run test:electron)', () => {
  it('fails, instead of skipping, when ELECTRON_OVERRIDE_DIST_PATH is set but unusable', () => {
    const result = spawnSync(process.execPath, ['scripts/run-e2e.mjs', '--project=electron'], {
      cwd: projectDir,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: path.join(dir, 'not-electron') },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/ELECTRON_OVERRIDE_DIST_PATH is set to ".*not-electron", which does not exist/);
  });
});

describe('node scripts/launch-electron.mjs', () => {
  beforeAll(() => {
    const built = spawnSync(process.execPath, ['scripts/build-electron.mjs'], { cwd: projectDir, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
  });

  const launch = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['scripts/launch-electron.mjs', '--flag'], {
      cwd: projectDir,
      encoding: 'utf8',
      timeout: 90_000,
      env: { ...process.env, ...env },
    });

  it('prints one clear line and exits 1 when the override folder has no Electron', () => {
    const env = { ELECTRON_OVERRIDE_DIST_PATH: path.join(tmpdir(), 'no-electron-here') };
    const result = launch(env);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe(electronOverrideProblem({ env }));
    expect(NO_ELECTRON_MESSAGE).toMatch(/ELECTRON_OVERRIDE_DIST_PATH/);
  });

  it.skipIf(process.platform === 'win32')(
    'runs the binary with the project folder, forwards the exit code, and never runs it as plain Node',
    async () => {
      const log = path.join(dir, 'args.txt');
      const fake = await touch(
        path.join(dir, 'electron'),
        `#!/bin/sh\necho "$@|RUN_AS_NODE=$ELECTRON_RUN_AS_NODE" > "${log}"\nexit 7\n`,
      );
      await chmod(fake, 0o755);
      const result = launch({ ELECTRON_OVERRIDE_DIST_PATH: dir, ELECTRON_RUN_AS_NODE: '1' });
      expect(result.status).toBe(7);
      const { readFile } = await import('node:fs/promises');
      expect((await readFile(log, 'utf8')).trim()).toBe(`${projectDir} --flag|RUN_AS_NODE=`);
    },
  );
});
