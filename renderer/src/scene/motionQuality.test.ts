import { describe, expect, it } from 'vitest';
import { FAST_FRAME_MS, MotionQuality, RESOLUTION_STEPS, SLOW_FRAME_MS } from './motionQuality';

const run = (q: MotionQuality, ms: number, frames: number): void => {
  for (let i = 0; i < frames; i++) q.movingFrame(ms);
};

describe('MotionQuality', () => {
  it('keeps full resolution while frames are fast', () => {
    const q = new MotionQuality();
    run(q, 16, 50);
    expect(q.scale).toBe(1);
  });

  it('steps down one step at a time while frames run long, never below the last step', () => {
    const q = new MotionQuality();
    run(q, SLOW_FRAME_MS * 3, 5);
    expect(q.scale).toBe(RESOLUTION_STEPS[1]);
    run(q, SLOW_FRAME_MS * 3, 40);
    expect(q.scale).toBe(RESOLUTION_STEPS.at(-1));
  });

  it('ignores a single long frame', () => {
    const q = new MotionQuality();
    run(q, 16, 10);
    q.movingFrame(200);
    run(q, 16, 2);
    expect(q.scale).toBe(1);
  });

  it('steps back up when frames are fast again, and remembers the step across a rest', () => {
    const q = new MotionQuality();
    run(q, SLOW_FRAME_MS * 2, 8);
    const low = q.scale;
    expect(low).toBeLessThan(1);
    q.rest();
    expect(q.scale).toBe(low);
    run(q, FAST_FRAME_MS / 2, 40);
    expect(q.scale).toBe(1);
  });
});
