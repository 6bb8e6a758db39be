import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { EARLY_GLOBAL, FIRST_STAGE_CLASS, GL_ATTRIBUTES } from '../renderer/src/scene/earlyContext';
import { EARLY_SCRIPT, earlyContextPlugin, earlyScript } from './earlyContext';
import { buildWith } from './testing/buildWith';

/** Just enough of a page for the early script: elements that record what was done to them. */
function fakePage(options: { search?: string; webgl2?: boolean; width?: number; height?: number; dpr?: number } = {}) {
  const calls: { getContext: unknown[][]; getError: number; marks: string[] } = {
    getContext: [],
    getError: 0,
    marks: [],
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
      return options.webgl2 === false ? null : { getError: () => ++calls.getError };
    },
  });
  const window: Record<string, unknown> = {
    location: { search: options.search ?? '' },
    devicePixelRatio: options.dpr ?? 1,
    performance: { mark: (name: string) => calls.marks.push(name) },
    document: { body, createElement: element },
    URLSearchParams,
  };
  window.window = window;
  return { window, body, calls };
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
    expect(page.calls.marks).toEqual(['rmo:early']);
    expect((early.canvas.style as { visibility: string }).visibility).toBe('hidden');
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

  it('is written into the build beside index.html', async () => {
    const { out, remove } = await buildWith([earlyContextPlugin()]);
    try {
      expect(readFileSync(join(out, EARLY_SCRIPT), 'utf8')).toBe(await earlyScript());
    } finally {
      remove();
    }
  });
});
