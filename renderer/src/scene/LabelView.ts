/**
 * A label with no geometry, placed from the layout: a privilege band's name at the left of the stack ("ring 3 — user"),
 * a column's title above it (e.g. "Root partition (Windows Server 2008)"). What differs between them is a LabelPlace.
 */
import type { BandLayout, ColumnLayout } from './layout';
import type { LabelKind, SceneLabel } from './labels';
import type { ViewContext } from './ViewContext';

/** "ring 3 — user" is drawn on two lines ("ring 3", "user") to keep the left margin narrow. */
export function bandLines(text: string): string[] {
  return text.split(' — ');
}

/** How a layout item becomes a label: its kind, its anchor within the label box, its lines and where it stands. */
export interface LabelPlace<L> {
  kind: LabelKind;
  center: [number, number];
  lines(layout: L): string[];
  at(layout: L): { x: number; y: number; z: number };
}

/** A band's label, right-aligned at the left of the stack. */
export const BAND_LABEL: LabelPlace<BandLayout> = {
  kind: 'band',
  center: [1, 0.5],
  lines: (b) => bandLines(b.text),
  at: (b) => b.label,
};

/** A column's title, centred above the column. */
export const COLUMN_TITLE: LabelPlace<ColumnLayout> = {
  kind: 'column',
  center: [0.5, 1],
  lines: (c) => c.titleLines,
  at: (c) => c.title,
};

export class LabelView<L> {
  private readonly label: SceneLabel;

  constructor(
    ctx: ViewContext,
    private readonly place: LabelPlace<L>,
    layout: L,
  ) {
    this.label = ctx.labels.create({
      kind: place.kind,
      lines: place.lines(layout),
      stackKey: ctx.stackKey,
      center: place.center,
    });
    this.update(layout);
  }

  get object(): SceneLabel['object'] {
    return this.label.object;
  }

  update(layout: L): void {
    this.label.setLines(this.place.lines(layout));
    const p = this.place.at(layout);
    this.label.object.position.set(p.x, p.y, p.z);
  }

  dispose(): void {
    this.label.dispose();
  }
}
