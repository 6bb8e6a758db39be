// The preload runs sandboxed: it may only require('electron'). It imports nothing else at runtime (all other
// imports are types), so the bundle stays small and the renderer can `import type { RingMinusOneApi }` from here.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcChannel, IpcRequest, IpcResponse, IpcResult } from './ipc/contract';
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
};

export type RingMinusOneApi = typeof api;

contextBridge.exposeInMainWorld('ringMinusOne', api);
