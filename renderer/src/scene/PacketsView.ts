/**
 * Every packet of one stack in one InstancedMesh (one draw call per stack; it lives in the stack's group, so a split
 * view draws each stack's packets only in that stack's pane). Shape cue by payload: data packets are large and
 * flattened, commands medium, signals small; colours per payload from the palette.
 */
import { Color, InstancedMesh, Matrix4, Quaternion, Vector3 } from 'three';
import type { Payload } from '../model/types';
import type { MaterialCache } from './MaterialCache';

export interface PacketDraw {
  position: Vector3;
  moves: Payload;
}

const SCALE: Record<Payload, [number, number, number]> = {
  data: [1.5, 1.05, 1.05],
  command: [1, 1, 1],
  signal: [0.75, 0.75, 0.75],
};

export class PacketsView {
  mesh: InstancedMesh;
  private capacity: number;
  private readonly m = new Matrix4();
  private readonly q = new Quaternion();
  private readonly s = new Vector3();
  private readonly c = new Color();

  constructor(
    private readonly cache: MaterialCache,
    capacity = 16,
  ) {
    this.capacity = capacity;
    this.mesh = this.make(capacity);
  }

  get count(): number {
    return this.mesh.count;
  }

  /** Writes the instances; returns true when the mesh had to be re-created (bigger capacity). */
  set(packets: readonly PacketDraw[]): boolean {
    let grown = false;
    if (packets.length > this.capacity) {
      const parent = this.mesh.parent;
      this.mesh.removeFromParent();
      this.mesh.dispose();
      while (this.capacity < packets.length) this.capacity *= 2;
      this.mesh = this.make(this.capacity);
      parent?.add(this.mesh);
      grown = true;
    }
    packets.forEach((p, i) => {
      const sc = SCALE[p.moves];
      this.s.set(sc[0], sc[1], sc[2]);
      this.m.compose(p.position, this.q, this.s);
      this.mesh.setMatrixAt(i, this.m);
      this.mesh.setColorAt(i, this.c.copy(this.cache.packetColor(p.moves)));
    });
    this.mesh.count = packets.length;
    this.mesh.visible = packets.length > 0;
    this.mesh.instanceMatrix.needsUpdate = true;
    if (this.mesh.instanceColor) this.mesh.instanceColor.needsUpdate = true;
    this.mesh.computeBoundingSphere();
    return grown;
  }

  applyTheme(): void {
    this.mesh.material = this.cache.packetMaterial();
  }

  dispose(): void {
    this.mesh.removeFromParent();
    this.mesh.dispose();
  }

  private make(capacity: number): InstancedMesh {
    const mesh = new InstancedMesh(this.cache.packetGeometry(), this.cache.packetMaterial(), capacity);
    mesh.name = 'packets';
    mesh.count = 0;
    mesh.visible = false;
    mesh.frustumCulled = false;
    mesh.renderOrder = 3;
    mesh.raycast = () => {};
    return mesh;
  }
}
