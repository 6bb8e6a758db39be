// `npm run dev`: Vite's dev server (renderer, hot reload) + esbuild in watch mode (main, preload) + Electron,
// restarted whenever main or preload is rebuilt. Without an Electron binary the dev server keeps running for a browser.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { context } from 'esbuild';
import { createServer } from 'vite';
import { electronBuildOptions, projectDir } from './build-electron.mjs';
import { NO_ELECTRON_MESSAGE, electronOverrideProblem, resolveElectronBinary } from './electron-binary.mjs';
import { electronEnv } from './launch-electron.mjs';

const DEV_URL = 'http://localhost:5173/';

const shutdownHooks = [];
let shuttingDown = false;
async function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const hook of shutdownHooks) await hook();
  await server.close();
  process.exit(code);
}

const server = await createServer({ configFile: path.join(projectDir, 'vite.config.ts'), server: { port: 5173 } });
await server.listen();
server.printUrls();
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

const binary = resolveElectronBinary({ projectDir });
if (!binary) {
  console.log(electronOverrideProblem({ projectDir }) ?? NO_ELECTRON_MESSAGE);
  console.log(`Ring Minus One: the dev server keeps running; open the app at ${DEV_URL} (Ctrl+C to stop).`);
} else {
  let electron = null;
  let restarting = false;

  const launch = () => {
    const child = spawn(binary, [projectDir], {
      stdio: 'inherit',
      env: electronEnv({ VITE_DEV_SERVER_URL: DEV_URL }),
    });
    child.on('exit', (code) => {
      if (electron !== child) return;
      electron = null;
      // Closing the window ends the dev session; a restart we asked for does not.
      if (!restarting) void shutdown(code ?? 0);
    });
    electron = child;
  };

  const restart = () => {
    if (!electron) return launch();
    restarting = true;
    const old = electron;
    old.once('exit', () => {
      restarting = false;
      launch();
    });
    old.kill('SIGTERM');
  };

  let firstBuild = true;
  const ctx = await context({
    ...electronBuildOptions({ dev: true }),
    plugins: [
      {
        name: 'restart-electron',
        setup(build) {
          build.onEnd((result) => {
            if (result.errors.length > 0) {
              console.error('electron: build failed; keeping the running app until it builds again.');
              return;
            }
            if (firstBuild) {
              firstBuild = false;
              launch();
            } else {
              console.log('electron: main/preload rebuilt; restarting Electron.');
              restart();
            }
          });
        },
      },
    ],
  });
  await ctx.watch();

  process.on('exit', () => electron?.kill('SIGTERM'));
  shutdownHooks.push(() => ctx.dispose());
}
