import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS, type IpcResult } from './contract';
import {
  registerHandlers,
  type IpcHandlers,
  type IpcMainLike,
  type InvokeEventLike,
  type SenderFrameLike,
} from './registerHandlers';
import { isTrustedSenderFrame } from './senderGuard';
import { emptyProgress } from './progress';
import { DEFAULT_SETTINGS } from './settings';
import { APP_INDEX_URL, APP_ORIGIN } from '../protocol';

const ourFrame: SenderFrameLike = { url: APP_INDEX_URL, processId: 4, routingId: 1, parent: null };

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;

class FakeIpcMain implements IpcMainLike {
  readonly listeners = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.listeners.has(channel)) throw new Error(`second handler for ${channel}`);
    this.listeners.set(channel, listener);
  }
  async invoke(channel: string, frame: SenderFrameLike | null, ...args: unknown[]): Promise<IpcResult<unknown>> {
    const listener = this.listeners.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return (await listener({ senderFrame: frame }, ...args)) as IpcResult<unknown>;
  }
}

function setup(handlerOverrides: Partial<IpcHandlers> = {}) {
  const calls: string[] = [];
  const logs: string[] = [];
  const handlers: IpcHandlers = {
    'settings:load': () => {
      calls.push('load');
      return { settings: { ...DEFAULT_SETTINGS }, problem: null };
    },
    'settings:save': (settings) => {
      calls.push(`save:${settings.theme}`);
      return settings;
    },
    'progress:load': () => ({ progress: emptyProgress(), problem: null }),
    'progress:save': () => undefined,
    'presenter:swapDisplays': () => false,
    'handout:savePdf': () => ({ saved: false }),
    'file:ready': () => null,
    'file:showOpenDialog': () => false,
    'file:reload': ({ token }) => (calls.push(`reload:${token}`), true),
    'file:openRecent': () => false,
    'file:openDropped': () => false,
    'file:recent': () => [],
    'file:clearRecent': () => [],
    'shell:openExternal': ({ url }) => {
      calls.push(`open:${url}`);
      return true;
    },
    ...handlerOverrides,
  };
  const ipc = new FakeIpcMain();
  registerHandlers(ipc, handlers, {
    isTrustedSender: (frame) => isTrustedSenderFrame(frame, [ourFrame], APP_ORIGIN),
    log: (message) => logs.push(message),
  });
  return { ipc, calls, logs };
}

describe('registerHandlers', () => {
  it('registers exactly the contract channels', () => {
    const { ipc } = setup();
    expect([...ipc.listeners.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
    expect(IPC_CHANNELS).toEqual(expect.arrayContaining(['settings:load', 'settings:save', 'shell:openExternal']));
  });

  it('runs a handler for a valid payload from our frame', async () => {
    const { ipc, calls } = setup();
    expect(await ipc.invoke('settings:load', ourFrame)).toEqual({
      ok: true,
      value: { settings: DEFAULT_SETTINGS, problem: null },
    });
    const saved = await ipc.invoke('settings:save', ourFrame, { ...DEFAULT_SETTINGS, theme: 'projector' });
    expect(saved).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, theme: 'projector' } });
    expect(await ipc.invoke('shell:openExternal', ourFrame, { url: 'https://example.org/' })).toEqual({
      ok: true,
      value: true,
    });
    expect(calls).toEqual(['load', 'save:projector', 'open:https://example.org/']);
  });

  it('fills defaults for omitted settings fields', async () => {
    const { ipc } = setup();
    const saved = await ipc.invoke('settings:save', ourFrame, { schemaVersion: 1, theme: 'light' });
    expect(saved).toEqual({
      ok: true,
      value: { schemaVersion: 1, theme: 'light', textScale: 1, reducedMotion: 'system' },
    });
  });

  it('rejects bad payloads with a message naming the field, without calling the handler', async () => {
    const { ipc, calls, logs } = setup();
    const cases: [string, unknown, RegExp][] = [
      ['settings:save', { ...DEFAULT_SETTINGS, textScale: 5 }, /textScale/],
      ['settings:save', { ...DEFAULT_SETTINGS, theme: 'neon' }, /theme/],
      ['settings:save', { ...DEFAULT_SETTINGS, reducedMotion: true }, /reducedMotion/],
      ['settings:save', { ...DEFAULT_SETTINGS, schemaVersion: 2 }, /schemaVersion/],
      ['settings:save', { ...DEFAULT_SETTINGS, thme: 'dark' }, /thme/],
      ['settings:save', 'dark', /payload/],
      ['shell:openExternal', { url: 42 }, /url/],
      ['shell:openExternal', {}, /url/],
      ['settings:load', { sneaky: true }, /payload/],
    ];
    for (const [channel, payload, field] of cases) {
      const result = await ipc.invoke(channel, ourFrame, payload);
      expect(result.ok, `${channel} ${JSON.stringify(payload)}`).toBe(false);
      if (!result.ok) {
        expect(result.error).toMatch(/invalid payload/);
        expect(result.error).toMatch(field);
      }
    }
    expect(calls).toEqual([]);
    expect(logs).toHaveLength(cases.length);
  });

  it('rejects extra arguments', async () => {
    const { ipc, calls } = setup();
    const result = await ipc.invoke('shell:openExternal', ourFrame, { url: 'https://a.org' }, 'extra');
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/at most one argument/) });
    expect(calls).toEqual([]);
  });

  it('drops messages from frames we did not create', async () => {
    const { ipc, calls, logs } = setup();
    const strangers: (SenderFrameLike | null)[] = [
      null,
      { ...ourFrame, routingId: 99 },
      { ...ourFrame, processId: 77 },
      { ...ourFrame, parent: { url: ourFrame.url } },
      { ...ourFrame, url: 'https://evil.example/' },
      { ...ourFrame, url: 'file:///home/user/Downloads/page.html' },
      { ...ourFrame, url: 'app://another-app/index.html' },
    ];
    for (const frame of strangers) {
      const result = await ipc.invoke('settings:save', frame, { ...DEFAULT_SETTINGS });
      expect(result).toEqual({ ok: false, error: expect.stringMatching(/not a window of this app/) });
    }
    expect(calls).toEqual([]);
    expect(logs.every((line) => line.includes('untrusted frame'))).toBe(true);
  });

  it('turns a handler failure into a clear error', async () => {
    const { ipc } = setup({
      'settings:load': () => {
        throw new Error('disk on fire');
      },
    });
    expect(await ipc.invoke('settings:load', ourFrame)).toEqual({
      ok: false,
      error: 'IPC "settings:load" failed: disk on fire',
    });
  });

  it('names an opened file only by a token: a path, or anything else, is refused before the handler runs', async () => {
    const { ipc, calls } = setup();
    const token = '2f1c9d3e-8a41-4b7e-9f0a-1c2d3e4f5a6b';
    expect(await ipc.invoke('file:reload', ourFrame, { token })).toEqual({ ok: true, value: true });
    for (const bad of [{ path: '/etc/passwd' }, { token: '../../etc/passwd' }, { token, path: '/x' }, '/etc/passwd']) {
      expect(await ipc.invoke('file:reload', ourFrame, bad)).toMatchObject({ ok: false, error: /invalid payload/ });
    }
    expect(calls).toEqual([`reload:${token}`]);
  });
});
