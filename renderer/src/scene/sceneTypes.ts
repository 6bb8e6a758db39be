/** Public input and output types of the scene (kept apart so views and the graph can share them). */
import type { Architecture, IoPath, PlayerSnapshot } from '../model/types';

export interface StackInput {
  /** 'main' | 'left' | 'right' (any string works; order of the array is the order on screen). */
  key: string;
  architecture: Architecture;
  snapshot: PlayerSnapshot | null;
  /** Crashed or failed component ids: drawn dark + hatched, label struck through. */
  failed?: string[];
  /** Title over the stack (compare mode). */
  title?: string;
  /**
   * The path being walked (optional): with it, arcs are drawn for every completed hop (faded) as well as the
   * current one; without it, only the hops of the packets in flight are drawn.
   */
  path?: IoPath | null;
  /**
   * The Type 1 <-> Type 2 morph: the stack is drawn on its way from `from`'s layout to this architecture's, at
   * t in [0, 1) (0 = all `from`). Null, absent or t >= 1: the architecture as it is.
   */
  morph?: { from: Architecture; t: number } | null;
}

export interface PickResult {
  stackKey: string;
  componentId: string;
}

/** What the view singles out: the selection, the hover, and the presenter's spotlight (component ids; empty: none). */
export interface Highlight {
  selection: PickResult | null;
  hover: PickResult | null;
  /** Every component not listed dims (in every stack that has it); empty, nothing dims. */
  spotlight: readonly string[];
}

export type StackLayoutMode = 'side-by-side' | 'stacked';

export type { Architecture, IoPath, PlayerSnapshot };
