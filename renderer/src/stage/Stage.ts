/**
 * The Stage's frame loop, in plain TypeScript (no Svelte, no DOM): one clock for everything that moves on stage.
 *
 * A frame is, synchronously and in this order (PhET's joist order): every running source steps its model by dt;
 * the view is synced to the model's new state (`setStacks`); then the view renders (the scene draws right after
 * its ticker returns, in the same animation frame). So a frame never shows the previous frame's state.
 *
 * Sources (the active player, a Type 1 <-> Type 2 morph) tell the Stage when they may have started moving by calling
 * `wake()`; nothing in the UI has to remember to start the clock. When no source moves, the Stage stops the view's
 * ticker and the scene goes back to rendering on demand (an idle app draws no frames).
 */
import type { StackInput } from '../scene/sceneTypes';

/** Something that moves with model time: a player, a morph. */
export interface ClockSource {
  /** True while it needs frames. */
  readonly running: boolean;
  /** Advances its model by dt seconds; returns whether it still runs. */
  step(dt: number): boolean;
}

/** What the Stage drives: the 3D scene (StackScene implements it). */
export interface StageView {
  /** Calls `tick(dt)` every animation frame until it returns false, then renders on demand again. */
  setTicker(tick: ((dtSeconds: number) => boolean) | null): void;
  /** Syncs the drawn stacks to the model. */
  setStacks(stacks: StackInput[]): void;
}

export class Stage {
  private view: StageView | null = null;
  private ticking = false;
  /** Frames run so far (for tests and the debug hook). */
  frames = 0;

  /**
   * @param sources the sources that may run now (e.g. the player of the view on screen), read at every frame
   * @param stacks what the view should draw for the model's current state, read after the sources stepped
   */
  constructor(
    private readonly sources: () => readonly ClockSource[],
    private readonly stacks: () => StackInput[],
  ) {}

  /** Connects the view (null when it goes away). */
  attach(view: StageView | null): void {
    if (this.view && this.view !== view) this.view.setTicker(null);
    this.view = view;
    this.ticking = false;
    if (view) this.sync();
  }

  /** A source may have started (play, seek while playing, a morph): run frames while anything runs. */
  wake(): void {
    this.sync();
    if (!this.view || this.ticking || !this.sources().some((s) => s.running)) return;
    this.ticking = true;
    this.view.setTicker(this.frame);
  }

  /** Stops the clock: pauses nothing, only stops asking for frames (e.g. the view on screen changed). */
  sleep(): void {
    this.ticking = false;
    this.view?.setTicker(null);
  }

  /** Pushes the model's current state to the view now (after a command that changed it). */
  sync(): void {
    this.view?.setStacks(this.stacks());
  }

  /** One frame: step every running source, then sync the view; the view renders when this returns. */
  frame = (dt: number): boolean => {
    this.frames++;
    let running = false;
    for (const s of this.sources()) if (s.running && s.step(dt)) running = true;
    this.sync();
    if (!running) this.ticking = false;
    return running;
  };
}
