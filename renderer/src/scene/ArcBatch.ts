/**
 * The hop arcs of one stack drawn as one merged mesh per material (an arc style, done or current, and the current
 * hop's halo): many packets in flight on many distinct hops cost a few draw calls, not two per hop. The merged
 * geometry is rebuilt only when the set of arcs or their state changes (a hop starts or ends), never per frame.
 */
import { Group, Mesh, type BufferGeometry, type Material } from 'three';
import { mergeGeometries } from 'three/addons/utils/BufferGeometryUtils.js';
import type { ResourceTracker } from './ResourceTracker';

export interface ArcPart {
  material: Material;
  geometry: BufferGeometry;
  renderOrder: number;
}

export class ArcBatch {
  readonly group = new Group();
  private meshes: Mesh[] = [];

  constructor(private readonly tracker: ResourceTracker) {
    this.group.name = 'arcs';
  }

  /** Replaces what is drawn with these parts, merged per material. */
  set(parts: Iterable<ArcPart>): void {
    this.clear();
    const byMaterial = new Map<Material, { geometries: BufferGeometry[]; renderOrder: number }>();
    for (const p of parts) {
      const entry = byMaterial.get(p.material);
      if (entry) entry.geometries.push(p.geometry);
      else byMaterial.set(p.material, { geometries: [p.geometry], renderOrder: p.renderOrder });
    }
    for (const [material, { geometries, renderOrder }] of byMaterial) {
      const merged = mergeGeometries(geometries, false);
      if (!merged) continue;
      const mesh = new Mesh(this.tracker.track(merged), material);
      mesh.name = 'arcs';
      mesh.renderOrder = renderOrder;
      mesh.raycast = () => {};
      this.meshes.push(mesh);
      this.group.add(mesh);
    }
  }

  dispose(): void {
    this.clear();
    this.group.removeFromParent();
  }

  private clear(): void {
    for (const m of this.meshes) {
      m.removeFromParent();
      m.geometry.dispose();
    }
    this.meshes = [];
  }
}
