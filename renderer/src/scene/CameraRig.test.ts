import { describe, expect, it } from 'vitest';
import { Vector3 } from 'three';
import { CameraRig, TWEEN_MS } from './CameraRig';

/** The little of a DOM element OrbitControls touches when it connects and disposes. */
function fakeElement(): HTMLElement {
  const target = { addEventListener() {}, removeEventListener() {} };
  return {
    ...target,
    style: {},
    ownerDocument: target,
    getRootNode: () => target,
    clientWidth: 800,
    clientHeight: 500,
  } as unknown as HTMLElement;
}

/** A rig whose camera stands at (0, 0, 50), just told to move (animated when motion is not reduced) to `to`. */
function rigMovingTo(reducedMotion: boolean, to: Vector3, target: Vector3): CameraRig {
  const rig = new CameraRig(fakeElement(), reducedMotion);
  rig.camera.position.set(0, 0, 50);
  rig.moveTo(to, target, true);
  return rig;
}

describe('CameraRig moves', () => {
  it('eases to the destination over the tween time, then stops', () => {
    // Within the orbit limits (seen from above, not level), so the controls keep the pose as given.
    const to = new Vector3(10, 15, 30);
    const rig = rigMovingTo(false, to, new Vector3(10, 5, 0));
    expect(rig.tweening).toBe(true);
    expect(rig.step(1000)).toBe(true);
    rig.step(1000 + TWEEN_MS / 2);
    const mid = rig.camera.position.clone();
    expect(mid.x).toBeGreaterThan(0);
    expect(mid.x).toBeLessThan(10);
    rig.step(1000 + TWEEN_MS + 1);
    expect(rig.tweening).toBe(false);
    expect(rig.camera.position.distanceTo(to)).toBeLessThan(1e-6);
    expect(rig.step(3000)).toBe(false);
    rig.dispose();
  });

  it('cuts straight to the destination under reduced motion', () => {
    const to = new Vector3(4, 10, 20);
    const rig = rigMovingTo(true, to, new Vector3(4, 4, 0));
    expect(rig.tweening).toBe(false);
    expect(rig.camera.position.distanceTo(to)).toBeLessThan(1e-6);
    expect(rig.controls.enableDamping).toBe(false);
    rig.dispose();
  });
});
