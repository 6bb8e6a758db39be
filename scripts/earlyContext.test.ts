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
import { EARLY_SCRIPT, earlyContextPlugin, earlyScript } from './earlyContext';
import { buildWith } from './testing/buildWith';

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
  const window: Record<string, unknown> = {
    location: { search: options.search ?? '' },
    devicePixelRatio: options.dpr ?? 1,
    performance: { mark: (name: string) => calls.marks.push(name) },
    document,
    URLSearchParams,
  };
  window.window = window;
  return { window, body, head, html, calls };
}

describe('the early script (index.html: the first frame’s canvas and WebGL context before the app’s chunks)', () => {
  it('is a classic script: no import or export left, one call of earlyContext(window)', async () => {
    const js = await earlyScript();
    expect(js).not.toMatch(/^\s*(import|export)\b/m);
    expect(js.match(/earlyContext\(window\);/g)).toHaveLength(1);
    expect(() => new Function(js)).not.toThrow();
  });

  it('puts the stage in the page, sizes its canvas as StackScene will, then makes the context and waits for it', async () => {
    const page = fakePage({ width: 1001.6, height: 640.4, dpr: 1.5 });
    runInNewContext(await earlyScript(), page.window);
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
    runInNewContext(await earlyScript(), page.window);
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
      runInNewContext(await earlyScript(), page.window);
      expect(page.window[EARLY_GLOBAL], search).toBeUndefined();
      expect(page.body.children, search).toEqual([]);
      expect(page.calls.getContext, search).toEqual([]);
    }
    const late = fakePage({ width: 800, height: 600 });
    late.window[EARLY_GLOBAL] = null;
    runInNewContext(await earlyScript(), late.window);
    expect(late.calls.getContext).toEqual([]);
    expect(late.body.children).toEqual([]);
  });

  it('without WebGL 2 leaves nothing behind (the app then makes its own context or says WebGL is missing)', async () => {
    const page = fakePage({ webgl2: false, width: 800, height: 600 });
    runInNewContext(await earlyScript(), page.window);
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

  it('is written into the build beside index.html', async () => {
    const { out, remove } = await buildWith([earlyContextPlugin()]);
    try {
      expect(readFileSync(join(out, EARLY_SCRIPT), 'utf8')).toBe(await earlyScript());
    } finally {
      remove();
    }
  });
});
