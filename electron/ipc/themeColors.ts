/**
 * The one table of theme colours (DESIGN.md, convention 13). Every consumer reads it: the build turns `page` into the
 * UI's CSS custom properties (scripts/themeCss.ts), the 3D view turns `labels` into its label layer's custom properties
 * (scene/labelStyles.ts) and `scene` into its palette (scene/palette.ts), and main takes the window background from
 * `page.bg`. It sits beside the settings schema, which takes its THEMES from here, because it is the one place lint lets
 * the main process, the scene and the build all import (eslint.config.js, file category 'theme-colors').
 * Plain data: no Electron, no DOM, no three.js. Colours are CSS strings ('#rrggbb', or rgba() where a label lets the
 * scene show through).
 */
/**
 * The themes the renderer knows how to draw. `projector` is the high-contrast theme for bright lecture halls. The
 * settings schema takes its theme names from here: this module stays free of zod, because the first 3D frame draws
 * before the schemas are loaded (renderer/src/firstFrame.ts, issue 11).
 */
export const THEMES = ['light', 'dark', 'projector'] as const;
export type ThemeName = (typeof THEMES)[number];

/** The UI's colours, written to `html[data-theme=…]` as `--bg`, `--bg-viewport`, `--panel-2`, … */
export interface PageColors {
  bg: string;
  bgViewport: string;
  panel: string;
  panel2: string;
  fg: string;
  muted: string;
  border: string;
  accent: string;
  /** Text on an accent background (pressed buttons). */
  accentFg: string;
  focus: string;
  good: string;
  bad: string;
  warn: string;
}

/** The 3D view's HTML labels, written to `.scene-labels--<theme>` as `--scene-label-fg`, `--scene-mech-bg`, … */
export interface LabelColors {
  labelFg: string;
  labelBg: string;
  labelBorder: string;
  /** Behind a layer's italic name on its slab. */
  layerBg: string;
  /** Privilege band names, drawn with no background of their own. */
  bandFg: string;
  labelTcb: string;
  labelActiveBg: string;
  labelActiveBorder: string;
  labelHover: string;
  labelSelected: string;
  labelFailedBg: string;
  labelFailedFg: string;
  /** The mechanism of the current hop ("▼ VM exit"). */
  mechBg: string;
  mechFg: string;
  /** A hosted VMM's world-switch gate. */
  gateBg: string;
  gateFg: string;
}

/** The 3D scene's colours (palette.ts turns them into three.js numbers). */
export interface SceneColors {
  background: string;
  /** Slab colour per privilege level and domain: key `${ring}:${domain}`, falling back to the ring. */
  slab: Readonly<Record<string, string>>;
  slabOpacity: number;
  /** Multiplier applied to the (theme-independent) component kind colours: the dark theme dims them slightly. */
  kindColorScale: number;
  blockEdge: string;
  tcbOutline: string;
  selectOutline: string;
  hoverOutline: string;
  activeEmissive: string;
  failedColor: string;
  failedHatch: string;
  arc: { drop: string; rise: string; direct: string };
  arcDoneOpacity: number;
  /** The halo tube behind arcs (contrast on any slab). */
  arcHalo: string;
  packet: { command: string; data: string; signal: string };
  /** The world-switch gate of a hosted VMM, and the wires from devices to their (host) drivers. */
  gate: string;
  deviceLink: string;
}

export interface ThemeColors {
  page: PageColors;
  labels: LabelColors;
  scene: SceneColors;
}

export const THEME_COLORS: Readonly<Record<ThemeName, ThemeColors>> = {
  dark: {
    page: {
      bg: '#14171c',
      bgViewport: '#1b1f26',
      panel: '#1f242c',
      panel2: '#272d37',
      fg: '#eef1f5',
      muted: '#b3bcc8',
      border: '#3b4452',
      accent: '#56b4e9',
      accentFg: '#0b1015',
      focus: '#f0e442',
      good: '#6ccf9a',
      bad: '#ff8a80',
      warn: '#f0c060',
    },
    labels: {
      labelFg: '#f2f2f2',
      labelBg: 'rgba(20,23,28,0.92)',
      labelBorder: '#8a93a0',
      layerBg: 'rgba(20,23,28,0.7)',
      bandFg: '#e8e8e8',
      labelTcb: '#fff',
      labelActiveBg: '#5a4700',
      labelActiveBorder: '#ffd84d',
      labelHover: '#9ad0ff',
      labelSelected: '#f0e442',
      labelFailedBg: '#000',
      labelFailedFg: '#bbb',
      mechBg: '#ffb27a',
      mechFg: '#000',
      gateBg: '#e8e8e8',
      gateFg: '#000',
    },
    scene: {
      background: '#14171c',
      slab: {
        hardware: '#5a5a5a',
        'ring-1': '#8a3f0c',
        'ring0:host': '#1f4f7a',
        'ring0:guest': '#14614b',
        'ring0:hypervisor': '#8a3f0c',
        // A deprivileged guest kernel (binary translation) is drawn like any guest kernel.
        'deprivileged:guest': '#14614b',
        'ring3:host': '#4a86bf',
        'ring3:guest': '#3a9c7c',
      },
      slabOpacity: 0.85,
      kindColorScale: 0.9,
      blockEdge: '#0b0d10',
      tcbOutline: '#ffffff',
      selectOutline: '#f0e442',
      hoverOutline: '#9ad0ff',
      activeEmissive: '#ffd84d',
      failedColor: '#222222',
      failedHatch: '#555555',
      arc: { drop: '#ff8a3d', rise: '#f0a8dc', direct: '#8fd3ff' },
      arcDoneOpacity: 0.28,
      arcHalo: '#000000',
      packet: { command: '#f0e442', data: '#ffffff', signal: '#ffe14d' },
      gate: '#e8e8e8',
      deviceLink: '#b8b8b8',
    },
  },
  light: {
    page: {
      bg: '#f4f5f7',
      bgViewport: '#e9ecf1',
      panel: '#ffffff',
      panel2: '#eef0f4',
      fg: '#111418',
      muted: '#4a5361',
      border: '#c3c9d3',
      accent: '#0060a8',
      accentFg: '#ffffff',
      focus: '#b35900',
      good: '#0a7a3e',
      bad: '#b3261e',
      warn: '#8a5a00',
    },
    labels: {
      labelFg: '#111',
      labelBg: 'rgba(255,255,255,0.93)',
      labelBorder: '#555',
      layerBg: 'rgba(255,255,255,0.75)',
      bandFg: '#222',
      labelTcb: '#000',
      labelActiveBg: '#fff4c2',
      labelActiveBorder: '#e69f00',
      labelHover: '#0072b2',
      labelSelected: '#6a00ff',
      labelFailedBg: '#333',
      labelFailedFg: '#fff',
      mechBg: '#7a1500',
      mechFg: '#fff',
      gateBg: '#222',
      gateFg: '#fff',
    },
    scene: {
      background: '#f4f5f7',
      slab: {
        hardware: '#8c8c8c',
        'ring-1': '#f2b48a',
        'ring0:host': '#9cc3e6',
        'ring0:guest': '#9fd9c2',
        'ring0:hypervisor': '#f2b48a',
        // A deprivileged guest kernel (binary translation) is drawn like any guest kernel.
        'deprivileged:guest': '#9fd9c2',
        'ring3:host': '#c6def2',
        'ring3:guest': '#c9ecdd',
      },
      slabOpacity: 0.9,
      kindColorScale: 1,
      blockEdge: '#333333',
      tcbOutline: '#1a1a1a',
      selectOutline: '#6a00ff',
      hoverOutline: '#0072b2',
      activeEmissive: '#ffb000',
      failedColor: '#2a2a2a',
      failedHatch: '#6a6a6a',
      arc: { drop: '#9e1b00', rise: '#6b2c91', direct: '#003f7f' },
      arcDoneOpacity: 0.28,
      arcHalo: '#ffffff',
      packet: { command: '#111111', data: '#111111', signal: '#3a0a5e' },
      gate: '#222222',
      deviceLink: '#555555',
    },
  },
  // High contrast for a bright lecture hall: black on white, opaque labels and slabs, saturated Okabe-Ito slabs.
  projector: {
    page: {
      bg: '#ffffff',
      bgViewport: '#ffffff',
      panel: '#ffffff',
      panel2: '#f0f0f0',
      fg: '#000000',
      muted: '#1d1d1d',
      border: '#000000',
      accent: '#0033aa',
      accentFg: '#ffffff',
      focus: '#d40000',
      good: '#005a1e',
      bad: '#a00000',
      warn: '#6b4000',
    },
    labels: {
      labelFg: '#000',
      labelBg: '#fff',
      labelBorder: '#000',
      layerBg: '#fff',
      bandFg: '#000',
      labelTcb: '#000',
      labelActiveBg: '#ffe066',
      labelActiveBorder: '#000',
      labelHover: '#0040ff',
      labelSelected: '#6a00ff',
      labelFailedBg: '#000',
      labelFailedFg: '#fff',
      mechBg: '#000',
      mechFg: '#fff',
      gateBg: '#000',
      gateFg: '#fff',
    },
    scene: {
      background: '#fcfcfc',
      slab: {
        hardware: '#555555',
        'ring-1': '#d55e00',
        'ring0:host': '#0072b2',
        'ring0:guest': '#009e73',
        'ring0:hypervisor': '#d55e00',
        // A deprivileged guest kernel (binary translation) is drawn like any guest kernel.
        'deprivileged:guest': '#009e73',
        'ring3:host': '#56b4e9',
        'ring3:guest': '#5fd3a8',
      },
      slabOpacity: 1,
      kindColorScale: 1,
      blockEdge: '#000000',
      tcbOutline: '#000000',
      selectOutline: '#6a00ff',
      hoverOutline: '#0040ff',
      activeEmissive: '#ffcc00',
      failedColor: '#1a1a1a',
      failedHatch: '#6e6e6e',
      arc: { drop: '#b00000', rise: '#7a007a', direct: '#002b80' },
      arcDoneOpacity: 0.4,
      arcHalo: '#ffffff',
      packet: { command: '#000000', data: '#000000', signal: '#2a0066' },
      gate: '#000000',
      deviceLink: '#333333',
    },
  },
};

/**
 * A group of colours as CSS custom property declarations: `{ bgViewport, panel2 }` with prefix `--` gives
 * `--bg-viewport: …; --panel-2: …;` (camelCase and digits become kebab-case words).
 */
export function cssCustomProperties(colors: PageColors | LabelColors, prefix: string): string {
  return Object.entries(colors)
    .map(([key, value]) => `${prefix}${key.replace(/[A-Z]|\d+/g, (m) => `-${m.toLowerCase()}`)}: ${value};`)
    .join(' ');
}
