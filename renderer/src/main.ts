import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-600.css';
import '@fontsource/inter/latin-700.css';
import '@fontsource/inter/latin-800.css';
import '@fontsource/inter/latin-600-italic.css';
// The theme colours, generated from electron/ipc/themeColors.ts by scripts/themeCss.ts; global.css uses them.
import 'virtual:theme-colors.css';
import './ui/styles/global.css';
import { mount } from 'svelte';
import App from './ui/App.svelte';
import { detectPlatform } from './platform';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
mount(App, { target, props: { platform: detectPlatform() } });
