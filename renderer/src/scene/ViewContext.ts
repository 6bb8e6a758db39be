import type { LabelFactory } from './labels';
import type { MaterialCache } from './MaterialCache';
import type { ResourceTracker } from './ResourceTracker';

/** What every view needs: shared materials and geometry, the resource counter, the label factory, its stack's key. */
export interface ViewContext {
  cache: MaterialCache;
  tracker: ResourceTracker;
  labels: LabelFactory;
  stackKey: string;
}
