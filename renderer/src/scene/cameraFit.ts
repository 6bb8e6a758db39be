/** Pure camera framing maths: where a camera must stand to show a box with margins. */
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
