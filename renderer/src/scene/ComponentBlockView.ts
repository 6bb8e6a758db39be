/**
 * One component: a box on its slab (shared unit box, shared material per theme/kind/state), an inverted-hull outline
 * (TCB, hover, selection), and its label with the kind's glyph badge. Selected blocks rise a little.
 */
import { Group, Mesh } from 'three';
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
  readonly group = new Group();
  readonly mesh: Mesh;
  readonly outline: Mesh;
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
    this.mesh = new Mesh(ctx.cache.unitBox(), ctx.cache.block(component.kind, 'normal'));
    this.mesh.name = `block:${component.id}`;
    this.mesh.userData = { stackKey: ctx.stackKey, componentId: component.id };
    this.outline = new Mesh(ctx.cache.unitBox(), ctx.cache.outline('tcb'));
    this.outline.name = `outline:${component.id}`;
    this.outline.raycast = () => {};
    const style = KIND_STYLE[component.kind];
    this.label = ctx.labels.create({
      kind: 'component',
      lines: layout.labelLines,
      badge: style.glyph,
      badgeTitle: style.word,
      stackKey: ctx.stackKey,
      componentId: component.id,
    });
    this.group.add(this.mesh, this.outline, this.label.object);
    this.update(component, layout, tcb);
  }

  get componentId(): string {
    return this.component.id;
  }

  update(component: Component, layout: BlockLayout, tcb: boolean): void {
    this.component = component;
    this.tcb = tcb;
    this.layout = layout;
    this.mesh.userData = { stackKey: this.ctx.stackKey, componentId: component.id };
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

  /** Centre of the block in the stack's coordinates (for framing the camera). */
  /** Points on the block's front face (local to its stack), lower half first: where a click hits the block itself. */
  get frontPoints(): { x: number; y: number; z: number }[] {
    const { x, y, z } = this.mesh.position;
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

  get center(): { x: number; y: number; z: number } {
    return { x: this.mesh.position.x, y: this.mesh.position.y, z: this.mesh.position.z };
  }

  dispose(): void {
    this.label.dispose();
    this.group.removeFromParent();
  }

  private place(): void {
    const l = this.layout;
    const lift = this.flags.selected ? SELECTED_RAISE : 0;
    this.mesh.position.set(l.x, l.y + lift, l.z);
    this.mesh.scale.set(l.w, l.h, l.d);
    const t = this.ctx.cache.palette.outlineWidth * (this.flags.selected || this.flags.hover ? 1.6 : 1);
    this.outline.position.copy(this.mesh.position);
    this.outline.scale.set(l.w + 2 * t, l.h + 2 * t, l.d + 2 * t);
    this.label.object.position.set(l.label.x, l.label.y + lift, l.label.z);
  }

  private applyMaterials(): void {
    const cache = this.ctx.cache;
    this.mesh.material = cache.block(this.component.kind, this.state, this.flags.dimmed);
    // A dimmed block keeps the outline of a selection or hover (the presenter's pointer), not the TCB's.
    const role = this.flags.dimmed && this.outlineRole === 'tcb' ? null : this.outlineRole;
    this.outline.visible = role !== null;
    if (role) this.outline.material = cache.outline(role);
  }
}
