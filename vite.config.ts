import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { cspPlugin } from './scripts/csp.ts';
import { earlyContextPlugin } from './scripts/earlyContext.ts';
import { firstStackPlugin } from './scripts/firstStack.ts';
import { schemaAssetPlugin } from './scripts/schemaAsset.ts';
import { themeCssPlugin } from './scripts/themeCss.ts';

// root is renderer/, so name the Svelte config explicitly: Vite and Vitest then read svelte.config.js.
const svelteConfig = fileURLToPath(new URL('./svelte.config.js', import.meta.url));

// The renderer is a plain web app: it runs in Electron (loaded from disk) and in any browser.
export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: false,
  plugins: [
    svelte({ configFile: svelteConfig }),
    themeCssPlugin(),
    schemaAssetPlugin(),
    firstStackPlugin(),
    earlyContextPlugin(),
    // After earlyContextPlugin: the policy hashes the inline script that plugin puts in index.html.
    cspPlugin(),
  ],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    assetsInlineLimit: 0,
  },
  server: { port: 5173, strictPort: true, fs: { allow: ['..'] } },
  preview: { port: 4173, strictPort: true },
  test: {
    root: '.',
    environment: 'node',
    include: ['renderer/src/**/*.test.ts', 'electron/**/*.test.ts', 'scripts/**/*.test.ts'],
    coverage: {
      provider: 'v8',
      include: ['renderer/src/model/**/*.ts'],
      exclude: ['**/*.test.ts'],
      reporter: ['text-summary', 'text'],
      thresholds: { lines: 90 },
    },
  },
});
