/**
 * The benchmark's baseline: a bare three.js page with the app's renderer settings (antialias, pixel ratio capped at
 * 2, Lambert materials, the same three lights) and about as many boxes as a built-in stack, animating every frame.
 * It answers "how fast can this machine draw a scene of this size at all", so the app's figures are reported as
 * ratios to it, measured in the same run.
 */
import {
  AmbientLight,
  BoxGeometry,
  Color,
  DirectionalLight,
  HemisphereLight,
  Mesh,
  MeshLambertMaterial,
  PerspectiveCamera,
  Scene,
  WebGLRenderer,
} from 'three';

declare global {
  interface Window {
    benchBaseline: {
      frames: number;
      firstFrameAt: number | null;
      /** Stops and restarts the animation (the bench samples the baseline and the app in turn, never at once). */
      pause(): void;
      resume(): void;
    };
  }
}

// The same marks as the app's (renderer/src/firstFrame.ts), so the report can set the two start-ups side by side.
performance.mark('rmo:start');
const canvas = document.querySelector('canvas') as HTMLCanvasElement;
const renderer = new WebGLRenderer({ canvas, antialias: true, powerPreference: 'high-performance' });
performance.mark('rmo:renderer');
renderer.setPixelRatio(Math.min(globalThis.devicePixelRatio || 1, 2));
renderer.setClearColor(new Color(0x14171c));
const scene = new Scene();
scene.add(
  new HemisphereLight(0xffffff, 0x8a8a8a, 1.6),
  new DirectionalLight(0xffffff, 1.5),
  new AmbientLight(0xffffff, 0.85),
);
// 8 slabs and 24 blocks, like Hyper-V 2008's stack.
const slab = new BoxGeometry(30, 1.2, 10);
const block = new BoxGeometry(3.2, 1.6, 1.6);
for (let i = 0; i < 8; i++) {
  const m = new Mesh(slab, new MeshLambertMaterial({ color: new Color().setHSL(i / 8, 0.5, 0.5) }));
  m.position.set(0, i * 3, 0);
  scene.add(m);
}
for (let i = 0; i < 24; i++) {
  const m = new Mesh(block, new MeshLambertMaterial({ color: new Color().setHSL(i / 24, 0.7, 0.6) }));
  m.position.set(-12 + (i % 8) * 3.5, Math.floor(i / 8) * 6 + 1.4, 3);
  scene.add(m);
}
const camera = new PerspectiveCamera(35, 1, 0.1, 500);
let running = true;
window.benchBaseline = {
  frames: 0,
  firstFrameAt: null,
  pause: () => void (running = false),
  resume: () => {
    if (running) return;
    running = true;
    requestAnimationFrame(frame);
  },
};

function resize(): void {
  const w = canvas.clientWidth;
  const h = canvas.clientHeight;
  renderer.setSize(w, h, false);
  camera.aspect = w / h;
  camera.updateProjectionMatrix();
}
resize();
addEventListener('resize', resize);

function frame(now: number): void {
  const a = now / 4000;
  camera.position.set(Math.sin(a) * 20, 16, 55 + Math.cos(a) * 6);
  camera.lookAt(0, 9, 0);
  renderer.render(scene, camera);
  window.benchBaseline.frames++;
  if (window.benchBaseline.firstFrameAt === null) {
    window.benchBaseline.firstFrameAt = performance.now();
    performance.mark('rmo:first-frame');
  }
  if (running) requestAnimationFrame(frame);
}
requestAnimationFrame(frame);
