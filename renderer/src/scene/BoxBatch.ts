/**
 * Boxes of one stack drawn as one InstancedMesh per material on the shared unit box: a stack costs a draw call per
 * material in use, not one per layer and component, so 64 guest columns draw in as few calls as one. A view holds a
 * BoxInstance (where, how big, which material, shown or not, what a ray hit on it returns); the batch rewrites its
 * instance buffers on `sync()` when something changed. Transparent materials (the slabs) are sorted back to front for
 * the camera before each render (`sortFor`), as three.js sorts separate transparent meshes.
 */
import {
  Group,
  InstancedMesh,
  Matrix4,
  Quaternion,
  Vector3,
  type BufferGeometry,
  type Camera,
  type Intersection,
  type Material,
  type Object3D,
} from 'three';
import type { Point3 } from './hopCurve';

export class BoxInstance {
  readonly position = new Vector3();
  readonly scale = new Vector3(1, 1, 1);
  readonly quaternion = new Quaternion();
  private mat: Material;
  private shown = true;

  constructor(
    private readonly batch: BoxBatch,
    material: Material,
    /** What a ray hit on this box returns (BoxBatch.dataAt). */
    readonly data: unknown,
  ) {
    this.mat = material;
  }

  get material(): Material {
    return this.mat;
  }

  get visible(): boolean {
    return this.shown;
  }

  set visible(on: boolean) {
    if (on === this.shown) return;
    this.shown = on;
    this.batch.touch();
  }

  setMaterial(material: Material): void {
    if (material === this.mat) return;
    this.mat = material;
    this.batch.touch();
  }

  place(position: Point3, scale: Point3, quaternion?: Quaternion): void {
    this.position.set(position.x, position.y, position.z);
    this.scale.set(scale.x, scale.y, scale.z);
    if (quaternion) this.quaternion.copy(quaternion);
    this.batch.touch();
  }

  remove(): void {
    this.batch.remove(this);
  }
}

interface Bucket {
  mesh: InstancedMesh;
  /** The shown boxes in instance order (a ray hit's instanceId indexes it). */
  items: BoxInstance[];
}

const m4 = new Matrix4();
const v3 = new Vector3();

export class BoxBatch {
  readonly group = new Group();
  private readonly all = new Set<BoxInstance>();
  private readonly buckets = new Map<Material, Bucket>();
  private dirty = false;

  constructor(
    private readonly geometry: BufferGeometry,
    private readonly options: { name: string; renderOrder?: number; pickable?: boolean },
  ) {
    this.group.name = options.name;
  }

  add(material: Material, data?: unknown): BoxInstance {
    const b = new BoxInstance(this, material, data);
    this.all.add(b);
    this.dirty = true;
    return b;
  }

  /** Marks the instance buffers stale (BoxInstance calls it). */
  touch(): void {
    this.dirty = true;
  }

  remove(b: BoxInstance): void {
    if (this.all.delete(b)) this.dirty = true;
  }

  /** The instanced meshes (one per material in use), for raycasting. */
  get meshes(): InstancedMesh[] {
    return [...this.buckets.values()].map((b) => b.mesh);
  }

  /** What the box a ray hit carries, when the hit is on one of this batch's meshes. */
  dataAt(hit: Intersection<Object3D>): unknown {
    if (hit.instanceId === undefined) return undefined;
    for (const b of this.buckets.values()) if (b.mesh === hit.object) return b.items[hit.instanceId]?.data;
    return undefined;
  }

  /** Rewrites the instance buffers if anything changed since the last call. */
  sync(): void {
    if (!this.dirty) return;
    this.dirty = false;
    const byMaterial = new Map<Material, BoxInstance[]>();
    for (const b of this.all) {
      if (!b.visible) continue;
      const list = byMaterial.get(b.material);
      if (list) list.push(b);
      else byMaterial.set(b.material, [b]);
    }
    for (const [material, bucket] of this.buckets) {
      if (byMaterial.has(material)) continue;
      bucket.mesh.removeFromParent();
      bucket.mesh.dispose();
      this.buckets.delete(material);
    }
    for (const [material, items] of byMaterial) {
      let bucket = this.buckets.get(material);
      if (!bucket || bucket.mesh.instanceMatrix.count < items.length) {
        const capacity = Math.max(items.length, 2 * (bucket?.mesh.instanceMatrix.count ?? 0), 4);
        bucket?.mesh.removeFromParent();
        bucket?.mesh.dispose();
        bucket = { mesh: this.makeMesh(material, capacity), items };
        this.buckets.set(material, bucket);
        this.group.add(bucket.mesh);
      }
      bucket.items = items;
      this.write(bucket);
    }
  }

  /**
   * Orders the boxes of transparent materials back to front for this camera (three.js sorts whole objects, not the
   * instances inside one). Call before rendering with the camera; writes the buffers only when the order changed.
   */
  sortFor(camera: Camera): void {
    for (const bucket of this.buckets.values()) {
      if (!bucket.mesh.material || !(bucket.mesh.material as Material).transparent || bucket.items.length < 2) continue;
      const depth = new Map<BoxInstance, number>();
      for (const b of bucket.items) {
        v3.copy(b.position).applyMatrix4(bucket.mesh.matrixWorld).applyMatrix4(camera.matrixWorldInverse);
        depth.set(b, v3.z);
      }
      // View space looks down -z: the most negative z is the farthest, drawn first.
      const sorted = [...bucket.items].sort((a, b) => (depth.get(a) ?? 0) - (depth.get(b) ?? 0));
      if (sorted.every((b, i) => b === bucket.items[i])) continue;
      bucket.items = sorted;
      this.write(bucket);
    }
  }

  dispose(): void {
    for (const bucket of this.buckets.values()) bucket.mesh.dispose();
    this.buckets.clear();
    this.all.clear();
    this.group.removeFromParent();
    this.group.clear();
  }

  private write(bucket: Bucket): void {
    bucket.items.forEach((b, i) => bucket.mesh.setMatrixAt(i, m4.compose(b.position, b.quaternion, b.scale)));
    bucket.mesh.count = bucket.items.length;
    bucket.mesh.instanceMatrix.needsUpdate = true;
    bucket.mesh.computeBoundingSphere();
    // The box around every instance: what a pane's camera fit measures (ScenePane.geometryRect).
    bucket.mesh.computeBoundingBox();
  }

  private makeMesh(material: Material, capacity: number): InstancedMesh {
    const mesh = new InstancedMesh(this.geometry, material, capacity);
    mesh.name = this.options.name;
    mesh.renderOrder = this.options.renderOrder ?? 0;
    if (!this.options.pickable) mesh.raycast = () => {};
    return mesh;
  }
}
