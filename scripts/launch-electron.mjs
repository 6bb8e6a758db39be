// `npm start`: runs the built app in Electron. If the binary is missing, tries ONCE (time-limited) to fetch it with
// Electron's own installer; if that fails (offline), prints one clear line and exits 1.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NO_ELECTRON_MESSAGE, electronOverrideProblem, resolveElectronBinary } from './electron-binary.mjs';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const INSTALL_TIME_LIMIT_MS = 60_000;

/** Runs node_modules/electron/install.js quietly; true if it exited 0 within the time limit. */
export function tryInstallElectron(dir = projectDir, timeoutMs = INSTALL_TIME_LIMIT_MS) {
  const installer = path.join(dir, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return false;
  const result = spawnSync(process.execPath, [installer], { cwd: dir, stdio: 'ignore', timeout: timeoutMs });
  return result.status === 0;
}

/** The binary, fetching it once if needed; null when it cannot be had. */
export function ensureElectronBinary(dir = projectDir) {
  const found = resolveElectronBinary({ projectDir: dir });
  if (found || process.env.ELECTRON_OVERRIDE_DIST_PATH) return found;
  return tryInstallElectron(dir) ? resolveElectronBinary({ projectDir: dir }) : null;
}

/** Environment for the Electron child: never let it run as plain Node. */
export function electronEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  delete env.ELECTRON_RUN_AS_NODE;
  return env;
}

function main() {
  const binary = ensureElectronBinary();
  if (!binary) {
    console.error(electronOverrideProblem() ?? NO_ELECTRON_MESSAGE);
    process.exit(1);
  }
  if (!existsSync(path.join(projectDir, 'dist-electron', 'main.cjs'))) {
    console.error('Ring Minus One: dist-electron/main.cjs is missing; run `npm run build` first (or `npm start`).');
    process.exit(1);
  }
  const child = spawn(binary, [projectDir, ...process.argv.slice(2)], { stdio: 'inherit', env: electronEnv() });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('error', (error) => {
    console.error(`Ring Minus One: could not start Electron at ${binary}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
