import type { StackScene, SceneStats } from '../scene';

/**
 * A small read-only window onto the 3D view for end-to-end tests and the benchmark: where each layer is drawn,
 * the scene's counters, and a way to force a WebGL context loss. It exposes no way to change the model.
 */
export interface RingMinusOneDebug {
  layerProbes(): { stackKey: string; layerId: string; color: string; x: number; y: number }[];
  clearColor(): string;
  stats(): SceneStats;
  /** A point on a block's front face that no label covers (CSS px from the canvas's top-left), or null. */
  blockProbe(stackKey: string, componentId: string): { x: number; y: number } | null;
  /**
   * The rectangle a block covers on the canvas (its box as its pane's camera projects it), or with no component the
   * whole stack's geometry; CSS px from the canvas's top-left, or null.
   */
  screenRect(
    stackKey: string,
    componentId?: string,
  ): { left: number; right: number; top: number; bottom: number } | null;
  simulateContextLoss(): Promise<void>;
}

declare global {
  interface Window {
    ringMinusOneDebug?: RingMinusOneDebug;
  }
}

export function installDebug(getScene: () => StackScene | null): () => void {
  const need = () => {
    const scene = getScene();
    if (!scene) throw new Error('The 3D scene is not running');
    return scene;
  };
  window.ringMinusOneDebug = {
    layerProbes: () => need().layerProbes(),
    clearColor: () => need().clearColor(),
    stats: () => need().stats(),
    blockProbe: (stackKey, componentId) => need().blockProbe({ stackKey, componentId }),
    screenRect: (stackKey, componentId) => need().screenRect(stackKey, componentId),
    simulateContextLoss: () => need().simulateContextLoss(),
  };
  return () => {
    delete window.ringMinusOneDebug;
  };
}
