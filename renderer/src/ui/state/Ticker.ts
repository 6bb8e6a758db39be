/**
 * Advances model time while something plays: a requestAnimationFrame loop that runs only while `frame`
 * returns true, so an idle app schedules nothing. Rendering itself is the scene's job (render on demand).
 */
export class Ticker {
  private handle: number | null = null;
  private last = 0;

  constructor(private readonly frame: (dtSeconds: number) => boolean) {}

  get running(): boolean {
    return this.handle !== null;
  }

  start(): void {
    if (this.handle !== null) return;
    this.last = performance.now();
    this.handle = requestAnimationFrame(this.loop);
  }

  stop(): void {
    if (this.handle !== null) cancelAnimationFrame(this.handle);
    this.handle = null;
  }

  private loop = (now: number): void => {
    const dt = Math.max(0, (now - this.last) / 1000);
    this.last = now;
    if (this.frame(dt)) this.handle = requestAnimationFrame(this.loop);
    else this.handle = null;
  };
}
