/**
 * Where the presenter and audience windows go, as a pure function of the display list (Electron's `screen` gives
 * it; the tests give literals). With two or more displays the audience fills a secondary display and the presenter
 * stays on the primary one; swapped, they trade places. With one display the audience opens windowed beside the
 * presenter. Run again whenever a display is added, removed or changes (hot-plug): the result is where the windows
 * belong now.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The part of Electron's `Display` the placement reads. */
export interface DisplayInfo {
  id: number;
  bounds: Rect;
  workArea: Rect;
}

export interface Placement {
  /** The presenter window's bounds: unchanged while it is already on its display. */
  presenter: { displayId: number; bounds: Rect };
  audience: { displayId: number; bounds: Rect; fullScreen: boolean };
  /** Whether the roles are swapped (false whenever there is one display: nothing to swap). */
  swapped: boolean;
}

/** With one display, the audience window's share of the work area (a 16:9 window a presenter can drag away). */
const WINDOWED_SHARE = 0.6;

const centre = (r: Rect) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });
const contains = (r: Rect, p: { x: number; y: number }) =>
  p.x >= r.x && p.x < r.x + r.width && p.y >= r.y && p.y < r.y + r.height;

/** `size` centred in `area`, shrunk to fit it. */
function centredIn(area: Rect, size: { width: number; height: number }): Rect {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return {
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + (area.height - height) / 2),
    width,
    height,
  };
}

/**
 * The secondary display: the first other than the primary, left to right then top to bottom (a stable choice: the
 * order Electron lists displays in can change between calls).
 */
function secondaryOf(displays: readonly DisplayInfo[], primary: DisplayInfo): DisplayInfo | undefined {
  return displays
    .filter((d) => d.id !== primary.id)
    .sort((a, b) => a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y)[0];
}

/**
 * Places both windows. `presenterBounds` is where the presenter window is now (it moves only when it is not on the
 * display it belongs on). Null when there is no display at all.
 */
export function placeWindows(
  displays: readonly DisplayInfo[],
  primaryId: number,
  swapped: boolean,
  presenterBounds: Rect,
): Placement | null {
  // A display removed between the two calls of `screen` may leave a stale primary id: take the first display then.
  const primary = displays.find((d) => d.id === primaryId) ?? displays[0];
  if (!primary) return null;
  const secondary = secondaryOf(displays, primary);
  const presenterOn = secondary && swapped ? secondary : primary;
  const presenter = contains(presenterOn.bounds, centre(presenterBounds))
    ? presenterBounds
    : centredIn(presenterOn.workArea, presenterBounds);
  if (!secondary) {
    const w = primary.workArea;
    const width = Math.round(Math.min(w.width, (w.height * 16) / 9) * WINDOWED_SHARE);
    const audience = centredIn(w, { width, height: Math.round((width * 9) / 16) });
    return {
      presenter: { displayId: primary.id, bounds: presenter },
      audience: { displayId: primary.id, bounds: audience, fullScreen: false },
      swapped: false,
    };
  }
  const audienceOn = swapped ? primary : secondary;
  return {
    presenter: { displayId: presenterOn.id, bounds: presenter },
    audience: { displayId: audienceOn.id, bounds: { ...audienceOn.bounds }, fullScreen: true },
    swapped,
  };
}
