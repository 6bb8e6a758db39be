/**
 * A static wire between two points of a stack (Type 2: a device to the host driver that owns it, VMDriver to the VMM
 * across the world-switch gate): the shared unit box, stretched along the segment. No geometry of its own.
 */
import { Mesh, Quaternion, Vector3 } from 'three';
import type { LinkLayout } from './layout';
import type { ViewContext } from './ViewContext';

/** Thickness in world units: the world-switch wire is the one to see from the back of the room. */
export const LINK_T = { device: 0.16, 'world-switch': 0.26 } as const;

const UP = new Vector3(0, 1, 0);

export class LinkView {
  readonly mesh: Mesh;
  private layout: LinkLayout;

  constructor(
    private readonly ctx: ViewContext,
    layout: LinkLayout,
  ) {
    this.layout = layout;
    this.mesh = new Mesh(ctx.cache.unitBox(), ctx.cache.link(layout.kind));
    this.mesh.name = `link:${layout.id}`;
    this.mesh.renderOrder = 1;
    this.mesh.raycast = () => {};
    this.update(layout);
  }

  update(layout: LinkLayout): void {
    this.layout = layout;
    const a = new Vector3(layout.from.x, layout.from.y, layout.from.z);
    const b = new Vector3(layout.to.x, layout.to.y, layout.to.z);
    const dir = b.clone().sub(a);
    const length = Math.max(1e-3, dir.length());
    const t = LINK_T[layout.kind];
    this.mesh.position.copy(a).add(b).multiplyScalar(0.5);
    this.mesh.quaternion.copy(new Quaternion().setFromUnitVectors(UP, dir.normalize()));
    this.mesh.scale.set(t, length, t);
    this.mesh.material = this.ctx.cache.link(layout.kind);
  }

  applyTheme(): void {
    this.mesh.material = this.ctx.cache.link(this.layout.kind);
  }

  dispose(): void {
    this.mesh.removeFromParent();
  }
}
