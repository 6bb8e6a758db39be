/**
 * Default CSS of the label layer, injected into the label root (the UI may override any of it). Sizes are CSS px
 * scaled by --label-font-scale (set by the UI) and --scene-label-fit (set by the scene from the default zoom, never
 * below 13 px for component text).
 */
export const LABEL_CSS = `
.scene-labels { position: absolute; inset: 0; pointer-events: none; font-family: Inter, system-ui, sans-serif; }
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
.scene-label--yield { visibility: hidden; }
.scene-label--gone { display: none; }
.scene-label--compact .scene-label__lines { display: none; }
.scene-label--compact .scene-label__badge { margin-right: 0; }
.scene-labels--light {
  --scene-label-fg: #111; --scene-label-bg: rgba(255,255,255,0.93); --scene-label-border: #555; --scene-layer-bg: rgba(255,255,255,0.75);
  --scene-band-fg: #222; --scene-label-tcb: #000; --scene-label-active-bg: #fff4c2; --scene-label-active-border: #e69f00;
  --scene-label-hover: #0072b2; --scene-label-selected: #6a00ff; --scene-label-failed-bg: #333; --scene-label-failed-fg: #fff;
  --scene-mech-bg: #7a1500; --scene-mech-fg: #fff; --scene-gate-bg: #222; --scene-gate-fg: #fff;
}
.scene-labels--dark {
  --scene-label-fg: #f2f2f2; --scene-label-bg: rgba(20,23,28,0.92); --scene-label-border: #8a93a0; --scene-layer-bg: rgba(20,23,28,0.7);
  --scene-band-fg: #e8e8e8; --scene-label-tcb: #fff; --scene-label-active-bg: #5a4700; --scene-label-active-border: #ffd84d;
  --scene-label-hover: #9ad0ff; --scene-label-selected: #f0e442; --scene-label-failed-bg: #000; --scene-label-failed-fg: #bbb;
  --scene-mech-bg: #ffb27a; --scene-mech-fg: #000; --scene-gate-bg: #e8e8e8; --scene-gate-fg: #000;
}
.scene-labels--projector {
  --scene-label-fg: #000; --scene-label-bg: #fff; --scene-label-border: #000; --scene-layer-bg: #fff;
  --scene-band-fg: #000; --scene-label-tcb: #000; --scene-label-active-bg: #ffe066; --scene-label-active-border: #000;
  --scene-label-hover: #0040ff; --scene-label-selected: #6a00ff; --scene-label-failed-bg: #000; --scene-label-failed-fg: #fff;
  --scene-mech-bg: #000; --scene-mech-fg: #fff; --scene-gate-bg: #000; --scene-gate-fg: #fff;
}
.scene-labels--projector .scene-label { font-weight: 700; border-width: 2px; }
.scene-labels--projector .scene-label--mechanism {
  font-size: max(13px, calc(14px * var(--lbl-scale))); font-weight: 800; background: var(--scene-mech-bg); color: var(--scene-mech-fg);
  border-color: var(--scene-mech-bg); border-radius: 999px; padding: 1px 8px;
}
.scene-label--tcb { border-width: 3.5px; }
`;
