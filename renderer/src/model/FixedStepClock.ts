/**
 * Model time advanced in fixed sub-steps, so that playback is deterministic: step(dt) clamps dt to MAX_DT seconds of
 * real time and advances model time by FIXED_STEP * speed per whole sub-step; leftover real time waits for the next call.
 */
export const FIXED_STEP = 1 / 120;
export const MAX_DT = 0.1;
export const MIN_SPEED = 0.25;
export const MAX_SPEED = 4;

export class FixedStepClock {
  time = 0;
  playing = false;
  private _speed = 1;
  private accumulator = 0;

  constructor(public duration: number) {}

  get speed(): number {
    return this._speed;
  }

  setSpeed(s: number): void {
    this._speed = Number.isFinite(s) ? Math.min(MAX_SPEED, Math.max(MIN_SPEED, s)) : 1;
  }

  get finished(): boolean {
    return this.time >= this.duration;
  }

  reset(): void {
    this.time = 0;
    this.accumulator = 0;
    this.playing = false;
    this._speed = 1;
  }

  /** Starts playing; from the end, starts again from the beginning. */
  play(): void {
    if (this.finished) this.seek(0);
    this.playing = true;
  }

  pause(): void {
    this.playing = false;
  }

  seek(t: number): void {
    this.time = Math.min(this.duration, Math.max(0, Number.isFinite(t) ? t : 0));
    this.accumulator = 0;
  }

  /** Advances by dt seconds of real time; returns true if model time moved. */
  step(dt: number): boolean {
    if (!this.playing) return false;
    const clamped = Math.min(MAX_DT, Math.max(0, Number.isFinite(dt) ? dt : 0));
    this.accumulator += clamped;
    const before = this.time;
    while (this.accumulator >= FIXED_STEP - 1e-12) {
      this.accumulator -= FIXED_STEP;
      this.time = Math.min(this.duration, this.time + FIXED_STEP * this._speed);
      if (this.finished) {
        this.playing = false;
        this.accumulator = 0;
        break;
      }
    }
    return this.time !== before;
  }
}
