// `npm run dist` (after the build): runs electron-builder, passing on ELECTRON_OVERRIDE_DIST_PATH as its
// `electronDist` when it holds an Electron. Packaging needs Electron's release zip; offline, electron-builder ends
// with a network stack trace, so this adds one last line that says what is missing and how to point it at a local
// copy. Extra arguments go to electron-builder.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveElectronBinary } from './electron-binary.mjs';

const require = createRequire(import.meta.url);
const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Errors that mean the Electron download could not be made (no network, no DNS, a proxy or firewall). */
const DOWNLOAD_FAILURE =
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|getaddrinfo|socket hang up|electron-v[\d.]+-[\w-]+\.zip/i;

/** The last line after a failed run, or null when the failure was something else. */
export function packagingHint(output, exitCode, electronVersion) {
  if (exitCode === 0 || !DOWNLOAD_FAILURE.test(output)) return null;
  return (
    `Ring Minus One: packaging needs the Electron ${electronVersion} download from github.com, which failed here; ` +
    'point electron-builder at a local unpacked Electron of that version with ' +
    '`npm run dist -- -c.electronDist=/path/to/electron` (or `electronDist:` in electron-builder.yml, or ' +
    'ELECTRON_OVERRIDE_DIST_PATH, which this script passes on).'
  );
}

/** electron-builder's arguments: the config, a usable ELECTRON_OVERRIDE_DIST_PATH as electronDist, then the user's. */
export function builderArgs(extra, env = process.env) {
  const args = ['--config', 'electron-builder.yml'];
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override && resolveElectronBinary({ env, projectDir }) !== null) args.push(`-c.electronDist=${override}`);
  return [...args, ...extra];
}

function main() {
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const builder = path.join(
    projectDir,
    'node_modules',
    '.bin',
    process.platform === 'win32' ? 'electron-builder.cmd' : 'electron-builder',
  );
  const child = spawn(builder, builderArgs(process.argv.slice(2)), {
    cwd: projectDir,
    stdio: ['inherit', 'pipe', 'pipe'],
    shell: process.platform === 'win32',
  });
  let output = '';
  child.stdout.on('data', (chunk) => (process.stdout.write(chunk), (output += chunk)));
  child.stderr.on('data', (chunk) => (process.stderr.write(chunk), (output += chunk)));
  child.on('close', (code) => {
    const hint = packagingHint(output, code ?? 1, electronVersion);
    if (hint) console.error(hint);
    process.exit(code ?? 1);
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
