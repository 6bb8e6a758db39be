/** A column's title above the stack (e.g. "Root partition (Windows Server 2008)"); no geometry. */
import type { ColumnLayout } from './layout';
import type { SceneLabel } from './labels';
import type { ViewContext } from './ViewContext';

export class ColumnView {
  private readonly label: SceneLabel;

  constructor(ctx: ViewContext, layout: ColumnLayout) {
    this.label = ctx.labels.create({
      kind: 'column',
      lines: layout.titleLines,
      stackKey: ctx.stackKey,
      center: [0.5, 1],
    });
    this.update(layout);
  }

  get object(): SceneLabel['object'] {
    return this.label.object;
  }

  update(layout: ColumnLayout): void {
    this.label.setLines(layout.titleLines);
    this.label.object.position.set(layout.title.x, layout.title.y, layout.title.z);
  }

  dispose(): void {
    this.label.dispose();
  }
}
