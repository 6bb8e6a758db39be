import { THEMES, THEME_COLORS, cssCustomProperties, type ThemeName } from '../../../electron/ipc/themeColors';

/** Each theme's label colours (electron/ipc/themeColors.ts) as custom properties of its label layer class. */
const THEME_RULES = THEMES.map(
  (theme) => `.scene-labels--${theme} { ${cssCustomProperties(THEME_COLORS[theme].labels, '--scene-')} }`,
).join('\n');

/**
 * Default CSS of the label layer, injected into the label root (the UI may override any of it). Sizes are CSS px
 * scaled by --label-font-scale (set by the UI) and --scene-label-fit (set by the scene from the default zoom, never
 * below 13 px for component text).
 */
export const LABEL_CSS = `
.scene-labels { position: absolute; inset: 0; pointer-events: none; font-family: Inter, system-ui, sans-serif; }
.scene-divider { position: absolute; pointer-events: none; background: var(--scene-label-border); }
.scene-label {
  --lbl-scale: calc(var(--label-font-scale, 1) * var(--scene-label-fit, 1));
  color: var(--scene-label-fg); background: var(--scene-label-bg); border: 1.5px solid var(--scene-label-border);
  border-radius: 5px; padding: 2px 6px; line-height: 1.15; white-space: nowrap; text-align: center;
  font-size: max(13px, calc(15px * var(--lbl-scale))); font-weight: 600; pointer-events: none;
}
.scene-label__line { display: block; }
.scene-label__badge { display: inline-block; margin-right: 0.3em; font-weight: 700; }
.scene-label__lines { display: inline-block; vertical-align: middle; }
.scene-label--component { display: flex; align-items: center; gap: 0; }
.scene-label--layer {
  font-size: max(13px, calc(13px * var(--lbl-scale))); font-weight: 600; background: var(--scene-layer-bg);
  border-color: transparent; padding: 0 5px; font-style: italic;
}
.scene-label--band {
  font-size: max(13px, calc(15px * var(--lbl-scale))); font-weight: 700; background: transparent; border-color: transparent;
  text-align: right; color: var(--scene-band-fg);
}
.scene-label--column, .scene-label--stack {
  font-size: max(14px, calc(17px * var(--lbl-scale))); font-weight: 700; background: transparent; border-color: transparent;
}
.scene-label--stack { font-size: max(16px, calc(20px * var(--lbl-scale))); text-decoration: underline; }
.scene-label--mechanism {
  font-size: max(13px, calc(14px * var(--lbl-scale))); font-weight: 800; background: var(--scene-mech-bg); color: var(--scene-mech-fg);
  border-color: var(--scene-mech-bg); border-radius: 999px; padding: 1px 8px;
}
.scene-label--gate {
  font-size: max(13px, calc(15px * var(--lbl-scale))); font-weight: 800; background: var(--scene-gate-bg); color: var(--scene-gate-fg);
  border-color: var(--scene-gate-bg); text-align: left;
}
.scene-label--tcb { border-width: 2.5px; border-color: var(--scene-label-tcb); }
.scene-label--active { background: var(--scene-label-active-bg); border-color: var(--scene-label-active-border); box-shadow: 0 0 0 3px var(--scene-label-active-border); }
.scene-label--hover { box-shadow: 0 0 0 3px var(--scene-label-hover); }
.scene-label--selected { box-shadow: 0 0 0 4px var(--scene-label-selected); font-weight: 800; }
.scene-label--failed { background: var(--scene-label-failed-bg); color: var(--scene-label-failed-fg); }
.scene-label--failed .scene-label__lines { text-decoration: line-through; text-decoration-thickness: 2px; }
.scene-label--dimmed { opacity: 0.35; }
.scene-label--yield { visibility: hidden; }
.scene-label--gone { display: none; }
.scene-label__short { display: none; }
.scene-label--short .scene-label__lines { display: none; }
.scene-label--short .scene-label__short { display: inline-block; vertical-align: middle; white-space: pre-line; }
.scene-label--compact .scene-label__lines { display: none; }
.scene-label--compact .scene-label__badge { margin-right: 0; }
/* A label with a leader goes under every other label (CSS2DRenderer sets z-index inline, by depth): its line may cross
   them, and must not strike through their text. Labels never overlap each other, so nothing else changes. */
.scene-label--led { z-index: 0 !important; }
.scene-label__leader {
  position: absolute; height: 2px; margin-top: -1px; transform-origin: 0 50%; background: var(--scene-label-border);
  pointer-events: none;
}
.scene-label__leader-end {
  position: absolute; right: -4px; top: -3px; width: 8px; height: 8px; border-radius: 50%; background: inherit;
}
${THEME_RULES}
.scene-labels--projector .scene-label { font-weight: 700; border-width: 2px; }
.scene-labels--projector .scene-label__leader { height: 3px; margin-top: -1.5px; }
.scene-labels--projector .scene-label--mechanism {
  font-size: max(13px, calc(14px * var(--lbl-scale))); font-weight: 800; background: var(--scene-mech-bg); color: var(--scene-mech-fg);
  border-color: var(--scene-mech-bg); border-radius: 999px; padding: 1px 8px;
}
.scene-label--tcb { border-width: 3.5px; }
.scene-labels--split .scene-label { padding: 1px 4px; line-height: 1.1; }
.scene-labels--split .scene-label--mechanism { padding: 0 6px; }
`;

/** Gives a label layer (or a pane divider) the class that selects its theme's label colours. */
export function setLabelTheme(el: HTMLElement, theme: ThemeName): void {
  for (const t of THEMES) el.classList.toggle(`scene-labels--${t}`, t === theme);
}
