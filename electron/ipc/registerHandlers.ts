import { ipcContract, type IpcChannel, type IpcRequest, type IpcResponse, type IpcResult } from './contract';
import { describeIssues } from './settings';

/** The part of a WebFrameMain this module reads (so tests can pass plain objects). */
export interface SenderFrameLike {
  readonly url: string;
  readonly processId: number;
  readonly routingId: number;
  readonly parent: unknown;
}

/** The part of an IpcMainInvokeEvent this module reads. */
export interface InvokeEventLike {
  readonly senderFrame: SenderFrameLike | null;
}

/** The part of Electron's ipcMain this module uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

export type IpcHandlers = {
  [C in IpcChannel]: (request: IpcRequest<C>) => IpcResponse<C> | Promise<IpcResponse<C>>;
};

export interface RegisterOptions {
  /** True when the frame is one we created and trust (see senderGuard.ts). */
  isTrustedSender(frame: SenderFrameLike | null): boolean;
  /** Where refusals are reported; defaults to console.warn. */
  log?: (message: string) => void;
}

/**
 * Registers one `ipcMain.handle` per contract channel. Each call is checked in order:
 * the sender frame must be trusted, the payload must match the channel's request schema; only then the handler runs.
 * Every outcome is an IpcResult, so the renderer gets a clear message instead of a serialized stack.
 */
export function registerHandlers(ipcMain: IpcMainLike, handlers: IpcHandlers, options: RegisterOptions): void {
  const log = options.log ?? ((message: string) => console.warn(message));
  for (const channel of Object.keys(ipcContract) as IpcChannel[]) {
    ipcMain.handle(channel, (event, ...args) => handleOne(channel, handlers, options, log, event, args));
  }
}

async function handleOne<C extends IpcChannel>(
  channel: C,
  handlers: IpcHandlers,
  options: RegisterOptions,
  log: (message: string) => void,
  event: InvokeEventLike,
  args: unknown[],
): Promise<IpcResult<IpcResponse<C>>> {
  if (!options.isTrustedSender(event.senderFrame)) {
    const from = event.senderFrame ? event.senderFrame.url : 'a destroyed frame';
    log(`Ring Minus One: dropped IPC "${channel}" from an untrusted frame (${from}).`);
    return { ok: false, error: `IPC "${channel}" refused: the sender is not a window of this app.` };
  }
  if (args.length > 1) {
    return { ok: false, error: `IPC "${channel}": expected at most one argument, got ${args.length}.` };
  }
  const parsed = ipcContract[channel].request.safeParse(args[0]);
  if (!parsed.success) {
    const message = `IPC "${channel}": invalid payload: ${describeIssues(parsed.error)}`;
    log(`Ring Minus One: ${message}`);
    return { ok: false, error: message };
  }
  try {
    const handler = handlers[channel] as (request: unknown) => IpcResponse<C> | Promise<IpcResponse<C>>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log(`Ring Minus One: IPC "${channel}" failed: ${reason}`);
    return { ok: false, error: `IPC "${channel}" failed: ${reason}` };
  }
}
