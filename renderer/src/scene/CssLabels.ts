/**
 * CSS2DObject-backed labels (crisp text on projectors) and the screen-space overlap pass: labels are ranked (selected /
 * active components first, then components, stack and column titles, bands, layers); a label whose box overlaps a
 * higher-ranked one is nudged vertically, and yields (hidden with visibility, so it keeps its place) only when no
 * nearby position is free.
 */
import { CSS2DObject } from 'three/addons/renderers/CSS2DRenderer.js';
import type { LabelFactory, LabelFlag, LabelKind, LabelSpec, SceneLabel } from './labels';

const RANK: Record<LabelKind, number> = { component: 40, stack: 55, column: 30, mechanism: 25, band: 20, layer: 10 };

class CssLabel implements SceneLabel {
  readonly object: CSS2DObject;
  readonly element: HTMLDivElement;
  private readonly linesEl: HTMLSpanElement;
  private readonly flags = new Set<LabelFlag>();

  constructor(
    readonly spec: LabelSpec,
    private readonly onDispose: (l: CssLabel) => void,
  ) {
    const el = document.createElement('div');
    el.className = `scene-label scene-label--${spec.kind}`;
    if (spec.componentId) el.dataset.componentId = spec.componentId;
    if (spec.stackKey) el.dataset.stackKey = spec.stackKey;
    if (spec.badge) {
      const b = document.createElement('span');
      b.className = 'scene-label__badge';
      b.textContent = spec.badge;
      if (spec.badgeTitle) b.title = spec.badgeTitle;
      el.append(b);
    }
    this.linesEl = document.createElement('span');
    this.linesEl.className = 'scene-label__lines';
    el.append(this.linesEl);
    this.element = el;
    this.object = new CSS2DObject(el);
    if (spec.center) this.object.center.set(spec.center[0], spec.center[1]);
    this.setLines(spec.lines);
  }

  /** Vertical offset (CSS px) the overlap pass gave this label; applied with the `translate` property. */
  nudge = 0;

  setNudge(dy: number): void {
    const rounded = Math.round(dy);
    if (rounded === this.nudge) return;
    this.nudge = rounded;
    this.element.style.translate = rounded === 0 ? '' : `0 ${rounded}px`;
  }

  get rank(): number {
    let r = RANK[this.spec.kind];
    if (this.flags.has('selected')) r += 9;
    if (this.flags.has('hover')) r += 7;
    if (this.flags.has('active')) r += 5;
    if (this.flags.has('onPath')) r += 2;
    return r;
  }

  setLines(lines: string[]): void {
    if (this.spec.lines.join('\n') === lines.join('\n') && this.linesEl.childElementCount > 0) return;
    this.spec.lines = [...lines];
    this.linesEl.replaceChildren(
      ...lines.map((t) => {
        const s = document.createElement('span');
        s.className = 'scene-label__line';
        s.textContent = t;
        return s;
      }),
    );
  }

  setFlag(flag: LabelFlag, on: boolean): void {
    if (on === this.flags.has(flag)) return;
    if (on) this.flags.add(flag);
    else this.flags.delete(flag);
    this.element.classList.toggle(`scene-label--${flag}`, on);
    if (flag === 'failed') {
      const badge = this.element.querySelector('.scene-label__badge');
      if (badge) badge.textContent = on ? '✕' : (this.spec.badge ?? '');
    }
  }

  hasFlag(flag: LabelFlag): boolean {
    return this.flags.has(flag);
  }

  dispose(): void {
    this.object.removeFromParent();
    this.element.remove();
    this.onDispose(this);
  }
}

export class CssLabelFactory implements LabelFactory {
  private readonly live = new Set<CssLabel>();

  create(spec: LabelSpec): SceneLabel {
    const l = new CssLabel({ ...spec, lines: [...spec.lines] }, (x) => this.live.delete(x));
    this.live.add(l);
    return l;
  }

  get count(): number {
    return this.live.size;
  }

  /** Finds the component label under a client point (labels map to their component). */
  componentAt(clientX: number, clientY: number): { stackKey: string; componentId: string } | null {
    let best: CssLabel | null = null;
    let bestZ = -Infinity;
    for (const l of this.live) {
      if (l.spec.kind !== 'component' || !l.spec.componentId || !l.spec.stackKey) continue;
      const el = l.element;
      if (el.style.display === 'none' || el.classList.contains('scene-label--yield') || !el.isConnected) continue;
      const r = el.getBoundingClientRect();
      if (clientX < r.left || clientX > r.right || clientY < r.top || clientY > r.bottom) continue;
      const z = Number(el.style.zIndex || 0);
      if (z > bestZ) {
        best = l;
        bestZ = z;
      }
    }
    return best?.spec.stackKey && best.spec.componentId
      ? { stackKey: best.spec.stackKey, componentId: best.spec.componentId }
      : null;
  }

  /**
   * Places labels without overlap, highest rank first: a label that collides is nudged up or down by up to about 1.6
   * label heights (it stays beside its block); failing that, a component label shrinks to its kind glyph; only when
   * nothing is free does it yield. Returns how many yielded.
   */
  resolveOverlaps(): number {
    const items: { l: CssLabel; r: Rect }[] = [];
    const live = [...this.live].filter((l) => l.element.isConnected && l.element.style.display !== 'none');
    // Measure every label at full size first (one layout pass), where it would be without its current nudge.
    for (const l of live) l.element.classList.remove('scene-label--compact');
    for (const l of live) {
      const r = l.element.getBoundingClientRect();
      items.push({ l, r: { left: r.left, right: r.right, top: r.top - l.nudge, bottom: r.bottom - l.nudge } });
    }
    items.sort((a, b) => b.l.rank - a.l.rank);
    const kept: Rect[] = [];
    let hidden = 0;
    const place = (l: CssLabel, r: Rect): number | undefined => {
      const h = r.bottom - r.top;
      // Titles, bands and layer names keep their place; component and mechanism labels may move.
      const movable = l.spec.kind === 'component' || l.spec.kind === 'mechanism';
      const offsets = movable ? [0, -0.55, 0.55, -1.05, 1.05, -1.6, 1.6].map((k) => k * h) : [0];
      return offsets.find((o) => !kept.some((k) => overlaps(shift(r, o), k)));
    };
    for (const { l, r } of items) {
      let box = r;
      let dy = place(l, box);
      if (dy === undefined && l.spec.kind === 'component' && l.spec.badge) {
        // No room for the name: keep the block's kind glyph (its name shows on hover, and in the component list).
        l.element.classList.add('scene-label--compact');
        const c = l.element.getBoundingClientRect();
        box = { left: c.left, right: c.right, top: c.top - l.nudge, bottom: c.bottom - l.nudge };
        dy = place(l, box);
        if (dy === undefined) l.element.classList.remove('scene-label--compact');
      }
      l.setNudge(dy ?? 0);
      l.element.classList.toggle('scene-label--yield', dy === undefined);
      if (dy === undefined) hidden++;
      else kept.push(shift(box, dy));
    }
    return hidden;
  }
}

interface Rect {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const shift = (r: Rect, dy: number): Rect => ({ left: r.left, right: r.right, top: r.top + dy, bottom: r.bottom + dy });

function overlaps(a: Rect, b: Rect, pad = 1): boolean {
  return a.left < b.right - pad && a.right > b.left + pad && a.top < b.bottom - pad && a.bottom > b.top + pad;
}
