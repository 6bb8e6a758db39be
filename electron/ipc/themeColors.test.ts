import { describe, expect, it } from 'vitest';
import { THEMES } from './settings';
import { THEME_COLORS, cssCustomProperties, type ThemeColors } from './themeColors';

type Rgba = [number, number, number, number];

/** '#rgb', '#rrggbb' or 'rgba(r,g,b,a)', the notations the table uses; anything else is an error. */
function parseColor(css: string): Rgba {
  const rgba = /^rgba\((\d{1,3}),(\d{1,3}),(\d{1,3}),(0(?:\.\d+)?|1)\)$/.exec(css);
  if (rgba) return [Number(rgba[1]), Number(rgba[2]), Number(rgba[3]), Number(rgba[4])];
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(css)?.[1];
  if (!hex) throw new Error(`not a colour: ${css}`);
  const full = hex.length === 3 ? [...hex].map((d) => d + d).join('') : hex;
  const n = parseInt(full, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 1];
}

/** WCAG 2.x relative luminance of an opaque sRGB colour. */
function luminance([r, g, b]: readonly number[]): number {
  const lin = (v = 0) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

const ratio = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/**
 * The lowest contrast of opaque text on a background that may be translucent (a label over the 3D scene): whatever
 * shows through, the background's luminance lies between the background composited over black and over white; the
 * worst case is an end of that range, or 1 when the text's own luminance falls inside it.
 */
function worstContrast(text: string, background: string): number {
  const bg = parseColor(background);
  const over = (backdrop: number) => luminance(bg.slice(0, 3).map((c) => c * bg[3] + backdrop * (1 - bg[3])));
  const [lo, hi] = [over(0), over(255)];
  const fg = luminance(parseColor(text));
  if (fg >= lo && fg <= hi) return 1;
  return Math.min(ratio(fg, lo), ratio(fg, hi));
}

/** Text/background pairs people read: the label layer's, then the UI's. */
function textPairs({ page, labels, scene }: ThemeColors): [string, string, string][] {
  return [
    ['component label', labels.labelFg, labels.labelBg],
    ['layer label', labels.labelFg, labels.layerBg],
    ['active label', labels.labelFg, labels.labelActiveBg],
    ['failed label', labels.labelFailedFg, labels.labelFailedBg],
    ['mechanism label', labels.mechFg, labels.mechBg],
    ['gate label', labels.gateFg, labels.gateBg],
    // Band names and column and stack titles have no background: they stand on the scene's.
    ['band name on the scene', labels.bandFg, scene.background],
    ['title on the scene', labels.labelFg, scene.background],
    ['text', page.fg, page.bg],
    ['text on a panel', page.fg, page.panel],
    ['text on a raised panel', page.fg, page.panel2],
    ['muted text', page.muted, page.bg],
    ['muted text on a panel', page.muted, page.panel],
    ['muted text on a raised panel', page.muted, page.panel2],
    ['text on the accent', page.accentFg, page.accent],
    ['good on a panel', page.good, page.panel],
    ['bad on a panel', page.bad, page.panel],
    ['warning on a panel', page.warn, page.panel],
  ];
}

/** Every key path of a colour group (`arc.drop`, `slab.ring-1`, …), sorted. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value)
    .flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k))
    .sort();
}

describe('theme colour table', () => {
  it('has every colour for every theme of the settings schema, each a colour the CSS and the scene can read', () => {
    expect(Object.keys(THEME_COLORS).sort()).toEqual([...THEMES].sort());
    const reference = keyPaths(THEME_COLORS[THEMES[0]]);
    for (const theme of THEMES) {
      expect(keyPaths(THEME_COLORS[theme]), theme).toEqual(reference);
      const { page, labels, scene } = THEME_COLORS[theme];
      for (const [key, css] of Object.entries({ ...page, ...labels })) {
        expect(() => parseColor(css), `${theme}.${key}`).not.toThrow();
      }
      // The scene takes '#rrggbb' only (palette.ts reads it as a number); alpha is its own field there.
      const sceneColors = keyPaths(scene).filter((k) => !/Opacity|Scale/.test(k));
      for (const key of sceneColors) {
        const css = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], scene);
        expect(css, `${theme}.scene.${key}`).toMatch(/^#[0-9a-f]{6}$/);
      }
    }
  });

  it('meets WCAG AA (4.5:1) for every text/background pair in every theme, whatever shows through a label', () => {
    const failures = THEMES.flatMap((theme) =>
      textPairs(THEME_COLORS[theme])
        .map(([what, text, bg]) => ({
          what: `${theme}: ${what} (${text} on ${bg})`,
          contrast: worstContrast(text, bg),
        }))
        .filter(({ contrast }) => contrast < 4.5),
    );
    expect(failures).toEqual([]);
  });

  it('keeps the projector theme high contrast: AAA (7:1) on every pair, opaque labels and slabs', () => {
    const projector = THEME_COLORS.projector;
    for (const [what, text, bg] of textPairs(projector)) {
      expect(worstContrast(text, bg), what).toBeGreaterThanOrEqual(7);
    }
    for (const [key, css] of Object.entries(projector.labels)) expect(parseColor(css)[3], key).toBe(1);
    expect(projector.scene.slabOpacity).toBe(1);
  });

  it('checks its own contrast arithmetic against known WCAG values', () => {
    expect(worstContrast('#000', '#fff')).toBeCloseTo(21, 5);
    expect(worstContrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    // Half-transparent black over black or white ranges from black to mid grey: mid-grey text can vanish in it.
    expect(worstContrast('#777', 'rgba(0,0,0,0.5)')).toBe(1);
  });

  it('writes a colour group as kebab-case custom properties', () => {
    expect(cssCustomProperties({ ...THEME_COLORS.dark.page }, '--')).toContain('--bg-viewport: #1b1f26;');
    expect(cssCustomProperties({ ...THEME_COLORS.dark.page }, '--')).toContain('--panel-2: #272d37;');
    expect(cssCustomProperties({ ...THEME_COLORS.light.labels }, '--scene-')).toContain(
      '--scene-label-active-bg: #fff4c2;',
    );
  });
});
