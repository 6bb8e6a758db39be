import { z } from 'zod';
import { fileTokenSchema, openedFileEventSchema, recentFileSchema } from './files';
import { progressLoadSchema, progressSchema } from './progress';
import { settingsLoadSchema, settingsSchema } from './settings';

/**
 * The one IPC contract: every channel maps to the zod schema of its request and of its response.
 * Main validates every request against `request` before acting; the preload and the renderer derive their
 * types from this map (type-only imports, so no zod reaches the preload bundle).
 */
export const ipcContract = {
  /** No payload; answers the stored settings (defaults when there is no valid file) and what was wrong with the file. */
  'settings:load': { request: z.undefined(), response: settingsLoadSchema },
  /** Saves the settings; answers them as saved (defaults filled in). */
  'settings:save': { request: settingsSchema, response: settingsSchema },
  /** No payload; answers the stored progress (fresh when there is no usable file) and, if the file was set aside, where and why. */
  'progress:load': { request: z.undefined(), response: progressLoadSchema },
  /** Saves the progress (validated; unknown fields kept). Fails with a message when it cannot be written. */
  'progress:save': { request: progressSchema, response: z.undefined() },
  /** Opens an http(s) URL in the user's browser; answers false when the URL is refused. */
  'shell:openExternal': { request: z.strictObject({ url: z.string().max(2048) }), response: z.boolean() },
  /** Swaps the displays of the presenter and audience windows; answers whether they are now swapped. */
  'presenter:swapDisplays': { request: z.undefined(), response: z.boolean() },

  // ---- handouts (electron/handoutPdf.ts) ----
  /**
   * Prints the sender's page (its print stylesheet: the open handout) to a PDF, asks where to save it (suggesting
   * `fileName`) and writes it; answers where, or saved: false when the user canceled.
   */
  'handout:savePdf': {
    request: z.strictObject({ fileName: z.string().min(1).max(200) }),
    response: z.union([
      z.strictObject({ saved: z.literal(true), path: z.string(), bytes: z.number().int().positive() }),
      z.strictObject({ saved: z.literal(false) }),
    ]),
  },
  /**
   * The renderer can take author files now; answers the file opened before it could (a double-clicked `.rmo` that
   * started the app), or null. Later files arrive as `file:opened` events.
   */
  'file:ready': { request: z.undefined(), response: openedFileEventSchema.nullable() },
  /** File › Open: main shows the dialog; answers whether a file was chosen (it arrives as a `file:opened` event). */
  'file:showOpenDialog': { request: z.undefined(), response: z.boolean() },
  /** Reads a file the user opened again, named by its token; false for a token main never gave out. */
  'file:reload': { request: fileTokenSchema, response: z.boolean() },
  /** Opens an entry of the recent list by its token. */
  'file:openRecent': { request: fileTokenSchema, response: z.boolean() },
  /**
   * A file the user dropped on the window. The preload takes its path from the dropped File (webUtils), never from
   * page script; main accepts only absolute paths of openable files (`.rmo`, `.json`) and reads them size-capped.
   */
  'file:openDropped': { request: z.strictObject({ path: z.string().min(1).max(4096) }), response: z.boolean() },
  /** The recent-files list, each entry with a token and whether the file is still there. */
  'file:recent': { request: z.undefined(), response: z.array(recentFileSchema) },
  /** Empties the recent-files list. */
  'file:clearRecent': { request: z.undefined(), response: z.array(recentFileSchema) },
} as const;

/** Messages main sends to the renderer (webContents.send), each with the schema of its payload. */
export const ipcEvents = {
  /** A file the user opened, read again, or that changed on disk (or why it could not be read). */
  'file:opened': openedFileEventSchema,
} as const;
export type IpcEventName = keyof typeof ipcEvents;
export type IpcEventPayload<E extends IpcEventName> = z.output<(typeof ipcEvents)[E]>;

export type IpcContract = typeof ipcContract;
export type IpcChannel = keyof IpcContract;
export type IpcRequest<C extends IpcChannel> = z.output<IpcContract[C]['request']>;
export type IpcResponse<C extends IpcChannel> = z.output<IpcContract[C]['response']>;

/** What travels back over `invoke`: main never throws across IPC, it answers a result the preload unwraps. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: string };

export const IPC_CHANNELS = Object.keys(ipcContract) as IpcChannel[];
