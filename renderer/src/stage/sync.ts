/**
 * The presenter -> audience sync protocol, pure (no channel, no DOM): the UI wires it to a BroadcastChannel
 * (ui/presenter/syncChannel.ts), the tests to an array.
 *
 * The presenter is the one source of truth. Every state it sends carries a stamp (epoch, seq): the epoch is when this
 * presenter started (a reloaded presenter is newer than the one before it), seq counts its sends. The audience applies
 * a state only when its stamp is newer than the last one applied, so a message that arrives late or twice is dropped.
 * An audience that opens or reloads says `hello`; the presenter answers with its current state at once (same stamp:
 * audiences that have it already ignore it). Keys pressed in the audience window (the clicker may send them there) go
 * back as commands; the presenter applies them and the new state comes back like any other. A presenter that closes
 * says `bye`: the audience keeps its last state and shows a notice.
 *
 * While the player runs, the audience runs its own clock from the state it was sent (each window renders its own
 * 3D), so frames are not sent; a running state is re-sent once per RESYNC_MS to take up drift.
 */
import { z } from 'zod';
import { presentationSchema } from '../model/presentation';

/** While playing, the presenter re-sends its state this often (ms) so that the audience's clock cannot drift. */
export const RESYNC_MS = 1000;

const stampSchema = z.strictObject({ epoch: z.number(), seq: z.number().int().min(0) });
export type Stamp = z.infer<typeof stampSchema>;

/** What the audience draws: the presentation state and, when a cue of a run sheet is on, its title and line. */
export const audienceStateSchema = z.strictObject({
  presentation: presentationSchema,
  cue: z
    .strictObject({
      index: z.number().int().min(0),
      count: z.number().int().min(1),
      title: z.string(),
      narration: z.string(),
    })
    .nullable(),
});
export type AudienceState = z.infer<typeof audienceStateSchema>;

/** What a key in the audience window asks of the presenter. */
export const audienceCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('next') }),
  z.strictObject({ type: z.literal('prev') }),
  z.strictObject({ type: z.literal('goto'), index: z.number().int().min(0) }),
  z.strictObject({ type: z.literal('blackout') }),
  z.strictObject({ type: z.literal('unblack') }),
]);
export type AudienceCommand = z.infer<typeof audienceCommandSchema>;

export const syncMessageSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('state'), stamp: stampSchema, state: audienceStateSchema }),
  z.strictObject({ kind: z.literal('hello') }),
  z.strictObject({ kind: z.literal('command'), command: audienceCommandSchema }),
  z.strictObject({ kind: z.literal('bye'), epoch: z.number() }),
]);
export type SyncMessage = z.infer<typeof syncMessageSchema>;

/** The message, or null for anything else on the channel (another app version, a damaged message). */
export function parseSyncMessage(raw: unknown): SyncMessage | null {
  const r = syncMessageSchema.safeParse(raw);
  return r.success ? r.data : null;
}

/** True when stamp `a` is later than `b` (no `b`: nothing applied yet). */
export function isNewer(a: Stamp, b: Stamp | null): boolean {
  return b === null || a.epoch > b.epoch || (a.epoch === b.epoch && a.seq > b.seq);
}

/** The state without what a running clock changes by itself (its time), to tell a real change from a frame. */
function withoutClock(s: AudienceState): AudienceState {
  return s.presentation.playing ? { ...s, presentation: { ...s.presentation, time: 0 } } : s;
}

function sameState(a: AudienceState, b: AudienceState): boolean {
  return JSON.stringify(withoutClock(a)) === JSON.stringify(withoutClock(b));
}

type Post = (message: SyncMessage) => void;

/** The presenter's side. */
export class SyncSender {
  private seq = 0;
  private last: AudienceState | null = null;
  private sentAt = -Infinity;

  constructor(
    private readonly post: Post,
    readonly epoch: number,
  ) {}

  get stamp(): Stamp {
    return { epoch: this.epoch, seq: this.seq };
  }

  /** Sends the state if it differs from the last one sent (or, while playing, once per RESYNC_MS). */
  update(state: AudienceState, now: number): boolean {
    const last = this.last;
    const due = state.presentation.playing && now - this.sentAt >= RESYNC_MS;
    if (last && sameState(last, state) && !due) return false;
    this.seq++;
    this.last = state;
    this.sentAt = now;
    this.post({ kind: 'state', stamp: this.stamp, state });
    return true;
  }

  /** Handles a message from an audience: answers a hello, hands back a command to apply, ignores the rest. */
  receive(message: SyncMessage): AudienceCommand | null {
    if (message.kind === 'hello' && this.last) this.post({ kind: 'state', stamp: this.stamp, state: this.last });
    return message.kind === 'command' ? message.command : null;
  }

  close(): void {
    this.post({ kind: 'bye', epoch: this.epoch });
  }
}

/** What the audience does after a message: apply a state, show that the presenter has gone, or nothing. */
export type ReceiverEvent = { type: 'state'; state: AudienceState; stamp: Stamp } | { type: 'presenter-gone' } | null;

/** The audience's side. */
export class SyncReceiver {
  private applied: Stamp | null = null;

  constructor(private readonly post: Post) {}

  /** The stamp of the state on screen (null until the first one). */
  get stamp(): Stamp | null {
    return this.applied;
  }

  /** Asks the presenter for its state (on open and on reload). */
  hello(): void {
    this.post({ kind: 'hello' });
  }

  command(command: AudienceCommand): void {
    this.post({ kind: 'command', command });
  }

  receive(message: SyncMessage): ReceiverEvent {
    if (message.kind === 'state') {
      if (!isNewer(message.stamp, this.applied)) return null;
      this.applied = message.stamp;
      return { type: 'state', state: message.state, stamp: message.stamp };
    }
    // Only the presenter whose state is on screen can leave it; an older one closing changes nothing.
    if (message.kind === 'bye' && this.applied?.epoch === message.epoch) return { type: 'presenter-gone' };
    return null;
  }
}
