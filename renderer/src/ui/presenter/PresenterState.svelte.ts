/**
 * The presenter's side of a class: the run sheet on the desk, the cue on stage, the class clock, and the sync that
 * keeps every audience window on what the Stage shows. Lives as long as the app (created in App.svelte), so an
 * instructor can step back into the full app to show something live (the audience follows that too) and return.
 *
 * Nothing on stage lives here: going to a cue is `stage.restore(cue.presentation)`, and what the audience gets is the
 * Stage's own presentation state plus the cue's title and line.
 */
import {
  captureCue,
  editCue,
  emptyRunSheet,
  lessonRunSheet,
  moveCue,
  parseRunSheet,
  removeCue,
  serializeRunSheet,
  type Cue,
  type Lesson,
  type RunSheet,
} from '../../model';
import { locateJsonError } from '../../platform/jsonError';
import { SyncSender, type AudienceCommand, type AudienceState } from '../../stage/sync';
import type { AppState } from '../state/AppState.svelte';
import { openSyncChannel, type SyncChannel } from './syncChannel';

export class PresenterState {
  sheet = $state.raw<RunSheet>(emptyRunSheet());
  /** The cue on stage (-1: none yet; the stage shows whatever the app shows). */
  index = $state(-1);
  /** When the class clock started (ms since the epoch), null until the first cue. */
  startedAt = $state<number | null>(null);
  /** What the live region says after a step change (the presenter's screen reader hears every change). */
  announcement = $state('');
  /** A problem with an opened run sheet, each line with its place; empty when there is none. */
  openErrors = $state<string[]>([]);
  /** The digits typed toward a jump, shown while they are typed. */
  typed = $state('');
  helpOpen = $state(false);
  private channel: SyncChannel | null = null;
  private sender: SyncSender | null = null;

  constructor(private readonly app: AppState) {}

  get cue(): Cue | null {
    return this.sheet.cues[this.index] ?? null;
  }

  get next(): Cue | null {
    return this.sheet.cues[this.index + 1] ?? null;
  }

  // ---- sync ----

  /** Starts sending the stage to audiences (once; later calls do nothing). Stops when the page goes away. */
  startSync(): void {
    if (this.channel) return;
    const channel = openSyncChannel((m) => {
      const command = this.sender?.receive(m);
      if (command) this.command(command);
    });
    this.channel = channel;
    this.sender = new SyncSender(channel.post, Date.now());
    this.app.stage.subscribe(() => this.send());
    this.send();
    // The audience keeps its last state and says the presenter has gone (a reload says hello again at once).
    globalThis.addEventListener('pagehide', () => this.sender?.close());
  }

  /** What every audience should draw now. */
  audienceState(): AudienceState {
    return { presentation: this.app.stage.presentation(), cue: this.cueInfo(this.index) };
  }

  private cueInfo(i: number): AudienceState['cue'] {
    const cue = this.sheet.cues[i];
    return cue ? { index: i, count: this.sheet.cues.length, title: cue.title, narration: cue.narration } : null;
  }

  private send(): void {
    this.sender?.update(this.audienceState(), performance.now());
  }

  /** A key pressed in an audience window, or the same key on the presenter's own screen. */
  command(command: AudienceCommand): void {
    switch (command.type) {
      case 'next':
        return this.step(1);
      case 'prev':
        return this.step(-1);
      case 'goto':
        return this.goTo(command.index);
      case 'blackout':
        return this.toggleBlackout();
      case 'unblack':
        return this.app.stage.setBlackout(false);
    }
  }

  // ---- stepping ----

  /** Puts cue `i` on stage (out of range: nothing happens). */
  goTo(i: number): void {
    const cue = this.sheet.cues[i];
    if (!cue) return;
    this.startedAt ??= Date.now();
    this.index = i;
    // A blackout outlasts a step change: the presenter lifts it on purpose.
    const presentation = { ...cue.presentation, blackout: this.app.snap.blackout };
    // The audience first: restoring rebuilds this window's own 3D view, which takes a while, and the audience need
    // not wait for it (the state after the restore is the same, so it is not sent again).
    this.sender?.update({ presentation, cue: this.cueInfo(i) }, performance.now());
    const problems = this.app.stage.restore(presentation);
    this.announcement =
      problems.length > 0
        ? `Step ${i + 1} cannot be shown: ${problems.join('; ')}`
        : `Step ${i + 1} of ${this.sheet.cues.length}: ${cue.title}`;
    this.send();
  }

  step(delta: number): void {
    if (this.sheet.cues.length === 0) return;
    const to = Math.min(this.sheet.cues.length - 1, Math.max(0, this.index + delta));
    if (to !== this.index) this.goTo(to);
  }

  toggleBlackout(): void {
    this.app.stage.setBlackout(!this.app.snap.blackout);
  }

  // ---- the run sheet ----

  /** Replaces the run sheet (the class clock restarts at its first cue). */
  load(sheet: RunSheet): void {
    this.sheet = sheet;
    this.index = -1;
    this.startedAt = null;
    this.openErrors = [];
    if (sheet.cues.length > 0) this.goTo(0);
  }

  useLesson(lesson: Lesson): void {
    this.load(lessonRunSheet(this.app.library, lesson));
  }

  rename(title: string): void {
    if (title.trim()) this.sheet = { ...this.sheet, title: title.trim() };
  }

  /** Adds what is on stage now as a cue after the current one, and makes it current. */
  capture(): void {
    const at = this.index;
    const title = `Step ${this.sheet.cues.length + 1}`;
    this.sheet = captureCue(this.sheet, this.app.stage.presentation(), title, at < 0 ? undefined : at);
    this.index = at < 0 ? this.sheet.cues.length - 1 : at + 1;
    this.announcement = `Captured as step ${this.index + 1}`;
    this.send();
  }

  /** Moves a cue one place up or down; the cue on stage stays the current one. */
  move(i: number, delta: -1 | 1): void {
    const to = i + delta;
    if (to < 0 || to >= this.sheet.cues.length) return;
    const current = this.cue;
    this.sheet = moveCue(this.sheet, i, to);
    this.index = current ? this.sheet.cues.indexOf(current) : -1;
    this.send();
  }

  remove(i: number): void {
    const current = this.cue;
    this.sheet = removeCue(this.sheet, i);
    this.index = current ? this.sheet.cues.indexOf(current) : -1;
    this.send();
  }

  edit(i: number, patch: Partial<Pick<Cue, 'title' | 'narration' | 'notes'>>): void {
    this.sheet = editCue(this.sheet, i, patch);
    this.send();
  }

  /** The run sheet as a file to download. */
  file(): { name: string; text: string } {
    const slug =
      this.sheet.title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'run-sheet';
    return { name: `${slug}.runsheet.json`, text: serializeRunSheet(this.sheet) };
  }

  /** Opens a run-sheet file's text: loads it, or lists every problem with its place (and keeps the current sheet). */
  open(text: string, fileName: string): boolean {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      const place = locateJsonError(text);
      const where = place ? `line ${place.line}, column ${place.column}: unexpected ${place.found}` : String(error);
      this.openErrors = [`${fileName}: not valid JSON (${where})`];
      return false;
    }
    const parsed = parseRunSheet(raw, this.app.library);
    if (!parsed.ok) {
      this.openErrors = parsed.errors.map((e) => `${fileName}: ${e}`);
      return false;
    }
    this.load(parsed.sheet);
    return true;
  }
}
