/**
 * Building a handout: each step of a lesson or a run sheet is put on stage in turn, pictured once the 3D view has
 * settled, and paired with its narration and sources; then the stage goes back to what it showed before. While it
 * runs, the stage is blacked out for any audience window (the projector does not flash through the steps).
 */
import { stepSources, type HandoutPlan, type HandoutSourceGroup, type Hop, type Presentation } from '../../model';
import type { Stage, StageSnapshot } from '../../stage/Stage';

export interface HandoutPage {
  title: string;
  narration: string;
  /** PNG data URL of the 3D view at this step, or null with `problem` saying why there is none. */
  image: string | null;
  problem: string | null;
  sources: HandoutSourceGroup[];
}

/** Takes a picture of the 3D view once it has settled (Viewport.capture). */
export type CaptureView = () => Promise<string>;

/** The hop the player on stage stands on (walkthrough, or the Lab's player), or null. */
function hopOnStage(s: StageSnapshot): Hop | null {
  const view =
    s.mode === 'walkthrough' ? s.walkthrough : s.mode === 'lab' && s.lab.showPlayer ? s.lab.walkthrough : null;
  return view?.path.hops[view.player.hopIndex] ?? null;
}

export class HandoutState {
  /** The handout open on screen, or null. */
  plan = $state.raw<HandoutPlan | null>(null);
  pages = $state.raw<HandoutPage[]>([]);
  /** Steps pictured so far (of plan.steps.length). */
  done = $state(0);
  building = $state(false);
  /** What the last export did, for the status line. */
  exportMessage = $state('');
  private cancelled = false;

  /** The stage to picture; its library is the content on stage (which an author's file may replace). */
  constructor(private readonly stage: Stage) {}

  open(plan: HandoutPlan): void {
    this.plan = plan;
    this.pages = [];
    this.done = 0;
    this.exportMessage = '';
  }

  close(): void {
    this.cancelled = true;
    this.plan = null;
    this.pages = [];
  }

  /** Pictures every step of the open plan, in order; the stage is put back as it was, whatever happens. */
  async build(capture: CaptureView): Promise<void> {
    const plan = this.plan;
    if (!plan || this.building) return;
    this.building = true;
    this.cancelled = false;
    const putBack = this.putBack();
    const pages: HandoutPage[] = [];
    try {
      for (const step of plan.steps) {
        if (this.cancelled) return;
        const errors = this.stage.restore({ ...step.presentation, playing: false, blackout: true });
        const page: HandoutPage = {
          title: step.title,
          narration: step.narration,
          image: null,
          problem: null,
          sources: [],
        };
        if (errors.length > 0) page.problem = `This step could not be put on stage: ${errors.join('; ')}`;
        else {
          page.sources = stepSources(
            this.stage.library,
            step.presentation,
            step.narration,
            hopOnStage(this.stage.snapshot),
          );
          try {
            page.image = await capture();
          } catch (error) {
            page.problem = `No picture of this step: ${error instanceof Error ? error.message : String(error)}`;
          }
        }
        pages.push(page);
        this.done = pages.length;
      }
      if (!this.cancelled) this.pages = pages;
    } finally {
      for (const p of putBack) this.stage.restore(p);
      this.building = false;
    }
  }

  /**
   * What puts the whole stage back, not only the view on screen: a presentation restores the views it names, so the
   * Explore / walkthrough state and the Lab's (its architecture, path, what-ifs, crash) are restored first, paused,
   * then the view that was on screen, exactly.
   */
  private putBack(): Presentation[] {
    const s = this.stage.snapshot;
    const now = this.stage.presentation();
    const paused = { ...now, playing: false };
    return [
      {
        ...paused,
        view: 'walkthrough',
        architectureId: s.architectureId,
        pathId: s.walkthrough.pathId,
        time: s.walkthrough.player.time,
      },
      {
        ...paused,
        view: 'lab',
        architectureId: s.lab.architectureId,
        pathId: s.lab.walkthrough.pathId,
        time: s.lab.walkthrough.player.time,
      },
      now,
    ];
  }
}
