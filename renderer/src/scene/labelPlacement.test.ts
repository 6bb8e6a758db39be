import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NUDGES, overlaps, placeLabels, shift, type LabelBox, type Rect } from './labelPlacement';

const box = (left: number, top: number, w = 100, h = 20): Rect => ({ left, right: left + w, top, bottom: top + h });

describe('placeLabels', () => {
  it('leaves labels that do not collide where they are', () => {
    const p = placeLabels([
      { rect: box(0, 0), rank: 40, movable: true },
      { rect: box(200, 0), rank: 40, movable: true },
    ]);
    expect(p).toEqual([
      { dy: 0, compact: false, hidden: false },
      { dy: 0, compact: false, hidden: false },
    ]);
  });

  it('nudges the lower-ranked of two colliding labels, up first', () => {
    const p = placeLabels([
      { rect: box(0, 100), rank: 10, movable: true },
      { rect: box(20, 100), rank: 40, movable: true },
    ]);
    expect(p[1]).toEqual({ dy: 0, compact: false, hidden: false });
    expect(p[0]?.hidden).toBe(false);
    expect(p[0]?.dy).toBeCloseTo(-1.05 * 20); // -0.55 h still overlaps a 20 px label; -1.05 h clears it
  });

  it('never moves a title; it hides when a higher-ranked label covers it', () => {
    const p = placeLabels([
      { rect: box(0, 100), rank: 30, movable: false },
      { rect: box(0, 100), rank: 40, movable: true },
    ]);
    expect(p[0]).toEqual({ dy: 0, compact: false, hidden: true });
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
    expect(p.at(-1)).toEqual({ dy: 0, compact: true, hidden: false });
    const noCompact = placeLabels([...wall, { ...label, compact: undefined }]);
    expect(noCompact.at(-1)?.hidden).toBe(true);
  });

  it('property: visible labels never overlap, and every nudge stays within 1.6 label heights', () => {
    const arbBox = fc.record({
      left: fc.integer({ min: 0, max: 600 }),
      top: fc.integer({ min: 0, max: 400 }),
      w: fc.integer({ min: 10, max: 160 }),
      h: fc.integer({ min: 10, max: 40 }),
      rank: fc.integer({ min: 0, max: 60 }),
      movable: fc.boolean(),
      compact: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(arbBox, { maxLength: 40 }), (specs) => {
        const boxes: LabelBox[] = specs.map((s) => ({
          rect: box(s.left, s.top, s.w, s.h),
          rank: s.rank,
          movable: s.movable,
          ...(s.compact ? { compact: box(s.left + s.w / 2 - 5, s.top, 10, s.h) } : {}),
        }));
        const placed = placeLabels(boxes);
        const visible = placed.flatMap((p, i) => {
          const b = boxes[i]!;
          if (p.hidden) return [];
          expect(Math.abs(p.dy)).toBeLessThanOrEqual(1.6 * (b.rect.bottom - b.rect.top) + 1e-9);
          if (!b.movable) expect(p.dy).toBe(0);
          return [shift(p.compact && b.compact ? b.compact : b.rect, p.dy)];
        });
        for (let i = 0; i < visible.length; i++)
          for (let j = i + 1; j < visible.length; j++) expect(overlaps(visible[i]!, visible[j]!)).toBe(false);
        // The highest-ranked label always shows, in full, where it is.
        if (boxes.length > 0) {
          const top = boxes.reduce((best, b, i) => (b.rank > boxes[best]!.rank ? i : best), 0);
          expect(placed[top]).toEqual({ dy: 0, compact: false, hidden: false });
        }
      }),
    );
  });
});
