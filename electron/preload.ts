// The preload runs sandboxed: it may only require('electron'). It imports nothing else at runtime (all other
// imports are types), so the bundle stays small and the renderer can `import type { RingMinusOneApi }` from here.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcChannel, IpcRequest, IpcResponse, IpcResult } from './ipc/contract';
import type { Settings } from './ipc/settings';

async function invoke<C extends IpcChannel>(channel: C, ...request: IpcRequest<C>[]): Promise<IpcResponse<C>> {
  const result = (await ipcRenderer.invoke(channel, ...request)) as IpcResult<IpcResponse<C>>;
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** What the renderer sees as `window.ringMinusOne`. Each method is one IPC channel of electron/ipc/contract.ts. */
const api = {
  /** Loads the stored settings (defaults when none are stored or the file was invalid). */
  loadSettings: (): Promise<Settings> => invoke('settings:load'),
  /** Saves the settings; resolves to them as saved, rejects with a message naming the bad field. */
  saveSettings: (settings: Settings): Promise<Settings> => invoke('settings:save', settings),
  /** Opens an http(s) URL in the user's browser; resolves false when the URL is refused. */
  openExternal: (url: string): Promise<boolean> => invoke('shell:openExternal', { url }),
};

export type RingMinusOneApi = typeof api;

contextBridge.exposeInMainWorld('ringMinusOne', api);
