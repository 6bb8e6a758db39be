import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ALONG,
  NUDGES,
  SLIDES,
  inside,
  overlaps,
  placeLabels,
  shift,
  type LabelBox,
  type Placement,
  type Rect,
} from './labelPlacement';

/** A label's placement: where it is drawn, unmoved and whole unless `changes` say otherwise. */
const placement = (changes: Partial<Placement> = {}): Placement => ({
  dy: 0,
  short: false,
  compact: false,
  hidden: false,
  ...changes,
});
const box = (left: number, top: number, w = 100, h = 20): Rect => ({ left, right: left + w, top, bottom: top + h });

/**
 * Up to 40 random labels for the property tests: left and top edges in the given ranges, 10 to `maxWidth` px wide;
 * with `along`, some fixed ones are layer labels (placed along the right).
 */
function arbLabels(
  left: [number, number],
  top: [number, number],
  maxWidth: number,
  along = false,
): fc.Arbitrary<LabelBox[]> {
  const spec = fc.record({
    left: fc.integer({ min: left[0], max: left[1] }),
    top: fc.integer({ min: top[0], max: top[1] }),
    w: fc.integer({ min: 10, max: maxWidth }),
    h: fc.integer({ min: 10, max: 40 }),
    rank: fc.integer({ min: 0, max: 60 }),
    movable: fc.boolean(),
    compact: fc.boolean(),
    along: along ? fc.boolean() : fc.constant(false),
  });
  return fc.array(spec, { maxLength: 40 }).map((specs) =>
    specs.map((s) => ({
      rect: box(s.left, s.top, s.w, s.h),
      rank: s.rank,
      movable: s.movable,
      ...(s.compact ? { compact: box(s.left + s.w / 2 - 5, s.top, 10, s.h) } : {}),
      ...(s.along && !s.movable ? { along: 'right' as const } : {}),
    })),
  );
}

function expectNoOverlap(rects: readonly Rect[]): void {
  for (let i = 0; i < rects.length; i++)
    for (let j = i + 1; j < rects.length; j++) expect(overlaps(rects[i]!, rects[j]!)).toBe(false);
}

describe('placeLabels', () => {
  it('leaves labels that do not collide where they are', () => {
    const p = placeLabels([
      { rect: box(0, 0), rank: 40, movable: true },
      { rect: box(200, 0), rank: 40, movable: true },
    ]);
    expect(p).toEqual([placement(), placement()]);
  });

  it('nudges the lower-ranked of two colliding labels, up first', () => {
    const p = placeLabels([
      { rect: box(0, 100), rank: 10, movable: true },
      { rect: box(20, 100), rank: 40, movable: true },
    ]);
    expect(p[1]).toEqual(placement());
    expect(p[0]?.hidden).toBe(false);
    expect(p[0]?.dy).toBeCloseTo(-1.05 * 20); // -0.55 h still overlaps a 20 px label; -1.05 h clears it
  });

  it('never moves a title; it hides when a higher-ranked label covers it', () => {
    const p = placeLabels([
      { rect: box(0, 100), rank: 30, movable: false },
      { rect: box(0, 100), rank: 40, movable: true },
    ]);
    expect(p[0]).toEqual(placement({ hidden: true }));
  });

  it('shrinks a boxed-in label to its glyph before hiding it', () => {
    // A wall of labels around a narrow gap in the middle.
    const wall: LabelBox[] = [];
    for (const k of NUDGES) {
      wall.push({ rect: box(0, 100 + k * 20, 45), rank: 50, movable: false });
      wall.push({ rect: box(75, 100 + k * 20, 45), rank: 50, movable: false });
    }
    const label: LabelBox = { rect: box(10, 100, 100), rank: 40, movable: true, compact: box(47, 100, 26) };
    const p = placeLabels([...wall, label]);
    expect(p.at(-1)).toEqual(placement({ compact: true }));
    const noCompact = placeLabels([...wall, { ...label, compact: undefined }]);
    expect(noCompact.at(-1)?.hidden).toBe(true);
  });

  it('tries the short name before the glyph', () => {
    const wall: LabelBox[] = [];
    for (const k of NUDGES) {
      wall.push({ rect: box(0, 100 + k * 20, 40), rank: 50, movable: false });
      wall.push({ rect: box(80, 100 + k * 20, 40), rank: 50, movable: false });
    }
    const label: LabelBox = {
      rect: box(10, 100, 100),
      rank: 40,
      movable: true,
      short: box(42, 100, 36),
      compact: box(50, 100, 20),
    };
    expect(placeLabels([...wall, label]).at(-1)).toEqual({ dy: 0, short: true, compact: false, hidden: false });
    const tooLong = { ...label, short: box(35, 100, 50) };
    expect(placeLabels([...wall, tooLong]).at(-1)).toEqual(placement({ compact: true }));
  });

  it('property: visible labels never overlap, and every nudge stays within 1.6 label heights (whole pixels)', () => {
    fc.assert(
      fc.property(arbLabels([0, 600], [0, 400], 160), (boxes) => {
        const placed = placeLabels(boxes);
        const visible = placed.flatMap((p, i) => {
          const b = boxes[i]!;
          if (p.hidden) return [];
          expect(Math.abs(p.dy)).toBeLessThanOrEqual(1.6 * (b.rect.bottom - b.rect.top) + 0.5);
          if (!b.movable) expect(p.dy).toBe(0);
          return [shift(p.compact && b.compact ? b.compact : b.rect, p.dy)];
        });
        expectNoOverlap(visible);
        // The highest-ranked label always shows, in full, where it is.
        if (boxes.length > 0) {
          const top = boxes.reduce((best, b, i) => (b.rank > boxes[best]!.rank ? i : best), 0);
          expect(placed[top]).toEqual(placement());
        }
      }),
    );
  });
});

describe('placeLabels in a split view pane (slide, bounds)', () => {
  it('slides a boxed-in label sideways rather than shrinking it, but only with `slide`', () => {
    // A narrow wall covering every vertical nudge of the label; free room to its right.
    const wall: LabelBox[] = [40, 60, 80, 100, 120, 140].map((y) => ({
      rect: box(0, y, 50),
      rank: 50,
      movable: false,
    }));
    const label: LabelBox = { rect: box(0, 100), rank: 40, movable: true, compact: box(40, 100, 20) };
    expect(placeLabels([...wall, label]).at(-1)).toMatchObject({ compact: false, hidden: true });
    // The cheapest free move: 0.6 widths to the right (0.3 still overlaps the wall; left is worse).
    expect(SLIDES).toContain(0.6);
    expect(placeLabels([...wall, label], { slide: true }).at(-1)).toEqual(placement({ dx: 60 }));
  });

  it('brings a label that sticks out of the bounds at its anchor inside them (a band name at a pane edge)', () => {
    const bounds: Rect = { left: 0, right: 300, top: 0, bottom: 100 };
    const [p] = placeLabels([{ rect: box(-30, 40, 80), rank: 20, movable: false }], { bounds });
    expect(p).toEqual(placement({ dx: 30 }));
    expect(placeLabels([{ rect: box(-30, 40, 80), rank: 20, movable: false }])[0]).toEqual(placement());
  });

  it('never nudges a label out of the bounds (a pane)', () => {
    const bounds: Rect = { left: 0, right: 300, top: 0, bottom: 60 };
    // Free room only above the label, outside the pane.
    const others: LabelBox[] = [box(0, 20, 50), box(100, 20, 200), box(0, 40, 300)].map((rect) => ({
      rect,
      rank: 50,
      movable: false,
    }));
    const label: LabelBox = { rect: box(0, 20, 100), rank: 40, movable: true };
    const free = placeLabels([...others, label], { slide: true }).at(-1)!;
    expect(free.hidden).toBe(false);
    expect(20 + free.dy).toBeLessThan(0);
    expect(placeLabels([...others, label], { slide: true, bounds }).at(-1)?.hidden).toBe(true);
  });

  it('lets a layer name slide along its slab (right of its anchor), never up or down', () => {
    const component: LabelBox = { rect: box(0, 100, 80), rank: 40, movable: true };
    const layer: LabelBox = { rect: box(0, 100, 60), rank: 10, movable: false, along: 'right' };
    const without = placeLabels([component, layer]);
    expect(without[1]?.hidden).toBe(true);
    const [, p] = placeLabels([component, layer], { slide: true });
    expect(p).toMatchObject({ dy: 0, hidden: false });
    expect(ALONG.map((a) => a * 60)).toContain(p?.dx);
  });

  it('gives a label with no place nearby a last chance further away, its name before its glyph, after the others', () => {
    // Rows of labels from y = 70 to 150 all across; the label's nearby places are all covered, 56 px up is free.
    const wall: LabelBox[] = [70, 90, 110, 130].map((y) => ({ rect: box(-40, y, 200), rank: 50, movable: false }));
    const label: LabelBox = { rect: box(30, 100, 40), rank: 40, movable: true, compact: box(40, 100, 20) };
    expect(placeLabels([...wall, label]).at(-1)?.hidden).toBe(true);
    const further = placement({ dy: -56 });
    expect(placeLabels([...wall, label], { slide: true }).at(-1)).toEqual(further);
    // Its short name, when it has one.
    const short = { ...label, short: box(35, 100, 30) };
    expect(placeLabels([...wall, short], { slide: true }).at(-1)).toEqual({ ...further, short: true });
  });

  it('property: with slide and bounds, visible labels never overlap, and every one ends inside the bounds', () => {
    const bounds: Rect = { left: 0, right: 700, top: 0, bottom: 450 };
    fc.assert(
      fc.property(arbLabels([-60, 650], [-30, 430], 100, true), (boxes) => {
        const placed = placeLabels(boxes, { slide: true, bounds });
        const visible = placed.flatMap((p, i) => {
          const b = boxes[i]!;
          if (p.hidden) return [];
          const r = p.compact && b.compact ? b.compact : b.rect;
          const moved = shift(r, p.dy, p.dx ?? 0);
          if (!b.movable && inside(r, bounds)) expect(p.dy).toBe(0);
          // Every label ends inside the pane (these all fit in it).
          expect(inside(moved, bounds)).toBe(true);
          return [moved];
        });
        expectNoOverlap(visible);
      }),
    );
  });
});
