import { describe, expect, it } from 'vitest';
import { CrashRecovery, watchRenderer, type RecoverableContents } from './recovery';

describe('crash recovery (main side)', () => {
  it('reloads after a crash, an OOM or a failed main-frame load, and ignores clean exits and aborted loads', () => {
    const r = new CrashRecovery();
    expect(r.decide({ kind: 'gone', reason: 'crashed' })).toEqual({ action: 'reload', reason: 'crashed' });
    expect(r.decide({ kind: 'gone', reason: 'clean-exit' })).toEqual({ action: 'ignore' });
    expect(r.decide({ kind: 'fail-load', errorCode: -3, description: 'ERR_ABORTED', isMainFrame: true })).toEqual({
      action: 'ignore',
    });
    expect(
      r.decide({ kind: 'fail-load', errorCode: -6, description: 'ERR_FILE_NOT_FOUND', isMainFrame: false }),
    ).toEqual({
      action: 'ignore',
    });
    expect(
      r.decide({ kind: 'fail-load', errorCode: -6, description: 'ERR_FILE_NOT_FOUND', isMainFrame: true }),
    ).toEqual({
      action: 'reload',
      reason: 'failed to load: ERR_FILE_NOT_FOUND (-6)',
    });
  });

  it('gives up after three reloads within a minute, and reloads again once they are older than that', () => {
    let t = 0;
    const r = new CrashRecovery(3, 60_000, () => t);
    for (let i = 0; i < 3; i++) {
      expect(r.decide({ kind: 'gone', reason: 'oom' }).action).toBe('reload');
      t += 10_000;
    }
    const fourth = r.decide({ kind: 'gone', reason: 'oom' });
    expect(fourth).toMatchObject({ action: 'give-up' });
    expect(fourth.action === 'give-up' && fourth.message).toMatch(/4 times within 60 s \(last: oom\).*restart/);
    t += 60_000;
    expect(r.decide({ kind: 'gone', reason: 'oom' }).action).toBe('reload');
  });

  it('wires the window events to reload and give-up', () => {
    const listeners = new Map<string, (...a: never[]) => void>();
    const contents = {
      on: (e: string, l: (...a: never[]) => void) => listeners.set(e, l),
    } as unknown as RecoverableContents;
    const reloads: string[] = [];
    const gaveUp: string[] = [];
    watchRenderer(
      contents,
      (r) => reloads.push(r),
      (m) => gaveUp.push(m),
      new CrashRecovery(1),
    );
    (listeners.get('render-process-gone') as (e: unknown, d: { reason: string }) => void)({}, { reason: 'crashed' });
    (listeners.get('did-fail-load') as (e: unknown, c: number, d: string, u: string, m: boolean) => void)(
      {},
      -2,
      'ERR_FAILED',
      'file:///x',
      true,
    );
    expect(reloads).toEqual(['crashed']);
    expect(gaveUp).toHaveLength(1);
  });
});
