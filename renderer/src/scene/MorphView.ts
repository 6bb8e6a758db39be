/**
 * Draws a frame of the Type 1 <-> Type 2 morph (morph.ts): one box and one label per actor, the band labels and
 * column titles of both stacks, and the Type 2 gate and wires, each fading as the frame says. It owns one material per
 * actor (colour and opacity change every frame) and frees them all when the morph ends.
 */
import { Color, Group, Mesh, MeshLambertMaterial, Quaternion, Vector3, type Material } from 'three';
import { bandLines } from './LabelView';
import { BLOCK_H, type BandLayout, type ColumnLayout, type GateLayout, type LinkLayout } from './layout';
import type { SceneLabel } from './labels';
import { LINK_T } from './LinkView';
import { morphFrame, type MorphEnd, type MorphFrame, type MorphPlan } from './morph';
import { KIND_STYLE } from './palette';
import type { ViewContext } from './ViewContext';

interface ActorView {
  mesh: Mesh;
  material: MeshLambertMaterial;
  label: SceneLabel;
  shown: MorphEnd | null;
}

interface DecorView {
  objects: { setOpacity(o: number): void; dispose(): void }[];
}

const UP = new Vector3(0, 1, 0);

export class MorphView {
  readonly group = new Group();
  private readonly actors = new Map<string, ActorView>();
  private readonly materials: Material[] = [];
  private readonly decor: { from: DecorView; to: DecorView };
  private frame: MorphFrame | null = null;

  constructor(
    private readonly ctx: ViewContext,
    readonly plan: MorphPlan,
  ) {
    this.group.name = `morph:${plan.fromId}>${plan.toId}`;
    for (const a of plan.actors) {
      const material = this.material(new MeshLambertMaterial({ transparent: true }));
      const mesh = new Mesh(ctx.cache.unitBox(), material);
      mesh.name = `morph:${a.key}`;
      mesh.raycast = () => {};
      const first = (a.from ?? a.to) as MorphEnd;
      const label = this.label(a.type, first);
      this.group.add(mesh, label.object);
      this.actors.set(a.key, { mesh, material, label, shown: first });
    }
    this.decor = { from: this.buildDecor(plan.from), to: this.buildDecor(plan.to) };
  }

  get t(): number {
    return this.frame?.t ?? -1;
  }

  /** Draws the morph at time t; returns true when something visible changed. */
  setT(t: number): boolean {
    if (this.frame && Math.abs(this.frame.t - t) < 1e-6) return false;
    this.frame = morphFrame(this.plan, t);
    this.apply();
    return true;
  }

  applyTheme(): void {
    if (this.frame) this.apply();
  }

  dispose(): void {
    for (const v of this.actors.values()) v.label.dispose();
    this.actors.clear();
    for (const d of [this.decor.from, this.decor.to]) for (const o of d.objects) o.dispose();
    for (const m of this.materials) m.dispose();
    this.materials.length = 0;
    this.group.removeFromParent();
  }

  /** A slab's name on its front face, or a block's label with its kind glyph (not pickable: no component id). */
  private label(type: 'slab' | 'block', end: MorphEnd): SceneLabel {
    const key = this.ctx.stackKey;
    if (type === 'slab')
      return this.ctx.labels.create({ kind: 'layer', lines: end.lines, stackKey: key, center: [0, 0.5] });
    const style = KIND_STYLE[end.kind ?? 'hardware'];
    return this.ctx.labels.create({
      kind: 'component',
      lines: end.lines,
      badge: style.glyph,
      badgeTitle: style.word,
      stackKey: key,
    });
  }

  private material<M extends Material>(m: M): M {
    this.materials.push(this.ctx.tracker.track(m));
    return m;
  }

  private apply(): void {
    const f = this.frame;
    if (!f) return;
    const p = this.ctx.cache.palette;
    const colorOf = (e: MorphEnd | null, type: 'slab' | 'block'): Color =>
      new Color(e ? (type === 'slab' ? p.slab(e.ring, e.domain) : p.blockColor(e.kind ?? 'hardware')) : 0x888888);
    for (const a of f.actors) {
      const v = this.actors.get(a.key);
      const plan = this.plan.actors.find((x) => x.key === a.key);
      if (!v || !plan) continue;
      const b = a.box;
      v.mesh.position.set(b.x, b.y, b.z);
      v.mesh.scale.set(b.w, b.h, b.d);
      v.mesh.visible = a.opacity > 0.001;
      const from = colorOf(plan.from ?? plan.to, a.type);
      const to = colorOf(plan.to ?? plan.from, a.type);
      v.material.color.copy(from).lerp(to, a.colorMix);
      const base = a.type === 'slab' ? p.slabOpacity : 1;
      v.material.opacity = base * a.opacity;
      v.material.depthWrite = a.opacity >= 0.999;
      v.mesh.renderOrder = a.opacity >= 0.999 ? 0 : 1;
      if (v.shown !== a.shows) {
        // Half-way a shared thing takes its new name (and kind glyph): a new label in place of the old.
        v.shown = a.shows;
        v.label.dispose();
        v.label = this.label(a.type, a.shows);
        this.group.add(v.label.object);
      }
      v.label.setOpacity(a.opacity);
      if (a.type === 'slab') v.label.object.position.set(b.x - b.w / 2 + 0.25, b.y, b.z + b.d / 2 + 0.02);
      else v.label.object.position.set(b.x, b.y + b.h / 2 - BLOCK_H / 2, b.z + b.d / 2 + 0.02);
    }
    this.fade(this.decor.from, f.fromDecor);
    this.fade(this.decor.to, f.toDecor);
  }

  private fade(d: DecorView, opacity: number): void {
    for (const o of d.objects) o.setOpacity(opacity);
  }

  private buildDecor(side: MorphPlan['from']): DecorView {
    const objects: DecorView['objects'] = [];
    const ctx = this.ctx;
    const label = (spec: Parameters<ViewContext['labels']['create']>[0], at: { x: number; y: number; z: number }) => {
      const l = ctx.labels.create(spec);
      l.object.position.set(at.x, at.y, at.z);
      this.group.add(l.object);
      objects.push({ setOpacity: (o) => l.setOpacity(o), dispose: () => l.dispose() });
    };
    side.bands.forEach((b: BandLayout) =>
      label({ kind: 'band', lines: bandLines(b.text), stackKey: ctx.stackKey, center: [1, 0.5] }, b.label),
    );
    side.columns.forEach((c: ColumnLayout) =>
      label({ kind: 'column', lines: c.titleLines, stackKey: ctx.stackKey, center: [0.5, 1] }, c.title),
    );
    const mesh = (color: number, place: (m: Mesh) => void) => {
      const material = this.material(new MeshLambertMaterial({ color: new Color(color), transparent: true }));
      const m = new Mesh(ctx.cache.unitBox(), material);
      m.raycast = () => {};
      place(m);
      this.group.add(m);
      objects.push({
        setOpacity: (o) => {
          material.opacity = o;
          m.visible = o > 0.001;
        },
        dispose: () => m.removeFromParent(),
      });
    };
    const p = ctx.cache.palette;
    side.gates.forEach((g: GateLayout) => {
      mesh(p.gate, (m) => {
        m.position.set(g.x, (g.y0 + g.y1) / 2, 0);
        m.scale.set(g.w, Math.max(0.01, g.y1 - g.y0), g.d);
      });
      label({ kind: 'gate', lines: g.lines, stackKey: ctx.stackKey, center: g.anchor }, g.label);
    });
    side.links.forEach((k: LinkLayout) => {
      mesh(k.kind === 'device' ? p.deviceLink : p.gate, (m) => {
        const a = new Vector3(k.from.x, k.from.y, k.from.z);
        const b = new Vector3(k.to.x, k.to.y, k.to.z);
        const dir = b.clone().sub(a);
        const t = LINK_T[k.kind];
        m.position.copy(a).add(b).multiplyScalar(0.5);
        m.quaternion.copy(new Quaternion().setFromUnitVectors(UP, dir.clone().normalize()));
        m.scale.set(t, Math.max(1e-3, dir.length()), t);
      });
    });
    return { objects };
  }
}
