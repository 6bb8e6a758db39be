/** One layer: a slab box (an instance in the stack's BoxBatch), and its name on the front face. */
import type { BoxInstance } from './BoxBatch';
import type { SlabLayout } from './layout';
import type { SceneLabel } from './labels';
import type { ViewContext } from './ViewContext';

export class LayerSlabView {
  private readonly box: BoxInstance;
  private readonly label: SceneLabel;
  private layout: SlabLayout;

  constructor(
    private readonly ctx: ViewContext,
    layout: SlabLayout,
  ) {
    this.layout = layout;
    this.box = ctx.decor.add(ctx.cache.slab(layout.ring, layout.domain));
    this.label = ctx.labels.create({ kind: 'layer', lines: [layout.name], stackKey: ctx.stackKey, center: [0, 0.5] });
    ctx.labelGroup.add(this.label.object);
    this.update(layout);
  }

  update(layout: SlabLayout): void {
    this.layout = layout;
    this.box.place(layout, { x: layout.w, y: layout.h, z: layout.d });
    this.box.setMaterial(this.ctx.cache.slab(layout.ring, layout.domain));
    this.label.object.position.set(layout.label.x, layout.label.y, layout.label.z);
    this.label.setLines([layout.name]);
  }

  applyTheme(): void {
    this.box.setMaterial(this.ctx.cache.slab(this.layout.ring, this.layout.domain));
  }

  dispose(): void {
    this.label.dispose();
    this.box.remove();
  }
}
