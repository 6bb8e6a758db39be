// The preload runs sandboxed: it may only require('electron'). It imports nothing else at runtime (all other
// imports are types), so the bundle stays small and the renderer can `import type { RingMinusOneApi }` from here.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { IpcChannel, IpcEventName, IpcEventPayload, IpcRequest, IpcResponse, IpcResult } from './ipc/contract';
import type { OpenedFileEvent, RecentFile } from './ipc/files';
import type { Progress, ProgressLoad } from './ipc/progress';
import type { Settings, SettingsLoad } from './ipc/settings';

async function invoke<C extends IpcChannel>(channel: C, ...request: IpcRequest<C>[]): Promise<IpcResponse<C>> {
  const result = (await ipcRenderer.invoke(channel, ...request)) as IpcResult<IpcResponse<C>>;
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** What the renderer sees as `window.ringMinusOne`. Each method is one IPC channel of electron/ipc/contract.ts. */
const api = {
  /** Loads the stored settings (defaults when none are stored or the file was invalid, with the problem). */
  loadSettings: (): Promise<SettingsLoad> => invoke('settings:load'),
  /** Saves the settings; resolves to them as saved, rejects with a message naming the bad field. */
  saveSettings: (settings: Settings): Promise<Settings> => invoke('settings:save', settings),
  /** Loads the student's progress; `problem` says where an unusable progress file was kept and why. */
  loadProgress: (): Promise<ProgressLoad> => invoke('progress:load'),
  /** Saves the student's progress; rejects with a message when it is invalid or cannot be written. */
  saveProgress: (progress: Progress): Promise<void> => invoke('progress:save', progress),
  /** Opens an http(s) URL in the user's browser; resolves false when the URL is refused. */
  openExternal: (url: string): Promise<boolean> => invoke('shell:openExternal', { url }),
  /** Swaps the displays of the presenter and audience windows; resolves whether they are now swapped. */
  swapDisplays: (): Promise<boolean> => invoke('presenter:swapDisplays'),

  // ---- handouts ----
  /** Prints the open handout to a PDF and saves it where the user chooses; resolves where, or saved: false. */
  saveHandoutPdf: (fileName: string): Promise<IpcResponse<'handout:savePdf'>> =>
    invoke('handout:savePdf', { fileName }),
  /** The page can take author files: resolves to a file opened before it could (or null); see onFileOpened. */
  filesReady: (): Promise<OpenedFileEvent | null> => invoke('file:ready'),
  /** Shows the Open dialog; resolves whether a file was chosen (it arrives through onFileOpened). */
  showOpenDialog: (): Promise<boolean> => invoke('file:showOpenDialog'),
  /** Reads an opened file again by the token main gave it. */
  reloadFile: (token: string): Promise<boolean> => invoke('file:reload', { token }),
  openRecentFile: (token: string): Promise<boolean> => invoke('file:openRecent', { token }),
  recentFiles: (): Promise<RecentFile[]> => invoke('file:recent'),
  clearRecentFiles: (): Promise<RecentFile[]> => invoke('file:clearRecent'),
  /**
   * A file dropped on the window: its path comes from the File object itself (webUtils), so page script cannot name
   * a path. Resolves false when the file has no path on disk or main refuses it.
   */
  openDroppedFile: (file: File): Promise<boolean> => {
    const path = webUtils.getPathForFile(file);
    return path ? invoke('file:openDropped', { path }) : Promise.resolve(false);
  },
  /** Calls `listener` with every file main hands over; returns the function that stops listening. */
  onFileOpened: (listener: (event: IpcEventPayload<'file:opened'>) => void): (() => void) =>
    on('file:opened', listener),
};

/** Subscribes to a main-to-renderer event without handing the page the IPC event object (or ipcRenderer). */
function on<E extends IpcEventName>(name: E, listener: (payload: IpcEventPayload<E>) => void): () => void {
  const wrapped = (_event: unknown, payload: IpcEventPayload<E>) => listener(payload);
  ipcRenderer.on(name, wrapped);
  return () => void ipcRenderer.removeListener(name, wrapped);
}

export type RingMinusOneApi = typeof api;

contextBridge.exposeInMainWorld('ringMinusOne', api);
