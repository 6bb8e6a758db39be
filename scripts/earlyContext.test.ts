import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  EARLY_GLOBAL,
  FIRST_STAGE_CLASS,
  FIRST_STAGE_CSS,
  FIRST_STAGE_STYLE_ID,
  GL_ATTRIBUTES,
  THREE_SETUP_EXTENSIONS,
  firstStageElements,
} from '../renderer/src/scene/earlyContext';
import { createHash } from 'node:crypto';
import type { Plugin, UserConfig } from 'vite';
import { DEV_CSP, productionCsp } from '../electron/csp';
import { EARLY_SCRIPT_TAG, earlyScript, inlineEarlyScript } from './earlyContext';

/** Just enough of a page for the early script: elements that record what was done to them. */
function fakePage(
  options: { search?: string; webgl2?: boolean; width?: number; height?: number; dpr?: number; inHead?: boolean } = {},
) {
  const calls: { getContext: unknown[][]; getError: number; marks: string[]; gl: string[] } = {
    getContext: [],
    getError: 0,
    marks: [],
    gl: [],
  };
  const body: { children: FakeElement[]; append(e: FakeElement): void } = {
    children: [],
    append(e) {
      this.children.push(e);
      e.parent = this;
    },
  };
  interface FakeElement {
    tag: string;
    id: string;
    textContent: string;
    className: string;
    style: { cssText: string; visibility: string };
    children: FakeElement[];
    parent: { children: FakeElement[] } | null;
    width: number;
    height: number;
    clientWidth: number;
    clientHeight: number;
    append(e: FakeElement): void;
    remove(): void;
    getContext(...a: unknown[]): unknown;
  }
  const element = (tag: string): FakeElement => ({
    tag,
    id: '',
    textContent: '',
    className: '',
    style: { cssText: '', visibility: '' },
    children: [],
    parent: null,
    width: 300,
    height: 150,
    clientWidth: options.width ?? 0,
    clientHeight: options.height ?? 0,
    append(e) {
      this.children.push(e);
      e.parent = this;
    },
    remove() {
      if (this.parent) this.parent.children = this.parent.children.filter((c) => c !== this);
    },
    getContext(...a) {
      calls.getContext.push(a);
      if (options.webgl2 === false) return null;
      return {
        getError: () => {
          calls.gl.push('getError');
          return ++calls.getError;
        },
        getExtension: (name: string) => void calls.gl.push(name),
      };
    },
  });
  const head = element('head');
  const html = element('html');
  const find = (within: FakeElement[], id: string): FakeElement | null =>
    within.map((e) => (e.id === id ? e : find(e.children, id))).find(Boolean) ?? null;
  const document = {
    // The parser has not reached <body> yet when the script runs in <head>.
    body: options.inHead ? null : body,
    head,
    documentElement: html,
    createElement: element,
    getElementById: (id: string) => find([head, html, ...body.children], id),
  };
  const tasks: (() => void)[] = [];
  const window: Record<string, unknown> = {
    setTimeout: (fn: () => void, ms: number) => {
      if (ms !== 0) throw new Error(`the early script waits ${ms} ms`);
      tasks.push(fn);
    },
    location: { search: options.search ?? '' },
    devicePixelRatio: options.dpr ?? 1,
    performance: { mark: (name: string) => calls.marks.push(name) },
    document,
    URLSearchParams,
  };
  window.window = window;
  /** Runs the script as the parser does, then the tasks it queued. */
  const run = (script: string): void => {
    runInNewContext(script, window);
    while (tasks.length) tasks.shift()?.();
  };
  return { window, body, head, html, calls, tasks, run };
}

describe('the early script (index.html: the first frame’s canvas and WebGL context before the app’s chunks)', () => {
  it('is a classic script: no import or export left, one call of earlyContext(window), in a task of its own', async () => {
    const js = await earlyScript();
    expect(js).not.toMatch(/^\s*(import|export)\b/m);
    expect(js.match(/^setTimeout\(\(\) => earlyContext\(window\), 0\);$/gm)).toHaveLength(1);
    expect(js).not.toMatch(/<\/script/i);
    expect(() => new Function(js)).not.toThrow();
  });

  it('does its work in a task of its own, so the parser is not held up while the GPU process makes the context', async () => {
    const page = fakePage({ width: 800, height: 600 });
    runInNewContext(await earlyScript(), page.window);
    expect(page.calls.getContext).toEqual([]);
    expect(page.tasks).toHaveLength(1);
    page.tasks.shift()?.();
    expect(page.calls.getContext).toHaveLength(1);
    expect(page.window[EARLY_GLOBAL]).toBeTruthy();
  });

  it('puts the stage in the page, sizes its canvas as StackScene will, then makes the context and waits for it', async () => {
    const page = fakePage({ width: 1001.6, height: 640.4, dpr: 1.5 });
    page.run(await earlyScript());
    const early = page.window[EARLY_GLOBAL] as { host: { className: string }; canvas: Record<string, unknown> };
    expect(early.host.className).toBe(FIRST_STAGE_CLASS);
    expect(page.body.children).toEqual([early.host]);
    // floor(1001.6) * 1.5 and floor(640.4) * 1.5, before getContext: the drawing buffer is allocated once.
    expect([early.canvas.width, early.canvas.height]).toEqual([1501, 960]);
    expect(page.calls.getContext).toEqual([['webgl2', GL_ATTRIBUTES]]);
    expect(page.calls.getError).toBe(1);
    // three's set-up extensions are enabled before the one wait, so their round trips are not three's later.
    expect(page.calls.gl).toEqual([...THREE_SETUP_EXTENSIONS, 'getError']);
    expect(page.calls.marks).toEqual(['rmo:early']);
    expect((early.canvas.style as { visibility: string }).visibility).toBe('hidden');
    // The stage's rule goes in the page with it: the early script runs before the app's stylesheet.
    expect(page.head.children.map((e) => [e.tag, e.id, e.textContent])).toEqual([
      ['style', FIRST_STAGE_STYLE_ID, FIRST_STAGE_CSS],
    ]);
  });

  it('run in <head>, before the parser has made <body>, puts the stage in <html>', async () => {
    const page = fakePage({ inHead: true, width: 900, height: 500 });
    page.run(await earlyScript());
    const early = page.window[EARLY_GLOBAL] as { host: unknown; canvas: Record<string, unknown> };
    expect(page.html.children).toEqual([early.host]);
    expect(page.body.children).toEqual([]);
    expect([early.canvas.width, early.canvas.height]).toEqual([900, 500]);
    expect(page.calls.getContext).toHaveLength(1);
  });

  it('puts the stage’s rule in the page once, however many stages are made', () => {
    const page = fakePage();
    const doc = page.window.document as unknown as Document;
    firstStageElements(doc);
    firstStageElements(doc);
    expect(page.head.children.filter((e) => e.id === FIRST_STAGE_STYLE_ID)).toHaveLength(1);
  });

  it('makes nothing in the audience or presenter window, after a crash, or once the app has looked', async () => {
    for (const search of ['?window=audience', '?window=presenter', '?recovered=1']) {
      const page = fakePage({ search, width: 800, height: 600 });
      page.run(await earlyScript());
      expect(page.window[EARLY_GLOBAL], search).toBeUndefined();
      expect(page.body.children, search).toEqual([]);
      expect(page.calls.getContext, search).toEqual([]);
    }
    const late = fakePage({ width: 800, height: 600 });
    late.window[EARLY_GLOBAL] = null;
    late.run(await earlyScript());
    expect(late.calls.getContext).toEqual([]);
    expect(late.body.children).toEqual([]);
  });

  it('without WebGL 2 leaves nothing behind (the app then makes its own context or says WebGL is missing)', async () => {
    const page = fakePage({ webgl2: false, width: 800, height: 600 });
    page.run(await earlyScript());
    expect(page.window[EARLY_GLOBAL]).toBeUndefined();
    expect(page.body.children).toEqual([]);
  });

  it('enables the extensions three enables when it sets up (WebGLExtensions.init in the installed three)', () => {
    const three = readFileSync(join(import.meta.dirname, '../node_modules/three/build/three.module.js'), 'utf8');
    const extensions = three.slice(three.indexOf('function WebGLExtensions('));
    const init = /\binit: function \(\) \{([\s\S]*?)\n\t\t\}/.exec(extensions)?.[1];
    expect(init, 'WebGLExtensions.init not found in three.module.js').toBeDefined();
    const names = [...(init ?? '').matchAll(/getExtension\( '([A-Za-z_]+)' \)/g)].map((m) => m[1]);
    expect(names).toEqual([...THREE_SETUP_EXTENSIONS]);
  });

  it('goes inline where index.html has its tag, once; anything else is a clear build error', async () => {
    const html = `<head>${EARLY_SCRIPT_TAG}</head>`;
    expect(inlineEarlyScript(html, 'x()')).toBe('<head><script>x()</script></head>');
    expect(() => inlineEarlyScript('<head></head>', 'x()')).toThrow(/must have the tag .*early-context\.js.* once/);
    expect(() => inlineEarlyScript(html + html, 'x()')).toThrow(/once/);
  });
});

describe('index.html, as the build and the dev server write it (vite.config.ts’s plugins, in its order)', () => {
  const source = readFileSync(join(import.meta.dirname, '../renderer/index.html'), 'utf8');

  async function transform(command: 'build' | 'serve'): Promise<string> {
    const config = (await import('../vite.config')).default as UserConfig;
    const flatten = (options: unknown[]): unknown[] => options.flatMap((o) => (Array.isArray(o) ? flatten(o) : [o]));
    const plugins = flatten(config.plugins ?? []) as Plugin[];
    let html = source;
    for (const plugin of plugins.filter((p) => p && typeof p === 'object' && 'name' in p)) {
      const resolved = plugin.configResolved;
      if (typeof resolved === 'function' && plugin.name.startsWith('ring-minus-one'))
        await (resolved as (c: unknown) => unknown)({ command });
      const hook = plugin.transformIndexHtml;
      if (!hook || !plugin.name.startsWith('ring-minus-one')) continue;
      const handler = (typeof hook === 'function' ? hook : hook.handler) as (h: string, c: unknown) => unknown;
      const out = await handler(html, {});
      if (typeof out === 'string') html = out;
    }
    return html;
  }

  it('the build: the early script inline, and the CSP names its hash (and allows no other inline script)', async () => {
    const html = await transform('build');
    const script = await earlyScript();
    expect(html).not.toContain(EARLY_SCRIPT_TAG);
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(inline).toEqual([script]);
    const hash = `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
    expect(meta).toBe(productionCsp([hash]));
  });

  it('the dev server: the early script stays a file it serves, under the dev policy', async () => {
    const html = await transform('serve');
    expect(html).toContain(EARLY_SCRIPT_TAG);
    expect(html).toContain(`content="${DEV_CSP}"`);
    expect(html).not.toMatch(/<script>/);
  });
});
