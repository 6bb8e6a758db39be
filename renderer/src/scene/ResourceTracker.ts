/**
 * Counts the GPU-backed resources the scene allocates (geometries, materials, textures) and frees, like
 * `renderer.info.memory` but available headless: every allocation goes through `track()`, and a resource's own
 * `dispose` event decrements the count. Tests check that the live count returns to its baseline.
 */
import type { BufferGeometry, Material, Texture } from 'three';

export type TrackedKind = 'geometries' | 'materials' | 'textures';

export interface LiveCounts {
  geometries: number;
  materials: number;
  textures: number;
}

type Disposable = BufferGeometry | Material | Texture;

function kindOf(r: Disposable): TrackedKind {
  if ((r as BufferGeometry).isBufferGeometry) return 'geometries';
  if ((r as Material).isMaterial) return 'materials';
  return 'textures';
}

export class ResourceTracker {
  private readonly counts: LiveCounts = { geometries: 0, materials: 0, textures: 0 };
  private readonly live = new Set<Disposable>();
  created = 0;

  track<T extends Disposable>(resource: T): T {
    if (this.live.has(resource)) return resource;
    this.live.add(resource);
    this.created++;
    const kind = kindOf(resource);
    this.counts[kind]++;
    const onDispose = (): void => {
      resource.removeEventListener('dispose', onDispose);
      if (this.live.delete(resource)) this.counts[kind]--;
    };
    resource.addEventListener('dispose', onDispose);
    return resource;
  }

  snapshot(): LiveCounts {
    return { ...this.counts };
  }

  get total(): number {
    return this.counts.geometries + this.counts.materials + this.counts.textures;
  }

  /** Frees whatever is still alive (used by the owner's dispose as a safety net). */
  disposeAll(): void {
    for (const r of [...this.live]) r.dispose();
  }
}
