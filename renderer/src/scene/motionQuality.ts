/**
 * Resolution while something moves. On a machine without a real GPU (software WebGL, SwiftShader) the frame time is
 * spent rasterizing pixels, not in JavaScript (see the profile in issue 11): while the scene moves and frames run
 * long, it draws at a lower pixel ratio (steps of RESOLUTION_STEPS); when motion ends the still frame is drawn at full
 * resolution again (StackScene), so screenshots and a projector's still image do not change.
 */

/** Fractions of the full pixel ratio, best first. */
export const RESOLUTION_STEPS = [1, 0.75, 0.5] as const;
/** Frames slower than this (smoothed) step the resolution down. */
export const SLOW_FRAME_MS = 40;
/** Frames faster than this (smoothed) step it back up. */
export const FAST_FRAME_MS = 20;
/**
 * Frames judged together: the median of their intervals, so one long frame (a garbage collection, a shader compiled
 * on first use) changes nothing. After a change the window starts afresh (the first frames after a resize are slow).
 */
const WINDOW = 5;

export class MotionQuality {
  private step = 0;
  private intervals: number[] = [];

  /** The fraction of the full pixel ratio to draw at. */
  get scale(): number {
    return RESOLUTION_STEPS[this.step] ?? 1;
  }

  /** A moving frame came `intervalMs` after the previous moving frame: may step the resolution down or up. */
  movingFrame(intervalMs: number): void {
    this.intervals.push(intervalMs);
    if (this.intervals.length > WINDOW) this.intervals.shift();
    if (this.intervals.length < WINDOW) return;
    const median = [...this.intervals].sort((a, b) => a - b)[WINDOW >> 1] ?? 0;
    const before = this.step;
    if (median > SLOW_FRAME_MS) this.step = Math.min(RESOLUTION_STEPS.length - 1, this.step + 1);
    else if (median < FAST_FRAME_MS) this.step = Math.max(0, this.step - 1);
    if (this.step !== before) this.intervals = [];
  }

  /**
   * Motion ended (StackScene draws the still frame at full resolution). The step is kept, so the next motion starts at
   * the resolution that worked on this machine; the next frames are judged afresh.
   */
  rest(): void {
    this.intervals = [];
  }
}
