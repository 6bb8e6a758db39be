/**
 * Labels as seen by the scene graph. The graph only needs an Object3D to place and a few setters; the real scene uses
 * CSS2DObject-backed labels (CssLabelFactory), headless tests use HeadlessLabelFactory.
 */
import { Object3D } from 'three';

export type LabelKind = 'component' | 'layer' | 'column' | 'band' | 'stack' | 'mechanism' | 'gate';

export interface LabelSpec {
  kind: LabelKind;
  lines: string[];
  badge?: string;
  /** Screen-reader word for the badge (e.g. "driver"). */
  badgeTitle?: string;
  stackKey?: string;
  componentId?: string;
  /** Anchor within the label box: (0.5, 0.5) centre, (1, 0.5) right-middle, (0, 0.5) left-middle. */
  center?: [number, number];
}

export type LabelFlag = 'active' | 'selected' | 'hover' | 'failed' | 'tcb' | 'onPath' | 'dimmed';

export interface SceneLabel {
  readonly object: Object3D;
  readonly spec: LabelSpec;
  setLines(lines: string[]): void;
  setFlag(flag: LabelFlag, on: boolean): void;
  hasFlag(flag: LabelFlag): boolean;
  /** 0..1: labels fade with what they name (the Type 1 <-> Type 2 morph). */
  setOpacity(opacity: number): void;
  dispose(): void;
}

export interface LabelFactory {
  create(spec: LabelSpec): SceneLabel;
}

/** Labels as plain Object3Ds with their state recorded: for tests and for a graph without a DOM. */
export class HeadlessLabelFactory implements LabelFactory {
  readonly live = new Set<SceneLabel>();

  create(spec: LabelSpec): SceneLabel {
    const object = new Object3D();
    const flags = new Set<LabelFlag>();
    const s: LabelSpec = { ...spec, lines: [...spec.lines] };
    const label: SceneLabel = {
      object,
      spec: s,
      setLines: (lines) => {
        s.lines = [...lines];
      },
      setFlag: (flag, on) => {
        if (on) flags.add(flag);
        else flags.delete(flag);
      },
      hasFlag: (flag) => flags.has(flag),
      setOpacity: (o) => {
        object.userData.opacity = o;
      },
      dispose: () => {
        object.removeFromParent();
        this.live.delete(label);
      },
    };
    this.live.add(label);
    return label;
  }
}
