import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transformWithOxc, type Plugin } from 'vite';

/** The module the early script is made from (it imports nothing; see its header). */
export const EARLY_SOURCE = fileURLToPath(new URL('../renderer/src/scene/earlyContext.ts', import.meta.url));
/** Where index.html loads it from (`<script vite-ignore src="./early-context.js">`), next to index.html. */
export const EARLY_SCRIPT = 'early-context.js';

/**
 * The classic script made from renderer/src/scene/earlyContext.ts: its types stripped, its `export`s made local, wrapped in
 * a function that runs `earlyContext(window)`. A classic script, not a module: it runs while the parser reaches it,
 * before the app's deferred module chunks, and needs no module loader.
 */
export async function earlyScript(source: string = EARLY_SOURCE): Promise<string> {
  const ts = readFileSync(source, 'utf8');
  if (/^\s*import\s/m.test(ts)) throw new Error(`${source}: the early script must not import anything`);
  const { code } = await transformWithOxc(ts, source, { lang: 'ts', target: 'es2022' });
  const body = code.replace(/^export\s+/gm, '');
  if (/\bexport\b/.test(body.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '')))
    throw new Error(`${source}: an export form the early script cannot make local`);
  return `(() => {\n${body}\nearlyContext(window);\n})();\n`;
}

/**
 * Serves the early script (dev server) and writes it into the build, at `./early-context.js` beside index.html
 * (issue 11: the first frame's WebGL context is made while the app's chunks still load).
 */
export function earlyContextPlugin(source: string = EARLY_SOURCE): Plugin {
  return {
    name: 'ring-minus-one-early-context',
    configureServer(server) {
      server.middlewares.use(`/${EARLY_SCRIPT}`, (_req, res, next) => {
        earlyScript(source).then((js) => {
          res.setHeader('Content-Type', 'text/javascript');
          res.end(js);
        }, next);
      });
    },
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: EARLY_SCRIPT, source: await earlyScript(source) });
    },
  };
}
