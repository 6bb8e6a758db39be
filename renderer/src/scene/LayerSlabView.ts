/** One layer: a slab box on the shared unit box geometry, and its name on the front face. */
import { Group, Mesh } from 'three';
import type { SlabLayout } from './layout';
import type { SceneLabel } from './labels';
import type { ViewContext } from './ViewContext';

export class LayerSlabView {
  readonly group = new Group();
  readonly mesh: Mesh;
  private readonly label: SceneLabel;
  private layout: SlabLayout;

  constructor(
    private readonly ctx: ViewContext,
    layout: SlabLayout,
  ) {
    this.layout = layout;
    this.mesh = new Mesh(ctx.cache.unitBox(), ctx.cache.slab(layout.ring, layout.domain));
    this.mesh.name = `slab:${layout.layerId}`;
    this.mesh.renderOrder = 0;
    this.label = ctx.labels.create({ kind: 'layer', lines: [layout.name], stackKey: ctx.stackKey, center: [0, 0.5] });
    this.group.add(this.mesh, this.label.object);
    this.update(layout);
  }

  update(layout: SlabLayout): void {
    this.layout = layout;
    this.mesh.position.set(layout.x, layout.y, layout.z);
    this.mesh.scale.set(layout.w, layout.h, layout.d);
    this.mesh.material = this.ctx.cache.slab(layout.ring, layout.domain);
    this.label.object.position.set(layout.label.x, layout.label.y, layout.label.z);
    this.label.setLines([layout.name]);
  }

  applyTheme(): void {
    this.mesh.material = this.ctx.cache.slab(this.layout.ring, this.layout.domain);
  }

  dispose(): void {
    this.label.dispose();
    this.group.removeFromParent();
  }
}
