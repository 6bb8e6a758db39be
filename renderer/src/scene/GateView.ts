/**
 * The world-switch gate of a hosted VMM (T1): a thin wall in the gap between the host world and the VMM world, from the
 * hardware up through the ring 0 band, and its label. A CPU is on one side or the other; VMDriver moves it across.
 */
import { Group, Mesh } from 'three';
import type { GateLayout } from './layout';
import type { SceneLabel } from './labels';
import type { ViewContext } from './ViewContext';

export class GateView {
  readonly group = new Group();
  readonly mesh: Mesh;
  readonly label: SceneLabel;

  constructor(
    private readonly ctx: ViewContext,
    layout: GateLayout,
  ) {
    this.mesh = new Mesh(ctx.cache.unitBox(), ctx.cache.gate());
    this.mesh.name = `gate:${layout.id}`;
    this.mesh.raycast = () => {};
    this.label = ctx.labels.create({
      kind: 'gate',
      lines: layout.lines,
      stackKey: ctx.stackKey,
      center: layout.anchor,
    });
    this.group.add(this.mesh, this.label.object);
    this.update(layout);
  }

  applyTheme(): void {
    this.mesh.material = this.ctx.cache.gate();
  }

  update(layout: GateLayout): void {
    this.mesh.position.set(layout.x, (layout.y0 + layout.y1) / 2, 0);
    this.mesh.scale.set(layout.w, Math.max(0.01, layout.y1 - layout.y0), layout.d);
    this.label.setLines(layout.lines);
    this.label.object.position.set(layout.label.x, layout.label.y, layout.label.z);
  }

  dispose(): void {
    this.label.dispose();
    this.group.removeFromParent();
  }
}
