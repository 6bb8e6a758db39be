/** A ring band's label at the left of the stack ("ring 3 — user"); no geometry. */
import type { BandLayout } from './layout';
import type { SceneLabel } from './labels';
import type { ViewContext } from './ViewContext';

/** "ring 3 — user" is drawn on two lines ("ring 3", "user") to keep the left margin narrow. */
export function bandLines(text: string): string[] {
  return text.split(' — ');
}

export class BandView {
  private readonly label: SceneLabel;

  constructor(ctx: ViewContext, layout: BandLayout) {
    this.label = ctx.labels.create({
      kind: 'band',
      lines: bandLines(layout.text),
      stackKey: ctx.stackKey,
      center: [1, 0.5],
    });
    this.update(layout);
  }

  get object(): SceneLabel['object'] {
    return this.label.object;
  }

  update(layout: BandLayout): void {
    this.label.setLines(bandLines(layout.text));
    this.label.object.position.set(layout.label.x, layout.label.y, layout.label.z);
  }

  dispose(): void {
    this.label.dispose();
  }
}
