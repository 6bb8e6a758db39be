/**
 * CSS2DObject-backed labels (crisp text on projectors) and the screen-space overlap pass: labels are ranked (selected /
 * active components first, then components, stack and column titles, bands, layers), placed by labelPlacement.ts:
 * nudged, shrunk to their kind glyph, or, when nothing is free, hidden with visibility (so they keep their place).
 */
import { Vector3 } from 'three';
import { CSS2DObject } from 'three/addons/renderers/CSS2DRenderer.js';
import type { LabelFactory, LabelFlag, LabelKind, LabelSpec, SceneLabel } from './labels';
import { placeLabels, type LabelBox, type Rect } from './labelPlacement';
import { shortLabel } from './labelText';
import type { PlacedLabel } from './ScenePane';

const RANK: Record<LabelKind, number> = {
  component: 40,
  stack: 55,
  gate: 35,
  column: 30,
  mechanism: 25,
  band: 20,
  layer: 10,
};

/**
 * Labels with a short form (labelText.shortLabel) the overlap pass may use: component names, and column titles, which
 * a split view's pane has no room for in full ("Root partition (Windows Server 2008)"): a student must still see which
 * column is which.
 */
const SHORTENED: ReadonlySet<LabelKind> = new Set(['component', 'column']);

/** A leader is drawn when a moved label's box is this many CSS px or more away from its anchor on the block. */
const LEADER_GAP = 3;

/**
 * In a split view's pane (small), the privilege bands ("ring -1 / hypervisor": the app's vertical axis) go before the
 * components: they stand in room the layout keeps for them at the left, so a component slid there would take the only
 * place they have. (Column titles stay below the components: raised, they push components out of the pane.)
 */
const SPLIT_RANK: Partial<Record<LabelKind, number>> = { band: 48, gate: 48, column: 45 };

class CssLabel implements SceneLabel {
  readonly object: CSS2DObject;
  readonly element: HTMLDivElement;
  private readonly linesEl: HTMLSpanElement;
  /** A component's short name or a column's short title (shown when the full one has no room), or null. */
  readonly shortEl: HTMLSpanElement | null;
  /** The line from a component label moved off its block back to its anchor there (created when first needed). */
  private leaderEl: HTMLSpanElement | null = null;
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
    this.shortEl = SHORTENED.has(spec.kind) ? document.createElement('span') : null;
    if (this.shortEl) {
      this.shortEl.className = 'scene-label__short';
      el.append(this.shortEl);
    }
    this.element = el;
    this.object = new CSS2DObject(el);
    if (spec.center) this.object.center.set(spec.center[0], spec.center[1]);
    this.setLines(spec.lines);
  }

  /** Vertical offset (CSS px) the overlap pass gave this label; applied with the `translate` property. */
  nudge = 0;
  /** Horizontal offset (CSS px): only split-view panes slide labels sideways. */
  nudgeX = 0;

  setNudge(dy: number, dx = 0): void {
    const y = Math.round(dy);
    const x = Math.round(dx);
    if (y === this.nudge && x === this.nudgeX) return;
    this.nudge = y;
    this.nudgeX = x;
    this.element.style.translate = y === 0 && x === 0 ? '' : `${x}px ${y}px`;
  }

  /**
   * Draws (or removes) the leader: from the edge of the label's placed box (`w` x `h` CSS px, centred on the label) to
   * its anchor, `(ax, ay)` CSS px from the box's centre, ending in a dot. A child of the label, so it moves with it.
   */
  setLeader(leader: { w: number; h: number; ax: number; ay: number } | null): void {
    this.element.classList.toggle('scene-label--led', leader !== null);
    if (!leader) {
      this.leaderEl?.remove();
      this.leaderEl = null;
      return;
    }
    const { w, h, ax, ay } = leader;
    const length = Math.hypot(ax, ay);
    // Where the line leaves the box: the fraction of the way to the anchor at which it crosses the nearer edge.
    const t = Math.min(ax === 0 ? Infinity : w / 2 / Math.abs(ax), ay === 0 ? Infinity : h / 2 / Math.abs(ay), 1);
    if (!this.leaderEl) {
      this.leaderEl = document.createElement('span');
      this.leaderEl.className = 'scene-label__leader';
      this.leaderEl.setAttribute('aria-hidden', 'true');
      this.leaderEl.append(Object.assign(document.createElement('span'), { className: 'scene-label__leader-end' }));
    }
    Object.assign(this.leaderEl.style, {
      left: `calc(50% + ${(ax * t).toFixed(1)}px)`,
      top: `calc(50% + ${(ay * t).toFixed(1)}px)`,
      width: `${(length * (1 - t)).toFixed(1)}px`,
      rotate: `${Math.atan2(ay, ax).toFixed(4)}rad`,
    });
    if (!this.leaderEl.isConnected) this.element.append(this.leaderEl);
  }

  get rank(): number {
    return this.rankIn(false);
  }

  rankIn(split: boolean): number {
    let r = (split ? SPLIT_RANK[this.spec.kind] : undefined) ?? RANK[this.spec.kind];
    if (this.flags.has('selected')) r += 9;
    // Hover does not raise the rank: a label must not move because the pointer is over it (the click that follows
    // would land on whatever took its place).
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
    if (this.shortEl) this.shortEl.textContent = shortLabel(lines)?.join('\n') ?? '';
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

  setOpacity(opacity: number): void {
    const o = Math.round(Math.min(1, Math.max(0, opacity)) * 100) / 100;
    this.element.style.opacity = o >= 1 ? '' : String(o);
    // A label that has faded out takes no part in the overlap pass (it is display: none, like an invisible object's).
    this.element.classList.toggle('scene-label--gone', o <= 0);
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
      // A label layer clips its labels (a split view's pane): the part of a label outside it is not on screen.
      const layer = el.parentElement?.getBoundingClientRect();
      if (layer && (clientX < layer.left || clientX > layer.right || clientY < layer.top || clientY > layer.bottom)) {
        continue;
      }
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

  /** The labels shown inside an element (a pane's label layer), with their anchors in the world and boxes on screen. */
  placedIn(within: HTMLElement): PlacedLabel[] {
    return [...this.live]
      .filter(
        (l) =>
          l.element.isConnected &&
          within.contains(l.element) &&
          l.element.style.display !== 'none' &&
          !l.element.classList.contains('scene-label--gone') &&
          !l.element.classList.contains('scene-label--yield'),
      )
      .map((l) => ({ anchor: l.object.getWorldPosition(new Vector3()), box: l.element.getBoundingClientRect() }));
  }

  /**
   * Places every label without overlap (see labelPlacement.ts); with `within`, only the labels inside that element (one
   * pane's label layer: panes are placed apart, so a label never yields to one in another pane), and with `split` they
   * are kept inside it and may slide sideways. Returns how many had to hide.
   */
  resolveOverlaps(within?: HTMLElement, split = false): number {
    const live = [...this.live].filter(
      (l) =>
        l.element.isConnected &&
        (!within || within.contains(l.element)) &&
        l.element.style.display !== 'none' &&
        !l.element.classList.contains('scene-label--gone'),
    );
    // Measure every label at full size (one layout pass), where it would be without its current nudge; then the short
    // names (a second pass), each centred where its full label is.
    for (const l of live) l.element.classList.remove('scene-label--compact', 'scene-label--short');
    const unnudged = (l: CssLabel, r: DOMRect): Rect => ({
      left: r.left - l.nudgeX,
      right: r.right - l.nudgeX,
      top: r.top - l.nudge,
      bottom: r.bottom - l.nudge,
    });
    const full = live.map((l) => unnudged(l, l.element.getBoundingClientRect()));
    const withShort = live.filter((l) => l.shortEl?.textContent);
    for (const l of withShort) l.element.classList.add('scene-label--short');
    const shorts = new Map(withShort.map((l) => [l, unnudged(l, l.element.getBoundingClientRect())]));
    for (const l of withShort) l.element.classList.remove('scene-label--short');
    const boxes: LabelBox[] = live.map((l, i) => {
      const rect = full[i]!;
      const mid = { x: (rect.left + rect.right) / 2, y: (rect.top + rect.bottom) / 2 };
      const s = shorts.get(l);
      const short = s && {
        left: mid.x - (s.right - s.left) / 2,
        right: mid.x + (s.right - s.left) / 2,
        top: mid.y - (s.bottom - s.top) / 2,
        bottom: mid.y + (s.bottom - s.top) / 2,
      };
      const badge = l.spec.kind === 'component' ? l.element.querySelector('.scene-label__badge') : null;
      // Shrunk to its glyph, the label keeps its centre: the glyph plus padding (6 px, 2 px) and border (up to 3.5 px).
      const glyph = badge?.getBoundingClientRect();
      const compact = glyph && {
        left: mid.x - glyph.width / 2 - 10,
        right: mid.x + glyph.width / 2 + 10,
        top: mid.y - glyph.height / 2 - 6,
        bottom: mid.y + glyph.height / 2 + 6,
      };
      return {
        rect,
        rank: l.rankIn(split),
        movable: l.spec.kind === 'component' || l.spec.kind === 'mechanism',
        ...(l.spec.kind === 'layer' ? { along: 'right' as const } : {}),
        ...(short ? { short } : {}),
        ...(compact ? { compact } : {}),
      };
    });
    const area = split ? within?.getBoundingClientRect() : undefined;
    const bounds = area && { left: area.left, right: area.right, top: area.top, bottom: area.bottom };
    const placements = placeLabels(boxes, split ? { slide: true, ...(bounds ? { bounds } : {}) } : {});
    let hidden = 0;
    live.forEach((l, i) => {
      const p = placements[i] ?? { dy: 0, short: false, compact: false, hidden: true };
      l.setNudge(p.dy, p.dx ?? 0);
      l.element.classList.toggle('scene-label--short', p.short);
      l.element.classList.toggle('scene-label--compact', p.compact);
      l.element.classList.toggle('scene-label--yield', p.hidden);
      if (p.hidden) hidden++;
    });
    // A component label moved off its anchor (on its block's front face: the label is centred there) stays visibly
    // attached to its block by a leader. Its size in the form it now has is read for all labels at once (one layout).
    const sizes = live.map((l) => [l.element.offsetWidth, l.element.offsetHeight] as const);
    live.forEach((l, i) => {
      const p = placements[i];
      const [w, h] = sizes[i] ?? [0, 0];
      const [ax, ay] = [-(p?.dx ?? 0), -(p?.dy ?? 0)];
      const away = Math.abs(ax) - w / 2 >= LEADER_GAP || Math.abs(ay) - h / 2 >= LEADER_GAP;
      l.setLeader(l.spec.kind === 'component' && p && !p.hidden && away ? { w, h, ax, ay } : null);
    });
    return hidden;
  }
}
