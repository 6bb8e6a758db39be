import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transformWithOxc, type Plugin } from 'vite';

/** The module the early script is made from (it imports nothing; see its header). */
export const EARLY_SOURCE = fileURLToPath(new URL('../renderer/src/scene/earlyContext.ts', import.meta.url));
/** Where the dev server serves it, next to index.html (the build puts it in index.html instead: earlyContextPlugin). */
export const EARLY_SCRIPT = 'early-context.js';
/** index.html's tag for it: the dev server serves that file; the build replaces the tag with the script itself. */
export const EARLY_SCRIPT_TAG = `<script async vite-ignore src="./${EARLY_SCRIPT}"></script>`;

/**
 * The classic script made from renderer/src/scene/earlyContext.ts: its types stripped, its `export`s made local, wrapped in
 * a function that runs `earlyContext(window)` in a task of its own. A classic script, not a module: it runs before the
 * app's deferred module chunks, and needs no module loader. The task: in the build the script is inline in <head>, so it
 * runs as the parser reaches it; `earlyContext` blocks on the GPU process for 30-70 ms (making the context and its
 * drawing buffer), and in a task of its own that does not hold up the parser, which goes on to request the app's chunks
 * and stylesheet (start-up marks, the app and the bench's baseline page loaded in turn: this gave the earliest first frame).
 */
export async function earlyScript(source: string = EARLY_SOURCE): Promise<string> {
  const ts = readFileSync(source, 'utf8');
  if (/^\s*import\s/m.test(ts)) throw new Error(`${source}: the early script must not import anything`);
  const { code } = await transformWithOxc(ts, source, { lang: 'ts', target: 'es2022' });
  const body = code.replace(/^export\s+/gm, '');
  if (/\bexport\b/.test(body.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '')))
    throw new Error(`${source}: an export form the early script cannot make local`);
  // It goes inside a <script> element in the build: the HTML parser would end the element at the first `</script`.
  if (/<\/script/i.test(body)) throw new Error(`${source}: the early script must not contain "</script"`);
  return `(() => {\n${body}\nsetTimeout(() => earlyContext(window), 0);\n})();\n`;
}

/**
 * index.html with the early script's tag replaced by the script itself, inline. Inline, it runs as the parser reaches
 * it (about 10 ms after navigation on the bench's machine) instead of once its own request has come back (about 40 ms);
 * the CSP allows it by its hash (scripts/csp.ts, electron/csp.ts: inlineScriptHashes).
 */
export function inlineEarlyScript(html: string, script: string): string {
  // As the page comes to a post-order hook: Vite has dropped the `vite-ignore` attribute by then.
  const src = `\\bsrc="\\./${EARLY_SCRIPT.replaceAll('.', '\\.')}"`;
  const tags = [...html.matchAll(new RegExp(`<script\\b[^>]*${src}[^>]*></script>`, 'g'))];
  const tag = tags[0];
  if (tags.length !== 1 || !tag)
    throw new Error(`index.html must have the tag ${EARLY_SCRIPT_TAG} once (the early script goes there)`);
  return `${html.slice(0, tag.index)}<script>${script}</script>${html.slice(tag.index + tag[0].length)}`;
}

/**
 * Serves the early script (dev server, at `./early-context.js` beside index.html) and puts it inline in the built
 * index.html (issue 11: the first frame's WebGL context is made while the app's chunks still load). The dev server
 * keeps the file: its CSP (DEV_CSP, sent by Electron's main as a header) has no hash for an inline script.
 * `order: 'post'`: after Vite's own work on the page, which is then not asked to bundle a classic inline script; the
 * CSP plugin comes after this one (vite.config.ts) and hashes what this wrote.
 */
export function earlyContextPlugin(source: string = EARLY_SOURCE): Plugin {
  let building = false;
  return {
    name: 'ring-minus-one-early-context',
    configResolved(config) {
      building = config.command === 'build';
    },
    transformIndexHtml: {
      order: 'post',
      handler: async (html) => (building ? inlineEarlyScript(html, await earlyScript(source)) : html),
    },
    configureServer(server) {
      server.middlewares.use(`/${EARLY_SCRIPT}`, (_req, res, next) => {
        earlyScript(source).then((js) => {
          res.setHeader('Content-Type', 'text/javascript');
          res.end(js);
        }, next);
      });
    },
  };
}
