/** Public API of the 3D scene. */
export { StackScene, type SceneStats, type StackSceneOptions } from './StackScene';
export { StackGraph, type GraphChange } from './StackGraph';
export type { StackInput, PickResult, StackLayoutMode } from './sceneTypes';
export {
  layoutArchitecture,
  type StackLayout,
  type BlockLayout,
  type SlabLayout,
  type ColumnLayout,
  type BandLayout,
} from './layout';
export {
  paletteFor,
  KIND_STYLE,
  ringLabel,
  bandLabel,
  arcStyleFor,
  OKABE_ITO,
  type ThemeName,
  type Palette,
  type KindStyle,
} from './palette';
export { HeadlessLabelFactory } from './labels';
