/** Pure camera framing maths: where a camera must stand to show a box with margins. */
import type { CameraPreset } from '../model/presentation';

export interface Vec3 {
  x: number;
  y: number;
  z: number;
}

export const DEFAULT_FOV = 30;
/** Camera elevation above the horizontal, in degrees: slightly above, front-facing. */
export const DEFAULT_ELEVATION = 22;
export const FIT_MARGIN = 1.08;

export interface CameraPose {
  position: Vec3;
  target: Vec3;
  distance: number;
}

/** Distance at which a box of width w and height h (facing the camera) fits a view of vertical fov (deg) and aspect. */
export function fitDistance(
  w: number,
  h: number,
  depth: number,
  fovDeg: number,
  aspect: number,
  margin = FIT_MARGIN,
): number {
  const t = Math.tan(((fovDeg / 2) * Math.PI) / 180);
  const dv = (h * margin) / 2 / t;
  const dh = (w * margin) / 2 / (t * Math.max(0.1, aspect));
  return Math.max(dv, dh) + depth / 2;
}

export function defaultPose(min: Vec3, max: Vec3, fovDeg: number, aspect: number): CameraPose {
  const target = { x: (min.x + max.x) / 2, y: (min.y + max.y) / 2, z: (min.z + max.z) / 2 };
  const e = (DEFAULT_ELEVATION * Math.PI) / 180;
  // Seen from above, the box's apparent height grows by its depth * sin(elevation).
  const h = (max.y - min.y) * Math.cos(e) + (max.z - min.z) * Math.sin(e);
  const distance = fitDistance(max.x - min.x, h, max.z - min.z, fovDeg, aspect);
  return {
    target,
    distance,
    position: { x: target.x, y: target.y + Math.sin(e) * distance, z: target.z + Math.cos(e) * distance },
  };
}

/** Screen pixels per world unit at a distance, for a canvas of height heightPx. */
export function pixelsPerUnit(distance: number, fovDeg: number, heightPx: number): number {
  return heightPx / (2 * distance * Math.tan(((fovDeg / 2) * Math.PI) / 180));
}

/**
 * The closest default-angle pose that shows every corner of a box, fitted exactly in perspective on both axes and
 * centred on what is seen (not on the box's centre, whose near face looms larger): a split view's pane is small, and
 * the looser `defaultPose` leaves empty bands there that its labels need. `margin` is the share of the view kept free
 * (1.08: 4% each side).
 */
export function tightPose(min: Vec3, max: Vec3, fovDeg: number, aspect: number, margin = FIT_MARGIN): CameraPose {
  const e = (DEFAULT_ELEVATION * Math.PI) / 180;
  const [sin, cos] = [Math.sin(e), Math.cos(e)];
  const centre = { x: (min.x + max.x) / 2, y: (min.y + max.y) / 2, z: (min.z + max.z) / 2 };
  // Corners in the camera's frame around the centre: u to the right, v up on screen, w toward the camera.
  const corners = [min.x, max.x].flatMap((x) =>
    [min.y, max.y].flatMap((y) =>
      [min.z, max.z].map((z) => {
        const [rx, ry, rz] = [x - centre.x, y - centre.y, z - centre.z];
        return { u: rx, v: ry * cos - rz * sin, w: ry * sin + rz * cos };
      }),
    ),
  );
  const t = Math.tan(((fovDeg / 2) * Math.PI) / 180) / margin;
  const tx = t * Math.max(0.1, aspect);
  // At distance d a corner at depth d - w fits where the camera's sideways shift a satisfies |u - a| <= (d - w) tx:
  // every corner's interval of a must meet (likewise v with t). The shift is the middle of what they share.
  const shared = (d: number, of: (c: (typeof corners)[number]) => number, k: number): [number, number] => [
    Math.max(...corners.map((c) => of(c) - (d - c.w) * k)),
    Math.min(...corners.map((c) => of(c) + (d - c.w) * k)),
  ];
  const fits = (d: number): boolean => {
    const [a0, a1] = shared(d, (c) => c.u, tx);
    const [b0, b1] = shared(d, (c) => c.v, t);
    return a0 <= a1 && b0 <= b1;
  };
  const nearest = Math.max(...corners.map((c) => c.w));
  let lo = nearest;
  let hi = nearest + 1;
  while (!fits(hi)) hi = nearest + (hi - nearest) * 2;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) hi = mid;
    else lo = mid;
  }
  const distance = hi;
  // Within what fits, the shift that centres the picture: the farthest corner on each side equally far out.
  const centred = (of: (c: (typeof corners)[number]) => number, k: number): number => {
    let [lo, hi] = shared(distance, of, k);
    const balance = (s: number): number => {
      const r = corners.map((c) => (of(c) - s) / (distance - c.w));
      return Math.max(...r) + Math.min(...r);
    };
    for (let i = 0; i < 40; i++) {
      const mid = (lo + hi) / 2;
      if (balance(mid) > 0) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  };
  const [a, b] = [centred((c) => c.u, tx), centred((c) => c.v, t)];
  // The shift moves target and camera together along the screen's right (x) and up (0, cos, -sin) directions.
  const target = { x: centre.x + a, y: centre.y + b * cos, z: centre.z - b * sin };
  return {
    target,
    distance,
    position: { x: target.x, y: target.y + sin * distance, z: target.z + cos * distance },
  };
}

/**
 * Something drawn in a pane, along one screen axis: its anchor (px from the pane's centre) and how far it reaches
 * before and after it (px; both 0 for a point of the geometry, a label's box around its anchor).
 */
export interface Span {
  at: number;
  lo: number;
  hi: number;
}

/** A zoom about the pane's centre, then a shift in px (x right, y down). */
export interface Fill {
  zoom: number;
  dx: number;
  dy: number;
}

/**
 * The zoom and shift that make what a pane draws fill it, `margin` px kept free on each side: anchors move with the
 * zoom, a label's box around its anchor does not (labels keep their size on screen). The zoom is the largest at which
 * every pair of spans still fits (two spans set a limit only when they lie apart); the shift then centres the whole.
 * Linear (a zoom of the picture, not a dolly in perspective): close enough for a second pass after a fit.
 */
export function fillPane(x: readonly Span[], y: readonly Span[], width: number, height: number, margin: number): Fill {
  const zoomFor = (spans: readonly Span[], size: number): number => {
    const room = size - 2 * margin;
    let zoom = Infinity;
    for (const a of spans) {
      for (const b of spans) {
        const apart = b.at - a.at;
        const free = room - b.hi + a.lo;
        if (apart > 1e-6 && free > 0) zoom = Math.min(zoom, free / apart);
      }
    }
    return zoom;
  };
  const zoom = Math.min(zoomFor(x, width), zoomFor(y, height));
  const z = Number.isFinite(zoom) ? zoom : 1;
  const shift = (spans: readonly Span[]): number =>
    spans.length === 0
      ? 0
      : -(Math.max(...spans.map((s) => z * s.at + s.hi)) + Math.min(...spans.map((s) => z * s.at + s.lo))) / 2;
  return { zoom: z, dx: shift(x), dy: shift(y) };
}

/**
 * Where each camera preset looks from: elevation above the horizontal and azimuth from the front (degrees, positive to
 * the right). Inside the orbit controls' limits (CameraRig), so a learner can orbit on from any of them.
 */
export const PRESET_ANGLES: Record<CameraPreset, { elevation: number; azimuth: number }> = {
  overview: { elevation: DEFAULT_ELEVATION, azimuth: 0 },
  // Straight on, as a diagram: the layers read as rows.
  front: { elevation: 4, azimuth: 0 },
  // From the right: the depth of the stack, who sits on whom.
  side: { elevation: 16, azimuth: 60 },
  // From above: the columns, one per VM.
  top: { elevation: 78, azimuth: 0 },
};

/** The pose of a camera preset: the box seen from the preset's angles, fitted with the usual margins. */
export function presetPose(preset: CameraPreset, min: Vec3, max: Vec3, fovDeg: number, aspect: number): CameraPose {
  if (preset === 'overview') return defaultPose(min, max, fovDeg, aspect);
  const { elevation, azimuth } = PRESET_ANGLES[preset];
  const [e, a] = [(elevation * Math.PI) / 180, (azimuth * Math.PI) / 180];
  const target = { x: (min.x + max.x) / 2, y: (min.y + max.y) / 2, z: (min.z + max.z) / 2 };
  const [w, h, d] = [max.x - min.x, max.y - min.y, max.z - min.z];
  // The box turned by the azimuth: its apparent width and depth; then tilted by the elevation, as in defaultPose.
  const width = w * Math.abs(Math.cos(a)) + d * Math.abs(Math.sin(a));
  const depth = w * Math.abs(Math.sin(a)) + d * Math.abs(Math.cos(a));
  const height = h * Math.cos(e) + depth * Math.sin(e);
  const distance = fitDistance(width, height, depth * Math.cos(e) + h * Math.sin(e), fovDeg, aspect);
  return {
    target,
    distance,
    position: {
      x: target.x + Math.sin(a) * Math.cos(e) * distance,
      y: target.y + Math.sin(e) * distance,
      z: target.z + Math.cos(a) * Math.cos(e) * distance,
    },
  };
}
