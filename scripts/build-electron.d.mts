import type { BuildOptions } from 'esbuild';
export const projectDir: string;
export const outDir: string;
/** esbuild options for main.cjs and preload.cjs (shared by the one-shot build and dev watch mode). */
export function electronBuildOptions(options?: { dev?: boolean; outdir?: string }): BuildOptions;
