/**
 * One hop drawn as a tube from block to block (its own geometry; the material is shared). The current hop is drawn
 * whole and bright, with the packet travelling on it; completed hops are faded. The stack's ArcBatch draws the tubes
 * (merged per material, see `parts`); the view owns the geometry, the curve and the mechanism label.
 */
import { Group, TubeGeometry, type Curve, type Vector3 } from 'three';
import type { ArcPart } from './ArcBatch';
import type { Mechanism } from '../model/types';
import { hopCurve, type Point3 } from './hopCurve';
import type { SceneLabel } from './labels';
import { arcStyleFor, mechanismLabel } from './palette';
import type { ViewContext } from './ViewContext';

/** The tubes' geometry; the halo (background-coloured tube behind the arc) keeps the arc readable on any slab colour. */
const TUBE = { segments: 64, radialSegments: 6, radius: 0.3, haloRadius: 0.5 } as const;

export interface ArcSpec {
  from: Point3;
  to: Point3;
  mechanism: Mechanism;
  hypervisorY: number;
}

export class HopArcView {
  /** Holds the mechanism label. */
  readonly group = new Group();
  readonly curve: Curve<Vector3>;
  private readonly geometry: TubeGeometry;
  private readonly haloGeometry: TubeGeometry;
  private label: SceneLabel | null = null;
  private done = false;
  private progress = -1;

  constructor(
    private readonly ctx: ViewContext,
    readonly spec: ArcSpec,
  ) {
    this.curve = hopCurve(spec.from, spec.to, spec.mechanism, spec.hypervisorY);
    const tube = (radius: number) =>
      ctx.tracker.track(new TubeGeometry(this.curve, TUBE.segments, radius, TUBE.radialSegments, false));
    this.geometry = tube(TUBE.radius);
    this.haloGeometry = tube(TUBE.haloRadius);
  }

  /** What the stack's ArcBatch draws for this hop: the tube, and the halo behind it while it is the current hop. */
  parts(): ArcPart[] {
    const cache = this.ctx.cache;
    const tube = {
      material: cache.arc(arcStyleFor(this.spec.mechanism), this.done),
      geometry: this.geometry,
      renderOrder: 2,
    };
    // Only the current hop gets a halo (one draw call less per completed hop).
    return this.haloShown
      ? [tube, { material: cache.arcHalo(false), geometry: this.haloGeometry, renderOrder: 1 }]
      : [tube];
  }

  get haloShown(): boolean {
    return !this.done;
  }

  /**
   * Where the mechanism label goes: beside the first leg of a drop (half-way down, where only layer labels are),
   * else above the middle of the arc.
   */
  labelPoint(): Vector3 {
    if (arcStyleFor(this.spec.mechanism) === 'direct') return this.curve.getPointAt(0.5);
    const start = this.curve.getPointAt(0);
    let bottom = start;
    let tBottom = 0;
    for (let i = 1; i <= 32; i++) {
      const p = this.curve.getPointAt(i / 32);
      if (p.y < bottom.y) {
        bottom = p;
        tBottom = i / 32;
      }
    }
    const half = (start.y + bottom.y) / 2;
    for (let i = 0; i <= 32; i++) {
      const p = this.curve.getPointAt((tBottom * i) / 32);
      if (p.y <= half) return p;
    }
    return bottom;
  }

  /** Same endpoints and mechanism: the view can be kept. */
  matches(spec: ArcSpec): boolean {
    const s = this.spec;
    const eq = (a: Point3, b: Point3): boolean => a.x === b.x && a.y === b.y && a.z === b.z;
    return (
      s.mechanism === spec.mechanism && s.hypervisorY === spec.hypervisorY && eq(s.from, spec.from) && eq(s.to, spec.to)
    );
  }

  /** Returns true when something visible changed. */
  set(done: boolean, progress: number): boolean {
    const p = done ? 1 : Math.min(1, Math.max(0, progress));
    if (done === this.done && Math.abs(p - this.progress) < 1e-4) return false;
    if (done !== this.done || this.progress < 0) this.setLabel(!done);
    this.done = done;
    this.progress = p;
    // The whole route of the current hop is drawn from its first moment (so a learner stepping hop by hop sees where
    // the request goes next); the packet on it shows the progress.
    return true;
  }

  get isDone(): boolean {
    return this.done;
  }

  get hasLabel(): boolean {
    return this.label !== null;
  }

  dispose(): void {
    this.setLabel(false);
    this.group.removeFromParent();
    this.geometry.dispose();
    this.haloGeometry.dispose();
  }

  /** The current hop names its mechanism next to the arc ("VM exit", "hypercall", ...). */
  private setLabel(on: boolean): void {
    if (!on) {
      this.label?.dispose();
      this.label = null;
      return;
    }
    if (this.label) return;
    const style = arcStyleFor(this.spec.mechanism);
    this.label = this.ctx.labels.create({
      kind: 'mechanism',
      lines: [mechanismLabel(this.spec.mechanism)],
      stackKey: this.ctx.stackKey,
      center: style === 'direct' ? [0.5, 1] : [0, 0.5],
    });
    const p = this.labelPoint();
    if (style === 'direct') p.y += 0.5;
    else p.x += 0.6;
    this.label.object.position.copy(p);
    this.group.add(this.label.object);
  }
}
