import { describe, expect, it } from 'vitest';
import { AudienceWindows, isAudienceUrl, type ScreenLike, type WindowLike } from './audienceWindows';
import type { DisplayInfo, Rect } from './displayPlacement';

const laptop: DisplayInfo = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1440, height: 900 },
  workArea: { x: 0, y: 0, width: 1440, height: 860 },
};
const projector: DisplayInfo = {
  id: 2,
  bounds: { x: 1440, y: 0, width: 1920, height: 1080 },
  workArea: { x: 1440, y: 0, width: 1920, height: 1040 },
};

function fakeScreen(displays: DisplayInfo[]) {
  const listeners = new Map<string, Set<() => void>>();
  const screen: ScreenLike & { displays: DisplayInfo[]; emit(e: string): void; count(): number } = {
    displays,
    getAllDisplays: () => screen.displays,
    getPrimaryDisplay: () => ({ id: 1 }),
    on: (e, l) => listeners.set(e, (listeners.get(e) ?? new Set()).add(l)),
    removeListener: (e, l) => listeners.get(e)?.delete(l),
    emit: (e) => listeners.get(e)?.forEach((l) => l()),
    count: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
  };
  return screen;
}

function fakeWindow(bounds: Rect) {
  let closed: (() => void) | null = null;
  const w: WindowLike & { bounds: Rect; full: boolean; close(): void } = {
    bounds,
    full: false,
    getBounds: () => w.bounds,
    setBounds: (b) => (w.bounds = b),
    setFullScreen: (on) => (w.full = on),
    isFullScreen: () => w.full,
    isDestroyed: () => false,
    focus: () => {},
    once: (_e, l) => (closed = l),
    close: () => closed?.(),
  };
  return w;
}

describe('AudienceWindows', () => {
  it('puts the audience full screen on the projector and follows displays plugged and unplugged', () => {
    const screen = fakeScreen([laptop, projector]);
    const presenter = fakeWindow({ x: 10, y: 10, width: 1280, height: 800 });
    const audience = fakeWindow({ x: 100, y: 100, width: 800, height: 450 });
    const windows = new AudienceWindows(screen);
    windows.attach(presenter, audience);
    expect(audience).toMatchObject({ bounds: projector.bounds, full: true });

    screen.displays = [laptop];
    screen.emit('display-removed');
    expect(audience.full).toBe(false);
    expect(audience.bounds.x + audience.bounds.width).toBeLessThanOrEqual(1440);

    screen.displays = [laptop, projector];
    screen.emit('display-added');
    expect(audience).toMatchObject({ bounds: projector.bounds, full: true });
  });

  it('swaps the two windows between the displays, and back', () => {
    const screen = fakeScreen([laptop, projector]);
    const presenter = fakeWindow({ x: 10, y: 10, width: 1280, height: 800 });
    const audience = fakeWindow({ x: 0, y: 0, width: 800, height: 450 });
    const windows = new AudienceWindows(screen);
    windows.attach(presenter, audience);
    expect(windows.swap()).toBe(true);
    expect(audience).toMatchObject({ bounds: laptop.bounds, full: true });
    expect(presenter.bounds.x).toBeGreaterThanOrEqual(1440);
    expect(windows.swap()).toBe(false);
    expect(audience.bounds).toEqual(projector.bounds);
    expect(presenter.bounds.x).toBeLessThan(1440);
  });

  it('stops listening to the screen once the audience window closes', () => {
    const screen = fakeScreen([laptop, projector]);
    const windows = new AudienceWindows(screen);
    const audience = fakeWindow({ x: 0, y: 0, width: 800, height: 450 });
    windows.attach(fakeWindow({ x: 0, y: 0, width: 1280, height: 800 }), audience);
    expect(screen.count()).toBe(3);
    audience.close();
    expect(screen.count()).toBe(0);
    expect(windows.open).toBe(false);
    expect(windows.swap()).toBe(false);
  });
});

describe('isAudienceUrl', () => {
  // The app's own origin (electron/protocol.ts): file: URLs are never the app.
  const file = 'app://ring-minus-one/';
  it('accepts only the app itself with ?window=audience', () => {
    expect(isAudienceUrl(`${file}index.html?window=audience`, file)).toBe(true);
    expect(isAudienceUrl('http://localhost:5173/?window=audience', 'http://localhost:5173')).toBe(true);
    expect(isAudienceUrl(`${file}index.html?window=presenter`, file)).toBe(false);
    expect(isAudienceUrl(`${file}index.html`, file)).toBe(false);
    expect(isAudienceUrl('https://evil.example/?window=audience', file)).toBe(false);
    expect(isAudienceUrl('file:///etc/passwd?window=audience', file)).toBe(false);
    expect(isAudienceUrl('not a url', file)).toBe(false);
  });
});
