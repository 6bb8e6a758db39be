import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FIT_MARGIN } from './cameraFit';
import {
  MIN_PANE_SHARE,
  PANE_GAP,
  frameNeed,
  ndcToCanvas,
  paneAt,
  paneNdc,
  paneScale,
  splitLengths,
  splitPanes,
  type FrameNeed,
} from './paneSplit';

const need = (width: number, height: number): FrameNeed => ({ width, height });

describe('splitPanes', () => {
  it('gives one stack (or none) the whole canvas', () => {
    expect(splitPanes(947, 527, [], 'side-by-side')).toEqual([{ x: 0, y: 0, width: 947, height: 527 }]);
    expect(splitPanes(947, 527, [need(80, 35)], 'stacked')).toEqual([{ x: 0, y: 0, width: 947, height: 527 }]);
  });

  it('cuts two equal stacks into equal halves, left/right side by side, with a gap between', () => {
    const [a, b] = splitPanes(947, 527, [need(50, 40), need(50, 40)], 'side-by-side');
    expect(a).toEqual({ x: 0, y: 0, width: 472, height: 527 });
    expect(b).toEqual({ x: 475, y: 0, width: 472, height: 527 });
    expect((b?.x ?? 0) - ((a?.x ?? 0) + (a?.width ?? 0))).toBe(PANE_GAP);
  });

  it('cuts top/bottom when stacked', () => {
    const [a, b] = splitPanes(947, 527, [need(50, 40), need(50, 40)], 'stacked');
    expect(a).toEqual({ x: 0, y: 0, width: 947, height: 262 });
    expect(b).toEqual({ x: 0, y: 265, width: 947, height: 262 });
  });

  it('gives a wider stack a wider pane, so that both are drawn at about the same scale', () => {
    const needs = [need(45, 30), need(80, 30)];
    const [a, b] = splitPanes(1000, 800, needs, 'side-by-side');
    expect(b!.width).toBeGreaterThan(a!.width);
    const sa = paneScale(a!, needs[0]!);
    const sb = paneScale(b!, needs[1]!);
    expect(Math.abs(sa - sb) / sa).toBeLessThan(0.02);
    // Better for the larger stack than equal halves (its labels are the ones that crowd).
    expect(sb).toBeGreaterThan(paneScale({ width: 498, height: 800 }, needs[1]!));
  });

  it('does not give a pane width it cannot use when its height already limits it', () => {
    // The first stack is tall: at the shared scale its height would not fit, so the second gets the rest.
    const needs = [need(20, 200), need(60, 20)];
    const [a, b] = splitPanes(1000, 600, needs, 'side-by-side');
    const capA = 600 / (200 * FIT_MARGIN);
    expect(paneScale(a!, needs[0]!)).toBeCloseTo(capA, 1);
    expect(paneScale(b!, needs[1]!)).toBeGreaterThan(capA);
  });

  it('keeps every pane at MIN_PANE_SHARE of the split axis at least', () => {
    const [a, b] = splitPanes(1000, 600, [need(5, 30), need(200, 30)], 'side-by-side');
    expect(a!.width).toBeGreaterThanOrEqual(Math.floor(MIN_PANE_SHARE * (1000 - PANE_GAP)));
    expect(b!.width).toBeLessThanOrEqual(Math.ceil((1 - MIN_PANE_SHARE) * (1000 - PANE_GAP)));
  });

  it('always tiles the canvas: panes in order, inside it, gaps of PANE_GAP, the last one reaching the edge', () => {
    const arb = fc.record({
      w: fc.integer({ min: 200, max: 4000 }),
      h: fc.integer({ min: 200, max: 3000 }),
      needs: fc.array(
        fc.record({
          width: fc.double({ min: 0, max: 200, noNaN: true }),
          height: fc.double({ min: 0, max: 200, noNaN: true }),
        }),
        {
          minLength: 2,
          maxLength: 3,
        },
      ),
      mode: fc.constantFrom('side-by-side' as const, 'stacked' as const),
    });
    fc.assert(
      fc.property(arb, ({ w, h, needs, mode }) => {
        const rects = splitPanes(w, h, needs, mode);
        expect(rects).toHaveLength(needs.length);
        const along = (r: (typeof rects)[number]) => (mode === 'side-by-side' ? [r.x, r.width] : [r.y, r.height]);
        let end = -PANE_GAP;
        for (const r of rects) {
          const [start, size] = along(r) as [number, number];
          expect(start).toBe(end + PANE_GAP);
          expect(size).toBeGreaterThan(0);
          expect(Number.isInteger(start) && Number.isInteger(size)).toBe(true);
          end = start + size;
          if (mode === 'side-by-side') expect(r.height).toBe(h);
          else expect(r.width).toBe(w);
        }
        expect(end).toBe(mode === 'side-by-side' ? w : h);
      }),
    );
  });
});

describe('splitLengths', () => {
  it('shares by need when nothing else limits', () => {
    const [a, b] = splitLengths(900, 10_000, [2, 3], [1, 1]);
    expect(a).toBeCloseTo(360);
    expect(b).toBeCloseTo(540);
  });

  it('shares what is left by need when every pane is limited across', () => {
    const l = splitLengths(1000, 100, [10, 10], [100, 100]);
    expect(l[0]).toBeCloseTo(500);
    expect(l[1]).toBeCloseTo(500);
  });
});

describe('pane coordinates', () => {
  const rects = splitPanes(1000, 500, [need(10, 10), need(10, 10)], 'side-by-side');

  it('finds the pane under a point; the gap belongs to none', () => {
    expect(paneAt(rects, 10, 10)).toBe(0);
    expect(paneAt(rects, 990, 490)).toBe(1);
    expect(paneAt(rects, rects[0]!.width + 1, 100)).toBe(-1);
    expect(paneAt(rects, -1, 100)).toBe(-1);
  });

  it('maps a point to the pane camera (NDC) and back', () => {
    const r = rects[1]!;
    expect(paneNdc(r, r.x, r.y)).toEqual({ x: -1, y: 1 });
    expect(paneNdc(r, r.x + r.width / 2, r.y + r.height / 2)).toEqual({ x: 0, y: 0 });
    const p = ndcToCanvas(r, 0.25, -0.5);
    const back = paneNdc(r, p.x, p.y);
    expect(back.x).toBeCloseTo(0.25);
    expect(back.y).toBeCloseTo(-0.5);
  });

  it('measures a frame as the default camera sees it, and the scale it fits a pane at', () => {
    const n = frameNeed({ x: -10, y: 0, z: -2 }, { x: 10, y: 10, z: 2 });
    expect(n.width).toBe(20);
    expect(n.height).toBeGreaterThan(10 * Math.cos((22 * Math.PI) / 180));
    expect(paneScale({ width: 216, height: 1000 }, need(20, 10))).toBeCloseTo(10);
    expect(paneScale({ width: 1000, height: 108 }, need(20, 10))).toBeCloseTo(10);
  });
});
