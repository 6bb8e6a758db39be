import type { Architecture, Library, Mechanism } from '../../model/types';
import { MECHANISMS } from '../../model/types';
import type { PickResult } from '../../scene';
import type { Platform } from '../../platform/Platform';
import { SettingsState } from './SettingsState.svelte';
import { CourseState } from './CourseState.svelte';
import { HandoutState } from '../handout/HandoutState.svelte';
import { Stage, type StageSnapshot } from '../../stage/Stage';
import type { PlayerControls } from '../../stage/sessions';
import type { View } from '../../model/presentation';
import type { UserScenarioSummary } from '../../model/userScenario';

export type Mode = View;
export const MODES: { id: Mode; label: string; key: string }[] = [
  { id: 'explore', label: 'Explore', key: '1' },
  { id: 'walkthrough', label: 'Walkthrough', key: '2' },
  { id: 'compare', label: 'Compare', key: '3' },
  { id: 'lab', label: 'Lab', key: '4' },
  { id: 'claims', label: 'Claims', key: '5' },
  { id: 'references', label: 'References', key: '6' },
];
/** The course is not a view of the Stage (a lesson step puts any view on stage), so it has its own key after the views. */
export const COURSE_KEY = '7';

/** Where a learner came from when the app moved them to another view ("Show me", a "cited by" entry). */
export interface Origin {
  kind: 'claim' | 'foundation' | 'references';
  /** The claim's or foundation's id, or the source key in the References. */
  id: string;
  /** e.g. "claim 4", "the References (H3)". */
  label: string;
  /** The demonstration shown, when it was one. */
  demo?: string;
}

/**
 * The UI's side of the Stage: it mirrors the Stage's snapshot in one `$state.raw` and sends commands to `stage`;
 * nothing on stage lives here. What does live here is the UI's own state: hover, the event-list filters, which
 * event's detail is open, how Compare arranges its stacks, where the learner came from, and the settings.
 */
export class AppState {
  readonly stage: Stage;
  /** The Stage's latest snapshot (replaced whole after every command and frame). */
  snap = $state.raw<StageSnapshot>(null as unknown as StageSnapshot);
  hover = $state.raw<PickResult | null>(null);
  readonly settings: SettingsState;
  /** The self-paced course: progress, the library and the open lesson (its steps go on stage through `restore`). */
  readonly course: CourseState;
  /** The handout open on screen (a lesson or run sheet as a printable document), built from the stage. */
  readonly handout: HandoutState;
  /** Mechanisms shown in the event list. */
  filters = $state<Record<Mechanism, boolean>>(
    Object.fromEntries(MECHANISMS.map((m) => [m, true])) as Record<Mechanism, boolean>,
  );
  /** Event whose detail is open (follows the current hop unless the learner picks another). */
  detailHop = $state<number | null>(null);
  /** Compare: side by side, one above the other, or automatic (side by side unless the view is tall). */
  compareLayout = $state<'auto' | 'side-by-side' | 'stacked'>('auto');
  /** Set by links from other views: the Claims view scrolls to it, moves focus there and clears it. */
  claimTarget = $state.raw<string | null>(null);
  /** Set when the app moved the learner here from a claim or the References; cleared by any other change of view. */
  origin = $state.raw<Origin | null>(null);
  /** A CSS selector of the element to focus once the view has drawn (after a change of view made for the learner). */
  focusRequest = $state<string | null>(null);
  /** The presenter view is on screen instead of the full app (the Present command, S, or `?window=presenter`). */
  presenting = $state(false);

  /** Play, pause, step, seek and speed for the player of the view on screen (the docks and the keys send these). */
  readonly controls: PlayerControls = {
    play: () => this.stage.player?.play(),
    pause: () => this.stage.player?.pause(),
    toggle: () => this.stage.player?.toggle(),
    next: () => this.stage.player?.next(),
    prev: () => this.stage.player?.prev(),
    seek: (t) => this.stage.player?.seek(t),
    setSpeed: (s) => this.stage.player?.setSpeed(s),
    reset: () => this.stage.player?.reset(),
  };

  /** The content on stage: built-in, or built-in plus an author's file (replaceLibrary). */
  library = $state.raw<Library>(null as unknown as Library);
  /** What the author's file added to the library (its ids are marked "from <file>" in the lists), or null. */
  authored = $state.raw<UserScenarioSummary | null>(null);

  constructor(
    library: Library,
    readonly platform: Platform,
  ) {
    this.library = library;
    this.settings = new SettingsState(platform);
    this.stage = new Stage(library);
    this.snap = this.stage.snapshot;
    this.stage.subscribe((s) => (this.snap = s));
    this.course = new CourseState(library, platform, (p) => {
      this.forgetViewState();
      return this.stage.restore(p);
    });
    this.handout = new HandoutState(this.stage);
  }

  /**
   * Puts another library on stage without a page reload (an author's file opened or reloaded): the Stage keeps
   * the view, path, hop and architecture where the new library has them, the course keeps the open lesson at its
   * step, and every view reads the new library. Returns what could not be kept, one line each.
   */
  replaceLibrary(library: Library, authored: UserScenarioSummary | null): string[] {
    // The Stage first: if it refuses the library, nothing else has changed.
    const dropped = this.stage.replaceLibrary(library);
    this.library = library;
    this.authored = authored;
    this.hover = null;
    this.detailHop = null;
    this.course.setLibrary(library);
    return dropped;
  }

  /** The author's file an architecture, path or lesson comes from, or null when it is built in. */
  fromFile(kind: 'architectures' | 'paths' | 'lessons', id: string): string | null {
    const a = this.authored;
    return a && a[kind].includes(id) ? a.fileName : null;
  }

  get mode(): Mode {
    return this.snap.mode;
  }
  get selection(): PickResult | null {
    return this.snap.selection;
  }
  get architectureId(): string {
    return this.snap.architectureId;
  }
  get walkthrough() {
    return this.snap.walkthrough;
  }
  get compare() {
    return this.snap.compare;
  }
  get lab() {
    return this.snap.lab;
  }
  get stacks() {
    return this.snap.stacks;
  }
  get morph() {
    return this.snap.morph;
  }
  get playing(): boolean {
    return this.snap.playing;
  }

  get architectures(): Architecture[] {
    return [...this.library.architectures.values()];
  }

  architecture(id: string): Architecture {
    const arch = this.library.architectures.get(id);
    if (!arch) throw new Error(`Unknown architecture "${id}"`);
    return arch;
  }

  /**
   * Changes the view for the learner: what played pauses, the way back ("Back to claim 4") is forgotten, and the
   * course steps aside (the open lesson and its progress stay; the Course button returns to them).
   */
  setMode(mode: Mode): void {
    this.forgetViewState();
    this.course.close();
    this.stage.setMode(mode);
  }

  /** What belongs to the view on screen: hover, the way back, the open event detail. */
  private forgetViewState(): void {
    this.hover = null;
    this.origin = null;
    this.detailHop = null;
  }

  /** The Course button and key: back to the open lesson from another view; within the course, its library. */
  openCourse(): void {
    if (this.course.screen === 'closed') this.course.show();
    else this.course.openLibrary();
  }

  requestFocus(selector: string): void {
    this.focusRequest = selector;
  }

  /** The theme in use (components take it as a prop instead of reaching into the settings). */
  get theme() {
    return this.settings.theme;
  }

  get reducedMotion(): boolean {
    return this.settings.reducedMotion;
  }

  /** The morph's progress as text for tests ("0.42"), or undefined without a morph. */
  get morphProgress(): string | undefined {
    return this.morph ? this.morph.t.toFixed(2) : undefined;
  }

  get morphState(): 'idle' | 'running' | 'done' {
    return this.morph === null ? 'idle' : this.morph.t < 1 ? 'running' : 'done';
  }

  /** The architecture a pick refers to (the variant in the Lab). */
  architectureOf(sel: PickResult): Architecture | null {
    return this.stacks.find((s) => s.key === sel.stackKey)?.architecture ?? null;
  }
}
