/**
 * One component: a box on its slab (an instance in the stack's pickable BoxBatch, shared material per
 * theme/kind/state), an inverted-hull outline (TCB, hover, selection; an instance in the stack's other BoxBatch), and
 * its label with the kind's glyph badge. Selected blocks rise a little.
 */
import { Box3, Vector3, type Material } from 'three';
import type { BoxInstance } from './BoxBatch';
import type { Component } from '../model/types';
import type { BlockLayout } from './layout';
import type { SceneLabel } from './labels';
import type { BlockState, OutlineRole } from './MaterialCache';
import { KIND_STYLE } from './palette';
import type { ViewContext } from './ViewContext';

export interface BlockFlags {
  active: boolean;
  /** On the path being walked (its label wins overlaps against other components). */
  onPath: boolean;
  failed: boolean;
  selected: boolean;
  hover: boolean;
  /** Outside the presenter's spotlight: drawn faint, so the spotlit components stand out. */
  dimmed: boolean;
}

export const SELECTED_RAISE = 0.35;

export class ComponentBlockView {
  private readonly box: BoxInstance;
  private readonly outline: BoxInstance;
  readonly label: SceneLabel;
  private layout: BlockLayout;
  private component: Component;
  private flags: BlockFlags = {
    active: false,
    onPath: false,
    failed: false,
    selected: false,
    hover: false,
    dimmed: false,
  };

  constructor(
    private readonly ctx: ViewContext,
    component: Component,
    layout: BlockLayout,
    /** In the trusted computing base of every VM (model/faults.ts inTrustedBase): drawn with a thick outline. */
    private tcb: boolean,
  ) {
    this.component = component;
    this.layout = layout;
    this.box = ctx.blocks.add(ctx.cache.block(component.kind, 'normal'), {
      stackKey: ctx.stackKey,
      componentId: component.id,
    });
    this.outline = ctx.decor.add(ctx.cache.outline('tcb'));
    const style = KIND_STYLE[component.kind];
    this.label = ctx.labels.create({
      kind: 'component',
      lines: layout.labelLines,
      badge: style.glyph,
      badgeTitle: style.word,
      stackKey: ctx.stackKey,
      componentId: component.id,
    });
    ctx.labelGroup.add(this.label.object);
    this.update(component, layout, tcb);
  }

  get componentId(): string {
    return this.component.id;
  }

  update(component: Component, layout: BlockLayout, tcb: boolean): void {
    this.component = component;
    this.tcb = tcb;
    this.layout = layout;
    this.label.setLines(layout.labelLines);
    this.label.setFlag('tcb', tcb);
    this.place();
    this.applyMaterials();
  }

  /** Applies state; returns true when something visible changed. */
  setFlags(flags: BlockFlags): boolean {
    const f = this.flags;
    if (
      f.active === flags.active &&
      f.failed === flags.failed &&
      f.selected === flags.selected &&
      f.hover === flags.hover &&
      f.dimmed === flags.dimmed
    ) {
      return false;
    }
    const moved = f.selected !== flags.selected;
    this.flags = { ...flags };
    this.label.setFlag('active', flags.active && !flags.failed);
    this.label.setFlag('failed', flags.failed);
    this.label.setFlag('selected', flags.selected);
    this.label.setFlag('hover', flags.hover);
    this.label.setFlag('onPath', flags.onPath);
    this.label.setFlag('dimmed', flags.dimmed);
    if (moved) this.place();
    this.applyMaterials();
    return true;
  }

  get state(): BlockState {
    return this.flags.failed ? 'failed' : this.flags.active ? 'active' : 'normal';
  }

  get outlineRole(): OutlineRole | null {
    if (this.flags.selected) return 'selected';
    if (this.flags.hover) return 'hover';
    return this.tcb ? 'tcb' : null;
  }

  applyTheme(): void {
    this.place();
    this.applyMaterials();
  }

  /** The block's material (tests check which one the state chose). */
  get material(): Material {
    return this.box.material;
  }

  /** The outline's material, or null when no outline shows. */
  get outlineMaterial(): Material | null {
    return this.outline.visible ? this.outline.material : null;
  }

  /** Points on the block's front face (local to its stack), lower half first: where a click hits the block itself. */
  get frontPoints(): { x: number; y: number; z: number }[] {
    const { x, y, z } = this.box.position;
    const { w, h, d } = this.layout;
    const zf = z + d / 2 + 0.01;
    return [
      [0, -0.4],
      [-0.35, -0.35],
      [0.35, -0.35],
      [-0.4, 0.3],
      [0.4, 0.3],
    ].map(([fx, fy]) => ({ x: x + (fx as number) * w, y: y + (fy as number) * h, z: zf }));
  }

  /** The block's box in the stack's coordinates. */
  get bounds(): Box3 {
    const { x, y, z } = this.box.position;
    const { w, h, d } = this.layout;
    return new Box3(new Vector3(x - w / 2, y - h / 2, z - d / 2), new Vector3(x + w / 2, y + h / 2, z + d / 2));
  }

  /** Centre of the block in the stack's coordinates (for framing the camera). */
  get center(): { x: number; y: number; z: number } {
    return { x: this.box.position.x, y: this.box.position.y, z: this.box.position.z };
  }

  dispose(): void {
    this.label.dispose();
    this.box.remove();
    this.outline.remove();
  }

  private place(): void {
    const l = this.layout;
    const lift = this.flags.selected ? SELECTED_RAISE : 0;
    const at = { x: l.x, y: l.y + lift, z: l.z };
    this.box.place(at, { x: l.w, y: l.h, z: l.d });
    const t = this.ctx.cache.palette.outlineWidth * (this.flags.selected || this.flags.hover ? 1.6 : 1);
    this.outline.place(at, { x: l.w + 2 * t, y: l.h + 2 * t, z: l.d + 2 * t });
    this.label.object.position.set(l.label.x, l.label.y + lift, l.label.z);
  }

  private applyMaterials(): void {
    const cache = this.ctx.cache;
    this.box.setMaterial(cache.block(this.component.kind, this.state, this.flags.dimmed));
    // A dimmed block keeps the outline of a selection or hover (the presenter's pointer), not the TCB's.
    const role = this.flags.dimmed && this.outlineRole === 'tcb' ? null : this.outlineRole;
    this.outline.visible = role !== null;
    if (role) this.outline.setMaterial(cache.outline(role));
  }
}
