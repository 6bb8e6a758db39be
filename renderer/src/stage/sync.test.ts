import { describe, expect, it } from 'vitest';
import { loadBuiltInLibrary } from '../model/builtin';
import { Stage } from './Stage';
import {
  RESYNC_MS,
  SyncReceiver,
  SyncSender,
  isNewer,
  parseSyncMessage,
  type AudienceState,
  type SyncMessage,
} from './sync';

const lib = loadBuiltInLibrary();
const base: AudienceState = { presentation: new Stage(lib).presentation(), cue: null };
const at = (time: number, extra: Partial<AudienceState['presentation']> = {}): AudienceState => ({
  ...base,
  presentation: { ...base.presentation, time, ...extra },
});

/** A presenter and any number of audiences on one in-memory channel (a post reaches every other end, in order). */
function channel() {
  const ends: { deliver: (m: SyncMessage) => void }[] = [];
  const join = (deliver: (m: SyncMessage) => void) => {
    const me = { deliver };
    ends.push(me);
    return (m: SyncMessage) => {
      for (const e of ends) if (e !== me) e.deliver(structuredClone(m));
    };
  };
  return { join, leave: (i: number) => ends.splice(i, 1) };
}

function audience(join: ReturnType<typeof channel>['join']) {
  const seen: (AudienceState | 'gone')[] = [];
  let receiver: SyncReceiver | null = null;
  const post = join((m) => {
    const e = receiver?.receive(m);
    if (e?.type === 'state') seen.push(e.state);
    if (e?.type === 'presenter-gone') seen.push('gone');
  });
  receiver = new SyncReceiver(post);
  return { receiver, seen };
}

describe('sync protocol', () => {
  it('orders stamps by epoch, then by sequence', () => {
    expect(isNewer({ epoch: 1, seq: 1 }, null)).toBe(true);
    expect(isNewer({ epoch: 1, seq: 2 }, { epoch: 1, seq: 1 })).toBe(true);
    expect(isNewer({ epoch: 1, seq: 1 }, { epoch: 1, seq: 1 })).toBe(false);
    expect(isNewer({ epoch: 1, seq: 9 }, { epoch: 2, seq: 1 })).toBe(false);
    expect(isNewer({ epoch: 2, seq: 1 }, { epoch: 1, seq: 9 })).toBe(true);
  });

  it('delivers each change once and in order', () => {
    const ch = channel();
    const commands: unknown[] = [];
    let sender: SyncSender | null = null;
    sender = new SyncSender(
      ch.join((m) => commands.push(sender?.receive(m))),
      100,
    );
    const a = audience(ch.join);
    sender.update(at(0), 0);
    sender.update(at(0), 1); // nothing changed: nothing sent
    sender.update(at(1.5), 2);
    expect(a.seen).toEqual([at(0), at(1.5)]);
    expect(a.receiver.stamp).toEqual({ epoch: 100, seq: 2 });
  });

  it('drops stale and repeated messages, whatever order they arrive in', () => {
    const sent: SyncMessage[] = [];
    const sender = new SyncSender((m) => sent.push(m), 5);
    for (let i = 0; i < 6; i++) sender.update(at(i), i);
    const applied: number[] = [];
    const r = new SyncReceiver(() => {});
    for (const i of [2, 0, 3, 3, 1, 5, 4]) {
      const e = r.receive(sent[i] as SyncMessage);
      if (e?.type === 'state') applied.push(e.state.presentation.time);
    }
    expect(applied).toEqual([2, 3, 5]);
    // A message from a presenter that started earlier (a closed one) never replaces the newer one's state.
    const old = new SyncSender((m) => expect(r.receive(m)).toBeNull(), 4);
    old.update(at(9), 0);
  });

  it('a late audience catches up at once: it says hello, the presenter answers with its state', () => {
    const ch = channel();
    let sender: SyncSender | null = null;
    sender = new SyncSender(
      ch.join((m) => sender?.receive(m)),
      7,
    );
    sender.update(at(3), 0);
    const first = audience(ch.join);
    expect(first.seen).toEqual([]);
    first.receiver.hello();
    expect(first.seen).toEqual([at(3)]);
    // A second audience's hello is answered with the same stamp: the first does not apply it again.
    const second = audience(ch.join);
    second.receiver.hello();
    expect(second.seen).toEqual([at(3)]);
    expect(first.seen).toEqual([at(3)]);
  });

  it('reconnects: a reloaded presenter (a later epoch) takes over from its first send', () => {
    const ch = channel();
    const a = audience(ch.join);
    const before = new SyncSender(
      ch.join(() => {}),
      10,
    );
    before.update(at(4), 0);
    before.update(at(5), 1);
    const after = new SyncSender(
      ch.join(() => {}),
      20,
    );
    after.update(at(1), 0);
    expect(a.seen.map((s) => (s === 'gone' ? s : s.presentation.time))).toEqual([4, 5, 1]);
    // The old presenter closing now does not put up the "presenter closed" notice.
    before.close();
    expect(a.seen).toHaveLength(3);
    after.close();
    expect(a.seen.at(-1)).toBe('gone');
  });

  it('sends a running clock once per resync interval, but a real change at once', () => {
    const sent: SyncMessage[] = [];
    const sender = new SyncSender((m) => sent.push(m), 1);
    expect(sender.update(at(0, { playing: true }), 0)).toBe(true);
    expect(sender.update(at(0.2, { playing: true }), 200)).toBe(false);
    expect(sender.update(at(1.0, { playing: true }), RESYNC_MS)).toBe(true);
    expect(sender.update(at(1.1, { playing: true, blackout: true }), RESYNC_MS + 100)).toBe(true);
    expect(sender.update(at(1.1, { playing: false, blackout: true }), RESYNC_MS + 150)).toBe(true);
    expect(sent).toHaveLength(4);
  });

  it('hands audience commands to the presenter and validates every message', () => {
    const sender = new SyncSender(() => {}, 1);
    expect(sender.receive({ kind: 'command', command: { type: 'goto', index: 3 } })).toEqual({
      type: 'goto',
      index: 3,
    });
    expect(parseSyncMessage({ kind: 'command', command: { type: 'goto', index: -1 } })).toBeNull();
    expect(parseSyncMessage({ kind: 'state', stamp: { epoch: 1, seq: 1 }, state: { cue: null } })).toBeNull();
    expect(parseSyncMessage('hello')).toBeNull();
    expect(parseSyncMessage({ kind: 'hello' })).toEqual({ kind: 'hello' });
  });
});
