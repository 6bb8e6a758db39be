import type { Player } from '../../model/types';

/**
 * A model player (a plain object) and the snapshot the scene and the UI draw: every command runs on the player,
 * then the snapshot is read again. Subclasses say when a snapshot is playing or finished.
 */
export abstract class PlayerState<P extends Player<S>, S> {
  snapshot = $state.raw<S | null>(null);
  protected player: P | null = $state.raw(null);

  protected abstract isPlaying(snapshot: S): boolean;
  protected abstract isFinished(snapshot: S): boolean;

  get playing(): boolean {
    return this.snapshot ? this.isPlaying(this.snapshot) : false;
  }

  /** Called after every command (the app wakes its clock with it). */
  onCommand: (() => void) | null = null;

  protected run(action: (p: P) => void): void {
    if (!this.player) return;
    action(this.player);
    this.refresh();
    this.onCommand?.();
  }

  /** Play; at the end, play again from the start, at the same speed. */
  play = () => this.run((p) => (this.isFinished(p.snapshot()) ? p.replay() : p.play()));
  pause = () => this.run((p) => p.pause());
  toggle = () => (this.playing ? this.pause() : this.play());
  next = () => this.run((p) => (p.pause(), p.next()));
  prev = () => this.run((p) => (p.pause(), p.prev()));
  seek = (time: number) => this.run((p) => p.seek(time));
  setSpeed = (speed: number) => this.run((p) => p.setSpeed(speed));
  reset = () => this.run((p) => p.reset());

  /** Advances model time; returns whether it is still playing. */
  tick(dt: number): boolean {
    if (!this.player || !this.playing) return false;
    this.player.step(dt);
    this.refresh();
    return this.playing;
  }

  protected refresh(): void {
    this.snapshot = this.player ? this.player.snapshot() : null;
  }
}
