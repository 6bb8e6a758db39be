import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-600.css';
import '@fontsource/inter/latin-700.css';
import '@fontsource/inter/latin-800.css';
import '@fontsource/inter/latin-600-italic.css';
// The theme colours, generated from electron/ipc/themeColors.ts by scripts/themeCss.ts; global.css uses them.
import 'virtual:theme-colors.css';
import './ui/styles/global.css';
import { drawFirstStage } from './firstFrame';
import { readStartupSettings } from './platform/startup';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

// Start-up in two phases: the first 3D frame needs three.js, the scene, one architecture and three settings; the
// platform (with its schemas), the UI, the rest of the content and its cross-checks come in lazy chunks after that
// frame (issue 11: initial JS, first frame, blocking time).
const startup = readStartupSettings();
const first = await drawFirstStage(location.search, startup.first);
// A hidden window draws no frames: the app does not wait for one longer than this.
const FIRST_FRAME_WAIT_MS = 1000;
if (first) await Promise.race([first.drawn, new Promise((r) => setTimeout(r, FIRST_FRAME_WAIT_MS))]);
// One after the other: each chunk's code runs in a task of its own (issue 11: blocking time).
const { detectPlatform } = await import('./platform');
const platform = detectPlatform(startup);
const { startApp } = await import('./ui/start');
// The app's viewport adopts the first scene and releases its stand-in; without the app, the scene goes here.
if (!(await startApp(target, platform, first, first?.parsed))) first?.release();
