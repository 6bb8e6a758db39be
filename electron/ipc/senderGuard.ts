import { isAllowedNavigation } from '../security';
import type { SenderFrameLike } from './registerHandlers';

/** Identity of a frame across IPC: Electron may hand out different wrapper objects for the same frame. */
export interface FrameId {
  readonly processId: number;
  readonly routingId: number;
}

/**
 * True only for the main frame of one of our own windows, currently showing the app's own origin.
 * Subframes, frames of other windows and frames that navigated elsewhere are refused.
 */
export function isTrustedSenderFrame(
  frame: SenderFrameLike | null,
  ourMainFrames: readonly FrameId[],
  appOrigin: string,
): boolean {
  if (!frame || frame.parent) return false;
  const ours = ourMainFrames.some((f) => f.processId === frame.processId && f.routingId === frame.routingId);
  return ours && isAllowedNavigation(frame.url, appOrigin);
}
