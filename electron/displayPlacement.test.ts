import { describe, expect, it } from 'vitest';
import { placeWindows, type DisplayInfo, type Rect } from './displayPlacement';

/** A display at x with a 40 px task bar at the bottom of its work area. */
function display(id: number, x: number, width = 1920, height = 1080, y = 0): DisplayInfo {
  return { id, bounds: { x, y, width, height }, workArea: { x, y, width, height: height - 40 } };
}
const laptop = display(1, 0, 1440, 900);
const projector = display(2, 1440, 1920, 1080);
const monitor = display(3, -2560, 2560, 1440);
const presenterOnLaptop: Rect = { x: 20, y: 20, width: 1280, height: 800 };

describe('placeWindows', () => {
  it('with no display places nothing', () => {
    expect(placeWindows([], 1, false, presenterOnLaptop)).toBeNull();
  });

  it('with one display: the audience is a 16:9 window inside the work area, and swapping does nothing', () => {
    for (const swapped of [false, true]) {
      const p = placeWindows([laptop], 1, swapped, presenterOnLaptop);
      expect(p?.swapped).toBe(false);
      expect(p?.presenter).toEqual({ displayId: 1, bounds: presenterOnLaptop });
      const a = p?.audience;
      expect(a?.fullScreen).toBe(false);
      expect(a?.displayId).toBe(1);
      const b = a?.bounds as Rect;
      expect(b.width / b.height).toBeCloseTo(16 / 9, 1);
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.y + b.height).toBeLessThanOrEqual(laptop.workArea.height);
    }
  });

  it('with two displays: the audience fills the secondary, the presenter stays on the primary', () => {
    const p = placeWindows([projector, laptop], 1, false, presenterOnLaptop);
    expect(p).toEqual({
      presenter: { displayId: 1, bounds: presenterOnLaptop },
      audience: { displayId: 2, bounds: projector.bounds, fullScreen: true },
      swapped: false,
    });
  });

  it('swapped: the audience fills the primary and the presenter moves to the secondary, centred in its work area', () => {
    const p = placeWindows([laptop, projector], 1, true, presenterOnLaptop);
    expect(p?.audience).toEqual({ displayId: 1, bounds: laptop.bounds, fullScreen: true });
    expect(p?.presenter.displayId).toBe(2);
    expect(p?.presenter.bounds).toEqual({ x: 1440 + 320, y: 120, width: 1280, height: 800 });
  });

  it('with three displays: the audience takes the leftmost secondary, whatever order the list is in', () => {
    const orders = [
      [laptop, projector, monitor],
      [monitor, projector, laptop],
      [projector, laptop, monitor],
    ];
    for (const displays of orders) {
      const p = placeWindows(displays, 1, false, presenterOnLaptop);
      expect(p?.audience.displayId).toBe(3);
      expect(p?.audience.bounds).toEqual(monitor.bounds);
      expect(p?.presenter.displayId).toBe(1);
    }
  });

  it('a presenter window too big for its new display is shrunk to its work area', () => {
    const small = display(4, 1440, 1024, 768);
    const big = { x: 0, y: 0, width: 1400, height: 880 };
    const p = placeWindows([laptop, small], 1, true, big);
    expect(p?.presenter.bounds).toEqual({ x: 1440, y: 0, width: 1024, height: 728 });
  });

  describe('hot-plug (placement follows the display list as it changes)', () => {
    it('a projector plugged in moves the audience from a window to full screen on it; unplugged, back to a window', () => {
      const before = placeWindows([laptop], 1, false, presenterOnLaptop);
      const plugged = placeWindows([laptop, projector], 1, false, presenterOnLaptop);
      const unplugged = placeWindows([laptop], 1, false, presenterOnLaptop);
      expect(before?.audience.fullScreen).toBe(false);
      expect(plugged?.audience).toMatchObject({ displayId: 2, fullScreen: true });
      expect(unplugged).toEqual(before);
    });

    it('unplugging the display the presenter was swapped onto brings it back to the primary', () => {
      const swapped = placeWindows([laptop, projector], 1, true, presenterOnLaptop);
      const moved = swapped?.presenter.bounds as Rect;
      const after = placeWindows([laptop], 1, true, moved);
      expect(after?.presenter.displayId).toBe(1);
      expect(after?.presenter.bounds).toEqual({ x: 80, y: 30, width: 1280, height: 800 });
      expect(after?.audience.fullScreen).toBe(false);
    });

    it('a stale primary id (the primary just removed) falls back to the first display listed', () => {
      const p = placeWindows([projector, monitor], 1, false, presenterOnLaptop);
      expect(p?.presenter.displayId).toBe(2);
      expect(p?.audience.displayId).toBe(3);
    });
  });
});
