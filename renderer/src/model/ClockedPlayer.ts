/**
 * What every player shares: model time on a FixedStepClock, and the transport commands on it. A subclass sets the
 * clock in its constructor (once it knows the duration) and says what a snapshot is; `moved()` runs after anything
 * that moved the time (the comparison seeks both of its walkthroughs there).
 */
import type { FixedStepClock } from './FixedStepClock';
import type { Player } from './types';

export abstract class ClockedPlayer<S> implements Player<S> {
  protected clock!: FixedStepClock;

  abstract snapshot(): S;
  abstract next(): void;
  abstract prev(): void;

  /** Called after the time moved (a seek, a step, a reset). */
  protected moved(): void {}

  get duration(): number {
    return this.clock.duration;
  }
  get time(): number {
    return this.clock.time;
  }
  get playing(): boolean {
    return this.clock.playing;
  }
  get speed(): number {
    return this.clock.speed;
  }

  /** Back to the start, paused, at 1x. */
  reset(): void {
    this.clock.reset();
    this.moved();
  }
  /** Plays again from the start at the chosen speed (reset() would also set the speed back to 1x). */
  replay(): void {
    this.seek(0);
    this.play();
  }
  step(dt: number): void {
    if (this.clock.step(dt)) this.moved();
  }
  play(): void {
    this.clock.play();
    this.moved();
  }
  pause(): void {
    this.clock.pause();
  }
  toggle(): void {
    if (this.clock.playing) this.pause();
    else this.play();
  }
  setSpeed(s: number): void {
    this.clock.setSpeed(s);
  }
  seek(t: number): void {
    this.clock.seek(t);
    this.moved();
  }
}
