import type { Object3D } from 'three';
import type { BoxBatch } from './BoxBatch';
import type { LabelFactory } from './labels';
import type { MaterialCache } from './MaterialCache';
import type { ResourceTracker } from './ResourceTracker';

/**
 * What every view needs: shared materials and geometry, the resource counter, the label factory, its stack's key; and
 * for the views of the architecture itself, its stack's box batches and where their labels go.
 */
export interface ViewContext {
  cache: MaterialCache;
  tracker: ResourceTracker;
  labels: LabelFactory;
  stackKey: string;
  /** The component blocks (pickable: a ray hit returns the block's PickResult). */
  blocks: BoxBatch;
  /** Slabs and outlines. */
  decor: BoxBatch;
  /** Holds the labels of slabs and blocks (hidden with the architecture's views during a morph). */
  labelGroup: Object3D;
}
