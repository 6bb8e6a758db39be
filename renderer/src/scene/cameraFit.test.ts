import { describe, expect, it } from 'vitest';
import { PerspectiveCamera, Vector3 } from 'three';
import {
  DEFAULT_ELEVATION,
  FIT_MARGIN,
  PRESET_ANGLES,
  defaultPose,
  fillPane,
  fitDistance,
  pixelsPerUnit,
  presetPose,
  tightPose,
} from './cameraFit';
import { bandLines } from './LabelView';
import { bandLabel, mechanismLabel, paletteFor, ringLabel, KIND_STYLE } from './palette';
import { fixtureMicrokernel } from './testFixtures';

describe('camera framing', () => {
  it('fits a box: the visible width at the distance covers the box with a margin', () => {
    const fov = 30;
    const aspect = 1.6;
    const d = fitDistance(60, 20, 0, fov, aspect);
    const visibleH = 2 * d * Math.tan((fov / 2) * (Math.PI / 180));
    expect(visibleH * aspect).toBeGreaterThanOrEqual(60);
    expect(visibleH).toBeGreaterThanOrEqual(20);
    // A narrower canvas needs a farther camera.
    expect(fitDistance(60, 20, 0, fov, 0.8)).toBeGreaterThan(d);
  });

  it('looks at the box centre from slightly above and in front', () => {
    const pose = defaultPose({ x: -10, y: 0, z: -2 }, { x: 10, y: 12, z: 2 }, 30, 1.6);
    expect(pose.target).toEqual({ x: 0, y: 6, z: 0 });
    const dy = pose.position.y - pose.target.y;
    const dz = pose.position.z - pose.target.z;
    expect(dz).toBeGreaterThan(0);
    expect((Math.atan2(dy, dz) * 180) / Math.PI).toBeCloseTo(DEFAULT_ELEVATION);
    expect(pixelsPerUnit(pose.distance, 30, 800)).toBeGreaterThan(0);
  });

  it('camera presets look from their own angles and keep every corner of the box in view', () => {
    const min = { x: -20, y: 0, z: -4 };
    const max = { x: 20, y: 14, z: 4 };
    const aspect = 16 / 9;
    for (const preset of ['overview', 'front', 'side', 'top'] as const) {
      const pose = presetPose(preset, min, max, 30, aspect);
      const [dx, dy, dz] = ['x', 'y', 'z'].map((k) => pose.position[k as 'x'] - pose.target[k as 'x']) as number[];
      const elevation = (Math.atan2(dy!, Math.hypot(dx!, dz!)) * 180) / Math.PI;
      const azimuth = (Math.atan2(dx!, dz!) * 180) / Math.PI;
      expect(elevation, preset).toBeCloseTo(PRESET_ANGLES[preset].elevation, 5);
      expect(azimuth, preset).toBeCloseTo(PRESET_ANGLES[preset].azimuth, 5);
      const cam = new PerspectiveCamera(30, aspect, 0.1, 1000);
      cam.position.set(pose.position.x, pose.position.y, pose.position.z);
      cam.lookAt(pose.target.x, pose.target.y, pose.target.z);
      cam.updateMatrixWorld();
      for (const x of [min.x, max.x])
        for (const y of [min.y, max.y])
          for (const z of [min.z, max.z]) {
            const p = new Vector3(x, y, z).project(cam);
            expect(Math.abs(p.x), `${preset} x`).toBeLessThanOrEqual(1);
            expect(Math.abs(p.y), `${preset} y`).toBeLessThanOrEqual(1);
          }
    }
    expect(presetPose('overview', min, max, 30, aspect)).toEqual(defaultPose(min, max, 30, aspect));
  });
});

describe('tight framing (split view panes)', () => {
  it('shows every corner inside the margin, touches it on one axis, centred on both', () => {
    const [min, max] = [
      { x: -20, y: 0, z: -6 },
      { x: 20, y: 18, z: 6 },
    ];
    for (const aspect of [0.9, 1.8, 3.6]) {
      const pose = tightPose(min, max, 30, aspect);
      const cam = new PerspectiveCamera(30, aspect, 0.1, 1000);
      cam.position.set(pose.position.x, pose.position.y, pose.position.z);
      cam.lookAt(pose.target.x, pose.target.y, pose.target.z);
      cam.updateMatrixWorld();
      const ndc = [min.x, max.x].flatMap((x) =>
        [min.y, max.y].flatMap((y) => [min.z, max.z].map((z) => new Vector3(x, y, z).project(cam))),
      );
      const reach = Math.max(...ndc.map((p) => Math.max(Math.abs(p.x), Math.abs(p.y))));
      expect(reach).toBeCloseTo(1 / FIT_MARGIN, 3);
      // Centred on what is seen: the extents are symmetric on both axes.
      const xs = ndc.map((p) => p.x);
      const ys = ndc.map((p) => p.y);
      expect(Math.max(...xs) + Math.min(...xs)).toBeCloseTo(0, 3);
      expect(Math.max(...ys) + Math.min(...ys)).toBeCloseTo(0, 3);
    }
  });
});

describe('palette and labels', () => {
  it('names rings and bands as taught', () => {
    const vt = fixtureMicrokernel();
    expect(ringLabel('ring-1', vt)).toBe('ring -1 (VMX root)');
    expect(ringLabel('ring3', vt)).toBe('ring 3');
    expect(bandLabel('ring3', vt)).toBe('ring 3 — user');
    expect(bandLines(bandLabel('ring0', vt))).toEqual(['ring 0', 'kernel']);
    expect(mechanismLabel('vmexit')).toBe('▼ VM exit');
    expect(mechanismLabel('interrupt')).toBe('▲ interrupt');
  });

  it('gives every kind a glyph, and kinds that share a colour different glyphs', () => {
    const byColor = new Map<number, Set<string>>();
    for (const s of Object.values(KIND_STYLE)) {
      expect(s.glyph.length).toBeGreaterThan(0);
      const set = byColor.get(s.color) ?? new Set<string>();
      expect(set.has(s.glyph)).toBe(false);
      set.add(s.glyph);
      byColor.set(s.color, set);
    }
  });

  it('has a distinct background per theme, near-white for the projector', () => {
    const bgs = (['light', 'dark', 'projector'] as const).map((t) => paletteFor(t).background);
    expect(new Set(bgs).size).toBe(3);
    expect(paletteFor('projector').background).toBeGreaterThan(0xf0f0f0);
    expect(paletteFor('projector').slabOpacity).toBe(1);
  });
});

describe('fillPane', () => {
  const point = (at: number) => ({ at, lo: 0, hi: 0 });

  it('zooms bare geometry until it touches the margins, and centres it', () => {
    const f = fillPane([point(-50), point(30)], [point(-20), point(20)], 200, 400, 10);
    // 180 px of room for 80 px of geometry across: zoom 2.25; the height allows 9.5.
    expect(f.zoom).toBeCloseTo(2.25);
    expect(f.dx).toBeCloseTo(-(2.25 * 30 + 2.25 * -50) / 2);
    expect(f.dy).toBeCloseTo(0);
  });

  it('keeps room for labels, which do not grow with the zoom', () => {
    // A 40 px label hangs off the right end of the geometry: 180 - 40 = 140 px for the 80 px apart.
    const f = fillPane([point(-50), { at: 30, lo: -20, hi: 40 }], [point(0)], 200, 200, 10);
    expect(f.zoom).toBeCloseTo(140 / 80);
    const right = f.zoom * 30 + 40 + f.dx;
    const left = f.zoom * -50 + f.dx;
    expect(right).toBeCloseTo(90);
    expect(left).toBeCloseTo(-90);
  });

  it('leaves a picture with nothing apart as it is', () => {
    expect(fillPane([point(0)], [point(0)], 100, 100, 5)).toEqual({ zoom: 1, dx: -0, dy: -0 });
  });
});
