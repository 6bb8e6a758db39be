// Bundles the Electron main process and the preload with esbuild:
//   electron/main.ts    -> dist-electron/main.cjs
//   electron/preload.ts -> dist-electron/preload.cjs   (a sandboxed preload must be one CommonJS file)
// `node scripts/build-electron.mjs` builds once; scripts/dev.mjs reuses electronBuildOptions() in watch mode.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const outDir = path.join(projectDir, 'dist-electron');

/** @param {{ dev?: boolean, outdir?: string }} [options] */
export function electronBuildOptions(options = {}) {
  const dev = options.dev ?? false;
  return {
    entryPoints: {
      main: path.join(projectDir, 'electron/main.ts'),
      preload: path.join(projectDir, 'electron/preload.ts'),
    },
    outdir: options.outdir ?? outDir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron'],
    sourcemap: dev ? 'inline' : false,
    minify: false,
    legalComments: 'none',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production') },
  };
}

async function main() {
  const started = Date.now();
  await build(electronBuildOptions());
  console.log(`electron: built dist-electron/main.cjs and preload.cjs in ${Date.now() - started} ms`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(`electron: build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
