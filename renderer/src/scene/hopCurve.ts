/**
 * The path a hop takes between two blocks. Traps, VM exits and hypercalls drop to the hypervisor slab and come back
 * up (a U through the hypervisor); interrupts rise from below; other hops arc directly in front of the stack.
 */
import { CatmullRomCurve3, QuadraticBezierCurve3, Vector3, type Curve } from 'three';
import type { Mechanism } from '../model/types';
import { arcStyleFor } from './palette';
import type { Vec3 } from './cameraFit';

/** A point in world units (the same shape as cameraFit's Vec3). */
export type Point3 = Vec3;

/** How far in front of the ports the bottom of a drop passes (so it is not hidden by the hypervisor's blocks). */
export const DROP_FORWARD = 0.35;

export function hopCurve(from: Point3, to: Point3, mechanism: Mechanism, hypervisorY: number): Curve<Vector3> {
  const a = new Vector3(from.x, from.y, from.z);
  const b = new Vector3(to.x, to.y, to.z);
  const style = arcStyleFor(mechanism);
  const viaHypervisor = style === 'drop' || (style === 'rise' && a.y > hypervisorY + 0.5);
  if (viaHypervisor) {
    const z = Math.max(a.z, b.z) + DROP_FORWARD;
    let xa = a.x + (b.x - a.x) * 0.3;
    let xb = a.x + (b.x - a.x) * 0.7;
    if (Math.abs(b.x - a.x) < 3) {
      const mid = (a.x + b.x) / 2;
      xa = mid - 1.5;
      xb = mid + 1.5;
    }
    const pts = [a, new Vector3(xa, hypervisorY, z), new Vector3(xb, hypervisorY, z), b];
    return new CatmullRomCurve3(pts, false, 'centripetal');
  }
  const dist = a.distanceTo(b);
  if (style === 'rise') {
    // Up from below: leave vertically, then bend over to the target.
    const c = new Vector3(a.x, Math.max(a.y, b.y) + 0.6, Math.max(a.z, b.z) + 0.8);
    return new QuadraticBezierCurve3(a, c, b);
  }
  const c = new Vector3((a.x + b.x) / 2, Math.max(a.y, b.y) + 0.8 + 0.12 * dist, Math.max(a.z, b.z) + 1.2);
  return new QuadraticBezierCurve3(a, c, b);
}
