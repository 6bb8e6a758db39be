import { build } from 'esbuild';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/**
 * The sanitizer on its own, in the browser it runs in: ui/common/richNodes.ts (DOMPurify with the allow-list, then
 * the node tree Svelte draws) is bundled as it is and given raw HTML directly, as if the Markdown step
 * (model/course/markdown.ts, unit-tested in Node) had let markup through.
 */
async function loadSanitizer(page: Page): Promise<void> {
  const bundle = await build({
    entryPoints: ['renderer/src/ui/common/richNodes.ts'],
    bundle: true,
    format: 'iife',
    globalName: 'RichNodes',
    write: false,
    logLevel: 'silent',
  });
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? '' });
}

const HOSTILE = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  '<a href="javascript:window.__pwned = 3">js</a>',
  '<a href="JaVaScRiPt&colon;window.__pwned = 3">js</a>',
  '<a href="data:text/html,<script>window.__pwned = 4</script>">data</a>',
  '<a href="http://example.org/">http</a>',
  '<a href="https://example.org/" onclick="window.__pwned = 5" target="_self" style="color:red">ok</a>',
  '<svg><script>window.__pwned = 6</script><a xlink:href="javascript:0">s</a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned = 7">',
  '<noscript><p title="</noscript><img src=x onerror=window.__pwned=8>">',
  '<iframe src="https://example.org"></iframe><object data="x"></object><embed src="x">',
  '<form action="https://example.org"><input name="q"><button>go</button></form>',
  '<p style="background:url(javascript:0)" class="x" id="y">styled</p>',
  '<span data-term="vmbus" onmouseover="window.__pwned = 9">VMBus</span>',
  '<h1>title</h1><table><tr><td>cell</td></tr></table><img src="https://example.org/a.png">',
  '<div><ul><li><em>a</em></li></ul></div><base href="https://evil.example/"><meta http-equiv="refresh" content="0">',
];

test('DOMPurify with the allow-list leaves only the subset of any raw HTML, and nothing runs', async ({ page }) => {
  await loadSanitizer(page);
  const results = await page.evaluate((inputs) => {
    type Node = { kind: string; tag?: string; href?: string; text?: string; termId?: string; children?: Node[] };
    const sanitize = (window as unknown as { RichNodes: { sanitizeToNodes(html: string): Node[] } }).RichNodes
      .sanitizeToNodes;
    const flat = (nodes: Node[]): Node[] => nodes.flatMap((n) => [n, ...flat(n.children ?? [])]);
    return inputs.map((html) => {
      const nodes = flat(sanitize(html));
      return {
        html,
        kinds: [...new Set(nodes.map((n) => (n.kind === 'element' ? n.tag : n.kind)))].sort(),
        hrefs: nodes.flatMap((n) => (n.href === undefined ? [] : [n.href])),
        terms: nodes.flatMap((n) => (n.termId === undefined ? [] : [n.termId])),
        text: nodes.map((n) => (n.kind === 'text' ? n.text : '')).join(''),
      };
    });
  }, HOSTILE);
  const allowed = new Set(['text', 'term', 'link', 'p', 'em', 'strong', 'code', 'ul', 'ol', 'li']);
  for (const r of results) {
    for (const kind of r.kinds) expect(allowed.has(kind as string), `${kind} from ${r.html}`).toBe(true);
    for (const href of r.hrefs) expect(href, r.html).toMatch(/^https:\/\//);
  }
  // What is kept: an https link (without its handler, target or style), the glossary placeholder, lists, text.
  const by = (html: string) => results.find((r) => r.html === html);
  expect(by(HOSTILE[6] as string)).toMatchObject({ kinds: ['link', 'text'], hrefs: ['https://example.org/'] });
  expect(by(HOSTILE[13] as string)).toMatchObject({ kinds: ['term'], terms: ['vmbus'] });
  expect(by(HOSTILE[15] as string)?.kinds).toEqual(['em', 'li', 'text', 'ul']);
  expect(by(HOSTILE[12] as string)).toMatchObject({ kinds: ['p', 'text'], text: 'styled' });
  for (const i of [2, 3, 4, 5]) expect(by(HOSTILE[i] as string)?.hrefs, HOSTILE[i]).toEqual([]);
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
});
