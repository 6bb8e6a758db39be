/**
 * The sync protocol's transport (stage/sync.ts is the protocol): one BroadcastChannel per origin, which reaches every
 * window of the app (the audience tab or window in a browser, the audience window in Electron). Anything on the
 * channel that is not a valid message of this version is ignored.
 */
import { parseSyncMessage, type SyncMessage } from '../../stage/sync';

export const SYNC_CHANNEL = 'ring-minus-one.presentation';

export interface SyncChannel {
  post(message: SyncMessage): void;
  close(): void;
}

export function openSyncChannel(onMessage: (message: SyncMessage) => void): SyncChannel {
  const channel = new BroadcastChannel(SYNC_CHANNEL);
  channel.onmessage = (e: MessageEvent) => {
    const message = parseSyncMessage(e.data);
    if (message) onMessage(message);
  };
  return {
    post: (message) => channel.postMessage(message),
    close: () => channel.close(),
  };
}
