/**
 * Crash recovery, main-process side: when a window's renderer goes away (`render-process-gone`) or its page fails
 * to load (`did-fail-load`), reload it with `?recovered=<reason>` so the renderer puts the stage back where it was
 * (renderer/src/ui/recovery.ts). A renderer that keeps dying is not reloaded forever: after `maxReloads` within
 * `windowMs` the app stops and says so.
 */

/** What happened to the window's renderer. */
export type RendererTrouble =
  | { kind: 'gone'; reason: string }
  | { kind: 'fail-load'; errorCode: number; description: string; isMainFrame: boolean };

export type RecoveryAction =
  { action: 'ignore' } | { action: 'reload'; reason: string } | { action: 'give-up'; message: string };

/** Chromium's net::ERR_ABORTED: a load replaced by another (a reload, a navigation), not a failure. */
const ERR_ABORTED = -3;

export class CrashRecovery {
  private reloads: number[] = [];

  constructor(
    private readonly maxReloads = 3,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  decide(trouble: RendererTrouble): RecoveryAction {
    if (trouble.kind === 'gone' && trouble.reason === 'clean-exit') return { action: 'ignore' };
    if (trouble.kind === 'fail-load' && (!trouble.isMainFrame || trouble.errorCode === ERR_ABORTED))
      return { action: 'ignore' };
    const reason =
      trouble.kind === 'gone' ? trouble.reason : `failed to load: ${trouble.description} (${trouble.errorCode})`;
    const t = this.now();
    this.reloads = this.reloads.filter((at) => t - at < this.windowMs);
    if (this.reloads.length >= this.maxReloads)
      return {
        action: 'give-up',
        message: `The window stopped ${this.reloads.length + 1} times within ${Math.round(this.windowMs / 1000)} s (last: ${reason}). Ring Minus One will not reload it again; please restart the app. Your settings and course progress are saved.`,
      };
    this.reloads.push(t);
    return { action: 'reload', reason };
  }
}

/** The events of a window's web contents that recovery listens to (Electron's WebContents has them). */
export interface RecoverableContents {
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string }) => void): unknown;
  on(
    event: 'did-fail-load',
    listener: (event: unknown, errorCode: number, description: string, url: string, isMainFrame: boolean) => void,
  ): unknown;
}

/** Wires recovery to a window: `reload(reason)` loads the app again with `?recovered=<reason>`. */
export function watchRenderer(
  contents: RecoverableContents,
  reload: (reason: string) => void,
  giveUp: (message: string) => void,
  recovery = new CrashRecovery(),
): void {
  const act = (a: RecoveryAction) => {
    if (a.action === 'reload') reload(a.reason);
    else if (a.action === 'give-up') giveUp(a.message);
  };
  contents.on('render-process-gone', (_e, details) => act(recovery.decide({ kind: 'gone', reason: details.reason })));
  contents.on('did-fail-load', (_e, errorCode, description, _url, isMainFrame) =>
    act(recovery.decide({ kind: 'fail-load', errorCode, description, isMainFrame })),
  );
}
