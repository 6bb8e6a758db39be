/**
 * The camera and its OrbitControls with limits (distance, polar angle above the hardware, azimuth, pan radius),
 * default framing from the stacks' bounds, and ~600 ms tweens (cuts under reduced motion).
 */
import { PerspectiveCamera, Vector3, type Box3 } from 'three';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';
import { Easing, Tween } from '@tweenjs/tween.js';
import type { CameraPreset } from '../model/presentation';
import { DEFAULT_FOV, pixelsPerUnit, presetPose, tightPose } from './cameraFit';

export const TWEEN_MS = 600;

/** A camera move: tween.js eases k from 0 to 1; position and target follow it. */
interface CameraMove {
  tween: Tween<{ k: number }>;
  fromPos: Vector3;
  fromTarget: Vector3;
  toPos: Vector3;
  toTarget: Vector3;
  started: boolean;
}

export class CameraRig {
  readonly camera = new PerspectiveCamera(DEFAULT_FOV, 1, 0.1, 2000);
  readonly controls: OrbitControls;
  private tween: CameraMove | null = null;
  private reduced: boolean;
  private fitDistance = 50;
  private frameCenter = new Vector3();
  /** True once the user has orbited/zoomed/panned away from the default view. */
  userMoved = false;
  /** The preset `fit` frames from (the presenter's choice per step). */
  preset: CameraPreset = 'overview';

  constructor(dom: HTMLElement, reducedMotion: boolean) {
    this.reduced = reducedMotion;
    this.controls = new OrbitControls(this.camera, dom);
    this.controls.minPolarAngle = 0.12;
    this.controls.maxPolarAngle = Math.PI / 2 - 0.04;
    this.controls.minAzimuthAngle = -1.15;
    this.controls.maxAzimuthAngle = 1.15;
    this.controls.zoomToCursor = false;
    this.controls.screenSpacePanning = true;
    this.controls.addEventListener('start', () => {
      this.userMoved = true;
      this.tween = null;
    });
    this.setReducedMotion(reducedMotion);
  }

  setReducedMotion(on: boolean): void {
    this.reduced = on;
    this.controls.enableDamping = !on;
    this.controls.dampingFactor = 0.12;
    if (on && this.tween) this.finishTween();
  }

  get reducedMotion(): boolean {
    return this.reduced;
  }

  get tweening(): boolean {
    return this.tween !== null;
  }

  setAspect(aspect: number): void {
    this.camera.aspect = aspect;
    this.camera.updateProjectionMatrix();
  }

  /**
   * Sets the limits from the frame box and moves to the view of the preset; `tight` fits the overview exactly (a split
   * view's small pane, see cameraFit.tightPose).
   */
  fit(box: Box3, animate: boolean, tight = false): void {
    if (box.isEmpty()) return;
    const { fov, aspect } = this.camera;
    const pose =
      tight && this.preset === 'overview'
        ? tightPose(box.min, box.max, fov, aspect)
        : presetPose(this.preset, box.min, box.max, fov, aspect);
    this.fitDistance = pose.distance;
    this.frameCenter.set(pose.target.x, pose.target.y, pose.target.z);
    const size = box.getSize(new Vector3());
    this.controls.minDistance = pose.distance * 0.2;
    this.controls.maxDistance = pose.distance * 2.2;
    this.controls.cursor.copy(this.frameCenter);
    this.controls.maxTargetRadius = Math.max(size.x, size.y) * 0.6;
    this.camera.far = pose.distance * 4 + size.length();
    this.camera.near = Math.max(0.1, pose.distance / 200);
    this.camera.updateProjectionMatrix();
    this.moveTo(new Vector3(pose.position.x, pose.position.y, pose.position.z), this.frameCenter.clone(), animate);
    this.userMoved = false;
  }

  /**
   * Adjusts the default view (a split pane's second fit pass, see ScenePane.refine): `zoom` times closer, then moved
   * by (right, up) world units in the screen's plane. The new view becomes the default (distance limits, focus).
   */
  reframe(zoom: number, right: number, up: number, animate: boolean): void {
    this.camera.updateMatrixWorld();
    const back = new Vector3().subVectors(this.camera.position, this.controls.target).normalize();
    this.fitDistance /= zoom;
    this.frameCenter
      .addScaledVector(new Vector3().setFromMatrixColumn(this.camera.matrixWorld, 0), right)
      .addScaledVector(new Vector3().setFromMatrixColumn(this.camera.matrixWorld, 1), up);
    this.controls.cursor.copy(this.frameCenter);
    const pos = this.frameCenter.clone().addScaledVector(back, this.fitDistance);
    this.moveTo(pos, this.frameCenter.clone(), animate);
  }

  /** Pixels per world unit at the default distance (drives the label size fit). */
  defaultPixelsPerUnit(heightPx: number): number {
    return pixelsPerUnit(this.fitDistance, this.camera.fov, heightPx);
  }

  /** Moves to look at a point from the default direction at a fraction of the default distance. */
  focus(point: Vector3, distanceFactor: number): void {
    const dir = new Vector3().subVectors(this.camera.position, this.controls.target).normalize();
    if (dir.lengthSq() === 0) dir.set(0, 0.24, 0.97);
    const d = this.fitDistance * distanceFactor;
    this.moveTo(point.clone().addScaledVector(dir, d), point.clone(), true);
    this.userMoved = true;
  }

  moveTo(pos: Vector3, target: Vector3, animate: boolean): void {
    if (!animate || this.reduced) {
      this.tween = null;
      this.camera.position.copy(pos);
      this.controls.target.copy(target);
      this.controls.update();
      return;
    }
    const move: CameraMove = {
      tween: new Tween({ k: 0 }).to({ k: 1 }, TWEEN_MS).easing(Easing.Cubic.InOut),
      fromPos: this.camera.position.clone(),
      fromTarget: this.controls.target.clone(),
      toPos: pos,
      toTarget: target,
      started: false,
    };
    move.tween.onUpdate(({ k }) => {
      this.camera.position.lerpVectors(move.fromPos, move.toPos, k);
      this.controls.target.lerpVectors(move.fromTarget, move.toTarget, k);
      this.camera.lookAt(this.controls.target);
    });
    this.tween = move;
  }

  /** Advances the tween (time in ms); returns true while it runs. */
  step(time: number): boolean {
    const tw = this.tween;
    if (!tw) return false;
    if (!tw.started) {
      tw.tween.start(time);
      tw.started = true;
    }
    // update() returns false once the tween has reached its end.
    if (!tw.tween.update(time)) this.finishTween();
    return true;
  }

  dispose(): void {
    this.controls.dispose();
  }

  private finishTween(): void {
    const tw = this.tween;
    if (!tw) return;
    this.tween = null;
    this.camera.position.copy(tw.toPos);
    this.controls.target.copy(tw.toTarget);
    // Sync the controls' internal spherical state without damping leftovers.
    const damping = this.controls.enableDamping;
    this.controls.enableDamping = false;
    this.controls.update();
    this.controls.enableDamping = damping;
  }
}
